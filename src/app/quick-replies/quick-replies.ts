// Quick replies (issue 15): the team's canned answers in `Jawaban Cepat`, read when an officer asks
// for them (the sidebar's picker, `/j <kode>` from a phone) — never on a citizen's message.

import type { QuickReply, QuickReplyVariable } from '../../domain/quick-replies';
import { cleanQuickReplies, fillQuickReply } from '../../domain/quick-replies';
import { groupFor } from '../../domain/types';
import { cellText } from '../../store/cells';
import { MissingSheetError } from '../../store/db';
import type { Ctx } from '../context';
import type { UserState } from '../helpdesk/state';

/** Every usable row of `Jawaban Cepat` (one read); none when the sheet is missing. */
export function loadQuickReplies(ctx: Ctx): QuickReply[] {
  try {
    const rows = ctx.db.table('quickReplies').readAll();
    return cleanQuickReplies(
      rows.map(({ rec }) => ({
        code: cellText(rec.code),
        title: cellText(rec.title),
        body: cellText(rec.body).replace(/\r\n/g, '\n'),
        group: cellText(rec.group),
      })),
    );
  } catch (e) {
    if (e instanceof MissingSheetError) return [];
    throw e;
  }
}

/** The variables of one session: `{nama}`, `{id}`, `{petugas}`, `{topik}`, `{grup}`. */
export function quickReplyVars(
  state: Pick<UserState, 'name' | 'sessionId' | 'topic' | 'jenis' | 'bidang'>,
  officer: string,
): Record<QuickReplyVariable, string> {
  return {
    nama: state.name || 'Bapak/Ibu',
    id: state.sessionId,
    petugas: officer,
    topik: state.topic,
    grup: state.jenis && state.bidang ? groupFor(state.jenis, state.bidang) : '',
  };
}

export function renderQuickReply(reply: QuickReply, vars: Record<QuickReplyVariable, string>): string {
  return fillQuickReply(reply.body, vars);
}

/** The list an officer is shown when a code does not exist: `kode – judul` per line. */
export function quickReplyList(list: readonly QuickReply[], group = ''): string {
  const mine = list.filter((r) => !group || !r.group || r.group === group);
  return mine.map((r) => `• ${r.code}${r.title ? ` – ${r.title}` : ''}`).join('\n');
}
