// The web app: Meta's verification handshake (doGet) and the webhook (doPost). It checks the
// secret in the URL, never exposes data, never throws (an exception would show Google's error
// page), and always answers a small JSON body.

import { providerFor } from '../../channels';
import type { ParsedWebhook, ProviderName, StatusEvent } from '../../channels/types';
import { LOG_STATUS } from '../../domain/broadcast';
import { render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { scriptProperty } from '../../platform/props';
import { jsonOutput, textOutput } from '../../platform/ui';
import { headerCacheKey } from '../../store/db';
import { SHEETS } from '../../store/schema';
import { SECRET } from '../../store/settings';
import { CONFIG_CACHE_KEY } from '../config';
import { Ctx } from '../context';
import { deliver, providerName, sentRow } from '../messaging/sender';
import { Turn } from '../messaging/turn';
import { dedupeId, handleInbound, seenKey } from './conversation';
import { expireDueSessions } from './session-end';
import { conversationKeys, nextExpiryAt } from './state';

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
  const expected = ctx.props.get(SECRET.webhookKey) ?? '';
  if (!sameSecret(param(e, 'key'), expected)) {
    noteBadKey(ctx);
    return { ok: false };
  }
  const body = e && e.postData ? e.postData.contents : '';
  const type = e && e.postData ? e.postData.type : '';
  const name = providerName(ctx);
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
  // One cache call for what every turn needs (configuration, header rows, the citizens'
  // conversations); the conversations again under the lock.
  ctx.cache.prefetch([
    CONFIG_CACHE_KEY,
    headerCacheKey(SHEETS.sessions.name),
    headerCacheKey(SHEETS.messages.name),
    ...conversationKeys(
      ctx,
      parsed.messages.map((m) => m.userKey),
    ),
  ]);
  try {
    withScriptLock(() => processPayload(ctx, parsed, name));
  } catch (err) {
    if (!isLockTimeout(err)) throw err;
    // Another execution held the lock too long (a long job): keep the delivery for the next tick
    // rather than lose it — Meta will not deliver it again after this answer.
    stashPayload(ctx, parsed);
    return { ok: true, queued: true };
  }
  return { ok: true };
}

/** Handles messages, failed statuses and errors of one payload. The caller holds the lock. */
export function processPayload(ctx: Ctx, parsed: ParsedWebhook, name: ProviderName): void {
  const ids = parsed.messages.map((m) => dedupeId(ctx, m));
  ctx.cache.refresh([
    ...conversationKeys(
      ctx,
      parsed.messages.map((m) => m.userKey),
    ),
    ...ids.map(seenKey),
  ]);
  const turn = new Turn(ctx);
  expireDueSessions(ctx, turn);
  for (const m of parsed.messages) {
    const mine = parsed.messages.filter((x) => x.userKey === m.userKey).map((x) => dedupeId(ctx, x));
    try {
      handleInbound(ctx, m, turn, mine);
    } catch (err) {
      ctx.log('GALAT', 'webhook', `Pesan ${m.id} tidak dapat diproses: ${String(err)}`);
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
}

export const BACKLOG_PREFIX = 'q:in:';
const BACKLOG_CHUNK = 8000;

function isLockTimeout(err: unknown): boolean {
  return /lock timeout/i.test(String((err as Error)?.message ?? err));
}

/** Keeps a delivery in Script Properties (chunks under the 9 KB value limit) for `tick`. */
export function stashPayload(ctx: Ctx, parsed: ParsedWebhook): void {
  const items: ParsedWebhook[] = [];
  let current: ParsedWebhook = { ...parsed, messages: [], statuses: [], errors: parsed.errors };
  const size = (p: ParsedWebhook): number => JSON.stringify(p).length;
  const push = (): void => {
    items.push(current);
    current = { ...parsed, messages: [], statuses: [], errors: [] };
  };
  for (const m of parsed.messages) {
    const copy = { ...m, text: m.text.slice(0, 2500) };
    if (current.messages.length > 0 && size(current) + JSON.stringify(copy).length > BACKLOG_CHUNK) push();
    current.messages.push(copy);
  }
  for (const st of parsed.statuses.filter((x) => x.status === 'failed')) {
    if (size(current) + JSON.stringify(st).length > BACKLOG_CHUNK) push();
    current.statuses.push(st);
  }
  push();
  const stamp = `${ctx.now}-${Math.floor(Math.random() * 1e9)}`;
  items.forEach((item, i) => ctx.props.setJson(`${BACKLOG_PREFIX}${stamp}-${i}`, item));
  console.warn(`doPost: lock busy, ${parsed.messages.length} message(s) kept for the next tick`);
}

/** The tick job's part: handles kept deliveries, oldest first. The caller holds the lock. */
export function processBacklog(ctx: Ctx): number {
  const keys = Object.keys(ctx.props.all())
    .filter((k) => k.startsWith(BACKLOG_PREFIX))
    .sort();
  const name = providerName(ctx);
  let n = 0;
  for (const key of keys) {
    const parsed = ctx.props.getJson<ParsedWebhook>(key);
    ctx.props.remove(key);
    if (!parsed) continue;
    processPayload(ctx, parsed, name);
    n += parsed.messages.length;
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
  if (row) ctx.db.update('messages', row, { sendStatus: `gagal: ${error}` });
  else {
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
