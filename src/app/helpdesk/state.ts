// A citizen's conversation state (menu step, session, phase …), durable in the spreadsheet: the
// `Status Percakapan` cell of the conversation's own `Sesi` row (domain/conversation-cell.ts),
// written in the same setValues as the row's other changes. CacheService is the accelerator
// (`cv:<generation>:<userKey>`, one hour); a cache miss costs one TextFinder search of that
// column (plus one read of the cell found), never a scan.
//
// Script Properties keep only bounded marks: `live:from` (the lowest `Sesi` row that may hold a
// live conversation — the window the sidebar, expiry and cleanup read in one block), `exp:next`
// (the earliest end of a connected session, so a webhook or tick knows from Properties alone that
// nothing is due), `cv:gen` (bumped when rows move, which forgets every cached row number) and
// the monthly session counters.

import { decodeCell, doneCell, liveCell, lookupPattern } from '../../domain/conversation-cell';
import type { MenuState } from '../../domain/menu';
import type { Block } from '../../domain/retention';
import type { Bidang, ClosedBy, Jenis, SessionStatus } from '../../domain/types';
import { insideLock, registerLockParticipant } from '../../platform/lock';
import type { Changes } from '../../store/table';
import type { Ctx } from '../context';

export type Phase = 'menu' | 'chat' | 'rating';

export interface UserState {
  v: 1;
  userKey: string;
  phone: string;
  userId: string;
  name: string;
  phase: Phase;
  menu: MenuState;
  sessionId: string;
  /** Row of the session in `Sesi` (where this state is stored). */
  row: number;
  status: SessionStatus;
  channel: string;
  startedAt: number;
  connectedAt: number;
  firstResponseAt: number;
  endedAt: number;
  /** How the session ended (set with `endedAt`). */
  closedBy?: ClosedBy | '';
  jenis: Jenis | '';
  bidang: Bidang | '';
  topic: string;
  outOfHours: boolean;
  officer: string;
  firstMessage: string;
  ratingRetries: number;
  lastInboundAt: number;
  /** Recent inbound message ids, for de-duplication of re-deliveries. */
  lastIds: string[];
  /** A `Konsultasi` an officer marked "perlu tindak lanjut": it becomes a case when it ends. */
  followUp?: boolean;
  /** Hand-overs to another group (issue 15); absent in states saved before. */
  handovers?: number;
}

/** The address to send to: the business-scoped user id for username users, else the number. */
export function addressOf(state: Pick<UserState, 'phone' | 'userId'>): string {
  return state.phone || state.userId;
}

export const LIVE_FROM_KEY = 'live:from';
export const EXPIRY_NEXT_KEY = 'exp:next';
export const GENERATION_KEY = 'cv:gen';
export const SEQ_KEY = 'seq:session';
/** Keys of the former design (one property per citizen), moved into `Sesi` by `migrateLegacy`. */
export const LEGACY_USER_PREFIX = 'u:';
export const LEGACY_SESSION_PREFIX = 's:';
export const LEGACY_EXPIRY_KEY = 'idx:expiry';

/** The former design's property holding a citizen's state (migrated into `Sesi`). */
export function userKeyProp(userKey: string): string {
  return LEGACY_USER_PREFIX + userKey;
}

/** The former design's property linking a session id to its citizen's user key. */
export function sessionKeyProp(sessionId: string): string {
  return LEGACY_SESSION_PREFIX + sessionId;
}

/** The property counting a month's sessions (`yymm`: `2611`). */
export function sessionSeqKey(yymm: string): string {
  return `${SEQ_KEY}:${yymm}`;
}

const CACHE_SECONDS = 3600;
const MAX_IDS = 20;

/** What the cache (and this execution) knows of a citizen: a live state, or the ids of the last one. */
interface Known {
  row: number;
  s?: UserState;
  ids?: string[];
}

export interface Found {
  state: UserState | null;
  /** Ids of the citizen's conversation that ended (for de-duplication). */
  doneIds: string[];
}

type SessionChanges = Changes<'sessions'>;

class Store {
  /** userKey → what is known in this execution (null: no conversation found). */
  readonly known = new Map<string, Known | null>();
  /** Sesi row → staged changes and the values known around them (one update per row). */
  readonly pending = new Map<number, { changes: SessionChanges; known: SessionChanges }>();

  constructor(private readonly ctx: Ctx) {
    registerLockParticipant(
      {
        acquired: () => this.known.clear(),
        releasing: () => this.flush(),
      },
      { first: true },
    );
  }

  stage(row: number, changes: SessionChanges, known: SessionChanges): void {
    if (!(row >= 2)) return;
    const p = this.pending.get(row) ?? { changes: {}, known: {} };
    Object.assign(p.known, known);
    Object.assign(p.changes, changes);
    for (const k of Object.keys(p.changes)) delete (p.known as Record<string, unknown>)[k];
    this.pending.set(row, p);
    if (!insideLock()) this.flush();
  }

  flush(): void {
    const rows = [...this.pending.entries()];
    this.pending.clear();
    for (const [row, p] of rows) this.ctx.db.update('sessions', row, p.changes, p.known);
  }
}

const stores = new WeakMap<Ctx, Store>();

function store(ctx: Ctx): Store {
  let s = stores.get(ctx);
  if (!s) {
    s = new Store(ctx);
    stores.set(ctx, s);
  }
  return s;
}

function generation(ctx: Ctx): string {
  return ctx.props.get(GENERATION_KEY) ?? '0';
}

export function conversationCacheKey(ctx: Ctx, userKey: string): string {
  return `cv:${generation(ctx)}:${userKey}`.slice(0, 240);
}

function sessionCacheKey(ctx: Ctx, sessionId: string): string {
  return `cs:${generation(ctx)}:${sessionId.toUpperCase()}`;
}

/** One cache call for the conversations of a payload (outside the lock: with the configuration). */
export function conversationKeys(ctx: Ctx, userKeys: readonly string[]): string[] {
  return [...new Set(userKeys)].map((k) => conversationCacheKey(ctx, k));
}

function stateColumn(ctx: Ctx): number {
  return ctx.db.table('sessions').col('state');
}

/** The state found in a cell of row `row`, when it is the live state of `userKey` (if given). */
function stateOfCell(value: unknown, row: number, userKey?: string): UserState | null {
  const cell = decodeCell(value);
  if (cell.kind !== 'live') return null;
  if (userKey !== undefined && cell.userKey !== userKey) return null;
  const s = cell.state as UserState;
  if (!s || typeof s !== 'object' || typeof s.sessionId !== 'string') return null;
  return { ...s, userKey: cell.userKey, row, lastIds: Array.isArray(s.lastIds) ? s.lastIds : [] };
}

/**
 * End (exclusive) of the window for the reads of the whole window (not the webhook's search): the
 * append pointer, within the sheet's grid (a run killed while deleting rows can leave the
 * pointer behind until the archive job repairs it).
 */
function windowEnd(ctx: Ctx): number {
  return Math.min(ctx.db.nextRow('sessions'), ctx.db.table('sessions').sheet.getMaxRows() + 1);
}

/** First row of the window that may hold live conversations. */
function windowStart(ctx: Ctx): number {
  const n = Number(ctx.props.get(LIVE_FROM_KEY) ?? '0');
  return n >= 2 ? n : 2;
}

/**
 * The citizen's conversation: this execution's copy, the cache, a state left in the former
 * Script Properties, or one TextFinder search of `Status Percakapan` (matching the live cell of
 * the citizen and a done cell holding one of `ids`) plus one read of the cell it found.
 */
export function findConversation(ctx: Ctx, userKey: string, ids: readonly string[] = []): Found {
  const st = store(ctx);
  const local = st.known.get(userKey);
  if (local !== undefined) return found(local);
  const cached = ctx.cache.getJson<Known>(conversationCacheKey(ctx, userKey));
  if (cached && typeof cached.row === 'number') {
    st.known.set(userKey, cached);
    return found(cached);
  }
  const legacy = legacyState(ctx, userKey);
  if (legacy) {
    st.known.set(userKey, { row: legacy.row, s: legacy });
    saveUser(ctx, legacy);
    ctx.props.remove(LEGACY_USER_PREFIX + userKey);
    return { state: legacy, doneIds: [] };
  }
  const known = lookup(ctx, userKey, ids);
  st.known.set(userKey, known);
  return found(known);
}

function found(k: Known | null): Found {
  return { state: k && k.s ? { ...k.s, row: k.row } : null, doneIds: k && k.ids ? k.ids : [] };
}

function lookup(ctx: Ctx, userKey: string, ids: readonly string[]): Known | null {
  const col = stateColumn(ctx);
  if (!col) return null;
  const sheet = ctx.db.table('sessions').sheet;
  // Live cells are in the window: from `live:from` to the last row written (the append pointer).
  const from = windowStart(ctx);
  const end = ctx.db.nextRow('sessions');
  if (end <= from) return null;
  const matches = sheet
    .getRange(from, col, end - from, 1)
    .createTextFinder(lookupPattern(userKey, ids))
    .useRegularExpression(true)
    .matchCase(true)
    .findAll();
  if (matches.length === 0) return null;
  // The latest row wins: an older live cell of the same citizen is a leftover the cleanup clears.
  const cell = matches.reduce((a, b) => (b.getRow() > a.getRow() ? b : a));
  const row = cell.getRow();
  const value = cell.getValues()[0][0];
  const state = stateOfCell(value, row, userKey);
  if (state) return { row, s: state };
  const decoded = decodeCell(value);
  return decoded.kind === 'done' ? { row, ids: decoded.ids } : null;
}

/** Stores the state: its cell in the session's row (with the row's other changes) and the cache. */
export function saveUser(ctx: Ctx, state: UserState): void {
  rememberUser(ctx, state);
  store(ctx).stage(state.row, { state: liveCell(state.userKey, state) }, knownColumns(state));
}

/** Remembers a state already written with its row (a new session's append carries its cell). */
export function rememberUser(ctx: Ctx, state: UserState): void {
  const known: Known = { row: state.row, s: { ...state } };
  store(ctx).known.set(state.userKey, known);
  ctx.cache.putJson(conversationCacheKey(ctx, state.userKey), known, CACHE_SECONDS);
  // Officers reply to connected sessions by id: those find their citizen without a search.
  if (state.phase === 'chat')
    ctx.cache.putJson(sessionCacheKey(ctx, state.sessionId), state.userKey, CACHE_SECONDS);
}

/** The conversation is over: its cell keeps only the last message ids (for late re-deliveries). */
export function endConversation(ctx: Ctx, state: UserState): void {
  const st = store(ctx);
  const ids = state.lastIds.slice(0, 3);
  const known: Known = { row: state.row, ids };
  st.known.set(state.userKey, known);
  ctx.cache.putJson(conversationCacheKey(ctx, state.userKey), known, CACHE_SECONDS);
  ctx.cache.remove(sessionCacheKey(ctx, state.sessionId));
  st.stage(state.row, { state: doneCell(ids) }, knownColumns(state));
}

/** Other changes to a session's row, written together with its state in one call. */
export function updateSessionRow(
  ctx: Ctx,
  state: UserState,
  changes: SessionChanges,
  known: SessionChanges = {},
): void {
  store(ctx).stage(state.row, changes, { ...knownColumns(state), ...known });
}

/** Row values the state knows: they let one setValues span the columns between changed ones. */
function knownColumns(s: UserState): SessionChanges {
  const time = (ms: number): Date | string => (ms ? new Date(ms) : '');
  return {
    jenis: s.jenis,
    bidang: s.bidang,
    topic: s.topic,
    status: s.status,
    startedAt: time(s.startedAt),
    connectedAt: time(s.connectedAt),
    firstResponseAt: time(s.firstResponseAt),
    endedAt: time(s.endedAt),
    ...(s.closedBy !== undefined ? { closedBy: s.closedBy } : {}),
    officer: s.officer,
  };
}

export function rememberId(state: UserState, id: string): void {
  state.lastIds = [id, ...state.lastIds.filter((x) => x !== id)].slice(0, MAX_IDS);
}

/** The open conversation of a session id (sidebar, officer replies): cache, else one search. */
export function conversationOfSession(ctx: Ctx, sessionId: string): UserState | null {
  const id = sessionId.trim().toUpperCase();
  if (!id) return null;
  const userKey = ctx.cache.getJson<string>(sessionCacheKey(ctx, id));
  if (userKey) {
    const { state } = findConversation(ctx, userKey);
    if (state && state.sessionId.toUpperCase() === id) return state;
  }
  const table = ctx.db.table('sessions');
  const row = table.findRow('id', id);
  if (!row) return null;
  const col = table.col('state');
  if (!col) return null;
  const value = table.sheet.getRange(row, col, 1, 1).getValues()[0][0];
  const state = stateOfCell(value, row);
  if (!state || state.sessionId.toUpperCase() !== id) return null;
  // This execution's copy of the citizen is newer than the cell when it has one.
  const local = store(ctx).known.get(state.userKey);
  if (local !== undefined) {
    const current = found(local).state;
    return current && current.sessionId.toUpperCase() === id ? current : null;
  }
  store(ctx).known.set(state.userKey, { row, s: state });
  return state;
}

/**
 * Every live conversation: one read of `Status Percakapan` from `live:from` to the append
 * pointer, overlaid with what this execution changed. One state per citizen (their latest row).
 */
export function liveConversations(ctx: Ctx): UserState[] {
  const table = ctx.db.table('sessions');
  const col = table.col('state');
  const byKey = new Map<string, UserState>();
  if (col) {
    const from = windowStart(ctx);
    const end = windowEnd(ctx);
    if (end > from) {
      const values = table.sheet.getRange(from, col, end - from, 1).getValues();
      values.forEach((v, i) => {
        const s = stateOfCell(v[0], from + i);
        if (!s) return;
        const prev = byKey.get(s.userKey);
        if (!prev || prev.row < s.row) byKey.set(s.userKey, s);
      });
    }
  }
  for (const [key, k] of store(ctx).known) {
    if (!k) continue;
    if (k.s) {
      const prev = byKey.get(key);
      if (!prev || prev.row <= k.row) byKey.set(key, { ...k.s, row: k.row });
    } else if (byKey.get(key) && byKey.get(key)!.row <= k.row) byKey.delete(key);
  }
  for (const s of legacyStates(ctx)) if (!byKey.has(s.userKey)) byKey.set(s.userKey, s);
  return [...byKey.values()].sort((a, b) => a.row - b.row);
}

/** Leftover live cells of citizens who have a newer one (cleanup): rows below the window's states. */
export function staleLiveRows(ctx: Ctx, live: readonly UserState[]): number[] {
  const table = ctx.db.table('sessions');
  const col = table.col('state');
  if (!col) return [];
  const from = windowStart(ctx);
  const end = windowEnd(ctx);
  if (end <= from) return [];
  const latest = new Map(live.map((s) => [s.userKey, s.row]));
  const out: number[] = [];
  table.sheet
    .getRange(from, col, end - from, 1)
    .getValues()
    .forEach((v, i) => {
      const cell = decodeCell(v[0]);
      if (cell.kind === 'live' && latest.get(cell.userKey) !== from + i) out.push(from + i);
    });
  return out;
}

/** Clears a leftover live cell (the cleanup job). */
export function clearCell(ctx: Ctx, row: number): void {
  store(ctx).stage(row, { state: doneCell([]) }, {});
}

/** Moves the window's start to the first live conversation (or the end of `Sesi`). */
export function advanceWindow(ctx: Ctx, live: readonly UserState[]): number {
  const rows = live.map((s) => s.row).filter((r) => r >= 2);
  const from = rows.length > 0 ? Math.min(...rows) : ctx.db.nextRow('sessions');
  if (String(from) !== ctx.props.get(LIVE_FROM_KEY)) ctx.props.set(LIVE_FROM_KEY, String(from));
  return from;
}

/**
 * Rows of `Sesi` were deleted (archive, a citizen's data deleted): the states moved with their
 * rows; cached row numbers are forgotten (a new generation) and the window follows its rows.
 */
export function afterSessionRowsDeleted(ctx: Ctx, deleted: readonly Block[]): void {
  const from = windowStart(ctx);
  let shift = 0;
  for (const b of deleted) if (b.start < from) shift += Math.min(b.count, from - b.start);
  ctx.props.set(LIVE_FROM_KEY, String(Math.max(2, from - shift)));
  forgetCachedConversations(ctx);
}

/** Writes the staged row changes now (before rows of `Sesi` are deleted and the others move). */
export function flushSessionRows(ctx: Ctx): void {
  store(ctx).flush();
}

/** A citizen's data is being deleted: nothing of their conversation stays in cache or properties. */
export function forgetConversation(ctx: Ctx, state: UserState): void {
  ctx.cache.remove(conversationCacheKey(ctx, state.userKey));
  ctx.cache.remove(sessionCacheKey(ctx, state.sessionId));
  ctx.props.remove(LEGACY_USER_PREFIX + state.userKey);
  ctx.props.remove(LEGACY_SESSION_PREFIX + state.sessionId);
  store(ctx).known.delete(state.userKey);
  store(ctx).pending.delete(state.row);
}

export function forgetCachedConversations(ctx: Ctx): void {
  ctx.props.set(GENERATION_KEY, String(Number(generation(ctx)) + 1));
  store(ctx).known.clear();
}

/** A connected session's end is due at `at`: `exp:next` keeps the earliest. */
export function scheduleExpiry(ctx: Ctx, at: number): void {
  const next = nextExpiryAt(ctx);
  if (next === null || at < next) ctx.props.set(EXPIRY_NEXT_KEY, String(at));
}

/** The earliest end of a connected session, or null: lets tick and the webhook skip work cheaply. */
export function nextExpiryAt(ctx: Ctx): number | null {
  const n = Number(ctx.props.get(EXPIRY_NEXT_KEY) ?? '');
  return n > 0 ? n : null;
}

export function setNextExpiry(ctx: Ctx, at: number | null): void {
  if (at === null) ctx.props.remove(EXPIRY_NEXT_KEY);
  else if (String(at) !== ctx.props.get(EXPIRY_NEXT_KEY)) ctx.props.set(EXPIRY_NEXT_KEY, String(at));
}

/** Next session number of a month (HK-YYMM-NNNN restarts monthly); caller holds the lock. */
export function nextSessionSeq(ctx: Ctx, yymm: string): number {
  const key = sessionSeqKey(yymm);
  const n = Number(ctx.props.get(key) ?? '0') + 1;
  ctx.props.set(key, String(n));
  return n;
}

/** Monthly counters older than the previous month are dropped (the cleanup job). */
export function dropOldCounters(ctx: Ctx, currentYymm: string, previousYymm: string): void {
  for (const key of Object.keys(ctx.props.all())) {
    if (!key.startsWith(`${SEQ_KEY}:`)) continue;
    const yymm = key.slice(SEQ_KEY.length + 1);
    if (yymm !== currentYymm && yymm !== previousYymm) ctx.props.remove(key);
  }
}

// ---- the former design: one Script Property per citizen -----------------------------------------

function legacyState(ctx: Ctx, userKey: string): UserState | null {
  const s = ctx.props.getJson<UserState>(LEGACY_USER_PREFIX + userKey);
  return s && typeof s.sessionId === 'string' && s.row >= 2 ? { ...s, lastIds: s.lastIds ?? [] } : null;
}

function legacyStates(ctx: Ctx): UserState[] {
  const out: UserState[] = [];
  for (const key of Object.keys(ctx.props.all())) {
    if (!key.startsWith(LEGACY_USER_PREFIX)) continue;
    const s = legacyState(ctx, key.slice(LEGACY_USER_PREFIX.length));
    if (s) out.push(s);
  }
  return out;
}

export function hasLegacy(props: Record<string, string>): boolean {
  return Object.keys(props).some(
    (k) => k.startsWith(LEGACY_USER_PREFIX) || k.startsWith(LEGACY_SESSION_PREFIX) || k === LEGACY_EXPIRY_KEY,
  );
}

/**
 * Moves up to `limit` states of the former design into their `Sesi` rows (found again by session
 * id when rows moved) and drops their properties. Returns how many are left.
 */
export function migrateLegacy(ctx: Ctx, limit = 300): number {
  const keys = Object.keys(ctx.props.all());
  const users = keys.filter((k) => k.startsWith(LEGACY_USER_PREFIX));
  const table = ctx.db.table('sessions');
  let connected = false;
  for (const key of users.slice(0, limit)) {
    const s = legacyState(ctx, key.slice(LEGACY_USER_PREFIX.length));
    ctx.props.remove(key);
    if (!s) continue;
    let row = s.row;
    const idCol = table.col('id');
    const atRow = idCol ? table.sheet.getRange(row, idCol, 1, 1).getValues()[0][0] : '';
    if (String(atRow).trim().toUpperCase() !== s.sessionId.toUpperCase()) {
      row = table.findRow('id', s.sessionId) ?? 0;
    }
    if (!row) continue;
    const state = { ...s, row };
    saveUser(ctx, state);
    if (state.phase === 'chat' && state.connectedAt) connected = true;
    const from = Number(ctx.props.get(LIVE_FROM_KEY) ?? '0');
    if (!(from >= 2) || row < from) ctx.props.set(LIVE_FROM_KEY, String(row));
  }
  const left = users.length - Math.min(users.length, limit);
  // The expiry job derives the exact times from the window.
  if (connected) scheduleExpiry(ctx, ctx.now);
  if (left === 0) {
    for (const k of keys) {
      if (k.startsWith(LEGACY_SESSION_PREFIX) || k === LEGACY_EXPIRY_KEY) ctx.props.remove(k);
    }
  }
  return left;
}
