// The officer's toolkit in the sidebar (issue 15): quick replies for the reply box and hand-over
// of a session to another group. Registered in app/api.ts.

import type { QuickReplyView, SessionActionResult } from '../../api/types';
import { HELPDESK_GROUPS } from '../../domain/handover';
import { searchQuickReplies } from '../../domain/quick-replies';
import { groupFor } from '../../domain/types';
import { render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import type { Ctx } from '../context';
import { handOver } from '../handover/handover';
import { openSession } from '../helpdesk/officer';
import { Turn } from '../messaging/turn';
import { loadQuickReplies, quickReplyVars, renderQuickReply } from '../quick-replies/quick-replies';
import { currentOfficer, normaliseSessionId } from './session';

const QUICK_REPLY_LIMIT = 50;

/** `quickReplies.list`: the replies of the session's group (and shared ones), filled for it. */
export function listQuickReplies(ctx: Ctx, sessionId: unknown, query: unknown): QuickReplyView {
  const id = normaliseSessionId(sessionId);
  const state = id ? (openSession(ctx, id).state ?? null) : null;
  const group = state && state.jenis && state.bidang ? groupFor(state.jenis, state.bidang) : '';
  const officer = currentOfficer(ctx);
  const found = searchQuickReplies(loadQuickReplies(ctx), typeof query === 'string' ? query : '', group);
  const vars = state
    ? quickReplyVars(state, officer)
    : { nama: '{nama}', id: '{id}', petugas: officer, topik: '{topik}', grup: '{grup}' };
  return {
    replies: found.slice(0, QUICK_REPLY_LIMIT).map((r) => ({
      code: r.code,
      title: r.title,
      text: renderQuickReply(r, vars),
      group: r.group,
    })),
    groups: HELPDESK_GROUPS.map((g) => g.group),
  };
}

/** `session.handover`: moves an open session, or an open case whose chat ended, to another group. */
export function handoverSession(ctx: Ctx, sessionId: unknown, group: unknown): SessionActionResult {
  const id = normaliseSessionId(sessionId);
  if (!id) return { ok: false, error: render('sidebarSessionUnknown', { sessionId: String(sessionId) }) };
  const wanted = typeof group === 'string' ? group : '';
  const officer = currentOfficer(ctx);
  return withScriptLock(() => {
    const turn = new Turn(ctx);
    const res = handOver(ctx, id, wanted, officer, turn);
    turn.commit();
    ctx.flushLogs();
    if (res.ok) return { ok: true };
    if (res.error === 'group')
      return { ok: false, error: render('sidebarHandoverUnknownGroup', { group: wanted }) };
    if (res.error === 'same') {
      return {
        ok: false,
        error: render('sidebarHandoverSameGroup', { sessionId: id, group: res.group ?? '' }),
      };
    }
    if (res.error === 'closed')
      return { ok: false, error: render('sidebarHandoverEnded', { sessionId: id }) };
    return { ok: false, error: render('sidebarSessionUnknown', { sessionId: id }) };
  });
}
