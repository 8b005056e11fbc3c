// CacheService: fast, shared, and allowed to forget. Never the only copy of anything.

export interface Cache {
  getJson<T>(key: string): T | null;
  putJson(key: string, value: unknown, seconds: number): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

const MAX_VALUE = 100 * 1024;

export function scriptCache(): Cache {
  const cache = CacheService.getScriptCache();
  return {
    getJson<T>(key: string): T | null {
      const raw = cache.get(key);
      if (raw === null) return null;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return null;
      }
    },
    putJson(key, value, seconds) {
      const raw = JSON.stringify(value);
      // Too big for the cache: callers fall back to the sheets, so simply skip.
      if (raw.length * 3 > MAX_VALUE && utf8Length(raw) > MAX_VALUE) return;
      cache.put(key, raw, Math.max(1, Math.min(21600, Math.round(seconds))));
    },
    remove: (key) => cache.remove(key),
    removeAll: (keys) => cache.removeAll(keys),
  };
}

/** UTF-8 size of a string, without Node or Utilities. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
