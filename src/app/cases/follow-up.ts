// "Perlu tindak lanjut": an officer marks a Konsultasi so that it becomes a case — when its chat
// ends if it is still open, at once if it already ended.

import type { GroupName } from '../../domain/types';
import { groupFor, isBidang, isJenis, SESSION_STATUS } from '../../domain/types';
import { cellText } from '../../store/cells';
import type { Ctx } from '../context';
import { conversationOfSession, saveUser } from '../helpdesk/state';
import { deadlineText } from './calendar';
import { openCaseOnRow } from './open';
import { findSessionById } from './store';

export function markFollowUp(
  ctx: Ctx,
  id: string,
  groups: readonly GroupName[] | null,
): { ok: boolean; message: string } {
  const refuse = { ok: false, message: ctx.t('caseFollowUpNotConsultation', { sessionId: id }) };
  const allowed = (jenis: unknown, bidang: unknown): boolean =>
    isJenis(jenis) && isBidang(bidang) && (!groups || groups.includes(groupFor(jenis, bidang)));
  const state = conversationOfSession(ctx, id);
  if (state && state.sessionId.toUpperCase() === id && state.phase === 'chat') {
    if (!allowed(state.jenis, state.bidang)) {
      return {
        ok: false,
        message: ctx.t('caseNotYours', { sessionId: id, group: state.jenis + ' ' + state.bidang }),
      };
    }
    if (state.jenis !== 'Konsultasi') return refuse;
    state.followUp = true;
    saveUser(ctx, state);
    return { ok: true, message: ctx.t('caseFollowUpMarked', { sessionId: id }) };
  }
  const found = findSessionById(ctx, id);
  if (!found) return { ok: false, message: ctx.t('caseUnknown', { sessionId: id }) };
  const { rec, row } = found;
  if (!allowed(rec.jenis, rec.bidang)) {
    return {
      ok: false,
      message: ctx.t('caseNotYours', {
        sessionId: id,
        group: `${cellText(rec.jenis)} ${cellText(rec.bidang)}`,
      }),
    };
  }
  if (
    cellText(rec.jenis) !== 'Konsultasi' ||
    cellText(rec.caseStatus) ||
    cellText(rec.status) !== SESSION_STATUS.ended
  ) {
    return refuse;
  }
  const deadline = openCaseOnRow(ctx, row, rec);
  if (!deadline) return refuse;
  return {
    ok: true,
    message: ctx.t('caseFollowUpOpened', { sessionId: id, deadline: deadlineText(deadline) }),
  };
}
