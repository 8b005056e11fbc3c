import { runConcurrent } from '../../dev/emulator/concurrent';
import type { GoogleEmulator, LogRecord } from '../../dev/emulator/index';
import { webAppEvent } from '../../dev/emulator/sandbox';
import { newEmu } from './helpers';

const CODE = `
function bump(useLock) {
  var lock = LockService.getScriptLock();
  if (useLock) lock.waitLock(30000);
  console.log('enter');
  var cell = SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange('A1');
  var v = cell.getValue();
  Utilities.sleep(15);
  cell.setValue(v + 1);
  SpreadsheetApp.flush();
  console.log('exit');
  if (useLock) lock.releaseLock();
  return v;
}
function doPost(e) {
  var body = JSON.parse(e.postData.contents);
  var when = new Date();
  var values = SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange('B1:C1').getValues();
  return ContentService.createTextOutput(JSON.stringify({
    id: body.id,
    key: e.parameter.key,
    dateOk: when instanceof Date && values[0][0] instanceof Date,
    arrayOk: values instanceof Array,
    docLock: LockService.getDocumentLock() === null,
  })).setMimeType(ContentService.MimeType.JSON);
}
function tryBriefly() {
  return LockService.getScriptLock().tryLock(50);
}
`;

interface Interval {
  start: number;
  end: number;
}

function intervals(emu: GoogleEmulator): Interval[] {
  const byExec = new Map<number, Partial<Interval>>();
  emu.logs.forEach((l: LogRecord) => {
    const i = byExec.get(l.execution as number) ?? {};
    if (l.message === 'enter') i.start = l.real;
    if (l.message === 'exit') i.end = l.real;
    byExec.set(l.execution as number, i);
  });
  return [...byExec.values()].map((i) => ({ start: i.start as number, end: i.end as number }));
}

function overlaps(list: Interval[]): boolean {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  return sorted.some((x, i) => i > 0 && x.start < sorted[i - 1].end);
}

describe('concurrent executions in worker threads', () => {
  it('serialises 30 read-increment-write executions under the script lock', async () => {
    const emu = newEmu();
    emu.spreadsheet.sheet('Sheet1').setValues('A1', [[0]]);
    const calls = Array.from({ length: 30 }, () => ({ fn: 'bump', args: [true] }));
    const results = await runConcurrent(emu, 'Code.js', calls, { code: CODE });
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(emu.spreadsheet.sheet('Sheet1').getValues('A1')).toEqual([[30]]);
    expect(results.map((r) => r.result as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i),
    );
    expect(overlaps(intervals(emu))).toBe(false);
    expect(emu.calls.executions).toHaveLength(30);
    expect(results[0].calls.byMethod['LockService.Lock.waitLock']).toBe(1);
    expect(emu.locks.holder('script')).toBeNull();
  });

  it('lets executions without the lock overlap (and lose updates)', async () => {
    const emu = newEmu();
    emu.spreadsheet.sheet('Sheet1').setValues('A1', [[0]]);
    const calls = Array.from({ length: 30 }, () => ({ fn: 'bump', args: [false] }));
    const results = await runConcurrent(emu, 'Code.js', calls, { code: CODE });
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(overlaps(intervals(emu))).toBe(true);
    const [[final]] = emu.spreadsheet.sheet('Sheet1').getValues('A1') as number[][];
    expect(final).toBeLessThanOrEqual(30);
  });

  it('runs web app events with realm Dates and returns the service objects', async () => {
    const emu = newEmu();
    emu.spreadsheet.sheet('Sheet1').setValues('B1', [[new Date('2026-01-01T00:00:00Z'), 'x']]);
    const event = webAppEvent({ method: 'POST', query: { key: 's3cret' }, body: JSON.stringify({ id: 7 }) });
    const [r] = await runConcurrent(emu, 'Code.js', [{ fn: 'doPost', args: [event] }], { code: CODE });
    expect(r.error).toBeUndefined();
    const out = r.result as { getContent(): string; getMimeType(): string };
    expect(JSON.parse(out.getContent())).toEqual({
      id: 7,
      key: 's3cret',
      dateOk: true,
      arrayOk: true,
      docLock: true,
    });
    expect(out.getMimeType()).toBe('JSON');
    expect(r.calls.kind).toBe('webApp');
  });

  it('gives up tryLock after its timeout while another execution holds the lock', async () => {
    const emu = newEmu();
    const holder = emu.beginExecution('holder');
    emu.locks.tryAcquire('script', holder.id);
    const started = Date.now();
    const [r] = await runConcurrent(emu, 'Code.js', [{ fn: 'tryBriefly' }], { code: CODE });
    expect(r.result).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    emu.endExecution(holder);
  });
});
