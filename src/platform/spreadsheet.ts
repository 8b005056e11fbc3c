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

/** The locale of the product's spreadsheets: Indonesian (dates typed day first, decimal comma). */
export const SPREADSHEET_LOCALE = 'id_ID';

/**
 * Gives a spreadsheet the service's time zone and locale when it has others (a new file has its
 * creator's defaults, not the script's zone). Date cells keep their wall-clock time when the zone
 * changes, so this is done before anything is written.
 */
export function applyZoneAndLocale(
  ss: Spreadsheet,
  timeZone: string | null,
  locale = SPREADSHEET_LOCALE,
): void {
  if (timeZone && ss.getSpreadsheetTimeZone() !== timeZone) ss.setSpreadsheetTimeZone(timeZone);
  if (ss.getSpreadsheetLocale() !== locale) ss.setSpreadsheetLocale(locale);
}

/** The spreadsheet's own time zone (File → Settings), in which its date cells are wall-clock times. */
export function spreadsheetZone(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone();
}

/** `yyyy-MM-dd HH:mm` of an instant as the clock of `timeZone` shows it (1899 dates included). */
export function wallClock(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, 'yyyy-MM-dd HH:mm');
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
