// The officers' inbox and conversation view (DESIGN §3.4): waiting and active sessions from the
// live conversations (one read of the live window of `Sesi`, helpdesk/state.ts), the transcript of one session from `Pesan`,
// and the officer's reply, close and note. Replies and closes go through app/officer.ts, the same
// path as replies relayed from an officer's phone.

import { maskPhone } from '../domain/phone';
import { minutesLeft, parseSessionId } from '../domain/session';
import { zoneLabel } from '../domain/time';
import type { ClosedBy } from '../domain/types';
import { groupFor, isClosedBy, DIRECTION, SEND_STATUS } from '../domain/types';
import { CLOSED_BY_LABELS, MEDIA_LABELS, render } from '../messages/id';
import { withScriptLock } from '../platform/lock';
import { cellNumber, cellText, cellTime } from '../store/cells';
import type { RecordOf } from '../store/schema';
import { SHEETS } from '../store/schema';
import type {
  InboxItem,
  InboxView,
  RecentItem,
  SessionActionResult,
  SessionView,
  TranscriptEntry,
} from '../api/types';
import type { Ctx } from './context';
import { sessionMinutes } from './helpdesk/hours';
import type { ReplyError } from './officer';
import { officerClose, officerReply, openSession } from './officer';
import type { UserState } from './helpdesk/state';
import { conversationOfSession, GENERATION_KEY, liveConversations } from './helpdesk/state';
import { Turn } from './turn';

/** Unread counts per session and how far `Pesan` has been read for them (Script Properties). */
export const UNREAD_KEY = 'inbox:unread';
/** Sessions the unread counts are kept for at most (the newest activity first): a bounded value. */
export const UNREAD_MAX_SESSIONS = 120;
/** The append pointer of `Pesan` kept by store/db.ts (`ptr:<sheet name>`). */
const MESSAGES_POINTER = `ptr:${SHEETS.messages.name}`;
/** Rows read back the first time (no cursor yet) and at most per call (a long-closed sidebar). */
const FIRST_SCAN_ROWS = 500;
const MAX_SCAN_ROWS = 2000;
/** Rows of other sessions tolerated between two rows of a transcript before reading separately. */
const TRANSCRIPT_GAP = 40;
const MAX_TRANSCRIPT = 300;
const RECENT_LIMIT = 10;
/** `Jenis Pesan` of the bot's message that connects a session to its group (app/helpdesk.ts). */
const CONNECTED_KIND = 'terhubung';
/** WhatsApp's limit on a text message body. */
export const MAX_REPLY = 4096;
export const MAX_NOTE = 5000;

type MessageRec = RecordOf<'messages'>;
type SessionRec = RecordOf<'sessions'>;

interface Tracked {
  unread: number;
  lastAt: number;
}

interface Tracker {
  cursor: number;
  sessions: Record<string, Tracked>;
}

const iso = (ms: number | null | undefined): string => (ms ? new Date(ms).toISOString() : '');

/** Longest WhatsApp user id shown whole in the list; longer ones keep their start and end. */
const USER_ID_SHOWN = 12;

/** A WhatsApp user id (username users have no number) shortened for the list: `US.a1b2…9f0e`. */
export function shortUserId(id: string): string {
  const text = String(id ?? '').trim();
  return text.length <= USER_ID_SHOWN ? text : `${text.slice(0, 6)}…${text.slice(-4)}`;
}

/** How the inbox shows who wrote: the number masked, else the user id shortened. */
export function listedAddress(state: Pick<UserState, 'phone' | 'userId'>): string {
  return state.phone ? maskPhone(state.phone) : shortUserId(state.userId);
}

/** Who wrote a logged message, as the conversation shows it; null for copies sent to officers. */
export function authorOf(rec: MessageRec): TranscriptEntry['from'] | null {
  const direction = cellText(rec.direction);
  const sender = cellText(rec.sender);
  if (direction === DIRECTION.in) return sender === 'warga' || sender === '' ? 'warga' : null;
  if (direction !== DIRECTION.out || sender === 'sistem') return null;
  return sender === 'bot' || sender === '' ? 'bot' : 'petugas';
}

/**
 * Reads the rows appended to `Pesan` since the last call (one getValues, none when nothing was
 * added) and updates the unread counts. The stored value is one consistent snapshot, so two
 * sidebars polling at once need no lock: the later write wins and at worst rows are read again.
 */
function trackMessages(ctx: Ctx, keep: Set<string>): Tracker {
  let stored: Tracker | null = null;
  try {
    const raw = ctx.props.get(UNREAD_KEY);
    stored = raw ? (JSON.parse(raw) as Tracker) : null;
  } catch {
    stored = null;
  }
  const table = ctx.db.table('messages');
  let end = Number(ctx.props.get(MESSAGES_POINTER) ?? '0');
  if (!(end >= 2)) end = table.sheet.getLastRow() + 1;
  const tracker: Tracker =
    stored && stored.sessions ? stored : { cursor: end - FIRST_SCAN_ROWS, sessions: {} };
  const start = Math.min(end, Math.max(2, tracker.cursor, end - MAX_SCAN_ROWS));
  let changed = !stored || tracker.cursor !== end;
  if (start < end) {
    for (const { rec } of table.readBlock(start, end - start)) {
      const id = cellText(rec.sessionId).toUpperCase();
      const from = id ? authorOf(rec) : null;
      if (!from) continue;
      const t = tracker.sessions[id] ?? (tracker.sessions[id] = { unread: 0, lastAt: 0 });
      const at = cellTime(rec.at) ?? 0;
      if (from === 'warga') t.unread += 1;
      // An officer's answer, or the bot's "connected" message that ends the menu, resets the count.
      else if (from === 'petugas' || cellText(rec.type) === CONNECTED_KIND) t.unread = 0;
      if (from !== 'bot') t.lastAt = Math.max(t.lastAt, at);
    }
  }
  for (const id of Object.keys(tracker.sessions)) {
    if (!keep.has(id)) {
      delete tracker.sessions[id];
      changed = true;
    }
  }
  const ids = Object.keys(tracker.sessions);
  if (ids.length > UNREAD_MAX_SESSIONS) {
    ids.sort((a, b) => tracker.sessions[b].lastAt - tracker.sessions[a].lastAt);
    for (const id of ids.slice(UNREAD_MAX_SESSIONS)) delete tracker.sessions[id];
    changed = true;
  }
  tracker.cursor = end;
  if (changed) ctx.props.set(UNREAD_KEY, JSON.stringify(tracker));
  return tracker;
}

function groupOf(state: UserState): string {
  return state.jenis && state.bidang ? groupFor(state.jenis, state.bidang) : '';
}

/** Cache of the inbox's conversations, valid while neither `Sesi` nor `Pesan` has grown. */
const LIST_CACHE_SECONDS = 600;

/**
 * The open and recently ended conversations. Every change to one is logged in `Pesan` (or starts a
 * row of `Sesi`), so while both append pointers stay where they were, the last list still holds and
 * a poll reads no sheet.
 */
function inboxConversations(ctx: Ctx): UserState[] {
  const key = `inbox:list:${ctx.props.get(GENERATION_KEY) ?? '0'}`;
  const mark = `${ctx.props.get(`ptr:${SHEETS.sessions.name}`) ?? ''}/${ctx.props.get(MESSAGES_POINTER) ?? ''}`;
  const cached = ctx.cache.getJson<{ mark: string; states: UserState[] }>(key);
  if (cached && cached.mark === mark && Array.isArray(cached.states)) return cached.states;
  const states = liveConversations(ctx).filter((u) => u && u.sessionId && u.phase !== 'menu');
  ctx.cache.putJson(key, { mark, states }, LIST_CACHE_SECONDS);
  return states;
}

/** `inbox.list`: waiting and active sessions, out-of-hours waiting ones first. */
export function listInbox(ctx: Ctx, group: string): InboxView {
  const users = inboxConversations(ctx);
  const keep = new Set(users.filter((u) => u.phase !== 'rating').map((u) => u.sessionId.toUpperCase()));
  const tracker = trackMessages(ctx, keep);
  const minutes = sessionMinutes(ctx);
  const wanted = (u: UserState): boolean => !group || groupOf(u) === group;

  const items: InboxItem[] = users
    .filter((u) => u.phase === 'chat' && wanted(u))
    .map((u) => {
      const t = tracker.sessions[u.sessionId.toUpperCase()];
      const last = Math.max(
        u.startedAt,
        u.connectedAt,
        u.firstResponseAt,
        u.lastInboundAt || 0,
        t ? t.lastAt : 0,
      );
      return {
        sessionId: u.sessionId,
        name: u.name,
        phone: listedAddress(u),
        jenis: u.jenis,
        bidang: u.bidang,
        topic: u.topic,
        group: groupOf(u),
        status: u.status,
        outOfHours: u.outOfHours && !u.firstResponseAt,
        waiting: !u.firstResponseAt,
        officer: u.officer,
        startedAt: iso(u.startedAt),
        lastActivityAt: iso(last),
        minutesLeft: u.connectedAt ? minutesLeft(u.connectedAt, ctx.now, minutes) : null,
        unread: t ? t.unread : 0,
      };
    });
  // The overnight queue first, oldest first (SOP 000 V.1: answered on the next working morning);
  // then everything else, newest activity first.
  items.sort((a, b) => {
    if (a.outOfHours !== b.outOfHours) return a.outOfHours ? -1 : 1;
    if (a.outOfHours) return a.startedAt.localeCompare(b.startedAt);
    return b.lastActivityAt.localeCompare(a.lastActivityAt);
  });

  const recent: RecentItem[] = users
    .filter((u) => u.phase === 'rating' && wanted(u))
    .sort((a, b) => b.endedAt - a.endedAt)
    .slice(0, RECENT_LIMIT)
    .map((u) => ({
      sessionId: u.sessionId,
      name: u.name,
      phone: listedAddress(u),
      jenis: u.jenis,
      bidang: u.bidang,
      topic: u.topic,
      group: groupOf(u),
      endedAt: iso(u.endedAt),
    }));
  const offset = ctx.offset;
  return { sessions: items, recent, now: iso(ctx.now), offset, zone: zoneLabel(offset) };
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
    closedBy,
    closedByLabel: closedBy ? CLOSED_BY_LABELS[closedBy] : '',
    minutesLeft: open && connectedAt ? minutesLeft(connectedAt, ctx.now, sessionMinutes(ctx)) : null,
    outOfHours: open ? state.outOfHours : rec.outOfHours === true,
    rating: cellNumber(rec.rating),
    ratingLabel: cellText(rec.ratingLabel),
    messages: readTranscript(ctx, id),
  };
}

/** The officer using the sidebar: their name in `Penanggung Jawab` by email, else the email. */
export function currentOfficer(ctx: Ctx): string {
  let email = '';
  try {
    email = (Session.getActiveUser().getEmail() || '').trim();
  } catch {
    email = '';
  }
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
export function replyToSession(ctx: Ctx, sessionId: string, text: string): SessionActionResult {
  const body = typeof text === 'string' ? text.replace(/\r\n/g, '\n') : '';
  if (!body.trim()) return { ok: false, error: render('sidebarReplyEmpty') };
  if (body.length > MAX_REPLY) {
    return { ok: false, error: render('sidebarReplyTooLong', { count: body.length, max: MAX_REPLY }) };
  }
  const id = normaliseSessionId(sessionId);
  if (!id) return { ok: false, error: render('sidebarSessionUnknown', { sessionId: String(sessionId) }) };
  const officer = currentOfficer(ctx);
  return withScriptLock(() => {
    // officer.ts returns the state of a closed session along with its error: check first.
    const open = openSession(ctx, id);
    if (open.error) return { ok: false, error: refusal(ctx, id, open.error) };
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
