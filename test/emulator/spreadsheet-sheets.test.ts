import { gas, newEmu, script, thrown } from './helpers';

describe('SpreadsheetApp sheets and ranges', () => {
  it('creates sheets of 1000 rows × 26 columns at the given index', () => {
    const emu = newEmu();
    const ss = gas(emu).SpreadsheetApp.getActive();
    const a = ss.insertSheet('A');
    const b = ss.insertSheet('B', 0);
    expect([a.getMaxRows(), a.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B', 'Sheet1', 'A']);
    expect(b.getIndex()).toBe(1);
    expect(ss.getSheetByName('Sheet1')?.getSheetId()).toBe(0);
    expect(a.getSheetId()).not.toBe(b.getSheetId());
    ss.deleteSheet(b);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'A']);
    expect(ss.getSheetByName('B')).toBeNull();
  });

  it('answers getLastRow/getLastColumn from content (0 when empty) and appends after the last row', () => {
    const emu = newEmu();
    const sheet = gas(emu).SpreadsheetApp.getActive().getSheets()[0];
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setNumberFormat('@'); // a format is not content
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B3').setValue('x');
    sheet.appendRow(['a', 'b']);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getRange('A4:B4').getValues()).toEqual([['a', 'b']]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B4');
  });

  it('grows the grid only through appendRow and insertRows, inheriting the formats of the row above', () => {
    const emu = newEmu();
    const sheet = gas(emu).SpreadsheetApp.getActive().insertSheet('Pesan');
    sheet.getRange('A1:B1000').setNumberFormat('@');
    sheet.getRange('A1000').setValue('last');
    expect(thrown(() => sheet.getRange(1001, 1)).message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.appendRow(['0812', '0813', 'x'.repeat(3)]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001:C1001').getValues()).toEqual([['0812', '0813', 'xxx']]);
    sheet.insertRowsAfter(1001, 9);
    expect(sheet.getMaxRows()).toBe(1010);
    expect(sheet.getRange('A1010').getNumberFormat()).toBe('@');
    sheet.appendRow([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
      'k',
      'l',
      'm',
      'n',
      'o',
      'p',
      'q',
      'r',
      's',
      't',
      'u',
      'v',
      'w',
      'x',
      'y',
      'z',
      'aa',
    ]);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteRows(1002, 5);
    expect(sheet.getMaxRows()).toBe(1005);
  });

  it('freezes rows, hides sheets, protects with a warning and lists protections', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const ss = SpreadsheetApp.getActive();
    const sheet = ss.insertSheet('Sesi');
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    const p = sheet.protect().setDescription('Sistem').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(sheet.protect().getDescription()).toBe('Sistem'); // the existing sheet protection
    sheet.getRange('A:A').protect().setDescription('ID');
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).map((x) => x.getDescription())).toEqual([
      'Sistem',
    ]);
    expect(
      ss.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((x) => x.getRange().getA1Notation()),
    ).toEqual(['A1:A1000']);
    p.remove();
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(thrown(() => ss.getSheetByName('Sheet1')?.hideSheet()).name).toBe('Exception');
  });

  it('finds text case-insensitively and partially unless asked otherwise (TextFinder)', () => {
    const emu = newEmu();
    const sheet = gas(emu).SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange('A1:B3').setValues([
      ['HK-2611-0001', 'Budi'],
      ['HK-2611-0002', 'budiman'],
      ['HK-2611-0003', 'Siti'],
    ]);
    const f = sheet.createTextFinder('budi');
    expect(f.findAll().map((r) => r.getA1Notation())).toEqual(['B1', 'B2']);
    expect(f.findNext()?.getA1Notation()).toBe('B1');
    expect(f.findNext()?.getA1Notation()).toBe('B2');
    expect(f.findNext()).toBeNull();
    expect(f.findPrevious()?.getA1Notation()).toBe('B1');
    expect(
      sheet
        .createTextFinder('budi')
        .matchEntireCell(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B1']);
    expect(
      sheet
        .createTextFinder('budi')
        .matchCase(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2']);
    expect(sheet.getRange('A1:A3').createTextFinder('0003').findNext()?.getRow()).toBe(3);
    expect(sheet.createTextFinder('HK').startFrom(sheet.getRange('A2')).findNext()?.getA1Notation()).toBe(
      'A3',
    );
    expect(sheet.createTextFinder('nobody').findNext()).toBeNull();
  });

  it('builds data validation rules and checkboxes', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['Konsultasi', 'Pengaduan'], true)
      .setAllowInvalid(false)
      .setHelpText('Pilih jenis')
      .build();
    sheet.getRange('A2:A10').setDataValidation(rule);
    const got = sheet.getRange('A5').getDataValidation();
    expect(got?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['Konsultasi', 'Pengaduan'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(got?.getHelpText()).toBe('Pilih jenis');
    expect(sheet.getRange('A11').getDataValidation()).toBeNull();
    const n = SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).build();
    sheet.getRange('C1').setDataValidation(n);
    expect(sheet.getRange('C1').getDataValidation()?.getCriteriaValues()).toEqual([1, 5]);
    const checks = sheet.getRange('B1:B3');
    checks.insertCheckboxes();
    expect(checks.getValues()).toEqual([[false], [false], [false]]);
    expect(checks.isChecked()).toBe(false);
    sheet.getRange('B2').check();
    expect(checks.isChecked()).toBeNull();
    checks.check();
    expect(checks.isChecked()).toBe(true);
    expect(sheet.getRange('B1').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.getRange('D1').isChecked()).toBeNull();
  });

  it('stores formatting without rendering it', () => {
    const emu = newEmu();
    const sheet = gas(emu).SpreadsheetApp.getActive().getSheets()[0];
    sheet
      .getRange('A1:C1')
      .setFontWeight('bold')
      .setBackground('#d9ead3')
      .setFontColor('#000000')
      .setWrap(true)
      .setHorizontalAlignment('center');
    sheet.setColumnWidth(2, 240);
    sheet.setTabColor('#ff0000');
    const cell = emu.spreadsheet.sheet('Sheet1').cell(1, 2);
    expect(cell?.st).toEqual({
      fontWeight: 'bold',
      background: '#d9ead3',
      fontColor: '#000000',
      wrap: true,
      horizontalAlignment: 'center',
    });
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.getTabColor()).toBe('#ff0000');
    expect(sheet.getRange('A1').getBackground()).toBe('#d9ead3');
  });

  it('builds, inserts and removes embedded charts with their ranges, type and options', () => {
    const emu = newEmu();
    const { SpreadsheetApp, Charts } = gas(emu);
    const sheet = SpreadsheetApp.getActive().insertSheet('Laporan');
    sheet.getRange('A1:B3').setValues([
      ['Minggu', 'Sesi'],
      ['W47', 10],
      ['W48', 12],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 1, 0, 0)
      .setOption('title', 'Sesi per minggu')
      .build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
    expect(stored.getOptions().get('title')).toBe('Sesi per minggu');
    expect((stored as unknown as { getChartType(): string }).getChartType()).toBe('LINE');
    expect(stored.getContainerInfo().getAnchorRow()).toBe(5);
    sheet.removeChart(stored);
    expect(sheet.getCharts()).toEqual([]);
  });

  it('resolves Spreadsheet.getRange("Sheet!A1:B2") and offsets', () => {
    const emu = newEmu();
    const ss = gas(emu).SpreadsheetApp.getActive();
    ss.insertSheet('Hari Libur').getRange('B2').setValue('Natal');
    const r = ss.getRange("'Hari Libur'!A1:B2");
    expect(r.getSheet().getName()).toBe('Hari Libur');
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', 'Natal'],
    ]);
    expect(r.offset(1, 1, 1, 1).getValue()).toBe('Natal');
    expect(thrown(() => ss.getRange('Nope!A1')).message).toBe('Range not found');
    expect(r.getLastRow()).toBe(2);
    expect(r.getNumColumns()).toBe(2);
  });

  it('exposes id, name, URL, owner, editors, time zone and a PDF export', () => {
    const emu = newEmu({ userEmail: 'admin@bogorkab.go.id', spreadsheetName: 'HALO KOP-UKM' });
    const ss = gas(emu).SpreadsheetApp.getActive();
    expect(ss.getName()).toBe('HALO KOP-UKM');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getOwner()?.getEmail()).toBe('admin@bogorkab.go.id');
    ss.addEditor('staf@bogorkab.go.id');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['admin@bogorkab.go.id', 'staf@bogorkab.go.id']);
    // The account's default for a new file, not the script's Asia/Jakarta.
    expect(ss.getSpreadsheetTimeZone()).toBe('America/Los_Angeles');
    ss.setSpreadsheetTimeZone('UTC');
    expect(ss.getSpreadsheetTimeZone()).toBe('UTC');
    expect(thrown(() => ss.setSpreadsheetTimeZone('Mars/Base')).name).toBe('Exception');
    const pdf = ss.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('HALO KOP-UKM.pdf');
    const text = pdf.getDataAsString('ISO-8859-1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('opens other spreadsheets by id and creates new ones', () => {
    const emu = newEmu();
    const { SpreadsheetApp } = gas(emu);
    const other = emu.createSpreadsheet('Arsip');
    expect(SpreadsheetApp.openById(other.id).getName()).toBe('Arsip');
    const created = SpreadsheetApp.create('Laporan Mingguan');
    expect(emu.spreadsheets.get(created.getId())?.name).toBe('Laporan Mingguan');
    expect(thrown(() => SpreadsheetApp.openById('nope')).name).toBe('Exception');
  });

  it('records menus, sidebars, dialogs, alerts and toasts; getUi fails outside the editor', () => {
    const emu = newEmu({ addOnName: 'HALO KOP-UKM' });
    emu.htmlFiles.Sidebar = '<p>Sidebar</p>';
    const sb = script(
      emu,
      `function onOpen() {
        SpreadsheetApp.getUi().createAddonMenu()
          .addItem('Buka sidebar', 'openSidebar').addSeparator().addItem('Siapkan', 'setup').addToUi();
      }
      function openSidebar() {
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('HALO'));
        SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<b>x</b>').setWidth(500).setHeight(300), 'Pengaturan');
        SpreadsheetApp.getActive().toast('Selesai', 'HALO');
        return SpreadsheetApp.getUi().alert('Yakin?');
      }
      function doGet() { SpreadsheetApp.getUi(); }`,
    );
    sb.run('onOpen');
    expect(emu.ui.menus).toEqual([
      {
        name: 'HALO KOP-UKM',
        addon: true,
        items: [
          { caption: 'Buka sidebar', functionName: 'openSidebar' },
          { separator: true },
          { caption: 'Siapkan', functionName: 'setup' },
        ],
      },
    ]);
    expect(sb.run('openSidebar').result).toBe('OK');
    expect(emu.ui.shown.map((s) => [s.kind, s.title, s.width, s.html])).toEqual([
      ['sidebar', 'HALO', 300, '<p>Sidebar</p>'],
      ['modalDialog', 'Pengaturan', 500, '<b>x</b>'],
    ]);
    expect(emu.ui.toasts[0]).toMatchObject({ message: 'Selesai', title: 'HALO' });
    expect(emu.ui.alerts[0]).toMatchObject({ prompt: 'Yakin?', kind: 'alert' });
    expect(() => sb.run('doGet')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});
