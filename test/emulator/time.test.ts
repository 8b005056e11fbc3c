// Time passes inside an execution: every service call advances the emulated clock by the cost
// model's time for it (dev/emulator/cost.ts), Utilities.sleep by its argument, a lock wait that
// fails by its timeout; past 6 minutes Google stops the script with "Exceeded maximum execution
// time" (developers.google.com/apps-script/guides/services/quotas: script runtime 6 min /
// execution; #troubleshooting for the message).
import { COST_MODEL } from '../../dev/emulator/cost';
import { newEmu, script } from './helpers';

describe('time inside an execution', () => {
  it('advances the clock by each call\u2019s cost: a sheet read 400 ms, a property read 30 ms, a fetch 300 ms', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `function f() {
         var t0 = Date.now();
         SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue();
         var t1 = Date.now();
         PropertiesService.getScriptProperties().getProperty('x');
         var t2 = Date.now();
         UrlFetchApp.fetch('https://example.com');
         var t3 = Date.now();
         Utilities.sleep(1500);
         return [t1 - t0, t2 - t1, t3 - t2, Date.now() - t3];
       }`,
    );
    const start = emu.clock.now();
    const [sheet, props, fetch, sleep] = sb.run('f').result as number[];
    // getActive, getSheets, getRange (navigation, 1 ms each as "other"; getSheets is a read) + getValue.
    expect(sheet).toBeGreaterThanOrEqual(800);
    expect(props).toBe(COST_MODEL.propertiesRead * 1000 + 1); // + getScriptProperties
    expect(fetch).toBe(COST_MODEL.urlFetch * 1000);
    expect(sleep).toBe(1500 + COST_MODEL.other * 1000); // the call itself, and the wait
    const last = emu.calls.last!;
    expect(last.endedAt! - last.startedAt).toBe(emu.clock.now() - start);
  });

  it('lets a time-budget loop really run out (so a job\u2019s budget exit fires)', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `function f() {
         var started = Date.now(), props = PropertiesService.getScriptProperties(), n = 0;
         for (; n < 1000; n++) { if (Date.now() - started > 5000) break; props.getProperty('k'); }
         return n;
       }`,
    );
    // 1 ms for getScriptProperties, then 30 ms a read: the 167th read ends past 5 s.
    expect(sb.run('f').result).toBe(167);
  });

  it('stops an execution past 6 minutes of emulated time with Google\u2019s error, even if the script catches it', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `var done = 0;
       function long() { for (var i = 0; i < 10; i++) { Utilities.sleep(60000); done = i + 1; } return 'finished'; }
       function stubborn() {
         try { for (var i = 0; i < 10; i++) Utilities.sleep(60000); } catch (e) { /* carry on */ }
         PropertiesService.getScriptProperties().setProperty('after', 'yes');
         return 'finished';
       }
       function count() { return done; }`,
    );
    const r = sb.tryRun('long');
    expect(r.error).toMatchObject({ name: 'Exception', message: 'Exceeded maximum execution time' });
    // Five minutes of sleeps (and their calls) fit; the sixth ends past 6 minutes.
    expect(sb.run('count').result).toBe(5);
    const s = sb.tryRun('stubborn');
    expect(s.error).toMatchObject({ name: 'Exception', message: 'Exceeded maximum execution time' });
    expect(emu.scriptProperties.has('after')).toBe(false);
  });

  it('spends the whole timeout of a lock wait that fails (another execution holds the lock)', () => {
    const emu = newEmu();
    const holder = emu.beginExecution('other', { kind: 'trigger' });
    (
      emu.globals(undefined, holder) as { LockService: GoogleAppsScript.Lock.LockService }
    ).LockService.getScriptLock().waitLock(1);
    const sb = script(
      emu,
      `function f() { var t = Date.now(); var ok = LockService.getScriptLock().tryLock(10000); return [ok, Date.now() - t]; }`,
    );
    const [ok, waited] = sb.run('f').result as [boolean, number];
    expect(ok).toBe(false);
    expect(waited).toBeGreaterThanOrEqual(10000);
    emu.endExecution(holder);
  });
});
