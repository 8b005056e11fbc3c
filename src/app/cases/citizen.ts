// The citizen asks about their case at any time: `STATUS <ID>` or `CEK <ID>` answers its status,
// last public update and deadline — for the citizen's own cases only (matched by user key); a
// foreign ID gets the same answer as an unknown one. `NILAI <ID> <1-4>` rates a resolved case
// (one rating per case, apart from the chat's rating).

import type { InboundMessage } from '../../channels/types';
import { CASE_STATUS, parseStatusCommand } from '../../domain/cases';
import { parseRating, ratingLabel } from '../../domain/rating';
import type { Ctx } from '../context';
import type { Turn } from '../messaging/turn';
import { deadlineText } from './calendar';
import { findCase, followUpsOf } from './store';

const RATING_COMMAND = /^\s*nilai\s+(HK-\d{4}-\d{4,})\s+(\S+)\s*$/i;

/** Handles STATUS / CEK / NILAI; false when the message is none of them. */
export function handleCitizenCaseCommand(ctx: Ctx, m: InboundMessage, turn: Turn): boolean {
  if (m.type !== 'text') return false;
  const statusId = parseStatusCommand(m.text);
  const rating = statusId ? null : RATING_COMMAND.exec(m.text);
  const id = statusId ?? (rating ? rating[1].toUpperCase() : '');
  if (!id) return false;
  const found = findCase(ctx, id);
  const own = found && found.userKey === m.userKey ? found : null;
  turn.inbound(m, own ? id : '', 'warga');
  const to = m.phone || m.userId;
  const reply = (text: string): void => {
    turn.send(
      { kind: 'text', to, text },
      { sessionId: own ? id : '', phone: to, sender: 'bot', kind: 'kasus' },
    );
  };
  if (!own) {
    reply(ctx.t('caseStatusUnknown', { sessionId: id }));
    return true;
  }
  // The citizen wrote: the 24-hour window is open again for updates as text.
  ctx.db.update('sessions', own.row, { citizenLastAt: new Date(ctx.now) });
  if (rating) {
    const value = parseRating({ text: rating[2] });
    if (own.status !== CASE_STATUS.resolved || own.rating || value === null) {
      reply(statusText(ctx, id));
      return true;
    }
    ctx.db.update('sessions', own.row, { caseRating: value });
    reply(ctx.t('caseRatingThanks', { sessionId: id, label: ratingLabel(value) }));
    return true;
  }
  reply(statusText(ctx, id));
  return true;

  function statusText(c: Ctx, caseId: string): string {
    const updates = followUpsOf(c, caseId).filter((u) => u.sent && u.sent !== c.t('caseSentNo'));
    const last = updates[updates.length - 1];
    return c.t('caseStatusAnswer', {
      sessionId: caseId,
      status: own!.status,
      note: last ? last.note : c.t('caseStatusNoUpdate'),
      deadline: deadlineText(own!.deadline),
    });
  }
}
