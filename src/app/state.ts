// A citizen's conversation state, durable in Script Properties (`u:<userKey>`), plus two small
// indexes: session id → user key (for officer replies and the sidebar) and the expiry schedule
// of connected sessions (so expiry needs no sheet scan).

import type { MenuState } from '../domain/menu';
import type { Bidang, Jenis, SessionStatus } from '../domain/types';
import type { Props } from '../platform/props';

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
  /** Row of the session in `Sesi`. */
  row: number;
  status: SessionStatus;
  channel: string;
  startedAt: number;
  connectedAt: number;
  firstResponseAt: number;
  endedAt: number;
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
}

/** The address to send to: the business-scoped user id for username users, else the number. */
export function addressOf(state: Pick<UserState, 'phone' | 'userId'>): string {
  return state.phone || state.userId;
}

const USER_PREFIX = 'u:';
const SESSION_PREFIX = 's:';
export const EXPIRY_KEY = 'idx:expiry';
export const SEQ_KEY = 'seq:session';
const MAX_IDS = 20;

export function userKeyProp(userKey: string): string {
  return USER_PREFIX + userKey;
}

export function loadUser(props: Props, userKey: string): UserState | null {
  return props.getJson<UserState>(userKeyProp(userKey));
}

export function saveUser(props: Props, state: UserState): void {
  props.setJson(userKeyProp(state.userKey), state);
}

export function deleteUser(props: Props, state: UserState): void {
  props.remove(userKeyProp(state.userKey));
  if (state.sessionId) props.remove(SESSION_PREFIX + state.sessionId);
  unscheduleExpiry(props, state.userKey);
}

export function linkSession(props: Props, sessionId: string, userKey: string): void {
  props.set(SESSION_PREFIX + sessionId, userKey);
}

export function unlinkSession(props: Props, sessionId: string): void {
  props.remove(SESSION_PREFIX + sessionId);
}

export function userOfSession(props: Props, sessionId: string): string | null {
  return props.get(SESSION_PREFIX + sessionId.toUpperCase());
}

export function rememberId(state: UserState, id: string): void {
  state.lastIds = [id, ...state.lastIds.filter((x) => x !== id)].slice(0, MAX_IDS);
}

/** Expiry schedule: userKey → expiry time (ms) of a connected session. */
export function expirySchedule(props: Props): Record<string, number> {
  return props.getJson<Record<string, number>>(EXPIRY_KEY) ?? {};
}

export function scheduleExpiry(props: Props, userKey: string, at: number): void {
  const s = expirySchedule(props);
  s[userKey] = at;
  props.setJson(EXPIRY_KEY, s);
}

export function unscheduleExpiry(props: Props, userKey: string): void {
  const s = expirySchedule(props);
  if (!(userKey in s)) return;
  delete s[userKey];
  props.setJson(EXPIRY_KEY, s);
}

/** Next session number of a month (HK-YYMM-NNNN restarts monthly); caller holds the lock. */
export function nextSessionSeq(props: Props, yymm: string): number {
  const key = `${SEQ_KEY}:${yymm}`;
  const n = Number(props.get(key) ?? '0') + 1;
  props.set(key, String(n));
  return n;
}

/** Every user state (for the sidebar inbox and the cleanup job). */
export function allUsers(props: Props): UserState[] {
  const out: UserState[] = [];
  for (const [k, v] of Object.entries(props.all())) {
    if (!k.startsWith(USER_PREFIX)) continue;
    try {
      out.push(JSON.parse(v) as UserState);
    } catch {
      // ignore a damaged entry; the cleanup job removes it
    }
  }
  return out;
}
