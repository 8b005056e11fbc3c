// "Siapkan Spreadsheet": creates or repairs every sheet, idempotently. A second run changes
// nothing; reordered or extra columns keep working and keep their data; nothing is deleted.

import { checkboxValidation, listValidation, protectionType } from '../platform/spreadsheet';
import { asText } from './cells';
import type { ColumnDef, SheetDef, SheetKey } from './schema';
import { SHEET_ORDER, SHEETS } from './schema';
import { SETTING_DEFS } from './settings';
import { headerRow, normaliseHeader } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const PROTECTION_MARK = 'HALO KOP-UKM';

const FORMATS: Partial<Record<ColumnDef['type'], string>> = {
  text: '@',
  datetime: 'dd/mm/yyyy hh:mm',
  date: 'dd/mm/yyyy',
  number: '0.##',
};

export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
  addedSettings: string[];
}

export function setupSpreadsheet(ss: Spreadsheet): SetupReport {
  const report: SetupReport = { createdSheets: [], addedColumns: [], addedSettings: [] };
  for (const key of SHEET_ORDER) setupSheet(ss, key, report);
  addMissingSettings(ss, report);
  return report;
}

function setupSheet(ss: Spreadsheet, key: SheetKey, report: SetupReport): void {
  const def: SheetDef = SHEETS[key];
  let sheet = ss.getSheetByName(def.name);
  if (!sheet) {
    sheet = ss.insertSheet(def.name);
    report.createdSheets.push(def.name);
  }
  const headers = headerRow(sheet);
  const present = new Set(headers.map(normaliseHeader));
  // A missing column with a place (`after`) goes right after that column, when the sheet has it.
  for (const col of def.columns) {
    if (!col.after || present.has(normaliseHeader(col.header))) continue;
    const before = def.columns.find((c) => c.key === col.after);
    const index = before
      ? headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(before.header))
      : -1;
    if (index < 0 || headers.length === 0) continue;
    sheet.insertColumnAfter(index + 1);
    sheet.getRange(1, index + 2).setValue(col.header);
    headers.splice(index + 1, 0, col.header);
    present.add(normaliseHeader(col.header));
    report.addedColumns.push(`${def.name}!${col.header}`);
  }
  const missing = def.columns.filter((c) => !present.has(normaliseHeader(c.header)));
  if (missing.length > 0) {
    const start = headers.length + 1;
    if (start + missing.length - 1 > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), start + missing.length - 1 - sheet.getMaxColumns());
    }
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map((c) => c.header)]);
    for (const c of missing) {
      headers.push(c.header);
      report.addedColumns.push(`${def.name}!${c.header}`);
    }
  }
  // Product-owned sheets grow by thousands of rows: empty spare columns would count against the
  // spreadsheet's 10 million cells (26 columns instead of 9 triples the cost of a message row).
  if (def.systemOwned && sheet.getMaxColumns() > headers.length && sheet.getLastColumn() <= headers.length) {
    sheet.deleteColumns(headers.length + 1, sheet.getMaxColumns() - headers.length);
  }
  const headerRange = sheet.getRange(1, 1, 1, headers.length);
  headerRange.setFontWeight('bold');
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);

  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const validations: { col: number; build: () => GoogleAppsScript.Spreadsheet.DataValidation }[] = [];
  for (const col of def.columns) {
    const index = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(col.header)) + 1;
    if (index < 1) continue;
    const body = sheet.getRange(2, index, rows, 1);
    const format = FORMATS[col.type];
    if (format && body.getNumberFormat() !== format) body.setNumberFormat(format);
    if (col.type === 'list' && col.values) {
      const values = [...col.values];
      validations.push({
        col: index,
        build: () => listValidation(values),
      });
    } else if (col.type === 'checkbox') {
      validations.push({
        col: index,
        build: () => checkboxValidation(),
      });
    }
  }
  for (const v of validations) {
    const body = sheet.getRange(2, v.col, rows, 1);
    if (!sameValidation(body.getDataValidation(), v.build())) body.setDataValidation(v.build());
  }
  protect(sheet, def, headers);
  if (def.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
}

function sameValidation(
  a: GoogleAppsScript.Spreadsheet.DataValidation | null,
  b: GoogleAppsScript.Spreadsheet.DataValidation,
): boolean {
  if (!a) return false;
  return (
    String(a.getCriteriaType()) === String(b.getCriteriaType()) &&
    JSON.stringify(a.getCriteriaValues()) === JSON.stringify(b.getCriteriaValues())
  );
}

/** Warning-only protection: staff can still edit, after a warning. */
function protect(sheet: Sheet, def: SheetDef, headers: string[]): void {
  const existing = sheet
    .getProtections(protectionType('RANGE'))
    .concat(sheet.getProtections(protectionType('SHEET')))
    .map((p) => p.getDescription());
  const want: { description: string; make: () => GoogleAppsScript.Spreadsheet.Protection }[] = [];
  if (def.systemOwned || def.hidden) {
    want.push({ description: `${PROTECTION_MARK}: ${def.name}`, make: () => sheet.protect() });
  } else {
    want.push({
      description: `${PROTECTION_MARK}: judul kolom ${def.name}`,
      make: () => sheet.getRange(1, 1, 1, headers.length).protect(),
    });
    for (const col of def.columns.filter((c) => c.system)) {
      const index = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(col.header)) + 1;
      if (index < 1) continue;
      want.push({
        description: `${PROTECTION_MARK}: ${def.name}!${col.header}`,
        make: () => sheet.getRange(1, index, sheet.getMaxRows(), 1).protect(),
      });
    }
  }
  for (const w of want) {
    if (existing.includes(w.description)) continue;
    w.make().setDescription(w.description).setWarningOnly(true);
  }
}

function addMissingSettings(ss: Spreadsheet, report: SetupReport): void {
  const sheet = ss.getSheetByName(SHEETS.settings.name);
  if (!sheet) return;
  const width = sheet.getLastColumn();
  const last = sheet.getLastRow();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0].map(normaliseHeader);
  const keyCol = headers.indexOf(normaliseHeader('Kunci'));
  const valueCol = headers.indexOf(normaliseHeader('Nilai'));
  const descCol = headers.indexOf(normaliseHeader('Keterangan'));
  const existing = new Set(
    last < 2
      ? []
      : sheet
          .getRange(2, keyCol + 1, last - 1, 1)
          .getValues()
          .map((r) => String(r[0]).trim()),
  );
  const rows = SETTING_DEFS.filter((d) => !existing.has(d.key)).map((d) => {
    const row: string[] = new Array<string>(width).fill('');
    row[keyCol] = d.key;
    row[valueCol] = asText(d.defaultValue);
    row[descCol] = asText(d.description);
    report.addedSettings.push(d.key);
    return row;
  });
  if (rows.length > 0) sheet.getRange(last + 1, 1, rows.length, width).setValues(rows);
}
