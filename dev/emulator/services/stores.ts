/** PropertiesService, CacheService and LockService, over state kept in the emulator. */
import { describeTypes, GasError, MSG } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import { isPlainObject } from '../realm';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_TTL_DEFAULT = 600;
export const CACHE_TTL_MAX = 21_600;
export const CACHE_MAX_ITEMS = 1000;
/** What a cache keeps when more than CACHE_MAX_ITEMS are written: the farthest from expiry. */
export const CACHE_KEEP_ON_OVERFLOW = 900;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The scopes of the user's and the document's properties, cache and lock ('script' is the third). */
const userScope = (ctx: Ctx): string => `user:${ctx.effectiveUser}`;
const documentScope = (ctx: Ctx): string => `document:${ctx.emu.spreadsheet.id}`;

// ---- Properties --------------------------------------------------------------------------------

export class PropertiesServiceFacade extends Facade {
  getScriptProperties(): PropertiesFacade {
    return new PropertiesFacade(this._ctx, 'script');
  }

  getUserProperties(): PropertiesFacade {
    return new PropertiesFacade(this._ctx, userScope(this._ctx));
  }

  getDocumentProperties(): PropertiesFacade {
    return new PropertiesFacade(this._ctx, documentScope(this._ctx));
  }
}
instrument(PropertiesServiceFacade, 'PropertiesService');

function storeSize(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += bytes(k) + bytes(v);
  return n;
}

export class PropertiesFacade extends Facade implements GoogleAppsScript.Properties.Properties {
  constructor(
    ctx: Ctx,
    private readonly scope: string,
  ) {
    super(ctx);
  }

  private _store(): Map<string, string> {
    this._ctx.emu.consumeQuota('properties', 1, this._ctx.effectiveUser);
    return this._ctx.emu.propertyStore(this.scope);
  }

  getProperty(key: string): string | null {
    return this._store().get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store());
  }

  getKeys(): string[] {
    return [...this._store().keys()];
  }

  private _validate(entries: Array<[string, unknown]>): Array<[string, string]> {
    return entries.map(([k, v]) => {
      if (k === '' || k === 'undefined' || k === 'null') throw new GasError(MSG.invalidArgument('key'));
      if (v === null || v === undefined) throw new GasError(MSG.invalidArgument('value'));
      const value = String(v);
      if (bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new GasError(MSG.argTooLarge('value'));
      return [k, value];
    });
  }

  private _write(entries: Array<[string, string]>, deleteAllOthers: boolean): void {
    const store = this._store();
    const next = new Map(deleteAllOthers ? [] : store);
    for (const [k, v] of entries) next.set(k, v);
    if (storeSize(next) > PROPERTY_STORE_MAX_BYTES) throw new GasError(MSG.propertyQuota);
    store.clear();
    for (const [k, v] of next) store.set(k, v);
  }

  setProperty(key: string, value: unknown): PropertiesFacade {
    if (key === undefined || key === null) {
      throw new GasError(
        MSG.signature(describeTypes([key, value]), 'PropertiesService.Properties.setProperty'),
      );
    }
    this._write(this._validate([[String(key), value]]), false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): PropertiesFacade {
    if (!isPlainObject(properties)) {
      throw new GasError(
        MSG.signature(describeTypes([properties]), 'PropertiesService.Properties.setProperties'),
      );
    }
    this._write(this._validate(Object.entries(properties)), !!deleteAllOthers);
    return this;
  }

  deleteProperty(key: string): PropertiesFacade {
    this._store().delete(String(key));
    return this;
  }

  deleteAllProperties(): PropertiesFacade {
    this._store().clear();
    return this;
  }
}
instrument(PropertiesFacade, 'PropertiesService.Properties');

// ---- Cache -------------------------------------------------------------------------------------

export interface CacheEntry {
  value: string;
  expiresAt: number;
  /** Insertion order (ties of expiry: the newer is kept). */
  seq: number;
}

export class CacheServiceFacade extends Facade {
  getScriptCache(): CacheFacade {
    return new CacheFacade(this._ctx, 'script');
  }

  getUserCache(): CacheFacade {
    return new CacheFacade(this._ctx, userScope(this._ctx));
  }

  getDocumentCache(): CacheFacade {
    return new CacheFacade(this._ctx, documentScope(this._ctx));
  }
}
instrument(CacheServiceFacade, 'CacheService');

export class CacheFacade extends Facade implements GoogleAppsScript.Cache.Cache {
  constructor(
    ctx: Ctx,
    private readonly scope: string,
  ) {
    super(ctx);
  }

  private _cache(): Map<string, CacheEntry> {
    return this._ctx.emu.cacheStore(this.scope);
  }

  private _key(key: unknown): string {
    if (key === null || key === undefined) throw new GasError(MSG.invalidArgument('key'));
    const k = String(key);
    if (k.length > CACHE_KEY_MAX_CHARS) throw new GasError(MSG.argTooLarge('key'));
    return k;
  }

  private _ttl(expirationInSeconds: unknown): number {
    if (expirationInSeconds === undefined) return CACHE_TTL_DEFAULT;
    const t = Math.floor(Number(expirationInSeconds));
    if (typeof expirationInSeconds !== 'number' || !Number.isFinite(t) || t < 1) {
      throw new GasError(MSG.invalidArgument('expirationInSeconds'));
    }
    return Math.min(t, CACHE_TTL_MAX);
  }

  private _value(value: unknown): string {
    if (value === null || value === undefined) throw new GasError(MSG.invalidArgument('value'));
    const v = String(value);
    if (bytes(v) > CACHE_VALUE_MAX_BYTES) throw new GasError(MSG.argTooLarge('value'));
    return v;
  }

  private _live(cache: Map<string, CacheEntry>, key: string): CacheEntry | null {
    const e = cache.get(key);
    if (!e) return null;
    if (this._ctx.emu.clock.now() >= e.expiresAt) {
      cache.delete(key);
      return null;
    }
    return e;
  }

  /**
   * Stores an entry. Past 1,000 items the cache keeps the 900 farthest from expiry
   * (developers.google.com/apps-script/reference/cache/cache: "The maximum number of items that
   * can be cached is 1000 per cache. If more than 1000 items are written, the cache stores the 900
   * items farthest from expiration"), so short-lived entries go first.
   */
  private _put(cache: Map<string, CacheEntry>, key: string, value: string, ttl: number): void {
    cache.delete(key);
    const now = this._ctx.emu.clock.now();
    cache.set(key, { value, expiresAt: now + ttl * 1000, seq: this._ctx.emu.nextSeq() });
    if (cache.size <= CACHE_MAX_ITEMS) return;
    for (const [k, e] of cache) if (now >= e.expiresAt) cache.delete(k);
    if (cache.size <= CACHE_MAX_ITEMS) return;
    const keep = [...cache.entries()]
      .sort((a, b) => b[1].expiresAt - a[1].expiresAt || b[1].seq - a[1].seq)
      .slice(0, CACHE_KEEP_ON_OVERFLOW);
    cache.clear();
    for (const [k, e] of keep.sort((a, b) => a[1].seq - b[1].seq)) cache.set(k, e);
  }

  get(key: string): string | null {
    return this._live(this._cache(), this._key(key))?.value ?? null;
  }

  getAll(keys: string[]): Record<string, string> {
    if (!Array.isArray(keys))
      throw new GasError(MSG.signature(describeTypes([keys]), 'CacheService.Cache.getAll'));
    const cache = this._cache();
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(cache, this._key(k));
      if (e) out[String(k)] = e.value;
    }
    return out;
  }

  put(key: string, value: unknown, expirationInSeconds?: number): void {
    const k = this._key(key);
    const v = this._value(value);
    const ttl = this._ttl(expirationInSeconds);
    this._put(this._cache(), k, v, ttl);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    if (!isPlainObject(values)) {
      throw new GasError(MSG.signature(describeTypes([values]), 'CacheService.Cache.putAll'));
    }
    const ttl = this._ttl(expirationInSeconds);
    const entries = Object.entries(values).map(([k, v]) => [this._key(k), this._value(v)] as const);
    const cache = this._cache();
    for (const [k, v] of entries) this._put(cache, k, v, ttl);
  }

  remove(key: string): void {
    this._cache().delete(this._key(key));
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys))
      throw new GasError(MSG.signature(describeTypes([keys]), 'CacheService.Cache.removeAll'));
    const cache = this._cache();
    for (const k of keys) cache.delete(this._key(k));
  }
}
instrument(CacheFacade, 'CacheService.Cache');

// ---- Locks -------------------------------------------------------------------------------------

/** Lock ownership across executions: key → holding execution id and hold count. */
export class LockManager {
  private readonly holders = new Map<string, { exec: number; count: number }>();

  tryAcquire(key: string, exec: number): boolean {
    const h = this.holders.get(key);
    if (h && h.exec !== exec) return false;
    if (h) h.count++;
    else this.holders.set(key, { exec, count: 1 });
    return true;
  }

  release(key: string, exec: number): void {
    const h = this.holders.get(key);
    if (!h || h.exec !== exec) return;
    h.count--;
    if (h.count <= 0) this.holders.delete(key);
  }

  releaseAll(exec: number): void {
    for (const [k, h] of this.holders) if (h.exec === exec) this.holders.delete(k);
  }

  holder(key: string): number | null {
    return this.holders.get(key)?.exec ?? null;
  }
}

export class LockServiceFacade extends Facade {
  getScriptLock(): LockFacade {
    return new LockFacade(this._ctx, 'script');
  }

  getUserLock(): LockFacade {
    return new LockFacade(this._ctx, userScope(this._ctx));
  }

  /** null in a web app (no containing document in that context), as on Google. */
  getDocumentLock(): LockFacade | null {
    if (this._ctx.kind === 'webApp') return null;
    return new LockFacade(this._ctx, documentScope(this._ctx));
  }
}
instrument(LockServiceFacade, 'LockService');

/**
 * A lock. In the main thread an execution cannot wait for another one (there is no other thread
 * to release it), so tryLock/waitLock answer at once; executions in worker threads
 * (concurrent.ts) wait for real, polling `_attempt`.
 */
export class LockFacade extends Facade implements GoogleAppsScript.Lock.Lock {
  private held = false;

  constructor(
    ctx: Ctx,
    readonly _key: string,
  ) {
    super(ctx);
  }

  private _execId(): number {
    return this._ctx.exec?.id ?? 0;
  }

  /** One acquisition attempt, without waiting (used by worker threads between sleeps). */
  _attempt(): boolean {
    if (this.held) return true;
    const exec = this._execId();
    if (!this._ctx.emu.locks.tryAcquire(this._key, exec)) return false;
    this.held = true;
    this._ctx.exec?.locks.set(this._key, (this._ctx.exec.locks.get(this._key) ?? 0) + 1);
    return true;
  }

  /** In the main thread nobody can release the lock meanwhile: a failed wait lasts its whole timeout. */
  private _waited(timeoutInMillis: number): void {
    const exec = this._ctx.exec;
    if (exec && timeoutInMillis > 0) this._ctx.emu.spend(exec, timeoutInMillis);
  }

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') {
      throw new GasError(MSG.signature(describeTypes([timeoutInMillis]), 'LockService.Lock.tryLock'));
    }
    if (this._attempt()) return true;
    this._waited(timeoutInMillis);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') {
      throw new GasError(MSG.signature(describeTypes([timeoutInMillis]), 'LockService.Lock.waitLock'));
    }
    if (this._attempt()) return;
    this._waited(timeoutInMillis);
    throw new GasError(MSG.lockTimeout);
  }

  releaseLock(): void {
    if (!this.held) return;
    this.held = false;
    this._ctx.emu.locks.release(this._key, this._execId());
    const e = this._ctx.exec;
    if (e) {
      const n = (e.locks.get(this._key) ?? 1) - 1;
      if (n <= 0) e.locks.delete(this._key);
      else e.locks.set(this._key, n);
    }
  }

  hasLock(): boolean {
    return this.held && this._ctx.emu.locks.holder(this._key) === this._execId();
  }
}
instrument(LockFacade, 'LockService.Lock');
