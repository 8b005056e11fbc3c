// One session in the sidebar (DESIGN §3.4): its row of `Sesi` and its transcript from `Pesan`, and
// the officer's reply, close and note. Replies and closes go through helpdesk/officer.ts, the same
// path as replies relayed from an officer's phone.

import { MAX_NOTE, MAX_REPLY } from '../../api/forms';
import type { SessionActionResult, SessionView, TranscriptEntry } from '../../api/types';
import { isCaseOpen } from '../../domain/cases';
import { parseAttachment } from '../../domain/media';
import { minutesLeft, parseSessionId } from '../../domain/session';
import type { ClosedBy } from '../../domain/types';
import { DIRECTION, isClosedBy, SEND_STATUS } from '../../domain/types';
import { CLOSED_BY_LABELS, MEDIA_LABELS, render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { activeUserEmail } from '../../platform/user';
import { cellNumber, cellText, cellTime } from '../../store/cells';
import type { RecordOf } from '../../store/schema';
import type { Ctx } from '../context';
import { sessionMinutes } from '../helpdesk/hours';
import type { ReplyError } from '../helpdesk/officer';
import { officerClose, officerReply, openSession } from '../helpdesk/officer';
import type { UserState } from '../helpdesk/state';
import { conversationOfSession } from '../helpdesk/state';
import { Turn } from '../messaging/turn';

/** Rows of other sessions tolerated between two rows of a transcript before reading separately. */
const TRANSCRIPT_GAP = 40;
const MAX_TRANSCRIPT = 300;

type MessageRec = RecordOf<'messages'>;
type SessionRec = RecordOf<'sessions'>;

/** An epoch time as the sidebar gets it: ISO, '' for none. */
export const iso = (ms: number | null | undefined): string => (ms ? new Date(ms).toISOString() : '');

/** Who wrote a logged message, as the conversation shows it; null for copies sent to officers. */
export function authorOf(rec: MessageRec): TranscriptEntry['from'] | null {
  const direction = cellText(rec.direction);
  const sender = cellText(rec.sender);
  if (direction === DIRECTION.in) return sender === 'warga' || sender === '' ? 'warga' : null;
  if (direction !== DIRECTION.out || sender === 'sistem') return null;
  return sender === 'bot' || sender === '' ? 'bot' : 'petugas';
}

/** A session id as typed or stored, upper-cased; '' when it is not one. */
export function normaliseSessionId(text: unknown): string {
  const id = parseSessionId(String(text ?? ''));
  return id && id.length === String(text).trim().length ? id : '';
}

function stateOf(ctx: Ctx, id: string): UserState | null {
  const state = conversationOfSession(ctx, id);
  return state && state.sessionId.toUpperCase() === id ? state : null;
}

/** The session's row in `Sesi`: the remembered row when it still holds the id, else a TextFinder. */
export function findSessionRow(ctx: Ctx, id: string, hint = 0): { row: number; rec: SessionRec } | null {
  const table = ctx.db.table('sessions');
  if (hint >= 2) {
    const rec = table.readRow(hint);
    if (cellText(rec.id).toUpperCase() === id) return { row: hint, rec };
  }
  const row = table.findRow('id', id);
  return row ? { row, rec: table.readRow(row) } : null;
}

/** Rows of one session in `Pesan`, found with a TextFinder and read in as few blocks as possible. */
export function readTranscript(ctx: Ctx, id: string): TranscriptEntry[] {
  const table = ctx.db.table('messages');
  const rows = table.findRows('sessionId', id).slice(-MAX_TRANSCRIPT);
  const wanted = new Set(rows);
  const out: TranscriptEntry[] = [];
  const prefix = officerPrefix(ctx);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] - rows[j] <= TRANSCRIPT_GAP) j++;
    for (const { row, rec } of table.readBlock(rows[i], rows[j] - rows[i] + 1)) {
      if (!wanted.has(row) || cellText(rec.sessionId).toUpperCase() !== id) continue;
      const e = transcriptEntry(row, rec, prefix);
      if (e) out.push(e);
    }
    i = j + 1;
  }
  return out;
}

/** The text before an officer's words in what the citizen receives (`*Nama* (petugas …):\n`). */
function officerPrefix(ctx: Ctx): (name: string) => string {
  return (name) => ctx.t('officerReplyToCitizen', { name, text: '' });
}

export function transcriptEntry(
  row: number,
  rec: MessageRec,
  prefix: (name: string) => string = () => '',
): TranscriptEntry | null {
  const from = authorOf(rec);
  if (!from) return null;
  const type = cellText(rec.type);
  let text = cellText(rec.body);
  let media = '';
  const sender = cellText(rec.sender);
  if (from === 'warga' && type && text.startsWith(`[${type}]`)) {
    // Media are logged as "[image] caption (file.pdf) media:<id>": shown as kind + caption.
    media = MEDIA_LABELS[type] ?? type;
    text = text
      .slice(type.length + 2)
      .replace(/\s*media:\S+\s*$/, '')
      .trim();
  } else if (from === 'petugas') {
    const p = prefix(sender);
    if (p && text.startsWith(p)) text = text.slice(p.length);
  }
  return {
    row,
    at: iso(cellTime(rec.at)),
    from,
    sender: from === 'warga' ? '' : sender,
    media,
    text,
    status: from === 'warga' ? '' : cellText(rec.sendStatus),
    ...attachmentOf(rec, type),
  };
}

/** The `Lampiran` of a message, when it has one. */
function attachmentOf(rec: MessageRec, type: string): Pick<TranscriptEntry, 'attachment'> {
  const a = parseAttachment(cellText(rec.attachment));
  if (!a) return {};
  const filename = /\s\(((?:[^()]|\([^()]*\))*)\)\s*(?:media:\S+)?\s*$/.exec(cellText(rec.body))?.[1] ?? '';
  const label = MEDIA_LABELS[type] ?? type;
  return {
    attachment: {
      fileId: a.fileId,
      note: a.note,
      name: filename || label || 'lampiran',
      image: type === 'image' || type === 'sticker' || type === 'gambar',
    },
  };
}

/** `session.get`: the session with its full number and its transcript. */
export function getSession(ctx: Ctx, sessionId: string): SessionView {
  const id = normaliseSessionId(sessionId);
  const state = id ? stateOf(ctx, id) : null;
  const found = id ? findSessionRow(ctx, id, state ? state.row : 0) : null;
  if (!found) throw new Error(render('sidebarSessionUnknown', { sessionId: String(sessionId) }));
  const rec = found.rec;
  const open = !!state && state.phase === 'chat';
  const closed = cellText(rec.closedBy);
  const closedBy: ClosedBy | '' = isClosedBy(closed) ? closed : '';
  const connectedAt = open ? state.connectedAt : (cellTime(rec.connectedAt) ?? 0);
  return {
    sessionId: cellText(rec.id) || id,
    phone: cellText(rec.phone) || (state ? state.phone || state.userId : ''),
    name: cellText(rec.name) || (state ? state.name : ''),
    channel: cellText(rec.channel),
    jenis: cellText(rec.jenis),
    bidang: cellText(rec.bidang),
    topic: cellText(rec.topic),
    status: open ? state.status : cellText(rec.status),
    officer: cellText(rec.officer) || (state ? state.officer : ''),
    note: cellText(rec.note),
    startedAt: iso(cellTime(rec.startedAt)),
    connectedAt: iso(connectedAt),
    firstResponseAt: iso(cellTime(rec.firstResponseAt)),
    endedAt: iso(cellTime(rec.endedAt)),
    open,
    canHandOver: open || isCaseOpen(cellText(rec.caseStatus).trim()),
    closedBy,
    closedByLabel: closedBy ? CLOSED_BY_LABELS[closedBy] : '',
    minutesLeft: open && connectedAt ? minutesLeft(connectedAt, ctx.now, sessionMinutes(ctx)) : null,
    outOfHours: open ? state.outOfHours : rec.outOfHours === true,
    rating: cellNumber(rec.rating),
    ratingLabel: cellText(rec.ratingLabel),
    messages: readTranscript(ctx, id),
    me: currentOfficer(ctx),
    handovers: cellNumber(rec.handovers) ?? 0,
  };
}

/** The officer using the sidebar: their name in `Penanggung Jawab` by email, else the email. */
export function currentOfficer(ctx: Ctx): string {
  const email = activeUserEmail().trim();
  const lower = email.toLowerCase();
  const officer = lower
    ? ctx.config.officers.find((o) => o.email && o.email.toLowerCase() === lower)
    : undefined;
  return (officer && officer.name) || email || CLOSED_BY_LABELS.petugas;
}

/** Why a reply or close was refused, in words for the officer. */
function refusal(ctx: Ctx, id: string, error: ReplyError | undefined): string {
  if (error === 'empty') return render('sidebarReplyEmpty');
  const found = findSessionRow(ctx, id, stateOf(ctx, id)?.row ?? 0);
  if (!found) return render('sidebarSessionUnknown', { sessionId: id });
  const closed = cellText(found.rec.closedBy);
  return isClosedBy(closed)
    ? render('sidebarSessionClosed', { sessionId: id, closedBy: CLOSED_BY_LABELS[closed] })
    : render('sidebarSessionNotOpen', { sessionId: id });
}

/** `session.reply`: sends the officer's answer through the one sender and logs it. */
export function replyToSession(
  ctx: Ctx,
  sessionId: string,
  text: string,
  force = false,
): SessionActionResult {
  const body = typeof text === 'string' ? text.replace(/\r\n/g, '\n') : '';
  if (!body.trim()) return { ok: false, error: render('sidebarReplyEmpty') };
  if (body.length > MAX_REPLY) {
    return { ok: false, error: render('sidebarReplyTooLong', { count: body.length, max: MAX_REPLY }) };
  }
  const id = normaliseSessionId(sessionId);
  if (!id) return { ok: false, error: render('sidebarSessionUnknown', { sessionId: String(sessionId) }) };
  const officer = currentOfficer(ctx);
  return withScriptLock(() => {
    // helpdesk/officer.ts returns the state of a closed session along with its error: check first.
    const open = openSession(ctx, id);
    if (open.error) return { ok: false, error: refusal(ctx, id, open.error) };
    const owner = open.state ? open.state.officer : '';
    if (owner && owner !== officer && !force) {
      return {
        ok: false,
        claimedBy: owner,
        error: render('sidebarClaimed', { sessionId: id, officer: owner }),
      };
    }
    const turn = new Turn(ctx);
    const res = officerReply(ctx, id, officer, body.trim(), turn);
    turn.commit();
    ctx.flushLogs();
    if (!res.ok) return { ok: false, error: refusal(ctx, id, res.error) };
    const send = res.send;
    return {
      ok: true,
      sendStatus: send ? send.status : SEND_STATUS.sent,
      sendError: send && send.error ? send.error : '',
    };
  });
}

/** `session.close`: the officer ends the session (`Ditutup Oleh` = petugas). */
export function closeSession(ctx: Ctx, sessionId: string): SessionActionResult {
  const id = normaliseSessionId(sessionId);
  if (!id) return { ok: false, error: render('sidebarSessionUnknown', { sessionId: String(sessionId) }) };
  const officer = currentOfficer(ctx);
  return withScriptLock(() => {
    const open = openSession(ctx, id);
    if (open.error) return { ok: false, error: refusal(ctx, id, open.error) };
    const turn = new Turn(ctx);
    const res = officerClose(ctx, id, officer, turn);
    turn.commit();
    ctx.flushLogs();
    return res.ok ? { ok: true } : { ok: false, error: refusal(ctx, id, res.error) };
  });
}

/** `session.note`: the officer's note in `Catatan` (open or ended sessions). */
export function noteSession(ctx: Ctx, sessionId: string, note: string): SessionActionResult {
  const text = typeof note === 'string' ? note.replace(/\r\n/g, '\n') : '';
  if (text.length > MAX_NOTE) {
    return { ok: false, error: render('sidebarNoteTooLong', { count: text.length, max: MAX_NOTE }) };
  }
  const id = normaliseSessionId(sessionId);
  if (!id) return { ok: false, error: render('sidebarSessionUnknown', { sessionId: String(sessionId) }) };
  return withScriptLock(() => {
    const found = findSessionRow(ctx, id, stateOf(ctx, id)?.row ?? 0);
    if (!found) return { ok: false, error: render('sidebarSessionUnknown', { sessionId: id }) };
    ctx.db.update('sessions', found.row, { note: text.trim() });
    return { ok: true };
  });
}
