// The officers' inbox (DESIGN §3.4): waiting and active sessions from the live conversations (one
// read of the live window of `Sesi`, helpdesk/state.ts; none while nothing was logged), out-of-hours
// ones first, with unread counts kept from the rows
// appended to `Pesan` since the last look.

import type { InboxItem, InboxView, RecentItem } from '../../api/types';
import { maskPhone } from '../../domain/phone';
import { minutesLeft } from '../../domain/session';
import { zoneLabel } from '../../domain/time';
import { groupFor } from '../../domain/types';
import { cellText, cellTime } from '../../store/cells';
import type { Ctx } from '../context';
import { sessionMinutes } from '../helpdesk/hours';
import type { UserState } from '../helpdesk/state';
import { GENERATION_KEY, liveConversations } from '../helpdesk/state';
import { authorOf, currentOfficer, iso } from './session';

/** Unread counts per session and how far `Pesan` has been read for them (Script Properties). */
export const UNREAD_KEY = 'inbox:unread';
/** Sessions the unread counts are kept for at most (the newest activity first): a bounded value. */
export const UNREAD_MAX_SESSIONS = 120;
/** Rows read back the first time (no cursor yet) and at most per call (a long-closed sidebar). */
const FIRST_SCAN_ROWS = 500;
const MAX_SCAN_ROWS = 2000;
const RECENT_LIMIT = 10;
/** `Jenis Pesan` of the bot's message that connects a session to its group (helpdesk/conversation.ts). */
const CONNECTED_KIND = 'terhubung';
interface Tracked {
  unread: number;
  lastAt: number;
}

interface Tracker {
  cursor: number;
  sessions: Record<string, Tracked>;
}

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
  let end = ctx.db.storedPointer('messages');
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
  const mark = `${ctx.db.storedPointer('sessions')}/${ctx.db.storedPointer('messages')}`;
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
        handovers: u.handovers ?? 0,
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
  return {
    sessions: items,
    recent,
    now: iso(ctx.now),
    offset,
    zone: zoneLabel(offset),
    me: currentOfficer(ctx),
  };
}
