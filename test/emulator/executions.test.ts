import { classify } from '../../dev/emulator/index';
import { gas, newEmu, script } from './helpers';

describe('executions: buffered writes and call counting', () => {
  it('keeps an execution\u2019s writes invisible to others until flush, a read of its own, or its end', () => {
    const emu = newEmu();
    const a = emu.beginExecution('writer');
    const b = emu.beginExecution('reader');
    const sheetA = gas(emu, a).SpreadsheetApp.getActive().getSheets()[0];
    const sheetB = gas(emu, b).SpreadsheetApp.getActive().getSheets()[0];
    sheetA.getRange('A1').setValue(1);
    expect(sheetB.getRange('A1').getValue()).toBe(''); // not flushed yet
    gas(emu, a).SpreadsheetApp.flush();
    expect(sheetB.getRange('A1').getValue()).toBe(1);
    sheetA.getRange('A1').setValue(2);
    expect(sheetA.getRange('A1').getValue()).toBe(2); // a read forces the writer's own flush
    expect(sheetB.getRange('A1').getValue()).toBe(2);
    sheetA.appendRow(['x']);
    emu.endExecution(a); // the end of an execution applies what is left
    expect(sheetB.getRange('A2').getValue()).toBe('x');
    emu.endExecution(b);
  });

  it('releases a lock without publishing the writes unless flush() came first', () => {
    const emu = newEmu();
    const a = emu.beginExecution('a');
    const b = emu.beginExecution('b');
    const ga = gas(emu, a);
    const gb = gas(emu, b);
    const lockA = ga.LockService.getScriptLock();
    lockA.waitLock(1000);
    ga.SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('written');
    lockA.releaseLock(); // no flush: the write is still buffered
    const lockB = gb.LockService.getScriptLock();
    expect(lockB.tryLock(1000)).toBe(true);
    expect(gb.SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue()).toBe('');
    emu.endExecution(a);
    expect(gb.SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue()).toBe('written');
    emu.endExecution(b);
  });

  it('classifies calls as round trips or navigation and counts cells moved', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `function handle() {
        var ss = SpreadsheetApp.getActive();
        var sheet = ss.getSheetByName('Sheet1');
        var range = sheet.getRange(1, 1, 10, 3);
        var values = range.getValues();
        range.setValues(values);
        sheet.appendRow([1, 2, 3, 4]);
        sheet.getLastRow();
        var f = sheet.createTextFinder('x').matchCase(true);
        f.findNext();
        CacheService.getScriptCache().put('k', 'v', 60);
        PropertiesService.getScriptProperties().getProperty('p');
        LockService.getScriptLock().tryLock(10);
        Utilities.getUuid();
        SpreadsheetApp.flush();
        return values.length;
      }`,
    );
    expect(sb.loadCalls.total).toBe(0);
    const { calls } = sb.run('handle');
    expect(calls.name).toBe('handle');
    expect(calls.roundTrips).toBe(6); // getValues, setValues, appendRow, getLastRow, findNext, flush
    expect(calls.navigation).toBe(8); // getActive, getSheetByName, getRange, createTextFinder, matchCase + 3 service accessors
    expect(calls.cellsRead).toBe(30);
    expect(calls.cellsWritten).toBe(34);
    expect([calls.cache, calls.properties, calls.lock, calls.utilities]).toEqual([1, 1, 1, 1]);
    expect(calls.byMethod['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(calls.byMethod['CacheService.Cache.put']).toBe(1);
    expect(calls.total).toBe(18);
    expect(emu.calls.executions.map((e) => e.name)).toEqual(['handle']);
    expect(emu.calls.last).toBe(calls);
    expect(emu.calls.current).toBeNull();
  });

  it('counts nothing for the emulator\u2019s own nested work', () => {
    const emu = newEmu();
    const exec = emu.beginExecution('x');
    const ss = gas(emu, exec).SpreadsheetApp.getActive();
    ss.getSheets()[0].getDataRange().getValues();
    ss.getAs('application/pdf'); // builds its text from the sheets without counting
    emu.endExecution(exec);
    expect(exec.calls.byMethod).toEqual({
      'SpreadsheetApp.getActive': 1,
      'SpreadsheetApp.Spreadsheet.getSheets': 1,
      'SpreadsheetApp.Sheet.getDataRange': 1,
      'SpreadsheetApp.Range.getValues': 1,
      'SpreadsheetApp.Spreadsheet.getAs': 1,
    });
  });

  it('documents its classification of representative calls', () => {
    expect(classify('SpreadsheetApp.Range.getValues')).toBe('roundTrip');
    expect(classify('SpreadsheetApp.Sheet.getLastRow')).toBe('roundTrip');
    expect(classify('SpreadsheetApp.Spreadsheet.getSheets')).toBe('roundTrip');
    expect(classify('SpreadsheetApp.Spreadsheet.insertSheet')).toBe('roundTrip');
    expect(classify('SpreadsheetApp.TextFinder.findAll')).toBe('roundTrip');
    expect(classify('SpreadsheetApp.getActive')).toBe('navigation');
    expect(classify('SpreadsheetApp.Spreadsheet.getSheetByName')).toBe('navigation');
    expect(classify('SpreadsheetApp.Sheet.getRange')).toBe('navigation');
    expect(classify('SpreadsheetApp.TextFinder.matchEntireCell')).toBe('navigation');
    expect(classify('CacheService.getScriptCache')).toBe('navigation');
    expect(classify('CacheService.Cache.get')).toBe('cache');
    expect(classify('UrlFetchApp.fetch')).toBe('urlFetch');
    expect(classify('MailApp.sendEmail')).toBe('mail');
    expect(classify('console.log')).toBe('log');
  });

  it('ends a failed execution too, attaching its counts to the error', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `function boom() {
        LockService.getScriptLock().waitLock(100);
        SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('kept');
        throw new Error('boom');
      }`,
    );
    let caught: unknown;
    try {
      sb.run('boom');
    } catch (e) {
      caught = e;
    }
    const err = caught as Error & { calls: { lock: number } };
    expect(err.message).toBe('boom');
    expect(err.calls.lock).toBe(1);
    expect(emu.spreadsheet.sheet('Sheet1').getValues('A1')).toEqual([['kept']]);
    expect(emu.locks.holder('script')).toBeNull();
    const r = sb.tryRun('missing');
    expect((r.error as Error).message).toBe('Script function not found: missing');
  });
});
