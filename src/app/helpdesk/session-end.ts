// How a session ends (SOP 000 V.9–V.11): by the citizen (SELESAI), by an officer, or by the
// 30-minute limit (`sesi-habis`, checked by tick and by every webhook). The citizen is told and
// asked for the rating; the officer who answered is told when it was not them.

import type { ClosedBy } from '../../domain/types';
import { SESSION_STATUS } from '../../domain/types';
import { CLOSED_BY_LABELS } from '../../messages/id';
import { caseOpening } from '../cases/open';
import type { Ctx } from '../context';
import type { Turn } from '../messaging/turn';
import { sessionMinutes } from './hours';
import { ratingLines, sendRatingQuestion } from './replies';
import type { UserState } from './state';
import { liveConversations, nextExpiryAt, saveUser, setNextExpiry, updateSessionRow } from './state';

/** SOP V.9–V.11: ends the session, tells the citizen, and asks for the rating. */
export function endSession(ctx: Ctx, state: UserState, closedBy: ClosedBy, turn: Turn): void {
  state.phase = 'rating';
  state.status = SESSION_STATUS.ended;
  state.endedAt = ctx.now;
  state.ratingRetries = 0;
  state.closedBy = closedBy;
  updateSessionRow(ctx, state, {
    status: SESSION_STATUS.ended,
    endedAt: new Date(ctx.now),
    closedBy,
    ...(state.officer ? { officer: state.officer } : {}),
  });
  // A complaint (or a consultation marked for follow-up) becomes a case: one more write.
  const opening = caseOpening(ctx, state, ctx.now);
  if (opening) updateSessionRow(ctx, state, opening.changes);
  const vars = { sessionId: state.sessionId, minutes: sessionMinutes(ctx) };
  const ended =
    closedBy === 'waktu habis'
      ? ctx.t('sessionTimeout', vars)
      : closedBy === 'petugas'
        ? ctx.t('sessionEndedByOfficer', vars)
        : ctx.t('sessionEndedByUser', vars);
  sendRatingQuestion(
    ctx,
    state,
    `${ended}${opening ? `\n\n${opening.text}` : ''}\n\n${ctx.t('ratingQuestion', { ...vars, choices: ratingLines() })}`,
    turn,
  );
  saveUser(ctx, state);
  if (closedBy !== 'petugas' && state.officer) {
    const officer = ctx.config.officers.find((o) => o.name === state.officer && o.whatsapp);
    if (officer) {
      turn.send(
        {
          kind: 'text',
          to: officer.whatsapp,
          text: ctx.t('officerSessionEnded', {
            sessionId: state.sessionId,
            closedBy: CLOSED_BY_LABELS[closedBy],
          }),
        },
        { sessionId: state.sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
      );
    }
  }
}

/**
 * Ends every connected session whose time is up (run by tick and by webhooks when `exp:next` has
 * come): one read of the live window, one row write per session ended.
 */
export function expireDueSessions(ctx: Ctx, turn: Turn): number {
  const due = nextExpiryAt(ctx);
  if (due === null || due > ctx.now) return 0;
  const ms = sessionMinutes(ctx) * 60000;
  let n = 0;
  let next: number | null = null;
  for (const state of liveConversations(ctx)) {
    if (state.phase !== 'chat' || !state.connectedAt) continue;
    const at = state.connectedAt + ms;
    if (at <= ctx.now) {
      endSession(ctx, state, 'waktu habis', turn);
      n++;
    } else if (next === null || at < next) next = at;
  }
  setNextExpiry(ctx, next);
  return n;
}
