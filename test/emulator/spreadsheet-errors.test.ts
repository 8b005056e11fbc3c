import { gas, newEmu, script, thrown } from './helpers';

describe('SpreadsheetApp errors and limits', () => {
  const setup = (): {
    sheet: GoogleAppsScript.Spreadsheet.Sheet;
    ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  } => {
    const { SpreadsheetApp } = gas(newEmu());
    const ss = SpreadsheetApp.getActive();
    return { ss, sheet: ss.getSheets()[0] };
  };

  it('rejects setValues whose size does not match the range, with Google messages', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange('A1:B2').setValues([[1, 2]])).message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(thrown(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('names service errors "Exception" inside the script', () => {
    const sb = script(
      newEmu(),
      `function t() {
        try { SpreadsheetApp.getActive().getSheets()[0].getRange(0, 1); }
        catch (e) { return [e.name, e.message, String(e), e instanceof Error]; }
      }`,
    );
    expect(sb.run('t').result).toEqual([
      'Exception',
      'The starting row of the range is too small.',
      'Exception: The starting row of the range is too small.',
      true,
    ]);
  });

  it('validates getRange coordinates like Google', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe('The starting row of the range is too small.');
    expect(thrown(() => sheet.getRange(1, 0)).message).toBe('The starting column of the range is too small.');
    expect(thrown(() => sheet.getRange(2, 1, 0, 1)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(thrown(() => sheet.getRange(2, 1, 1, 0)).message).toBe(
      'The number of columns in the range must be at least 1.',
    );
    expect(thrown(() => sheet.getRange(1000, 1, 2, 1)).message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => sheet.getRange(1, 27)).message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => sheet.getRange('A1001')).message).toBe('Range not found');
    expect(thrown(() => sheet.getRange('B')).message).toBe('Range not found');
    expect(thrown(() => sheet.getRange(1, 1, undefined as unknown as number)).message).toMatch(
      /^The parameters \(number,number,null\) don't match the method signature for SpreadsheetApp\.Sheet\.getRange\.$/,
    );
    expect(sheet.getRange('A2:B').getA1Notation()).toBe('A2:B1000');
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('refuses a cell over 50,000 characters', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(thrown(() => sheet.getRange('A2').setValue('x'.repeat(50_001))).message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(thrown(() => sheet.appendRow(['y'.repeat(50_001)])).message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('refuses to grow the workbook beyond 10,000,000 cells (max rows × max columns)', () => {
    const { ss, sheet } = setup();
    sheet.insertRowsAfter(1000, 384_000 - 1000); // 384,000 × 26 = 9,984,000 cells
    expect(sheet.getMaxRows()).toBe(384_000);
    const msg =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expect(thrown(() => ss.insertSheet('Another')).message).toBe(msg);
    expect(thrown(() => sheet.insertColumnsAfter(26, 1)).message).toBe(msg);
    sheet.insertRowsAfter(384_000, 615); // 384,615 × 26 = 9,999,990
    expect(thrown(() => sheet.insertRowsAfter(1, 1)).message).toBe(msg);
  });

  it('refuses a duplicate sheet name (case-insensitive) with Google message', () => {
    const { ss } = setup();
    ss.insertSheet('Sesi');
    expect(thrown(() => ss.insertSheet('Sesi')).message).toBe(
      'A sheet with the name "Sesi" already exists. Please enter another name.',
    );
    expect(thrown(() => ss.insertSheet('SESI')).message).toBe(
      'A sheet with the name "SESI" already exists. Please enter another name.',
    );
    expect(thrown(() => ss.getSheets()[0].setName('sesi')).name).toBe('Exception');
    expect(ss.getSheetByName('sesi')?.getName()).toBe('Sesi');
  });

  it('refuses non-2D data in setValues', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange('A1').setValues([1] as unknown as unknown[][])).message).toBe(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });
});
