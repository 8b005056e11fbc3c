// An officer updates a case (from a phone with `/kasus …` or from the sidebar's Kasus tab): the
// status on the session's row, one row in `Tindak Lanjut`, and the update sent to the citizen —
// as text inside the 24-hour window (always with Fonnte), as the approved template outside it.
// A refused send is written on the `Tindak Lanjut` row, never lost.

import type { CaseAction, CaseStatus, TransitionError } from '../../domain/cases';
import { CASE_STATUS, parseCategory, transition } from '../../domain/cases';
import { HOUR_MS } from '../../domain/time';
import type { GroupName } from '../../domain/types';
import { SEND_STATUS } from '../../domain/types';
import { setting } from '../config';
import type { Ctx } from '../context';
import { providerName } from '../messaging/sender';
import type { Turn } from '../messaging/turn';
import { deadlineCell, deadlineFor, deadlineText } from './calendar';
import type { CaseRow } from './store';
import { findCase } from './store';

/** The Cloud API's customer-service window, with a margin for clocks and slow deliveries. */
const WINDOW_MS = 24 * HOUR_MS - 15 * 60000;
/** Longest note kept and sent (a WhatsApp text holds 4096 characters). */
export const MAX_CASE_NOTE = 3000;

export interface CaseUpdateInput {
  id: string;
  officer: string;
  /** The officer's groups; null: any group (an editor of the spreadsheet without a group). */
  groups: readonly GroupName[] | null;
  action: CaseAction;
  text: string;
  toCitizen: boolean;
}

export type CaseUpdateError = TransitionError | 'notYours';

export interface CaseUpdateResult {
  ok: boolean;
  error?: CaseUpdateError;
  case?: CaseRow;
  status?: CaseStatus;
  deadline?: string;
  category?: string;
  /** What `Dikirim ke Warga` says. */
  sent?: string;
}

/** Applies one update. The caller holds the script lock and commits the turn. */
export function updateCase(ctx: Ctx, input: CaseUpdateInput, turn: Turn): CaseUpdateResult {
  const found = findCase(ctx, input.id);
  if (!found) return { ok: false, error: 'unknown' };
  if (input.groups && !(found.group && input.groups.includes(found.group))) {
    return { ok: false, error: 'notYours', case: found };
  }
  const text = input.text.replace(/\r\n/g, '\n').trim().slice(0, MAX_CASE_NOTE);
  const next = transition(found.status, input.action, text);
  if (!next.ok) return { ok: false, error: next.error, case: found };
  const at = new Date(ctx.now);
  if (input.action === 'kategori') {
    const category = parseCategory(text)!;
    const deadline = deadlineFor(ctx, found.openedAt || ctx.now, category);
    ctx.db.update('sessions', found.row, {
      caseCategory: category,
      caseDeadline: deadlineCell(ctx, deadline),
    });
    const sent = ctx.t('caseSentNo');
    ctx.db.append('followUps', [
      {
        at,
        sessionId: found.id,
        officer: input.officer,
        status: found.status,
        note: `Kategori: ${category}`,
        sentToCitizen: sent,
      },
    ]);
    return { ok: true, case: found, status: found.status, deadline, category, sent };
  }
  const status = next.status;
  const closing = status === CASE_STATUS.resolved || status === CASE_STATUS.rejected;
  ctx.db.update('sessions', found.row, { caseStatus: status, ...(closing ? { caseResolvedAt: at } : {}) });
  const note = text || ctx.t('caseNoteDefault');
  const delivery = input.toCitizen
    ? deliverToCitizen(ctx, found, status, note, input.officer, turn)
    : { sent: ctx.t('caseSentNo'), messageId: '' };
  ctx.db.append('followUps', [
    {
      at,
      sessionId: found.id,
      officer: input.officer,
      status,
      note,
      sentToCitizen: delivery.sent,
      messageId: delivery.messageId,
    },
  ]);
  return {
    ok: true,
    case: found,
    status,
    deadline: found.deadline,
    category: found.category,
    sent: delivery.sent,
  };
}

/** Sends an update to the case's citizen; what `Dikirim ke Warga` records. */
export function deliverToCitizen(
  ctx: Ctx,
  c: CaseRow,
  status: CaseStatus,
  note: string,
  officer: string,
  turn: Turn,
): { sent: string; messageId: string } {
  const to = c.phone;
  if (!to) return { sent: ctx.t('caseSentFailed', { reason: 'nomor tidak ada' }), messageId: '' };
  const meta = { sessionId: c.id, phone: to, sender: officer, kind: 'kasus' };
  const inWindow =
    providerName(ctx) === 'fonnte' || (c.citizenLastAt > 0 && ctx.now - c.citizenLastAt < WINDOW_MS);
  let outcome;
  if (inWindow) {
    let text = ctx.t('caseToCitizen', {
      sessionId: c.id,
      status,
      note,
      deadline: deadlineText(c.deadline),
    });
    if (
      status === CASE_STATUS.resolved &&
      !c.rating &&
      setting(ctx.config, 'caseRating').toUpperCase() !== 'TIDAK'
    ) {
      text += `\n\n${ctx.t('caseRatingAsk', { sessionId: c.id })}`;
    }
    outcome = turn.send({ kind: 'text', to, text }, meta);
  } else {
    const name = setting(ctx.config, 'caseTemplate');
    if (!name) {
      ctx.log(
        'PERINGATAN',
        'kasus',
        `Kabar kasus ${c.id} tidak terkirim: di luar jendela 24 jam, tanpa template.`,
      );
      return { sent: ctx.t('caseNoTemplate'), messageId: '' };
    }
    // Template variables hold no line breaks or long runs of spaces (Cloud API rule).
    const flat = note.replace(/\s+/g, ' ').slice(0, 900);
    outcome = turn.send(
      {
        kind: 'template',
        to,
        name,
        language: setting(ctx.config, 'caseTemplateLanguage') || 'id',
        params: [c.id, status, flat],
      },
      meta,
    );
    if (outcome.status === SEND_STATUS.sent)
      return { sent: ctx.t('caseSentTemplate'), messageId: outcome.messageId };
  }
  if (outcome.status === SEND_STATUS.sent)
    return { sent: ctx.t('caseSentYes'), messageId: outcome.messageId };
  if (outcome.status === SEND_STATUS.queued)
    return { sent: ctx.t('caseSentQueued', { reason: outcome.error }), messageId: outcome.messageId };
  return { sent: ctx.t('caseSentFailed', { reason: outcome.error }), messageId: outcome.messageId };
}

/**
 * A refusal reported later by a status webhook (131047 …) lands on the update's `Tindak Lanjut`
 * row as well as on its `Pesan` row. Returns true when the message was a case update.
 */
export function recordCaseSendFailure(ctx: Ctx, messageId: string, error: string): boolean {
  const table = ctx.db.tableIfExists('followUps');
  if (!table || !messageId) return false;
  const row = table.findRow('messageId', messageId);
  if (!row) return false;
  table.update(row, { sentToCitizen: ctx.t('caseSentFailed', { reason: error }) });
  return true;
}
