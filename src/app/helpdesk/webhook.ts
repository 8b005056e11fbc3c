// The web app: Meta's verification handshake (doGet) and the webhook (doPost). It checks the
// secret in the URL, never exposes data, never throws (an exception would show Google's error
// page), and always answers a small JSON body.

import { providerFor } from '../../channels';
import type { InboundMessage, ParsedWebhook, ProviderName, StatusEvent } from '../../channels/types';
import { LOG_STATUS } from '../../domain/broadcast';
import { maskAddress } from '../../domain/retention';
import { errorText } from '../../domain/trouble';
import { render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { scriptProperty } from '../../platform/props';
import { sha256Hex } from '../../platform/script';
import { jsonOutput, textOutput } from '../../platform/ui';
import { headerCacheKey, pointerCacheKey } from '../../store/db';
import { SHEETS } from '../../store/schema';
import { SECRET } from '../../store/settings';
import { recordCaseSendFailure } from '../cases/update';
import { CONFIG_CACHE_KEY } from '../config';
import { Ctx } from '../context';
import { deliver, providerName, sentRow } from '../messaging/sender';
import { Turn } from '../messaging/turn';
import { keepDelivery, MAX_ATTEMPTS, NO_MESSAGES, takeKept } from './backlog';
import { dedupeId, handleInbound, seenKey } from './conversation';
import { expireDueSessions } from './session-end';
import { conversationKeys, nextExpiryAt } from './state';
import { alertTeam, deliveryFailed, describeTrouble } from './trouble';

type WebEvent = GoogleAppsScript.Events.DoGet | GoogleAppsScript.Events.DoPost;

const BAD_KEY_LOG_KEY = 'log:badkey';

/** Compares secrets without an early exit on the first different character. */
export function sameSecret(given: string, expected: string): boolean {
  if (!expected || given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}

function param(e: WebEvent | undefined, name: string): string {
  const v = e && e.parameter ? (e.parameter as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
}

export function doGet(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.Content.TextOutput {
  try {
    if (param(e, 'hub.mode') === 'subscribe') {
      const token = scriptProperty(SECRET.verifyToken) ?? '';
      if (sameSecret(param(e, 'hub.verify_token'), token)) return textOutput(param(e, 'hub.challenge'));
      return textOutput('Forbidden');
    }
  } catch (err) {
    console.error(`doGet: ${String(err)}`);
  }
  return textOutput(render('health'));
}

export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  try {
    return jsonOutput(handlePost(e));
  } catch (err) {
    console.error(`doPost: ${String(err)}`);
    return jsonOutput({ ok: false });
  }
}

function handlePost(e: GoogleAppsScript.Events.DoPost): Record<string, unknown> {
  const ctx = new Ctx();
  const given = param(e, 'key');
  const body = e && e.postData ? e.postData.contents : '';
  const type = e && e.postData ? e.postData.type : '';
  let expected: string;
  let name: ProviderName;
  try {
    expected = ctx.props.get(SECRET.webhookKey) ?? '';
    name = providerName(ctx);
  } catch (err) {
    // Script Properties unreadable (their daily quota): the key cannot be checked now. The raw
    // delivery is kept with the key's hash; tick checks it and handles the delivery.
    keepUnchecked(ctx, given, body ?? '', type ?? '', err);
    return { ok: true, queued: true };
  }
  if (!sameSecret(given, expected)) {
    noteBadKey(ctx);
    return { ok: false };
  }
  const parsed = providerFor(name).parseWebhook(body ?? '', type ?? '');
  if (!parsed.ok) {
    console.warn(`doPost: ignored payload (${parsed.reason ?? 'unknown'})`);
    return { ok: true, ignored: true };
  }
  const expectedNumber = ctx.props.get(SECRET.phoneNumberId) ?? '';
  if (
    name === 'cloud' &&
    expectedNumber &&
    parsed.phoneNumberIds.length > 0 &&
    !parsed.phoneNumberIds.includes(expectedNumber)
  ) {
    console.warn('doPost: payload for another phone number id, ignored');
    return { ok: true, ignored: true };
  }
  const failed = parsed.statuses.filter((s) => s.status === 'failed');
  const expiryDue = (nextExpiryAt(ctx) ?? Infinity) <= ctx.now;
  // Sent/delivered/read statuses touch no sheet (they arrive constantly while chats are active).
  if (parsed.messages.length === 0 && failed.length === 0 && parsed.errors.length === 0 && !expiryDue) {
    return { ok: true };
  }
  let outcome: Processed;
  try {
    // One cache call for what every turn needs (configuration, header rows, the citizens'
    // conversations); the conversations again under the lock.
    ctx.cache.prefetch([
      CONFIG_CACHE_KEY,
      headerCacheKey(SHEETS.sessions.name),
      headerCacheKey(SHEETS.messages.name),
      ...POINTER_KEYS,
      ...conversationKeys(
        ctx,
        parsed.messages.map((m) => m.userKey),
      ),
    ]);
    outcome = withScriptLock(() => processPayload(ctx, parsed, name));
  } catch (err) {
    // The lock held too long by another execution (a long job), or a storage or quota error:
    // the whole delivery is kept for tick (what was done already is recognised as a re-delivery).
    deliveryFailed(ctx, parsed, err);
    return { ok: true, queued: true };
  }
  if (outcome.failed) {
    deliveryFailed(ctx, outcome.failed.payload, outcome.failed.error);
    return { ok: true, queued: true };
  }
  return { ok: true };
}

/** The cached copies of the append pointers a turn uses (read with the other keys). */
const POINTER_KEYS = [pointerCacheKey(SHEETS.sessions.name), pointerCacheKey(SHEETS.messages.name)];

export interface Processed {
  /** The messages whose handling threw, and the first error (they are kept for tick). */
  failed: { payload: ParsedWebhook; error: unknown } | null;
}

/** Handles messages, failed statuses and errors of one payload. The caller holds the lock. */
export function processPayload(ctx: Ctx, parsed: ParsedWebhook, name: ProviderName): Processed {
  const ids = parsed.messages.map((m) => dedupeId(ctx, m));
  ctx.cache.refresh([
    ...POINTER_KEYS,
    ...conversationKeys(
      ctx,
      parsed.messages.map((m) => m.userKey),
    ),
    ...ids.map(seenKey),
  ]);
  const turn = new Turn(ctx);
  expireDueSessions(ctx, turn);
  const failedMessages: InboundMessage[] = [];
  let firstError: unknown = null;
  for (const m of parsed.messages) {
    const mine = parsed.messages.filter((x) => x.userKey === m.userKey).map((x) => dedupeId(ctx, x));
    try {
      handleInbound(ctx, m, turn, mine);
    } catch (err) {
      failedMessages.push(m);
      if (firstError === null) firstError = err;
      ctx.log('GALAT', 'webhook', `Pesan ${m.id} tidak dapat diproses: ${errorText(err)}`);
    }
  }
  // Blue ticks: the citizen sees the message was received (Cloud API only; best effort).
  if (name === 'cloud') {
    for (const m of parsed.messages) {
      if (m.id && !m.id.startsWith('cloud-noid:')) deliver(ctx, { kind: 'read', messageId: m.id });
    }
  }
  for (const s of parsed.statuses) if (s.status === 'failed') recordFailedStatus(ctx, s);
  logErrors(ctx, parsed);
  turn.commit();
  ctx.flushLogs();
  return {
    failed:
      failedMessages.length > 0
        ? { payload: { ...parsed, messages: failedMessages, statuses: [], errors: [] }, error: firstError }
        : null,
  };
}

/** A delivery whose key could not be checked (Properties unreadable): kept raw, key hashed. */
function keepUnchecked(ctx: Ctx, given: string, body: string, type: string, err: unknown): void {
  const raw = { body: body.slice(0, 40000), type, keyHash: given ? sha256Hex(given) : '' };
  const trouble = describeTrouble(ctx, err);
  console.error(`doPost: Script Properties unavailable (${trouble.reason}); delivery kept unchecked`);
  const where = keepDelivery(ctx, NO_MESSAGES, `${trouble.label}: ${trouble.reason}`, 0, raw);
  alertTeam(ctx, { label: trouble.label, reason: trouble.reason, count: 1, where });
}

/**
 * The tick job's part: handles the kept deliveries, oldest first; one that fails again is kept
 * with one more attempt, and given up (and said so in Log Sistem) after MAX_ATTEMPTS. The caller
 * holds the lock.
 */
export function processBacklog(ctx: Ctx): number {
  const kept = takeKept(ctx);
  if (kept.length === 0) return 0;
  let name: ProviderName = providerName(ctx);
  let n = 0;
  const expected = ctx.props.get(SECRET.webhookKey) ?? '';
  for (const k of kept) {
    let payload = k.payload;
    if (k.raw) {
      // Kept before its key could be checked: check it now, then parse it.
      if (!expected || k.raw.keyHash !== sha256Hex(expected)) continue;
      name = providerName(ctx);
      const parsed = providerFor(name).parseWebhook(k.raw.body, k.raw.type);
      if (!parsed.ok) continue;
      payload = parsed;
    }
    const count = payload.messages.length;
    let error: unknown = null;
    let failed: ParsedWebhook | null = null;
    try {
      const outcome = processPayload(ctx, payload, name);
      if (outcome.failed) {
        failed = outcome.failed.payload;
        error = outcome.failed.error;
      }
    } catch (err) {
      failed = payload;
      error = err;
    }
    if (!failed) {
      n += count;
      if (k.reason) ctx.log('INFO', 'pesan-tertunda', ctx.t('backlogDoneLog', { count, reason: k.reason }));
      continue;
    }
    const attempt = k.attempts + 1;
    const reason = `${describeTrouble(ctx, error).label}: ${errorText(error)}`.slice(0, 500);
    if (attempt < MAX_ATTEMPTS) {
      keepDelivery(ctx, failed, reason, attempt);
      ctx.log(
        'PERINGATAN',
        'pesan-tertunda',
        ctx.t('backlogRetryLog', { count: failed.messages.length, number: attempt, reason }),
      );
    } else {
      const senders = [...new Set(failed.messages.map((m) => maskAddress(m.phone || m.userId)))].join(', ');
      ctx.log(
        'GALAT',
        'pesan-tertunda',
        ctx.t('backlogGaveUpLog', {
          count: failed.messages.length,
          number: attempt,
          reason,
          detail: senders,
        }),
      );
    }
  }
  return n;
}

/**
 * A failed status (131047, 131026 …) is recorded on the message it belongs to: a row of `Pesan`,
 * or of `Log Siaran` for a broadcast.
 */
function recordFailedStatus(ctx: Ctx, s: StatusEvent): void {
  const error = s.errors.map((x) => `${x.code} ${x.title}`.trim()).join('; ') || 'gagal';
  const row = sentRow(ctx, s.id) ?? findById(ctx, 'messages', s.id);
  if (row) {
    ctx.db.update('messages', row, { sendStatus: `gagal: ${error}` });
    recordCaseSendFailure(ctx, s.id, error);
  } else {
    const broadcastRow = findById(ctx, 'broadcastLog', s.id);
    if (broadcastRow) ctx.db.update('broadcastLog', broadcastRow, { status: LOG_STATUS.failed, error });
  }
  ctx.log('PERINGATAN', 'status', `Pesan ${s.id} gagal terkirim: ${error}`);
}

/** The row whose `ID Pesan` is `id` (one TextFinder search), or null. */
function findById(ctx: Ctx, key: 'messages' | 'broadcastLog', id: string): number | null {
  return ctx.db.table(key).findRow('messageId', id);
}

function logErrors(ctx: Ctx, parsed: ParsedWebhook): void {
  for (const err of parsed.errors) {
    ctx.log(
      'PERINGATAN',
      'webhook',
      `WhatsApp melaporkan galat ${err.code}: ${err.title} ${err.message}`.trim(),
    );
  }
}

/** A request with a wrong key is answered and ignored; logged at most once an hour. */
function noteBadKey(ctx: Ctx): void {
  console.warn('doPost: wrong or missing key');
  if (ctx.cache.getJson<number>(BAD_KEY_LOG_KEY) !== null) return;
  ctx.cache.putJson(BAD_KEY_LOG_KEY, 1, 3600);
  try {
    withScriptLock(() => {
      ctx.log('PERINGATAN', 'webhook', 'Permintaan webhook dengan kunci salah atau tanpa kunci diabaikan.');
      ctx.flushLogs();
    });
  } catch {
    // the log line is best effort
  }
}
