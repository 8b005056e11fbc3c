// CacheService: fast, shared, and allowed to forget. Never the only copy of anything. Keys can be
// fetched together (one getAll); inside the script lock, puts and removals are buffered and sent
// in one putAll / removeAll when the lock is released.

import { utf8Length } from '../domain/text';
import { insideLock, registerLockParticipant } from './lock';

export interface Cache {
  /** Fetches several keys in one call; later `getJson` of them needs no call. */
  prefetch(keys: string[]): void;
  /** Like prefetch, but fetches again keys already known. */
  refresh(keys: string[]): void;
  getJson<T>(key: string): T | null;
  putJson(key: string, value: unknown, seconds: number): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

const MAX_VALUE = 100 * 1024;
const MAX_KEY = 250;

/** The first CacheService error of this execution (reads failed as misses), for the log. */
let firstFailure: string | null = null;

function noteFailure(e: unknown): void {
  if (firstFailure === null) firstFailure = String((e as Error)?.message ?? e);
  console.error(`CacheService: ${firstFailure}`);
}

export function cacheFailure(): string | null {
  return firstFailure;
}

export function scriptCache(): Cache {
  const cache = CacheService.getScriptCache();
  /** Known values: a string, or null for a known miss. */
  const local = new Map<string, string | null>();
  const puts = new Map<string, { value: string; seconds: number }>();
  const removals = new Set<string>();
  registerLockParticipant({
    acquired() {
      // Values read before the lock stay usable (configuration, header rows); what must be fresh
      // under the lock is fetched again with `refresh`.
    },
    releasing() {
      const bySeconds = new Map<number, Record<string, string>>();
      for (const [key, { value, seconds }] of puts) {
        const group = bySeconds.get(seconds) ?? {};
        group[key] = value;
        bySeconds.set(seconds, group);
      }
      const keys = [...puts.keys()];
      try {
        for (const [seconds, values] of bySeconds) cache.putAll(values, seconds);
        if (removals.size > 0) cache.removeAll([...removals]);
      } catch (e) {
        // A value not written must not survive as its older self: remove what could not be put,
        // then let the caller know (the webhook keeps its delivery).
        try {
          cache.removeAll([...keys, ...removals]);
        } catch {
          // the service is down: the caller forgets every cached conversation (a new generation)
        }
        throw e;
      } finally {
        puts.clear();
        removals.clear();
      }
    },
  });
  // A read that fails is a miss (the caller falls back to the sheets), remembered as such.
  const raw = (key: string): string | null => {
    if (local.has(key)) return local.get(key) ?? null;
    let v: string | null = null;
    try {
      v = cache.get(key);
    } catch (e) {
      noteFailure(e);
    }
    local.set(key, v);
    return v;
  };
  return {
    prefetch(keys) {
      const wanted = keys.filter((k) => k.length <= MAX_KEY && !local.has(k));
      if (wanted.length === 0) return;
      let found: Record<string, string> = {};
      try {
        found = cache.getAll(wanted);
      } catch (e) {
        noteFailure(e);
      }
      for (const k of wanted) local.set(k, k in found ? found[k] : null);
    },
    refresh(keys) {
      for (const k of keys) if (!puts.has(k)) local.delete(k);
      this.prefetch(keys);
    },
    getJson<T>(key: string): T | null {
      if (key.length > MAX_KEY) return null;
      const v = raw(key);
      if (v === null) return null;
      try {
        return JSON.parse(v) as T;
      } catch {
        return null;
      }
    },
    putJson(key, value, seconds) {
      if (key.length > MAX_KEY) return;
      const text = JSON.stringify(value);
      // Too big for the cache: callers fall back to the sheets, so simply skip.
      if (text.length * 3 > MAX_VALUE && utf8Length(text) > MAX_VALUE) return;
      const ttl = Math.max(1, Math.min(21600, Math.round(seconds)));
      local.set(key, text);
      if (insideLock()) {
        puts.set(key, { value: text, seconds: ttl });
        removals.delete(key);
      } else cache.put(key, text, ttl);
    },
    remove(key) {
      local.set(key, null);
      if (insideLock()) {
        puts.delete(key);
        removals.add(key);
      } else cache.remove(key);
    },
    removeAll(keys) {
      for (const k of keys) local.set(k, null);
      if (insideLock()) {
        for (const k of keys) {
          puts.delete(k);
          removals.add(k);
        }
      } else if (keys.length > 0) cache.removeAll(keys);
    },
  };
}

/**
 * CacheService directly, outside the buffered adapter: for the last-resort copies of kept
 * deliveries (helpdesk/backlog.ts), written at once whatever the lock. Throws what the service throws.
 */
export const directCache = {
  get: (key: string): string | null => CacheService.getScriptCache().get(key),
  getAll: (keys: string[]): Record<string, string> => CacheService.getScriptCache().getAll(keys),
  put: (key: string, value: string, seconds: number): void =>
    CacheService.getScriptCache().put(key, value, seconds),
  removeAll: (keys: string[]): void => CacheService.getScriptCache().removeAll(keys),
};
