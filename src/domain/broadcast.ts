/**
 * Broadcast rules (SOP 000 broadcast; DESIGN §3.8): who gets a template, which send failures are
 * retried, the daily quota and the throttling pause. Pure: plain data and a clock.
 */
import { isLikelyPhone, normalizePhone } from './phone';
import { addDays, localDateKey, localMs, parseHhMm } from './time';

/** How one row of `Log Siaran` ends up. `menunggu` rows are the queue still to send. */
export const LOG_STATUS = {
  pending: 'menunggu',
  sent: 'terkirim',
  /** Sent as the approved template (outside the 24-hour window). */
  sentTemplate: 'terkirim (template)',
  failed: 'gagal',
  skipped: 'dilewati',
  /** The execution stopped while this send was in flight: it may or may not have arrived. */
  uncertain: 'tidak pasti',
  cancelled: 'dibatalkan',
} as const;

export type LogStatus = (typeof LOG_STATUS)[keyof typeof LOG_STATUS];

/** Where a broadcast is: sending, paused (throttled), waiting for tomorrow's quota, done, cancelled. */
export type BroadcastState = 'berjalan' | 'jeda' | 'menunggu-kuota' | 'selesai' | 'dibatalkan';

/** The states in which a broadcast is still under way (the scheduler continues it). */
export const ACTIVE_BROADCAST_STATES: readonly BroadcastState[] = ['berjalan', 'jeda', 'menunggu-kuota'];

/** Sends per run and the time one run may spend sending (it holds the script lock). */
export const BATCH_MAX = 50;
export const TIME_BUDGET_MS = 12_000;

/** WhatsApp's customer service window, and a margin so a send never lands just past it. */
export const WINDOW_MS = 24 * 3_600_000;
export const WINDOW_MARGIN_MS = 15 * 60_000;

/**
 * Failures that mean "not sent, try later": HTTP 429 and 503, Graph 4 (app rate limit), 80007
 * (WABA rate limit), 130429 (throughput), 131056 (pair rate limit), 131016 and 133004 (service
 * unavailable). They pause the broadcast; the recipient stays in the queue.
 */
export const THROTTLE_CODES: readonly number[] = [429, 503, 4, 80007, 130429, 131056, 131016, 133004];

/** Server errors after which the message may or may not have gone out. */
export const AMBIGUOUS_CODES: readonly number[] = [1, 2, 131000];

/** Fetch errors raised before anything left Apps Script (quota, DNS): not sent. */
const NOT_SENT =
  /invoked too many times|bandwidth quota|dns|address unavailable|unknown ?host|unable to resolve/i;

/**
 * Refusals of the whole account or of the template, not of one recipient: invalid token (190),
 * permission (10, 131005), account locked or restricted (131031, 368), payment (131042), spam
 * limit (131048), template missing, paused or with wrong parameters (132000 …). Every next send
 * would fail the same way, so the broadcast halts (the recipient stays queued) until fixed.
 */
export const HALT_CODES: readonly number[] = [
  10, 190, 368, 131005, 131031, 131042, 131048, 132000, 132001, 132005, 132007, 132012, 132015, 132016,
];

/** Fonnte reasons that say the message was not taken (its failures carry no code). */
const FONNTE_THROTTLE = /rate.?limit|limit exceeded|too many|try again|later|busy|disconnect/i;
/** Fonnte reasons that need a person (top-up, new token). */
const FONNTE_HALT = /quota|insufficient|package|expired|token|unauthori[sz]ed/i;

/**
 * What a send result means for a broadcast:
 * - `sent`;
 * - `throttled`: certainly not sent; pause and send to the same recipient later;
 * - `halted`: the account or template is refused (see HALT_CODES): not sent; pause long and tell;
 * - `uncertain`: the request may have reached WhatsApp (time-out, network error, 5xx, 131000):
 *   recorded and never re-sent, so no one gets the broadcast twice; the broadcast pauses;
 * - `failed`: refused for this recipient (131047 outside the window, 131026 undeliverable,
 *   invalid number …): recorded, never retried blindly.
 */
export type SendClass = 'sent' | 'throttled' | 'halted' | 'failed' | 'uncertain';

/** The parts of a provider's send result the rules need. */
export interface SendResultLike {
  ok: boolean;
  errorCode: number;
  errorMessage: string;
  retryable: boolean;
}

export function classifySend(result: SendResultLike, provider: 'cloud' | 'fonnte'): SendClass {
  if (result.ok) return 'sent';
  const code = result.errorCode;
  if (THROTTLE_CODES.includes(code)) return 'throttled';
  if (HALT_CODES.includes(code)) return 'halted';
  if (provider === 'fonnte' && code === 0) {
    if (NOT_SENT.test(result.errorMessage) || FONNTE_THROTTLE.test(result.errorMessage)) return 'throttled';
    if (FONNTE_HALT.test(result.errorMessage)) return 'halted';
    return result.retryable ? 'uncertain' : 'failed';
  }
  if (code === 0 && NOT_SENT.test(result.errorMessage)) return 'throttled';
  if (code === 0 || AMBIGUOUS_CODES.includes(code) || (code >= 500 && code < 600)) return 'uncertain';
  return 'failed';
}

/** How long a halted broadcast waits before trying again (the team is told meanwhile). */
export const HALT_PAUSE_MS = 60 * 60_000;

/** Pause after the n-th throttled send in a row: 1, 2, 4 … 60 minutes. */
export function throttlePauseMs(consecutive: number): number {
  return Math.min(60, 2 ** Math.max(0, consecutive - 1)) * 60_000;
}

/**
 * Cloud API: a recipient whose last message to us is older than 24 hours (or unknown) is outside
 * the customer service window at `at` and can only get an approved template.
 */
export function outsideWindow(lastInboundAt: number | undefined, at: number): boolean {
  if (!lastInboundAt || !(lastInboundAt > 0)) return true;
  return at >= lastInboundAt + WINDOW_MS - WINDOW_MARGIN_MS;
}

export interface QuotaDay {
  /** Local date `yyyy-mm-dd` the count belongs to. */
  day: string;
  count: number;
}

/** Sends still allowed today under `Batas Siaran per Hari`; a limit ≤ 0 means no limit. */
export function quotaLeft(quota: QuotaDay | null, today: string, limit: number): number {
  if (!(limit > 0)) return Infinity;
  const used = quota && quota.day === today ? quota.count : 0;
  return Math.max(0, Math.floor(limit) - used);
}

/** The quota counter after `n` more sends at `today`. */
export function quotaAfter(quota: QuotaDay | null, today: string, n: number): QuotaDay {
  const used = quota && quota.day === today ? quota.count : 0;
  return { day: today, count: used + n };
}

/** When a broadcast stopped by the daily quota resumes: the next day at opening time. */
export function quotaResumeAt(now: number, offset: number, openTime: string): number {
  const minutes = parseHhMm(openTime) ?? 7 * 60;
  return localMs(addDays(localDateKey(now, offset), 1), minutes, offset);
}

/** How many to send in this run. */
export function batchSize(remaining: number, quota: number, max = BATCH_MAX): number {
  return Math.max(0, Math.min(remaining, quota, max));
}

/** Template body parameters may not hold new lines, tabs or more than 4 spaces in a row. */
export function templateParam(text: string, maxLength = 1000): string {
  const flat = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {4,}/g, '   ')
    .trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** The two body parameters of the broadcast template: {{1}} topic, {{2}} text. */
/** How many body variables the approved template has: {{1}} topic and {{2}} text, or fewer. */
export type TemplateShape = 2 | 1 | 0;

/** Reads the `Variabel Template Siaran` setting: 2 (topik + isi, default), 1 (isi) or 0. */
export function parseTemplateShape(text: string): TemplateShape {
  const t = String(text).trim();
  return t === '0' ? 0 : t === '1' ? 1 : 2;
}

export function templateParams(topic: string, body: string, shape: TemplateShape = 2): string[] {
  if (shape === 0) return [];
  if (shape === 1) return [templateParam(`${topic}: ${body}`, 1000)];
  return [templateParam(topic, 200), templateParam(body, 900)];
}

/** A stable key for a recipient: phone numbers by digits, user ids as given. */
export function recipientKey(address: string): string {
  const text = address.trim();
  return isLikelyPhone(text) ? normalizePhone(text) : text;
}

export interface BroadcastCounts {
  total: number;
  sent: number;
  templated: number;
  failed: number;
  skipped: number;
  uncertain: number;
}

/** Recipients not yet dealt with (still queued or paused). */
export function remaining(counts: BroadcastCounts): number {
  return Math.max(0, counts.total - counts.sent - counts.failed - counts.skipped - counts.uncertain);
}

/** Whole percent done, for the sidebar's progress bar. */
export function percentDone(counts: BroadcastCounts): number {
  if (counts.total <= 0) return 100;
  return Math.floor(((counts.total - remaining(counts)) / counts.total) * 100);
}
