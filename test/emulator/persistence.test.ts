import { GoogleEmulator } from '../../dev/emulator/index';
import { gas, newEmu, script } from './helpers';

describe('toJSON / fromJSON', () => {
  it('round-trips the whole state through JSON text', () => {
    const emu = newEmu({ userEmail: 'admin@example.com', addOn: true });
    emu.htmlFiles.Sidebar = '<p>x</p>';
    const g = gas(emu);
    const ss = g.SpreadsheetApp.getActive();
    const sheet = ss.insertSheet('Sesi');
    sheet.getRange('A1:C1').setValues([['ID', 'Nomor', 'Mulai']]);
    sheet.getRange('B:B').setNumberFormat('@');
    sheet.appendRow(['HK-1', '0812', new Date('2026-11-23T02:00:00Z')]);
    sheet.getRange('D2').setFormula('=1+1');
    sheet.setFrozenRows(1);
    sheet.protect().setWarningOnly(true).setDescription('Sistem');
    sheet.getRange('E2').insertCheckboxes();
    sheet
      .getRange('F2')
      .setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build());
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(g.Charts.ChartType.COLUMN)
        .addRange(sheet.getRange('A1:B2'))
        .setOption('title', 't')
        .build(),
    );
    g.PropertiesService.getScriptProperties().setProperty('u:628', '{"step":"menu"}');
    g.CacheService.getScriptCache().put('cfg', 'v', 60);
    g.ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    g.UrlFetchApp.fetch('https://example.com/');
    g.MailApp.sendEmail('a@example.com', 's', 'b');
    script(emu, 'function f() { console.log("hi"); }').run('f');

    const text = JSON.stringify(emu);
    const back = GoogleEmulator.fromJSON(text);
    expect(JSON.stringify(back)).toBe(text);

    const s2 = gas(back)
      .SpreadsheetApp.getActive()
      .getSheetByName('Sesi') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(s2.getRange('A2:D2').getValues()).toEqual([['HK-1', '0812', new Date('2026-11-23T02:00:00Z'), 2]]);
    expect(s2.getRange('B5').getNumberFormat()).toBe('@');
    expect(s2.getFrozenRows()).toBe(1);
    expect(s2.getProtections(gas(back).SpreadsheetApp.ProtectionType.SHEET)[0].getDescription()).toBe(
      'Sistem',
    );
    expect(s2.getRange('E2').isChecked()).toBe(false);
    expect(s2.getRange('F2').getDataValidation()?.getCriteriaValues()).toEqual([['a', 'b'], true]);
    expect(s2.getCharts()[0].getOptions().get('title')).toBe('t');
    expect(gas(back).PropertiesService.getScriptProperties().getProperty('u:628')).toBe('{"step":"menu"}');
    expect(gas(back).CacheService.getScriptCache().get('cfg')).toBe('v');
    back.clock.advanceMinutes(1);
    expect(gas(back).CacheService.getScriptCache().get('cfg')).toBeNull();
    expect(back.triggers.map((t) => t.handler)).toEqual(['tick']);
    expect([back.fetchLog.length, back.mailLog.length, back.logs.length]).toEqual([1, 1, 1]);
    expect(back.calls.executions.map((e) => e.name)).toEqual(['f']);
    expect(back.addOn).toBe(true);
    expect(back.htmlFiles.Sidebar).toBe('<p>x</p>');
    expect(gas(back).MailApp.getRemainingDailyQuota()).toBe(99);
    // new ids keep counting from the saved state
    const g2 = gas(back);
    g2.ScriptApp.newTrigger('other').forSpreadsheet(g2.SpreadsheetApp.getActive()).onOpen().create();
    expect(new Set(back.triggers.map((t) => t.id)).size).toBe(2);
  });
});
