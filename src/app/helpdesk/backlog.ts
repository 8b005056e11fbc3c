// Deliveries the webhook could not handle — the script lock was busy, or a storage or quota error
// (Properties, Cache, Sheets, "Service invoked too many times") — are kept, never dropped: Meta
// does not deliver them again after our answer. They go, first that works, to:
//   1. the hidden sheet `Antrean Masuk` (`appendRow`: atomic, needs no lock, no pointer);
//   2. Script Properties (`q:in:*`, under 9 KB each, at most BACKLOG_PROPS_BUDGET in all);
//   3. CacheService (six hours), when Sheets and Properties both fail.
// A mark `q:in:waiting` tells `tick` (from Properties alone) that something waits; the backlog job
// also looks hourly. Each kept delivery is handled again under the lock, at most MAX_ATTEMPTS
// times; one that still fails is reported in Log Sistem with its reason, never dropped silently.

import type { ParsedWebhook } from '../../channels/types';
import { storeBytes, truncateUtf8, utf8Length } from '../../domain/text';
import { errorText } from '../../domain/trouble';
import { directCache } from '../../platform/cache';
import type { Ctx } from '../context';

export const BACKLOG_PREFIX = 'q:in:';
export const BACKLOG_WAITING_KEY = 'q:in:waiting';
const CACHE_INDEX_KEY = 'q:in:index';
/** Properties used by kept deliveries at most (the store's budget is 50 KB in all). */
export const BACKLOG_PROPS_BUDGET = 32 * 1024;
/**
 * One property value, in UTF-8 bytes, under Google's 9 KB (counted in bytes: an emoji is 4, a
 * Javanese or Arabic letter 3, not in JavaScript characters).
 */
const PROPS_CHUNK = 8000;
/** A kept message's text is cut to this many bytes (WhatsApp allows 4,096 characters). */
const TEXT_BYTES = 7000;
/** One cell (Sheets allows 50,000 characters). */
const CELL_CHUNK = 40000;
export const MAX_ATTEMPTS = 5;
const CACHE_SECONDS = 21600;

/** A delivery kept before its key could be checked (Script Properties unreadable). */
export interface RawDelivery {
  body: string;
  type: string;
  /** SHA-256 of the key the request carried (never the key itself). */
  keyHash: string;
}

export interface Kept {
  at: number;
  attempts: number;
  reason: string;
  payload: ParsedWebhook;
  raw?: RawDelivery;
}

export const NO_MESSAGES: ParsedWebhook = {
  ok: true,
  messages: [],
  statuses: [],
  errors: [],
  phoneNumberIds: [],
};

/** A delivery cut into pieces of at most `max` bytes (each a delivery of its own). */
export function splitPayload(parsed: ParsedWebhook, max: number): ParsedWebhook[] {
  const items: ParsedWebhook[] = [];
  const empty = (): ParsedWebhook => ({ ...parsed, messages: [], statuses: [], errors: [] });
  const errors = parsed.errors.filter((e) => utf8Length(JSON.stringify(e)) <= TEXT_BYTES);
  let current: ParsedWebhook = { ...empty(), errors };
  const size = (p: ParsedWebhook): number => utf8Length(JSON.stringify(p));
  const push = (): void => {
    items.push(current);
    current = empty();
  };
  for (const m of parsed.messages) {
    const copy = { ...m, text: truncateUtf8(m.text, TEXT_BYTES) };
    // JSON adds a comma between items: one byte each.
    if (current.messages.length > 0 && size(current) + utf8Length(JSON.stringify(copy)) + 1 > max) push();
    current.messages.push(copy);
  }
  for (const st of parsed.statuses.filter((x) => x.status === 'failed')) {
    if (size(current) + utf8Length(JSON.stringify(st)) + 1 > max) push();
    current.statuses.push(st);
  }
  push();
  return items.filter((p) => p.messages.length + p.statuses.length + p.errors.length > 0);
}

/**
 * Keeps a delivery for `tick`. Needs no lock. Returns where it went ('' when nowhere: then the
 * console has it, the last trace there is).
 */
export function keepDelivery(
  ctx: Ctx,
  parsed: ParsedWebhook,
  reason: string,
  attempts = 0,
  raw?: RawDelivery,
): 'sheet' | 'properties' | 'cache' | '' {
  const items: { payload: ParsedWebhook; raw?: RawDelivery }[] = raw
    ? [{ payload: NO_MESSAGES, raw }]
    : splitPayload(parsed, CELL_CHUNK).map((payload) => ({ payload }));
  if (items.length === 0) return 'sheet';
  const stamp = `${ctx.now}-${Math.floor(Math.random() * 1e9)}`;
  let where: 'sheet' | 'properties' | 'cache' | '' = '';
  try {
    const sheet = ctx.db.table('inboundQueue');
    for (const item of items) {
      sheet.sheet.appendRow(
        sheet.toValues({ at: new Date(ctx.now), attempts, reason, payload: JSON.stringify(item) }),
      );
    }
    where = 'sheet';
  } catch (err) {
    console.error(`backlog: Antrean Masuk unavailable (${errorText(err)})`);
  }
  if (!where && !raw) where = keepInProperties(ctx, parsed, reason, attempts, stamp) ? 'properties' : '';
  if (!where) where = keepInCache(ctx, parsed, reason, attempts, stamp, raw) ? 'cache' : '';
  try {
    ctx.props.setNow(BACKLOG_WAITING_KEY, String(ctx.now));
  } catch {
    // the backlog job also looks every hour
  }
  if (!where) console.error(`backlog: delivery lost (${reason}): ${JSON.stringify(parsed).slice(0, 4000)}`);
  return where;
}

function keepInProperties(
  ctx: Ctx,
  parsed: ParsedWebhook,
  reason: string,
  attempts: number,
  stamp: string,
): boolean {
  try {
    const used = storeBytes(ctx.props.all(), BACKLOG_PREFIX);
    const values = splitPayload(parsed, PROPS_CHUNK - 400).map((p) =>
      JSON.stringify({ at: ctx.now, attempts, reason: reason.slice(0, 200), payload: p } satisfies Kept),
    );
    const size = values.reduce((n, v) => n + utf8Length(v) + 40, 0);
    if (used + size > BACKLOG_PROPS_BUDGET) return false;
    values.forEach((v, i) => ctx.props.setNow(`${BACKLOG_PREFIX}${stamp}-${i}`, v));
    return true;
  } catch (err) {
    console.error(`backlog: Script Properties unavailable (${errorText(err)})`);
    return false;
  }
}

function keepInCache(
  ctx: Ctx,
  parsed: ParsedWebhook,
  reason: string,
  attempts: number,
  stamp: string,
  raw?: RawDelivery,
): boolean {
  try {
    const cache = directCache;
    const key = `${BACKLOG_PREFIX}${stamp}`;
    const kept: Kept = { at: ctx.now, attempts, reason, payload: parsed, ...(raw ? { raw } : {}) };
    cache.put(key, JSON.stringify(kept), CACHE_SECONDS);
    const index = JSON.parse(cache.get(CACHE_INDEX_KEY) ?? '[]') as string[];
    cache.put(CACHE_INDEX_KEY, JSON.stringify([...index, key].slice(-200)), CACHE_SECONDS);
    return true;
  } catch (err) {
    console.error(`backlog: CacheService unavailable (${errorText(err)})`);
    return false;
  }
}

/** Whether `tick` should look (from Properties alone). */
export function backlogWaiting(props: Record<string, string>): boolean {
  return Object.keys(props).some((k) => k.startsWith(BACKLOG_PREFIX));
}

/**
 * Takes every kept delivery out of its store, oldest first. The caller holds the lock and hands
 * back, with `keepDelivery`, what still fails.
 */
export function takeKept(ctx: Ctx): Kept[] {
  const out: Kept[] = [];
  const table = ctx.db.table('inboundQueue');
  const last = table.sheet.getLastRow();
  if (last >= 2) {
    for (const { rec } of table.readBlock(2, last - 1)) {
      try {
        const item = JSON.parse(String(rec.payload)) as { payload: ParsedWebhook; raw?: RawDelivery };
        out.push({
          at: rec.at instanceof Date ? rec.at.getTime() : ctx.now,
          attempts: Number(rec.attempts) || 0,
          reason: String(rec.reason ?? ''),
          payload: item.payload,
          ...(item.raw ? { raw: item.raw } : {}),
        });
      } catch {
        // a row edited by hand: nothing to handle
      }
    }
    table.sheet.getRange(2, 1, last - 1, table.width).clearContent();
  }
  for (const key of Object.keys(ctx.props.all()).sort()) {
    if (!key.startsWith(BACKLOG_PREFIX) || key === BACKLOG_WAITING_KEY) continue;
    const raw = ctx.props.getJson<Kept | ParsedWebhook>(key);
    ctx.props.remove(key);
    if (raw && 'payload' in raw) out.push(raw);
    else if (raw) out.push({ at: ctx.now, attempts: 0, reason: 'lock', payload: raw as ParsedWebhook });
  }
  ctx.props.remove(BACKLOG_WAITING_KEY);
  try {
    const cache = directCache;
    const index = JSON.parse(cache.get(CACHE_INDEX_KEY) ?? '[]') as string[];
    if (index.length > 0) {
      const found = cache.getAll(index);
      for (const key of index) if (found[key]) out.push(JSON.parse(found[key]) as Kept);
      cache.removeAll([...index, CACHE_INDEX_KEY]);
    }
  } catch {
    // the cache copy is a last resort; whatever it held stays there for the next run
  }
  return out.sort((a, b) => a.at - b.at);
}
