// Quotas per user and per day, for a consumer or a Workspace account, with Google's messages
// (developers.google.com/apps-script/guides/services/quotas: the table, "Quotas are per user and
// reset 24 hours after the first request", and #troubleshooting for the messages).
import type { GoogleEmulator } from '../../dev/emulator/index';
import { gas, newEmu, script, thrown } from './helpers';

const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';
const HOUR = 3_600_000;

/** A script whose functions spend quotas; runs as `user` (an editor's menu action). */
function spender(emu: GoogleEmulator) {
  const sb = script(
    emu,
    `function mail(n) { var to = []; for (var i = 0; i < n; i++) to.push('r' + i + '@example.org');
                        MailApp.sendEmail(to.join(','), 's', 'b'); return MailApp.getRemainingDailyQuota(); }
     function fetch(n) { for (var i = 0; i < n; i++) UrlFetchApp.fetch('https://example.com'); }
     function props(n) { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < n; i++) p.getProperty('k'); }
     function work(minutes) { for (var i = 0; i < minutes; i++) Utilities.sleep(60000); return 'done'; }
     function left() { return MailApp.getRemainingDailyQuota(); }`,
  );
  const as = (user: string, fn: string, ...args: unknown[]): unknown =>
    sb.runAs({ kind: 'editor', activeUser: user }, fn, ...args).result;
  const tryAs = (user: string, kind: 'editor' | 'trigger', fn: string, ...args: unknown[]) => {
    try {
      return { result: sb.runAs({ kind, activeUser: user, effectiveUser: user }, fn, ...args).result };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  return { sb, as, tryAs };
}

describe('email recipients per day', () => {
  it('allows 100 recipients a day on a consumer account, then Google\u2019s error; getRemainingDailyQuota follows', () => {
    const emu = newEmu();
    const { as, tryAs } = spender(emu);
    expect(as(OWNER, 'left')).toBe(100);
    expect(as(OWNER, 'mail', 60)).toBe(40);
    expect(tryAs(OWNER, 'editor', 'mail', 41)).toEqual({
      error: 'Service invoked too many times for one day: email.',
    });
    expect(as(OWNER, 'mail', 40)).toBe(0);
    expect(emu.quotaUsage(OWNER).email).toMatchObject({ used: 100, limit: 100, remaining: 0 });
  });

  it('allows 1,500 on a Workspace account', () => {
    const emu = newEmu({ accountType: 'workspace' });
    const { as } = spender(emu);
    expect(as(OWNER, 'left')).toBe(1500);
    expect(as(OWNER, 'mail', 1000)).toBe(500);
  });

  it('counts each user\u2019s own: an editor\u2019s mail is not the owner\u2019s quota', () => {
    const emu = newEmu();
    const { as } = spender(emu);
    expect(as(EDITOR, 'mail', 70)).toBe(30);
    expect(as(OWNER, 'left')).toBe(100);
    expect(emu.quotaUsage(EDITOR).email.used).toBe(70);
    expect(emu.quotaUsage(OWNER).email.used).toBe(0);
  });

  it('is renewed 24 hours after the first request that spent it, not at midnight', () => {
    const emu = newEmu(); // 09:00 WIB
    const { as } = spender(emu);
    const first = emu.clock.now();
    as(OWNER, 'mail', 100);
    emu.clock.set(first + 23 * HOUR);
    expect(as(OWNER, 'left')).toBe(0);
    expect(emu.quotaUsage(OWNER).email.resetsAt).toBe(first + 24 * HOUR);
    emu.clock.set(first + 24 * HOUR + 1000);
    expect(as(OWNER, 'left')).toBe(100);
  });
});

describe('UrlFetch calls per day', () => {
  it('allows 20,000 a day on a consumer account (100,000 on Workspace), then Google\u2019s error', () => {
    for (const [accountType, limit] of [
      ['consumer', 20_000],
      ['workspace', 100_000],
    ] as const) {
      const emu = newEmu({ accountType });
      const { UrlFetchApp } = gas(emu);
      for (let i = 0; i < limit; i++) UrlFetchApp.fetch('https://example.com');
      expect(thrown(() => UrlFetchApp.fetch('https://example.com')).message).toBe(
        'Service invoked too many times for one day: urlfetch.',
      );
      expect(emu.quotaUsage(OWNER).urlfetch).toMatchObject({ used: limit, remaining: 0 });
    }
  });
});

describe('Properties reads and writes per day', () => {
  it('allows 50,000 a day on a consumer account (500,000 on Workspace)', () => {
    expect(newEmu().quotaUsage().properties.limit).toBe(50_000);
    expect(newEmu({ accountType: 'workspace' }).quotaUsage().properties.limit).toBe(500_000);
    const emu = newEmu();
    const props = gas(emu).PropertiesService.getScriptProperties();
    for (let i = 0; i < 50_000; i++) props.getProperty('k');
    expect(thrown(() => props.getProperty('k')).message).toBe(
      'Service invoked too many times for one day: properties.',
    );
  });
});

describe('trigger total runtime per day', () => {
  it('allows 90 minutes of trigger runs a day on a consumer account, then refuses them', () => {
    const emu = newEmu();
    const { tryAs } = spender(emu);
    for (let i = 0; i < 17; i++) expect(tryAs(OWNER, 'trigger', 'work', 5)).toEqual({ result: 'done' });
    expect(emu.quotaUsage(OWNER).triggerRuntime.remaining).toBeLessThan(5 * 60_000);
    // The 18th run is stopped when the 90 minutes are used up …
    expect(tryAs(OWNER, 'trigger', 'work', 5)).toEqual({
      error: 'Service using too much computer time for one day',
    });
    // … and later ones do not start; runs that are not triggers (menus, the web app) still do.
    expect(tryAs(OWNER, 'trigger', 'work', 0)).toEqual({
      error: 'Service using too much computer time for one day',
    });
    expect(tryAs(OWNER, 'editor', 'work', 1)).toEqual({ result: 'done' });
    // Another user's triggers have their own 90 minutes.
    expect(tryAs(EDITOR, 'trigger', 'work', 5)).toEqual({ result: 'done' });
  });

  it('allows 6 hours on a Workspace account', () => {
    const emu = newEmu({ accountType: 'workspace' });
    const { tryAs } = spender(emu);
    for (let i = 0; i < 70; i++) expect(tryAs(OWNER, 'trigger', 'work', 5)).toEqual({ result: 'done' });
    expect(emu.quotaUsage(OWNER).triggerRuntime.used).toBeGreaterThan(5.8 * HOUR);
  });
});

describe('simultaneous executions', () => {
  it('refuses a 31st execution of the same user while 30 run, with Google\u2019s message', () => {
    const emu = newEmu();
    const running = Array.from({ length: 30 }, () => emu.beginExecution('doPost', { kind: 'webApp' }));
    const { tryAs } = spender(emu);
    expect(tryAs(OWNER, 'editor', 'left')).toEqual({
      error: 'There are too many scripts running simultaneously for this Google user account.',
    });
    expect(emu.quotaUsage(OWNER).running).toBe(30);
    // Another user is not affected.
    expect(tryAs(EDITOR, 'editor', 'left')).toEqual({ result: 100 });
    emu.endExecution(running[0]);
    expect(tryAs(OWNER, 'editor', 'left')).toEqual({ result: 100 });
    for (const e of running) emu.endExecution(e);
  });
});

describe('limits of values (not daily)', () => {
  it('Properties: 9 KB a value counted in UTF-8 bytes (4 for an emoji), 500 KB a store', () => {
    const props = gas(newEmu()).PropertiesService.getScriptProperties();
    props.setProperty('ok', '😀'.repeat(2304)); // 9,216 bytes, 4,608 JavaScript characters
    expect(thrown(() => props.setProperty('big', '😀'.repeat(2305))).message).toBe(
      'Argument too large: value',
    );
  });

  it('Cache: 100 KB a value, 250-character keys, 6 hours at most', () => {
    const emu = newEmu();
    const cache = gas(emu).CacheService.getScriptCache();
    expect(thrown(() => cache.put('k'.repeat(251), 'v')).message).toBe('Argument too large: key');
    expect(thrown(() => cache.put('v', 'x'.repeat(100 * 1024 + 1))).message).toBe(
      'Argument too large: value',
    );
    cache.put('long', 'v', 86_400);
    emu.clock.advanceMinutes(6 * 60);
    expect(cache.get('long')).toBeNull();
  });

  it('a cell holds 50,000 characters at most', () => {
    const sheet = gas(newEmu()).SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(thrown(() => sheet.getRange('A2').setValue('x'.repeat(50_001))).message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });
});

describe('emu.quotaUsage', () => {
  it('reports every quota of a user: used, limit, remaining, when renewed, executions running', () => {
    const emu = newEmu({ accountType: 'workspace', quotas: { email: 10 } });
    const { as } = spender(emu);
    as(EDITOR, 'mail', 3);
    const u = emu.quotaUsage(EDITOR);
    expect(u).toEqual({
      user: EDITOR,
      accountType: 'workspace',
      email: { used: 3, limit: 10, remaining: 7, resetsAt: expect.any(Number) },
      urlfetch: { used: 0, limit: 100_000, remaining: 100_000, resetsAt: null },
      properties: { used: 0, limit: 500_000, remaining: 500_000, resetsAt: null },
      triggerRuntime: { used: 0, limit: 6 * HOUR, remaining: 6 * HOUR, resetsAt: null },
      running: 0,
      simultaneousLimit: 30,
    });
  });

  it('survives toJSON / fromJSON', async () => {
    const emu = newEmu();
    spender(emu).as(EDITOR, 'mail', 5);
    const { GoogleEmulator } = await import('../../dev/emulator/index');
    const copy = GoogleEmulator.fromJSON(JSON.parse(JSON.stringify(emu.toJSON())));
    expect(copy.quotaUsage(EDITOR).email.used).toBe(5);
  });
});
