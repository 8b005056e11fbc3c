// The emulated spreadsheet as a real .xlsx file (exceljs): every sheet in order, every stored value
// with its type, formulas as formulas (with their computed result), dates as Excel dates in the
// spreadsheet's time zone, number formats, frozen rows, bold headers and column widths.

import ExcelJS from 'exceljs';
import type { Cell, SheetModel, SpreadsheetModel } from '../emulator/model';
import { epochToSerial } from '../emulator/time';

const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const MS_DAY = 86_400_000;
/** Days from 1899-12-30 (the serial epoch) to 1970-01-01. */
const SERIAL_UNIX_DAYS = 25_569;

/** A Date whose UTC fields are the wall-clock time in `tz`: what exceljs writes as an Excel date. */
export function excelDate(ms: number, tz: string): Date {
  return new Date(Math.round((epochToSerial(ms, tz) - SERIAL_UNIX_DAYS) * MS_DAY));
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique (case-insensitive). */
function excelSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet';
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(out.toLowerCase());
  return out;
}

type ExcelValue = ExcelJS.CellValue;

function plainValue(cell: Cell, tz: string): ExcelValue {
  if (cell.v === undefined) return null;
  if (cell.d === 1 && typeof cell.v === 'number') return excelDate(cell.v, tz);
  return cell.v;
}

function formulaResult(
  sheet: SheetModel,
  r: number,
  c: number,
  tz: string,
): ExcelJS.CellFormulaValue['result'] {
  const v = sheet.value(r, c);
  if (v instanceof Date) return excelDate(v.getTime(), tz);
  if (typeof v === 'string' && /^#[A-Z0-9/!?]+$/.test(v))
    return { error: v as ExcelJS.CellErrorValue['error'] };
  return v;
}

function numberFormat(cell: Cell): string | undefined {
  if (cell.nf && cell.nf !== 'General') return cell.nf;
  if (cell.d === 1) return DEFAULT_DATE_FORMAT;
  return undefined;
}

function addSheet(wb: ExcelJS.Workbook, sheet: SheetModel, tz: string, taken: Set<string>): void {
  const json = sheet.toJSON();
  const ws = wb.addWorksheet(excelSheetName(json.name, taken), {
    state: json.hidden ? 'hidden' : 'visible',
    views:
      json.frozenRows || json.frozenCols
        ? [{ state: 'frozen', xSplit: json.frozenCols, ySplit: json.frozenRows }]
        : [],
  });
  for (const [col, px] of Object.entries(json.colWidths)) {
    ws.getColumn(Number(col)).width = Math.max(4, Math.round(Number(px) / 7));
  }
  for (const [r, c, cell] of json.cells) {
    if (cell.v === undefined && cell.f === undefined) continue;
    const target = ws.getCell(r, c);
    if (cell.f) {
      target.value = {
        formula: cell.f.replace(/^=/, ''),
        result: formulaResult(sheet, r, c, tz),
      } as ExcelJS.CellFormulaValue;
    } else {
      target.value = plainValue(cell, tz);
    }
    const fmt = numberFormat(cell);
    if (fmt) target.numFmt = fmt;
    if (cell.st && cell.st.fontWeight === 'bold') target.font = { bold: true };
  }
}

/** The whole spreadsheet as .xlsx bytes. */
export async function workbookXlsx(ss: SpreadsheetModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HALO KOP-UKM playground';
  wb.title = ss.name;
  const taken = new Set<string>();
  for (const sheet of ss.sheets) addSheet(wb, sheet, ss.timeZone, taken);
  if (ss.sheets.length === 0) wb.addWorksheet('Sheet1');
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
