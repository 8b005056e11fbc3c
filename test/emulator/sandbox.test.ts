import vm from 'node:vm';
import { APPS_SCRIPT_GLOBALS, loadBundle, webAppEvent } from '../../dev/emulator/sandbox';
import { newEmu } from './helpers';

describe('sandbox', () => {
  it('holds no Node globals, only ECMAScript builtins and Apps Script services', () => {
    const sb = loadBundle('var top = this;', newEmu());
    const kinds = sb.evaluate(`[typeof require, typeof module, typeof exports, typeof process, typeof Buffer,
      typeof setTimeout, typeof setInterval, typeof fetch, typeof global, typeof queueMicrotask]`);
    expect(kinds).toEqual(Array(10).fill('undefined'));
    expect(sb.evaluate('[typeof URL, typeof TextEncoder, typeof structuredClone, typeof atob]')).toEqual(
      Array(4).fill('undefined'),
    );
    expect(sb.evaluate('top === globalThis')).toBe(true);
    expect(
      sb.evaluate(`[typeof SpreadsheetApp, typeof PropertiesService, typeof CacheService, typeof LockService,
      typeof ScriptApp, typeof ContentService, typeof HtmlService, typeof UrlFetchApp, typeof MailApp, typeof Utilities,
      typeof Session, typeof Logger, typeof console, typeof Charts, typeof JSON, typeof Intl,
      typeof DriveApp]`),
    ).toEqual(Array(17).fill('object'));
    // Advanced services exist only when appsscript.json enables them (none here).
    expect(sb.evaluate('typeof Drive')).toBe('undefined');
    expect(sb.evaluate('[typeof DocumentApp, typeof GmailApp]')).toEqual(Array(2).fill('undefined'));
    const baseline = new Set(
      vm.runInContext('Object.getOwnPropertyNames(globalThis)', vm.createContext({})) as string[],
    );
    const names = (sb.evaluate('Object.getOwnPropertyNames(globalThis)') as string[]).filter(
      (k) => !baseline.has(k),
    );
    // V8 gives every context a console of its own: the sandbox replaces it with the emulated one.
    expect(names.sort()).toEqual([...APPS_SCRIPT_GLOBALS.filter((n) => n !== 'console'), 'top'].sort());
    expect(sb.evaluate('console') === sb.evaluate('globalThis.console')).toBe(true);
  });

  it('makes Date follow the emulator clock and keeps the rest of Date', () => {
    const emu = newEmu();
    const sb = loadBundle('', emu);
    expect(sb.evaluate('new Date().toISOString()')).toBe('2026-11-23T02:00:00.000Z');
    expect(sb.evaluate('Date.now()')).toBe(Date.parse('2026-11-23T02:00:00Z'));
    emu.clock.advanceMinutes(30);
    expect(sb.evaluate('new Date().toISOString()')).toBe('2026-11-23T02:30:00.000Z');
    expect(sb.evaluate('new Date(0).getTime()')).toBe(0);
    expect(sb.evaluate('new Date(Date.UTC(2020, 0, 2)).toISOString()')).toBe('2020-01-02T00:00:00.000Z');
    expect(sb.evaluate('Date.parse("2020-01-01T00:00:00Z")')).toBe(Date.parse('2020-01-01T00:00:00Z'));
    expect(sb.evaluate('new Date() instanceof Date && new Date().constructor === Date && Date.name')).toBe(
      'Date',
    );
    expect(sb.evaluate('typeof Date()')).toBe('string');
    expect(
      sb.evaluate('class D extends Date {}; new D() instanceof D && new D().getTime() === Date.now()'),
    ).toBe(true);
    emu.clock.set('2027-01-01T00:00:00Z');
    expect(sb.evaluate('Date.now()')).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });

  it('calls no service while loading', () => {
    const emu = newEmu();
    const sb = loadBundle(
      'function doGet() { return 1; } var x = [1, 2].map(function (n) { return n * 2; });',
      emu,
    );
    expect(sb.loadCalls.total).toBe(0);
    expect(emu.calls.executions).toEqual([]);
  });

  it('copies arguments into the script realm and results back', () => {
    const emu = newEmu();
    const sb = loadBundle(
      `function inspect(e, when) {
        return { obj: e instanceof Object, arr: e.parameters.x instanceof Array, date: when instanceof Date, back: e };
      }`,
      emu,
    );
    const event = webAppEvent({ query: 'x=1&x=2' });
    const { result } = sb.run('inspect', event, new Date(0));
    expect(result).toEqual({ obj: true, arr: true, date: true, back: event });
  });

  it('builds Google\u2019s web app event shape for GET and POST', () => {
    expect(webAppEvent({ method: 'GET', query: 'hub.mode=subscribe&hub.challenge=123&k=a&k=b' })).toEqual({
      queryString: 'hub.mode=subscribe&hub.challenge=123&k=a&k=b',
      parameter: { 'hub.mode': 'subscribe', 'hub.challenge': '123', k: 'a' },
      parameters: { 'hub.mode': ['subscribe'], 'hub.challenge': ['123'], k: ['a', 'b'] },
      contextPath: '',
      contentLength: -1,
    });
    const body = '{"object":"whatsapp_business_account"}';
    expect(webAppEvent({ method: 'POST', query: { key: 'abc' }, body })).toEqual({
      queryString: 'key=abc',
      parameter: { key: 'abc' },
      parameters: { key: ['abc'] },
      contextPath: '',
      contentLength: body.length,
      postData: { contents: body, type: 'application/json', length: body.length, name: 'postData' },
    });
    const form = webAppEvent({
      method: 'POST',
      body: 'device=628&message=Halo+kak',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.parameter).toEqual({ device: '628', message: 'Halo kak' });
    expect(form.postData?.type).toBe('application/x-www-form-urlencoded');
  });

  it('runs an execution per call with fresh kinds: doPost is a web app, others are editor runs', () => {
    const emu = newEmu();
    const sb = loadBundle(
      'function doPost() { return LockService.getDocumentLock() === null; } function f() { return LockService.getDocumentLock() === null; }',
      emu,
    );
    expect(sb.run('doPost').result).toBe(true);
    expect(sb.run('f').result).toBe(false);
    expect(sb.runAs({ kind: 'webApp' }, 'f').result).toBe(true);
    expect(emu.calls.executions.map((e) => [e.name, e.kind])).toEqual([
      ['doPost', 'webApp'],
      ['f', 'editor'],
      ['f', 'webApp'],
    ]);
  });

  it('evaluates HtmlService templates inside the script, where its functions are visible', () => {
    const emu = newEmu();
    emu.htmlFiles['Sidebar.html'] =
      '<h1><?= title ?></h1><? for (var i = 0; i < 2; i++) { ?><i><?!= label(i) ?></i><? } ?>';
    const sb = loadBundle(
      `function label(i) { return '<b>' + i + Session.getScriptTimeZone().slice(0, 0) + '</b>'; }
      function render() { var t = HtmlService.createTemplateFromFile('Sidebar'); t.title = 'A & B'; return t.evaluate().getContent(); }`,
      emu,
    );
    const { result, calls } = sb.run('render');
    expect(result).toBe('<h1>A &amp; B</h1><i><b>0</b></i><i><b>1</b></i>');
    expect(calls.session).toBe(2); // the template's calls into the script count too
  });

  it('stops an execution that runs past its time limit', () => {
    const emu = newEmu();
    const sb = loadBundle('function spin() { for (;;) {} }', emu, { timeoutMs: 100 });
    const r = sb.tryRun('spin');
    expect((r.error as Error).message).toBe('Exceeded maximum execution time');
    expect((r.error as Error).name).toBe('Exception');
    expect(emu.calls.last?.name).toBe('spin');
  });
});
