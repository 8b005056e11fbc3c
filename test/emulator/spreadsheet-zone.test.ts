// Each spreadsheet has its own time zone and locale (File → Settings), independent of the script's
// `timeZone` (reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone(), #setSpreadsheetTimeZone(String),
// #setSpreadsheetLocale(String)); a new file gets the creating account's defaults. Dates are
// serial numbers in the spreadsheet's zone: a new zone keeps their wall-clock time, and typed
// input is read by the locale (id_ID: day first, decimal comma).
import { gas, newEmu } from './helpers';

describe('spreadsheet time zone and locale', () => {
  it('gives a new spreadsheet the account\u2019s zone and locale, not the script\u2019s', () => {
    const emu = newEmu({ scriptTimeZone: 'Asia/Jakarta' });
    const { SpreadsheetApp, Session } = gas(emu);
    expect(Session.getScriptTimeZone()).toBe('Asia/Jakarta');
    expect(SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe('America/Los_Angeles');
    expect(SpreadsheetApp.getActive().getSpreadsheetLocale()).toBe('en_US');
    const created = SpreadsheetApp.create('Arsip');
    expect([created.getSpreadsheetTimeZone(), created.getSpreadsheetLocale()]).toEqual([
      'America/Los_Angeles',
      'en_US',
    ]);
    const other = newEmu({ spreadsheetDefaults: { timeZone: 'Europe/Berlin', locale: 'de_DE' } });
    expect(gas(other).SpreadsheetApp.getActive().getSpreadsheetLocale()).toBe('de_DE');
  });

  it('reads a typed date in the spreadsheet\u2019s zone, and keeps its wall-clock time when the zone changes', () => {
    const emu = newEmu();
    const ss = gas(emu).SpreadsheetApp.getActive();
    const cell = ss.getSheets()[0].getRange('A1');
    cell.setValue('2026-12-25');
    expect((cell.getValue() as Date).toISOString()).toBe('2026-12-25T08:00:00.000Z'); // midnight in Los Angeles
    ss.setSpreadsheetTimeZone('Asia/Jakarta');
    expect((cell.getValue() as Date).toISOString()).toBe('2026-12-24T17:00:00.000Z'); // midnight in Jakarta
    expect(cell.getDisplayValue()).toBe('2026-12-25'); // the same day on screen
  });

  it('keeps wall-clock times when a sheet is copied into a spreadsheet of another zone', () => {
    const emu = newEmu({ spreadsheetDefaults: { timeZone: 'Asia/Jakarta' } });
    const { SpreadsheetApp } = gas(emu);
    const source = SpreadsheetApp.getActive().getSheets()[0];
    source.getRange('A1').setValue(new Date('2026-11-23T02:00:00Z')); // 09:00 WIB
    const temp = SpreadsheetApp.create('Salinan');
    temp.setSpreadsheetTimeZone('UTC');
    const copy = source.copyTo(temp);
    expect((copy.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('reads typed input by the locale: id_ID puts the day first and writes a decimal comma', () => {
    const emu = newEmu({ spreadsheetDefaults: { timeZone: 'Asia/Jakarta' } });
    const ss = gas(emu).SpreadsheetApp.getActive();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:C1').setValues([['3/11/2026', '1,5', '1.234,5']]);
    const us = sheet.getRange('A1:C1').getValues()[0];
    expect((us[0] as Date).toISOString()).toBe('2026-03-10T17:00:00.000Z'); // en_US: 11 March
    expect(us.slice(1)).toEqual(['1,5', '1.234,5']); // text: not numbers in en_US
    ss.setSpreadsheetLocale('id_ID');
    expect(ss.getSpreadsheetLocale()).toBe('id_ID');
    sheet.getRange('A2:C2').setValues([['3/11/2026', '1,5', '1.234,5']]);
    const id = sheet.getRange('A2:C2').getValues()[0];
    expect((id[0] as Date).toISOString()).toBe('2026-11-02T17:00:00.000Z'); // id_ID: 3 November
    expect(id.slice(1)).toEqual([1.5, 1234.5]);
    expect(() => ss.setSpreadsheetLocale('Indonesia')).toThrow('Invalid argument: locale');
  });
});
