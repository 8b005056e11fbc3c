/** SOP 000 V.8–V.10: session ids and the 30-minute limit of a consultation. */
import { CLOSED_BY_LABELS } from '../messages/id';
import { formatLocal, MINUTE_MS } from './time';
import type { ClosedBy } from './types';

/** SOP 000 V.9: a consultation lasts at most 30 minutes (configurable). */
export const DEFAULT_SESSION_MINUTES = 30;

/** `YYMM` of the local month: session numbers restart at 1 each month. */
export function sessionPeriod(ms: number, offset: number): string {
  return formatLocal(ms, offset, 'yyMM');
}

/** `HK-YYMM-NNNN`, e.g. `HK-2611-0042`; numbers from 10000 on keep all their digits. */
export function formatSessionId(seq: number, ms: number, offset: number): string {
  if (!Number.isInteger(seq) || seq < 0) throw new RangeError(`invalid session sequence: ${seq}`);
  return `HK-${sessionPeriod(ms, offset)}-${String(seq).padStart(4, '0')}`;
}

const SESSION_ID = /\bHK-(\d{4})-(\d{4,})\b/i;

/** The first session id in a text (case-insensitive), upper-cased; null when there is none. */
export function parseSessionId(text: string | undefined | null): string | null {
  if (!text) return null;
  const m = SESSION_ID.exec(text);
  return m ? `HK-${m[1]}-${m[2]}` : null;
}

/** The text after a leading session id (`"HK-2611-0042 Selamat pagi"` → `"Selamat pagi"`). */
export function stripLeadingSessionId(text: string): string {
  return text.replace(/^\s*HK-\d{4}-\d{4,}\b[\s:,.\-–]*/i, '');
}

/** The moment (ms) a session connected at `connectedAt` ends. */
export function expiresAt(connectedAt: number, minutes: number = DEFAULT_SESSION_MINUTES): number {
  return connectedAt + minutes * MINUTE_MS;
}

/** SOP 000 V.9: expired from exactly `minutes` after it was connected. */
export function isExpired(
  connectedAt: number,
  now: number,
  minutes: number = DEFAULT_SESSION_MINUTES,
): boolean {
  return now >= expiresAt(connectedAt, minutes);
}

/** Whole minutes left, rounded up, never negative (29:01 left → 30, 0:01 → 1, expired → 0). */
export function minutesLeft(
  connectedAt: number,
  now: number,
  minutes: number = DEFAULT_SESSION_MINUTES,
): number {
  return Math.max(0, Math.ceil((expiresAt(connectedAt, minutes) - now) / MINUTE_MS));
}

/** How a `Ditutup Oleh` value reads for people. */
export function closedByLabel(closedBy: ClosedBy): string {
  return CLOSED_BY_LABELS[closedBy];
}

/** Whole minutes between two moments (for waiting time and session length in reports). */
export function durationMinutes(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round((toMs - fromMs) / MINUTE_MS));
}
