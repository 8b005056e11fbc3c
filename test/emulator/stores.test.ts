import { gas, newEmu, thrown } from './helpers';

describe('PropertiesService', () => {
  it('stores strings only and supports the bulk methods', () => {
    const emu = newEmu();
    const props = gas(emu).PropertiesService.getScriptProperties();
    props.setProperty('n', 42 as unknown as string);
    props.setProperty('b', true as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('b')).toBe('true');
    expect(props.getProperty('missing')).toBeNull();
    props.setProperties({ a: '1', c: '3' });
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'c', 'n']);
    props.setProperties({ only: 'x' }, true);
    expect(props.getProperties()).toEqual({ only: 'x' });
    props.deleteProperty('only');
    expect(props.getProperties()).toEqual({});
    props.setProperty('z', 'z');
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
    expect(emu.scriptProperties.size).toBe(0);
  });

  it('keeps script, user and document stores apart', () => {
    const emu = newEmu();
    const { PropertiesService } = gas(emu);
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getUserProperties().setProperty('k', 'user');
    PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('user');
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBe('doc');
  });

  it('refuses a value over 9 KB and a store over 500 KB', () => {
    const emu = newEmu();
    const props = gas(emu).PropertiesService.getScriptProperties();
    props.setProperty('max', 'x'.repeat(9216));
    expect(thrown(() => props.setProperty('big', 'x'.repeat(9217))).message).toBe(
      'Argument too large: value',
    );
    expect(thrown(() => props.setProperty('multi', '\u00e9'.repeat(4609))).message).toBe(
      'Argument too large: value',
    ); // 9,218 bytes
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(thrown(() => props.setProperty('k55', 'x'.repeat(9000))).message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('k55')).toBeNull();
  });

  it('counts reads and writes against the daily quota', () => {
    const emu = newEmu({ quotas: { properties: 3 } });
    const props = gas(emu).PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getKeys();
    expect(thrown(() => props.getProperty('a')).message).toBe(
      'Service invoked too many times for one day: properties.',
    );
    emu.clock.advanceMinutes(24 * 60);
    expect(props.getProperty('a')).toBe('1');
  });
});

describe('CacheService', () => {
  it('expires entries with the emulator clock (default 10 minutes)', () => {
    const emu = newEmu();
    const cache = gas(emu).CacheService.getScriptCache();
    cache.put('short', 'a', 60);
    cache.put('default', 'b');
    emu.clock.advanceMinutes(1);
    expect(cache.get('short')).toBeNull();
    expect(cache.get('default')).toBe('b');
    emu.clock.advanceMinutes(9);
    expect(cache.get('default')).toBeNull();
  });

  it('caps the expiry at 6 hours and rejects one under a second', () => {
    const emu = newEmu();
    const cache = gas(emu).CacheService.getScriptCache();
    cache.put('long', 'v', 999_999);
    emu.clock.advanceMinutes(6 * 60 - 1);
    expect(cache.get('long')).toBe('v');
    emu.clock.advanceMinutes(1);
    expect(cache.get('long')).toBeNull();
    expect(thrown(() => cache.put('k', 'v', 0)).message).toBe('Invalid argument: expirationInSeconds');
  });

  it('limits keys to 250 characters and values to 100 KB', () => {
    const emu = newEmu();
    const cache = gas(emu).CacheService.getScriptCache();
    cache.put('k'.repeat(250), 'ok');
    expect(thrown(() => cache.put('k'.repeat(251), 'v')).message).toBe('Argument too large: key');
    cache.put('v', 'x'.repeat(100 * 1024));
    expect(thrown(() => cache.put('v2', 'x'.repeat(100 * 1024 + 1))).message).toBe(
      'Argument too large: value',
    );
  });

  it('supports getAll, putAll, remove and removeAll, coercing values to strings', () => {
    const emu = newEmu();
    const cache = gas(emu).CacheService.getUserCache();
    cache.putAll({ a: '1', b: 2 as unknown as string, c: '3' }, 100);
    expect(cache.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({});
  });

  it('may lose entries at any time (emu.evictCache)', () => {
    const emu = newEmu();
    const cache = gas(emu).CacheService.getScriptCache();
    cache.put('x', '1');
    emu.evictCache();
    expect(cache.get('x')).toBeNull();
  });

  // reference/cache/cache: at most 1,000 items; past that the cache keeps the 900 farthest from
  // expiration, so short-lived entries go first, however recent.
  it('keeps the 900 entries farthest from expiry when more than 1,000 are written', () => {
    const emu = newEmu();
    const cache = gas(emu).CacheService.getScriptCache();
    for (let i = 0; i < 850; i++) cache.put(`long${i}`, 'L', 21_600);
    emu.clock.advance(1000);
    for (let i = 0; i < 150; i++) cache.put(`short${i}`, 'S', 60);
    expect(cache.get('short0')).toBe('S');
    cache.put('one-more', 'M', 3600); // the 1,001st item
    const longs = Array.from({ length: 850 }, (_, i) => cache.get(`long${i}`)).filter((v) => v !== null);
    const shorts = Array.from({ length: 150 }, (_, i) => cache.get(`short${i}`)).filter((v) => v !== null);
    expect(longs).toHaveLength(850);
    expect(cache.get('one-more')).toBe('M');
    expect(shorts).toHaveLength(49); // 900 kept: 850 long, the hour-long one, 49 of the short ones
  });
});

describe('LockService', () => {
  it('excludes other executions and is released at the end of the holder\u2019s execution', () => {
    const emu = newEmu();
    const a = emu.beginExecution('a');
    const b = emu.beginExecution('b');
    const lockA = gas(emu, a).LockService.getScriptLock();
    const lockB = gas(emu, b).LockService.getScriptLock();
    expect(lockA.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(true);
    expect(lockB.tryLock(1000)).toBe(false);
    expect(lockB.hasLock()).toBe(false);
    expect(thrown(() => lockB.waitLock(1000)).message).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    emu.endExecution(a);
    expect(lockB.tryLock(1000)).toBe(true);
    lockB.releaseLock();
    expect(lockB.hasLock()).toBe(false);
    emu.endExecution(b);
  });

  it('gives no document lock to a web app execution', () => {
    const emu = newEmu();
    const web = emu.beginExecution('doPost');
    expect(web.kind).toBe('webApp');
    expect(gas(emu, web).LockService.getDocumentLock()).toBeNull();
    const editor = emu.beginExecution('openSidebar');
    expect(gas(emu, editor).LockService.getDocumentLock()).not.toBeNull();
    emu.endExecution(web);
    emu.endExecution(editor);
  });

  it('keeps script, user and document locks independent', () => {
    const emu = newEmu();
    const a = emu.beginExecution('a');
    const b = emu.beginExecution('b');
    expect(gas(emu, a).LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(gas(emu, b).LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(gas(emu, b).LockService.getUserLock().tryLock(0)).toBe(true);
    expect(gas(emu, a).LockService.getUserLock().tryLock(0)).toBe(false);
    emu.endExecution(a);
    emu.endExecution(b);
  });
});
