// The pages' one clock: the server's. Every answer of the bridge carries the server's time and the
// service's zone (`ServerClock`); between answers the time advances by the page's monotonic timer
// (`performance.now()`, which measures elapsed time and knows no date). The browser's own date and
// time zone are never read, so an officer whose laptop is a day off sees and submits the server's
// "today", and the playground's moved clock rules in its pages as Google's rules in Sheets.

import type { ServerClock } from '../../api/types';
import { JAKARTA_OFFSET, zoneLabel } from '../../domain/time';

interface Anchor {
  server: number;
  mono: number;
}

let anchor: Anchor | null = null;
let zoneOffset = JAKARTA_OFFSET;
let zoneName = zoneLabel(JAKARTA_OFFSET);
const zoneListeners: ((previous: number) => void)[] = [];
const readyListeners: (() => void)[] = [];

function isClock(v: unknown): v is ServerClock {
  if (!v || typeof v !== 'object') return false;
  const c = v as Partial<ServerClock>;
  return typeof c.now === 'string' && !isNaN(Date.parse(c.now));
}

/** Adopts the clock of a server answer (ignored when absent or malformed). */
export function adoptClock(clock: unknown, mono: number = performance.now()): void {
  if (!isClock(clock)) return;
  const first = anchor === null;
  anchor = { server: Date.parse(clock.now), mono };
  setZone(clock.offset, clock.zone);
  if (first) readyListeners.splice(0).forEach((fn) => fn());
}

/** Whether a server answer has told the time yet. */
export function clockKnown(): boolean {
  return anchor !== null;
}

/** Runs `fn` once the server's time is known (at once when it already is). */
export function whenClockKnown(fn: () => void): void {
  if (anchor) fn();
  else readyListeners.push(fn);
}

/**
 * The server's "now" in epoch ms: its last answer plus the time elapsed since. NaN before the first
 * answer (callers wait with `whenClockKnown`).
 */
export function serverNow(mono: number = performance.now()): number {
  if (!anchor) return NaN;
  return anchor.server + Math.max(0, mono - anchor.mono);
}

/** UTC offset in minutes of the service's zone. */
export function offset(): number {
  return zoneOffset;
}

/** `WIB`, `WITA`, `WIT` or `UTC+…`. */
export function zone(): string {
  return zoneName;
}

/** Calls `fn` with the previous offset whenever the zone changes. */
export function onZoneChange(fn: (previous: number) => void): void {
  zoneListeners.push(fn);
}

/** Adopts the zone the server reports; labels marked `.zone-label` follow it. */
export function setZone(minutes: unknown, label: unknown): void {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || Math.abs(minutes) > 840) return;
  const name = typeof label === 'string' && label ? label : zoneLabel(minutes);
  if (minutes === zoneOffset && name === zoneName) return;
  const previous = zoneOffset;
  zoneOffset = minutes;
  zoneName = name;
  if (typeof document !== 'undefined') {
    document.querySelectorAll<HTMLElement>('.zone-label').forEach((el) => (el.textContent = name));
  }
  for (const fn of zoneListeners) fn(previous);
}

/** Forgets the clock (tests). */
export function resetClock(): void {
  anchor = null;
  zoneOffset = JAKARTA_OFFSET;
  zoneName = zoneLabel(JAKARTA_OFFSET);
  zoneListeners.length = 0;
  readyListeners.length = 0;
}
