// Sheet.copyTo, DriveApp (getFileById, trash, export) and Spreadsheet.getAs: what the weekly report
// uses to mail one sheet as PDF (a temporary spreadsheet, a copy of the sheet, its PDF, the trash).
import { runConcurrent } from '../../dev/emulator/concurrent';
import { GoogleEmulator } from '../../dev/emulator/index';
import { gas, newEmu, script, thrown } from './helpers';

const NO_ITEM =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/** A report-like sheet: header, typed values, a text number, a checkbox, a list rule, a chart. */
function reportSheet(emu: GoogleEmulator): GoogleAppsScript.Spreadsheet.Sheet {
  const g = gas(emu);
  const sheet = g.SpreadsheetApp.getActive().insertSheet('Laporan 2026-W47');
  sheet.getRange('A1:C3').setValues([
    ['Hari', 'Sesi', 'Kode'],
    ['Senin', 4, "'0812"],
    ['Selasa', 2, '=B2+B3'],
  ]);
  sheet.getRange('A1:C1').setFontWeight('bold').setBackground('#e0e0e0');
  sheet.getRange('B2:B3').setNumberFormat('0.0');
  sheet.getRange('D2').insertCheckboxes();
  sheet
    .getRange('E2')
    .setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Ya', 'Tidak']).build());
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 180);
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 1, 0, 0)
      .setOption('title', 'Sesi per hari')
      .build(),
  );
  return sheet;
}

describe('Sheet.copyTo', () => {
  it('copies a sheet into another spreadsheet as "Copy of <name>" with values, formats, rules, frozen rows and charts', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const source = reportSheet(emu);
    const temp = SpreadsheetApp.create('Laporan 2026-W47');
    const copy = source.copyTo(temp);

    expect(copy.getName()).toBe('Copy of Laporan 2026-W47');
    expect(copy.getParent().getId()).toBe(temp.getId());
    expect(temp.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Copy of Laporan 2026-W47']);
    expect([copy.getMaxRows(), copy.getMaxColumns()]).toEqual([1000, 26]);
    expect(copy.getRange('A1:C3').getValues()).toEqual([
      ['Hari', 'Sesi', 'Kode'],
      ['Senin', 4, '0812'],
      ['Selasa', 2, 6],
    ]);
    expect(copy.getRange('C3').getFormula()).toBe('=B2+B3');
    expect(copy.getRange('B2').getDisplayValue()).toBe('4.0');
    expect(copy.getRange('A1').getFontWeight()).toBe('bold');
    expect(copy.getRange('A1').getBackground()).toBe('#e0e0e0');
    expect(copy.getRange('D2').isChecked()).toBe(false);
    expect(copy.getRange('E2').getDataValidation()?.getCriteriaValues()).toEqual([['Ya', 'Tidak'], true]);
    expect(copy.getFrozenRows()).toBe(1);
    expect(copy.getColumnWidth(1)).toBe(180);
    const [chart] = copy.getCharts();
    expect(chart.getOptions().get('title')).toBe('Sesi per hari');
    expect(chart.getContainerInfo().getAnchorRow()).toBe(5);
    expect(chart.getRanges().map((r) => [r.getSheet().getName(), r.getA1Notation()])).toEqual([
      ['Copy of Laporan 2026-W47', 'A1:B3'],
    ]);
    // The copy is independent of its source.
    copy.getRange('A2').setValue('Rabu');
    expect(source.getRange('A2').getValue()).toBe('Senin');
    expect(source.getCharts()[0].getRanges()[0].getSheet().getName()).toBe('Laporan 2026-W47');
  });

  it('copies within the same spreadsheet too, numbering a name already taken', () => {
    const emu = newEmu();
    const ss = gas(emu).SpreadsheetApp.getActive();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1').setValue('x');
    const first = sheet.copyTo(ss);
    expect(first.getName()).toBe('Copy of Sheet1');
    expect(first.getSheetId()).not.toBe(sheet.getSheetId());
    expect(sheet.copyTo(ss).getName()).toBe('Copy of Sheet1 2');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Copy of Sheet1', 'Copy of Sheet1 2']);
    expect(ss.getSheetByName('Copy of Sheet1 2')?.getRange('A1').getValue()).toBe('x');
  });

  it('copies the buffered writes of the running execution and counts one round trip', () => {
    const emu = newEmu();
    const exec = emu.beginExecution('copy');
    const { SpreadsheetApp } = gas(emu, exec);
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange('A1').setValue('buffered');
    const temp = SpreadsheetApp.create('tmp');
    const copy = sheet.copyTo(temp);
    emu.endExecution(exec);
    expect(emu.spreadsheets.get(temp.getId())?.sheet(copy.getName()).getValues('A1')).toEqual([['buffered']]);
    expect(exec.calls.byMethod['SpreadsheetApp.Sheet.copyTo']).toBe(1);
    // create and copyTo are round trips; setValue too; getActive, getSheets[0] navigation aside.
    expect(exec.calls.roundTrips).toBe(4);
  });

  it('refuses anything but a spreadsheet, with Google’s signature error', () => {
    const emu = newEmu();
    const sheet = gas(emu).SpreadsheetApp.getActive().getSheets()[0];
    const err = thrown(() => sheet.copyTo('abc' as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet));
    expect(err).toEqual({
      name: 'Exception',
      message: "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.copyTo.",
    });
  });
});

describe('Spreadsheet.getAs', () => {
  it('exports the visible sheets as a minimal PDF and refuses other types', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const source = reportSheet(emu);
    const temp = SpreadsheetApp.create('Laporan 2026-W47');
    const copy = source.copyTo(temp).setName('Laporan 2026-W47');
    temp.deleteSheet(temp.getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(copy.getName()).toBe('Laporan 2026-W47');
    const pdf = temp.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Laporan 2026-W47.pdf');
    const text = pdf.getDataAsString('ISO-8859-1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('(Senin  4.0  0812');
    expect(text).not.toContain('(Sheet1)');
    expect(thrown(() => temp.getAs('text/csv')).message).toBe(
      'Converting from application/vnd.google-apps.spreadsheet to text/csv is not supported.',
    );
  });
});

describe('DriveApp', () => {
  it('gets a spreadsheet as a File and trashes it; a trashed spreadsheet still opens by id', () => {
    const emu = newEmu();
    const { SpreadsheetApp, DriveApp } = gas(emu);
    const temp = SpreadsheetApp.create('Laporan 2026-W47');
    temp.getSheets()[0].getRange('A1').setValue('Ringkasan');
    const file = DriveApp.getFileById(temp.getId());
    expect(file.getId()).toBe(temp.getId());
    expect(file.getName()).toBe('Laporan 2026-W47');
    expect(file.getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
    expect(file.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${temp.getId()}/edit?usp=drivesdk`);
    expect(file.isTrashed()).toBe(false);
    expect(file.setTrashed(true)).toBe(file);
    expect(file.isTrashed()).toBe(true);
    expect(emu.spreadsheets.get(temp.getId())?.trashed).toBe(true);
    expect(DriveApp.getFileById(temp.getId()).isTrashed()).toBe(true);
    expect(SpreadsheetApp.openById(temp.getId()).getSheets()[0].getRange('A1').getValue()).toBe('Ringkasan');
    expect(emu.spreadsheet.trashed).toBe(false);
    file.setTrashed(false);
    expect(emu.spreadsheets.get(temp.getId())?.trashed).toBe(false);
  });

  it('exports a spreadsheet file as PDF (getBlob, getAs)', () => {
    const emu = newEmu({ spreadsheetName: 'HALO KOP-UKM' });
    const { SpreadsheetApp, DriveApp } = gas(emu);
    SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('Ringkasan');
    const file = DriveApp.getFileById(SpreadsheetApp.getActive().getId());
    for (const blob of [file.getBlob(), file.getAs('application/pdf')]) {
      expect(blob.getContentType()).toBe('application/pdf');
      expect(blob.getName()).toBe('HALO KOP-UKM.pdf');
      expect(blob.getDataAsString('ISO-8859-1')).toContain('(Ringkasan)');
    }
    expect(thrown(() => file.getAs('text/plain')).name).toBe('Exception');
  });

  it('answers an unknown id with Google’s error and refuses a non-boolean trash flag', () => {
    const emu = newEmu();
    const { DriveApp, SpreadsheetApp } = gas(emu);
    expect(thrown(() => DriveApp.getFileById('1nope'))).toEqual({ name: 'Exception', message: NO_ITEM });
    const file = DriveApp.getFileById(SpreadsheetApp.getActive().getId());
    expect(thrown(() => file.setTrashed('yes' as unknown as boolean)).message).toBe(
      "The parameters (String) don't match the method signature for DriveApp.File.setTrashed.",
    );
  });

  it('is a global of scripts, counted in its own bucket', () => {
    const emu = newEmu();
    const sb = script(
      emu,
      `function trashTemp() {
        var temp = SpreadsheetApp.create('tmp');
        var file = DriveApp.getFileById(temp.getId()).setTrashed(true);
        var err = '';
        try { DriveApp.getFileById('1nope'); } catch (e) { err = String(e); }
        return [typeof DriveApp, file.isTrashed(), err, temp.getId()];
      }`,
    );
    const { result, calls } = sb.run('trashTemp');
    const [kind, trashed, err, id] = result as [string, boolean, string, string];
    expect([kind, trashed, err]).toEqual(['object', true, `Exception: ${NO_ITEM}`]);
    expect(emu.spreadsheets.get(id)?.trashed).toBe(true);
    expect(calls.drive).toBe(4);
    expect(calls.byMethod['DriveApp.getFileById']).toBe(2);
    expect(calls.byMethod['DriveApp.File.setTrashed']).toBe(1);
  });

  it('works in worker executions (runConcurrent)', async () => {
    const emu = newEmu();
    const code = `function trash(id) {
      var file = DriveApp.getFileById(id);
      file.setTrashed(true);
      var copy = SpreadsheetApp.getActive().getSheets()[0].copyTo(SpreadsheetApp.openById(id));
      return [typeof DriveApp, file.isTrashed(), copy.getName()];
    }`;
    const temp = emu.createSpreadsheet('tmp');
    const [r] = await runConcurrent(emu, 'Code.js', [{ fn: 'trash', args: [temp.id] }], { code });
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual(['object', true, 'Copy of Sheet1']);
    expect(temp.trashed).toBe(true);
  });

  it('keeps the trashed state through toJSON / fromJSON', () => {
    const emu = newEmu();
    const { SpreadsheetApp, DriveApp } = gas(emu);
    const temp = SpreadsheetApp.create('tmp');
    DriveApp.getFileById(temp.getId()).setTrashed(true);
    const back = GoogleEmulator.fromJSON(JSON.stringify(emu));
    expect(back.spreadsheets.get(temp.getId())?.trashed).toBe(true);
    expect(back.spreadsheet.trashed).toBe(false);
    expect(gas(back).DriveApp.getFileById(temp.getId()).isTrashed()).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(emu));
    // A state saved before trash existed loads as not trashed.
    const old = emu.toJSON();
    for (const s of old.spreadsheets) delete s.trashed;
    expect(GoogleEmulator.fromJSON(old).spreadsheets.get(temp.getId())?.trashed).toBe(false);
  });
});
