// Hand-over (issue 15): an officer moves an open session to another help-desk group, from the
// sidebar (`session.handover`) or the phone (`/alihkan <ID> <grup>`). Jenis/Bidang are corrected in
// the state and in `Sesi` (so the report counts the session under its final group, with
// `Dialihkan` counting the moves), the new group is notified, the citizen is told, the claim is
// released, and the session's clock keeps running unless `Alihkan Mulai Ulang Sesi` says Ya.
// After the chat ended, a case still open (Diterima, Diproses) moves the same way: its row's
// Jenis/Bidang (so reminders, escalation and the report follow), a `Tindak Lanjut` row, the new
// group notified, the citizen told as for any case update.

import { isCaseOpen } from '../../domain/cases';
import type { HelpdeskGroup } from '../../domain/handover';
import { HELPDESK_GROUPS, matchGroup } from '../../domain/handover';
import { groupFor } from '../../domain/types';
import { cellNumber } from '../../store/cells';
import type { RecordOf } from '../../store/schema';
import { deadlineText } from '../cases/calendar';
import type { CaseRow } from '../cases/store';
import { caseOf, findSessionById } from '../cases/store';
import { deliverToCitizen } from '../cases/update';
import { setting } from '../config';
import type { Ctx } from '../context';
import { sessionMinutes } from '../helpdesk/hours';
import { notifyOfficers } from '../helpdesk/notify';
import { openSession } from '../helpdesk/officer';
import { sendText } from '../helpdesk/replies';
import type { UserState } from '../helpdesk/state';
import { saveUser, scheduleExpiry } from '../helpdesk/state';
import type { Turn } from '../messaging/turn';

export type HandoverError = 'unknown' | 'closed' | 'group' | 'same';

export interface HandoverResult {
  ok: boolean;
  error?: HandoverError;
  /** The group moved to (or the one it already is in, for `same`). */
  group?: string;
  state?: UserState;
  /** A case moved after its chat ended: what `Dikirim ke Warga` says of the citizen's notice. */
  caseSent?: string;
}

/** Group names for messages: `Konsultasi Koperasi, Konsultasi UKM, …`. */
export function groupList(): string {
  return HELPDESK_GROUPS.map((g) => g.group).join(', ');
}

const restarts = (ctx: Ctx): boolean =>
  /^(ya|y|yes|true|1)$/i.test(setting(ctx.config, 'handoverRestartsSession'));

/** Moves the session; the caller holds the script lock and commits the turn. */
export function handOver(
  ctx: Ctx,
  sessionId: string,
  groupText: string,
  by: string,
  turn: Turn,
): HandoverResult {
  const target: HelpdeskGroup | null = matchGroup(groupText);
  const { state, error } = openSession(ctx, sessionId);
  if (error || !state) {
    // The chat ended: a case still open moves with its row.
    const row = findSessionById(ctx, sessionId);
    const found = row ? caseOf(row.row, row.rec, ctx.offset) : null;
    if (row && found && isCaseOpen(found.status)) {
      return target ? handOverCase(ctx, found, row.rec, target, by, turn) : { ok: false, error: 'group' };
    }
    return { ok: false, error: error === 'closed' || found ? 'closed' : 'unknown' };
  }
  if (!target) return { ok: false, error: 'group' };
  const from = state.jenis && state.bidang ? groupFor(state.jenis, state.bidang) : '';
  if (from === target.group) return { ok: false, error: 'same', group: target.group, state };
  state.jenis = target.jenis;
  state.bidang = target.bidang;
  state.handovers = (state.handovers ?? 0) + 1;
  // The first officer of the new group who answers owns it.
  state.officer = '';
  if (restarts(ctx) && state.connectedAt) {
    state.connectedAt = ctx.now;
    scheduleExpiry(ctx, ctx.now + sessionMinutes(ctx) * 60000);
  }
  ctx.db.update('sessions', state.row, {
    jenis: state.jenis,
    bidang: state.bidang,
    officer: '',
    handovers: state.handovers,
    ...(restarts(ctx) && state.connectedAt ? { connectedAt: new Date(state.connectedAt) } : {}),
  });
  sendText(
    state,
    ctx.t('handoverToCitizen', { sessionId: state.sessionId, group: target.group }),
    turn,
    'dialihkan',
  );
  notifyNewGroup(ctx, state, from, by, turn);
  saveUser(ctx, state);
  ctx.log(
    'INFO',
    'alihkan',
    `Sesi ${state.sessionId} dialihkan dari ${from || '-'} ke ${target.group} oleh ${by}.`,
  );
  return { ok: true, group: target.group, state };
}

/** Moves an open case whose chat has ended; the caller holds the script lock and commits the turn. */
function handOverCase(
  ctx: Ctx,
  found: CaseRow,
  rec: RecordOf<'sessions'>,
  target: HelpdeskGroup,
  by: string,
  turn: Turn,
): HandoverResult {
  const from = found.group;
  if (from === target.group) return { ok: false, error: 'same', group: target.group };
  const handovers = (cellNumber(rec.handovers) ?? 0) + 1;
  ctx.db.update('sessions', found.row, {
    jenis: target.jenis,
    bidang: target.bidang,
    officer: '',
    handovers,
  });
  const moved: CaseRow = {
    ...found,
    jenis: target.jenis,
    bidang: target.bidang,
    group: groupFor(target.jenis, target.bidang),
  };
  const delivery = deliverToCitizen(
    ctx,
    moved,
    found.status,
    ctx.t('caseHandoverCitizenNote', { group: target.group }),
    by,
    turn,
  );
  ctx.db.append('followUps', [
    {
      at: new Date(ctx.now),
      sessionId: found.id,
      officer: by,
      status: found.status,
      note: ctx.t('caseHandoverNote', { fromGroup: from || '-', group: target.group }),
      sentToCitizen: delivery.sent,
      messageId: delivery.messageId,
    },
  ]);
  notifyOfficers(
    ctx,
    {
      sessionId: found.id,
      jenis: target.jenis,
      bidang: target.bidang,
      topic: found.topic,
      name: found.name,
      firstMessage: '',
    },
    turn,
    {
      whatsapp: 'officerCaseHandoverNew',
      email: 'officerCaseHandoverEmail',
      vars: {
        group: target.group,
        fromGroup: from || '-',
        by,
        status: found.status,
        category: found.category,
        deadline: deadlineText(found.deadline),
        topic: found.topic || '-',
      },
    },
  );
  ctx.log(
    'INFO',
    'alihkan',
    `Kasus ${found.id} dialihkan dari ${from || '-'} ke ${target.group} oleh ${by}.`,
  );
  return { ok: true, group: target.group, caseSent: delivery.sent };
}

/** Only the new group's active officers are told (WhatsApp and/or email, as for a new session). */
function notifyNewGroup(ctx: Ctx, state: UserState, fromGroup: string, by: string, turn: Turn): void {
  if (!state.jenis || !state.bidang) return;
  notifyOfficers(ctx, state, turn, {
    whatsapp: 'officerHandoverNew',
    email: 'officerHandoverEmail',
    vars: {
      group: groupFor(state.jenis, state.bidang),
      fromGroup: fromGroup || '-',
      by,
      topic: state.topic || '-',
    },
  });
}
