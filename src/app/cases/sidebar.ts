// The sidebar's Kasus tab: the open cases of the officer's groups (overdue first, with working
// days left), and the same updates as `/kasus` from a phone.

import type { ApiHandlers } from '../../api/handlers';
import type { CaseActionResult, CasesView, CaseUpdateRequest } from '../../api/types';
import type { CaseAction } from '../../domain/cases';
import { CASE_CATEGORIES, CASE_STATUS, workingDaysLeft } from '../../domain/cases';
import { parseSessionId } from '../../domain/session';
import type { GroupName } from '../../domain/types';
import { withScriptLock } from '../../platform/lock';
import { activeUserEmail } from '../../platform/user';
import type { Ctx } from '../context';
import { currentOfficer } from '../inbox/session';
import { Turn } from '../messaging/turn';
import { caseCalendar, todayYmd } from './calendar';
import { markFollowUp } from './follow-up';
import { caseResultText } from './phone';
import type { CaseRow } from './store';
import { caseOf, followUpsOf } from './store';
import { updateCase } from './update';

const ACTIONS: readonly CaseAction[] = ['proses', 'selesai', 'tolak', 'kategori'];

/** The sidebar user's groups by email; null for an editor who is in none (sees every group). */
export function groupsOfUser(ctx: Ctx): GroupName[] | null {
  const email = activeUserEmail().trim().toLowerCase();
  const groups = email
    ? ctx.config.officers.filter((o) => o.active && o.email.toLowerCase() === email).map((o) => o.group)
    : [];
  return groups.length > 0 ? groups : null;
}

/** Every open case (two exact-match searches on `Status Kasus`, one read of their rows). */
export function openCases(ctx: Ctx): CaseRow[] {
  const sessions = ctx.db.tableIfExists('sessions');
  if (!sessions || !sessions.col('caseStatus')) return [];
  const rows = sessions.findRowsAny('caseStatus', [CASE_STATUS.received, CASE_STATUS.inProgress]);
  return sessions
    .readRows(rows)
    .map(({ row, rec }) => caseOf(row, rec, ctx.offset))
    .filter((c): c is CaseRow => c !== null);
}

export function listCases(ctx: Ctx): CasesView {
  const groups = groupsOfUser(ctx);
  const cal = caseCalendar(ctx);
  const today = todayYmd(ctx);
  const cases = openCases(ctx)
    .filter((c) => !groups || (c.group !== '' && groups.includes(c.group)))
    .map((c) => ({
      sessionId: c.id,
      name: c.name,
      jenis: c.jenis,
      bidang: c.bidang,
      topic: c.topic,
      group: c.group,
      status: c.status,
      category: c.category,
      deadline: c.deadline,
      daysLeft: c.deadline ? workingDaysLeft(today, c.deadline, cal) : 0,
      lastNote: '',
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.sessionId.localeCompare(b.sessionId));
  // The last note of the first few (one search each): enough for the cards on screen.
  for (const item of cases.slice(0, 20)) {
    const updates = followUpsOf(ctx, item.sessionId);
    item.lastNote = updates.length ? updates[updates.length - 1].note : '';
  }
  return { cases, groups: groups ?? [], categories: [...CASE_CATEGORIES] };
}

export function sidebarUpdate(ctx: Ctx, req: CaseUpdateRequest): CaseActionResult {
  const id = parseSessionId(String(req.sessionId ?? ''));
  const action = ACTIONS.find((a) => a === req.action);
  if (!id || !action)
    return { ok: false, message: ctx.t('caseUnknown', { sessionId: String(req.sessionId ?? '') }) };
  const officer = currentOfficer(ctx);
  const groups = groupsOfUser(ctx);
  return withScriptLock(() => {
    const turn = new Turn(ctx);
    const res = updateCase(
      ctx,
      {
        id,
        officer,
        groups,
        action,
        text: typeof req.text === 'string' ? req.text : '',
        toCitizen: action !== 'kategori' && req.toCitizen !== false,
      },
      turn,
    );
    turn.commit();
    ctx.flushLogs();
    return { ok: res.ok, message: caseResultText(ctx, id, action, res) };
  });
}

export function sidebarFollowUp(ctx: Ctx, sessionId: string): CaseActionResult {
  const id = parseSessionId(String(sessionId ?? ''));
  if (!id) return { ok: false, message: ctx.t('caseUnknown', { sessionId: String(sessionId ?? '') }) };
  const groups = groupsOfUser(ctx);
  return withScriptLock(() => markFollowUp(ctx, id, groups));
}

type Names = 'cases.list' | 'cases.update' | 'cases.followUp';

export const CASE_HANDLERS: ApiHandlers<Ctx, Names> = {
  'cases.list': (ctx) => listCases(ctx),
  'cases.update': (ctx, req) => sidebarUpdate(ctx, req),
  'cases.followUp': (ctx, req) => sidebarFollowUp(ctx, req.sessionId),
};
