// SpreadsheetApp and Drive beyond the sheets themselves (which store/ reads and writes): the
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

/**
 * Deletes for good a file this script created (a temporary spreadsheet), through the Drive
 * advanced service: it works under the `drive.file` scope for files the script created, where
 * DriveApp would need the full `drive` scope (developers.google.com/apps-script/advanced/drive).
 */
export function deleteCreatedFile(id: string): void {
  if (typeof Drive === 'undefined')
    throw new Error('Drive advanced service is not enabled (appsscript.json)');
  Drive.Files.remove(id);
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
