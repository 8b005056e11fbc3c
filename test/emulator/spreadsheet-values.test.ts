import { gas, newEmu, script } from './helpers';

describe('SpreadsheetApp values', () => {
  it('returns typed values: empty cells as "", numbers, booleans and Dates of the script realm', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `function t() {
        var r = SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange('A1:D2');
        r.setValues([[1.5, true, new Date(Date.UTC(2026, 10, 23, 2)), 'x'], ['', null, undefined, 0]]);
        var v = r.getValues();
        return {
          v: v,
          isArray: v instanceof Array && v[0] instanceof Array,
          isDate: v[0][2] instanceof Date,
          types: v[0].map(function (x) { return typeof x; }),
        };
      }`,
    );
    const { result } = sb.run('t');
    const r = result as { v: unknown[][]; isArray: boolean; isDate: boolean; types: string[] };
    expect(r.isArray).toBe(true);
    expect(r.isDate).toBe(true);
    expect(r.types).toEqual(['number', 'boolean', 'object', 'string']);
    expect(r.v[1]).toEqual(['', '', '', 0]);
    expect((r.v[0][2] as Date).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('parses strings written by a script as if typed', () => {
    // A spreadsheet in WIB (a new one has the account's zone, not the script's).
    const emu = newEmu({ spreadsheetDefaults: { timeZone: 'Asia/Jakarta' } });
    const { SpreadsheetApp } = gas(emu);
    const sheet = SpreadsheetApp.getActive().getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet;
    const inputs = [
      '081234567890',
      '+6281234567890',
      "'081234567890",
      '=SUM(1,2)',
      'TRUE',
      'false',
      '-12.5',
      '1,234',
      '1,5',
      '50%',
      '-',
      '+',
      '@foo',
      ' 42 ',
      '2026-11-23',
      '2026-11-23 14:30',
      '11/23/2026',
      '23/11/2026',
      '09:00',
      'halo',
    ];
    sheet.getRange(1, 1, inputs.length, 1).setValues(inputs.map((s) => [s]));
    const values = sheet
      .getRange(1, 1, inputs.length, 1)
      .getValues()
      .map((r) => r[0] as unknown);
    expect(values.slice(0, 14)).toEqual([
      81234567890,
      6281234567890,
      '081234567890',
      3,
      true,
      false,
      -12.5,
      1234,
      '1,5',
      0.5,
      '-',
      '+',
      '@foo',
      42,
    ]);
    const dates = values.slice(14, 19);
    expect(dates.map((d) => (d instanceof Date ? d.toISOString() : d))).toEqual([
      '2026-11-22T17:00:00.000Z', // midnight in Asia/Jakarta
      '2026-11-23T07:30:00.000Z',
      '2026-11-22T17:00:00.000Z',
      '23/11/2026', // not a date in the en_US locale
      '1899-12-30T01:52:48.000Z', // a time of day: 09:00 on the Sheets epoch, Asia/Jakarta (LMT +07:07:12)
    ]);
    expect(values[19]).toBe('halo');
    expect(sheet.getRange('D1').getFormula()).toBe('');
    expect(sheet.getRange('A4').getFormula()).toBe('=SUM(1,2)');
  });

  it('keeps strings unchanged in a cell formatted as plain text (@) but keeps the type of non-strings', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const col = sheet.getRange('A1:A5');
    col.setNumberFormat('@');
    col.setValues([['081234567890'], ['=SUM(1,2)'], ['TRUE'], [12], ["'quoted"]]);
    expect(col.getValues()).toEqual([['081234567890'], ['=SUM(1,2)'], ['TRUE'], [12], ["'quoted"]]);
    expect(col.getNumberFormats()).toEqual([['@'], ['@'], ['@'], ['@'], ['@']]);
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0.###############');
  });

  it('appendRow parses its strings like setValues and honours @ columns', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange('B:B').setNumberFormat('@');
    sheet.appendRow(['0812', '0812', '=1+1']);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[812, '0812', 2]]);
  });

  it('evaluates simple formulas and shows Sheets errors for the rest', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const ss = SpreadsheetApp.getActive();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet
      .getRange('B1:B7')
      .setValues([
        ['=SUM(A1:A3)'],
        ['=A1*10+A2'],
        ['=FOO(A1)'],
        ['=SUM(A1'],
        ['=A1/0'],
        ['="n="&A3'],
        ['=COUNTA(A:A)'],
      ]);
    ss.insertSheet('Other').getRange('A1').setValue('=Sheet1!A3*2');
    expect(sheet.getRange('B1:B7').getValues()).toEqual([
      [6],
      [12],
      ['#NAME?'],
      ['#ERROR!'],
      ['#DIV/0!'],
      ['n=3'],
      [3],
    ]);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=SUM(A1:A3)'], ['=A1*10+A2']]);
    expect(ss.getRange('Other!A1').getValue()).toBe(6);
    sheet.getRange('C1').setFormula('=C1+1');
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
  });

  it('renders display values from number formats', () => {
    // A spreadsheet in WIB (a new one has the account's zone, not the script's).
    const emu = newEmu({ spreadsheetDefaults: { timeZone: 'Asia/Jakarta' } });
    const { SpreadsheetApp } = gas(emu);
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const when = new Date('2026-11-23T02:05:09Z'); // 09:05:09 in Asia/Jakarta
    sheet.getRange('A1:F1').setValues([[1234.5, 0.25, when, when, true, 1234.5]]);
    sheet.getRange('A1:D1').setNumberFormats([['#,##0.00', '0%', 'dd/mm/yyyy hh:mm', 'dddd d mmmm yyyy']]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['1,234.50', '25%', '23/11/2026 09:05', 'Monday 23 November 2026', 'TRUE', '1234.5'],
    ]);
    sheet.getRange('A2').setValue(when);
    expect(sheet.getRange('A2').getDisplayValue()).toBe('2026-11-23 09:05:09');
  });

  it('setValue writes every cell of the range; clearContent keeps formats', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const r = sheet.getRange('A1:B2');
    r.setNumberFormat('@');
    r.setValue('07');
    expect(r.getValues()).toEqual([
      ['07', '07'],
      ['07', '07'],
    ]);
    r.clearContent();
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(r.getNumberFormat()).toBe('@');
    r.clear();
    expect(r.getNumberFormat()).toBe('0.###############');
  });
});
