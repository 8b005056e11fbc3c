// SpreadsheetApp and DriveApp beyond the sheets themselves (which store/ reads and writes): the
// spreadsheet the script is bound to, other spreadsheets (archives, the report's PDF copy), and
// the builders setup needs.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet the script is bound to (or the add-on runs in). */
export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActive();
}

/** Another spreadsheet by id; throws when it is gone or not shared with the script. */
export function openSpreadsheet(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}

/** A new spreadsheet in the script owner's Drive. */
export function createSpreadsheet(name: string): Spreadsheet {
  return SpreadsheetApp.create(name);
}

/** Applies pending sheet writes now (before a state record says they were made). */
export function flushSheets(): void {
  SpreadsheetApp.flush();
}

/** Moves a Drive file to the trash (nothing when Drive is not available to the script). */
export function trashFile(id: string): void {
  if (typeof DriveApp !== 'undefined') DriveApp.getFileById(id).setTrashed(true);
}

/** A dropdown of `values` that refuses anything else. */
export function listValidation(values: string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(false).build();
}

/** A checkbox. */
export function checkboxValidation(): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation().requireCheckbox().build();
}

/** The kinds of protection (`RANGE`, `SHEET`). */
export function protectionType(kind: 'RANGE' | 'SHEET'): GoogleAppsScript.Spreadsheet.ProtectionType {
  return SpreadsheetApp.ProtectionType[kind];
}
