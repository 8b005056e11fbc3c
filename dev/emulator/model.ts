/**
 * The spreadsheet model: typed cells, number formats, validation, styles, protections, frozen rows
 * and charts. It is plain data (serialisable) with a small host API for tests and the playground
 * (`sheet.getValues('A1:C3')`, `sheet.setValues('A1', rows)`); scripts reach it through the
 * SpreadsheetApp service objects in services/spreadsheet/.
 */
import { parseA1, quoteSheetName, toA1 } from './a1';
import { GasError, MSG } from './errors';
import { evaluateFormula, type FValue, type FormulaEnv } from './formula';
import { isDate } from './realm';
import { displayValue, epochToSerial, zonedParts, zonedToEpoch } from './time';

export const MAX_CELL_CHARS = 50_000;
export const MAX_CELLS = 10_000_000;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;

export interface ValidationSpec {
  /** SpreadsheetApp.DataValidationCriteria name: VALUE_IN_LIST, CHECKBOX, NUMBER_BETWEEN, … */
  criteria: string;
  /** Criteria arguments, JSON-safe (dates as epoch ms, ranges as "Sheet!A1:B2"). */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface Cell {
  /** Stored value; for a date (d = 1) epoch ms. Absent when empty. */
  v?: string | number | boolean;
  d?: 1;
  /** Formula text, e.g. "=SUM(A1:A3)". */
  f?: string;
  /** Number format ("@" = plain text). */
  nf?: string;
  dv?: ValidationSpec;
  /** Formatting (stored, not rendered): fontWeight, background, fontColor, wrap, … */
  st?: Record<string, string | boolean | number>;
  note?: string;
}

export interface GridRect {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

/** The rows of `rect`, each cell given by `fn(row, column)` (1-based sheet coordinates). */
export function grid<T>(rect: GridRect, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rect.nr; i++) {
    const row: T[] = [];
    for (let j = 0; j < rect.nc; j++) row.push(fn(rect.r + i, rect.c + j));
    out.push(row);
  }
  return out;
}

export interface ProtectionSpec {
  id: number;
  type: 'SHEET' | 'RANGE';
  range: GridRect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: GridRect[];
  domainEdit: boolean;
}

export interface ChartSpec {
  id: number;
  /** Charts.ChartType name: LINE, COLUMN, BAR, PIE, … */
  type: string;
  ranges: Array<GridRect & { sheetId: number }>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetJSON {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  colWidths: Record<string, number>;
  cells: Array<[number, number, Cell]>;
  protections: ProtectionSpec[];
  charts: ChartSpec[];
}

export interface SpreadsheetJSON {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  editors: string[];
  nextSheetId: number;
  nextObjectId: number;
  sheets: SheetJSON[];
  /** In Drive's trash (DriveApp File.setTrashed); absent in states saved before it existed. */
  trashed?: boolean;
  /** Created by the script (SpreadsheetApp.create): reachable under the drive.file scope. */
  createdByScript?: boolean;
}

/** A value as getValues returns it (before conversion into the script realm). */
export type HostValue = string | number | boolean | Date;

/** The typed result of writing one input into a cell (value part only). */
interface Interpreted {
  v?: string | number | boolean;
  d?: 1;
  f?: string;
  nf?: string;
}

function javaToString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return v.map(javaToString).join(',');
  if (typeof v === 'object') {
    return (
      '{' +
      Object.entries(v as object)
        .map(([k, x]) => `${k}=${javaToString(x)}`)
        .join(', ') +
      '}'
    );
  }
  return String(v);
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT_RE = /^([+-]?(\d+\.?\d*|\.\d+))\s?%$/;
const ISO_DATE_RE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const US_DATE_RE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/;

/** The instant showing in `to` the wall-clock time `ms` shows in `from`. */
export function rezoneEpoch(ms: number, from: string, to: string): number {
  const p = zonedParts(ms, from);
  return zonedToEpoch(to, p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond);
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Languages whose locales write a decimal comma and group thousands with a dot (id_ID: 1.234,5). */
const DECIMAL_COMMA = new Set([
  'id',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'tr',
  'pl',
  'sv',
  'da',
  'nb',
  'fi',
  'cs',
  'ro',
  'hu',
]);
const NUMBER_COMMA_RE = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;
const GROUPED_COMMA_RE = /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/;
const PERCENT_COMMA_RE = /^([+-]?(\d+,?\d*|,\d+))\s?%$/;

/**
 * Sheets' parsing of a string typed into a cell, by the spreadsheet's locale: numbers (leading
 * zeros and "+" dropped; en_US "1,234.5", id_ID "1.234,5"), percentages, TRUE/FALSE, ISO dates,
 * day/month dates (month first in en_US: 11/23/2026; day first elsewhere, id_ID: 23/11/2026),
 * times of day. Anything else stays text.
 */
export function parseTypedString(s: string, tz: string, nowMs: number, locale = 'en_US'): Interpreted {
  const t = s.trim();
  if (t === '') return { v: s };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const comma = DECIMAL_COMMA.has(locale.split(/[_-]/)[0].toLowerCase());
  if (comma) {
    if (NUMBER_COMMA_RE.test(t)) return { v: Number(t.replace(',', '.')) };
    if (GROUPED_COMMA_RE.test(t)) return { v: Number(t.replace(/\./g, '').replace(',', '.')) };
  } else {
    if (NUMBER_RE.test(t)) return { v: Number(t) };
    if (GROUPED_RE.test(t)) return { v: Number(t.replace(/,/g, '')) };
  }
  const pm = (comma ? PERCENT_COMMA_RE : PERCENT_RE).exec(t);
  if (pm) {
    const n = comma ? pm[1].replace(',', '.') : pm[1];
    const decimals = (n.split('.')[1] ?? '').length;
    return { v: Number(n) / 100, nf: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  let m = ISO_DATE_RE.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [h, mi, sec, ms] = [
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      Number((m[7] ?? '0').padEnd(3, '0')),
    ];
    if (validDate(y, mo, d) && h < 24 && mi < 60 && sec < 60) {
      return { v: zonedToEpoch(tz, y, mo, d, h, mi, sec, ms), d: 1 };
    }
    return { v: s };
  }
  m = US_DATE_RE.exec(t);
  if (m) {
    const monthFirst = locale === 'en_US' || locale === 'en';
    const mo = Number(monthFirst ? m[1] : m[2]);
    const d = Number(monthFirst ? m[2] : m[1]);
    let y = m[3] ? Number(m[3]) : zonedParts(nowMs, tz).year;
    if (m[3] && m[3].length === 2) y += y < 30 ? 2000 : 1900;
    const [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (validDate(y, mo, d) && h < 24 && mi < 60 && sec < 60) {
      return { v: zonedToEpoch(tz, y, mo, d, h, mi, sec), d: 1 };
    }
    return { v: s };
  }
  m = TIME_RE.exec(t);
  if (m) {
    let h = Number(m[1]);
    const mi = Number(m[2]);
    const sec = Number(m[3] ?? 0);
    if (m[4]) {
      if (h < 1 || h > 12) return { v: s };
      h = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
    }
    if (h < 24 && mi < 60 && sec < 60) return { v: zonedToEpoch(tz, 1899, 12, 30, h, mi, sec), d: 1 };
  }
  return { v: s };
}

function checkLength(s: string): void {
  if (s.length > MAX_CELL_CHARS) throw new GasError(MSG.cellTooLong);
}

/**
 * What a script's setValue/setValues/appendRow stores for `input` in a cell whose number format is
 * `fmt`. Strings are parsed as typed unless the format is "@" (plain text); a leading apostrophe
 * forces text and is dropped; a leading "=" makes a formula. Non-strings keep their type.
 */
export function interpretInput(
  input: unknown,
  fmt: string | undefined,
  tz: string,
  nowMs: number,
  locale = 'en_US',
): Interpreted {
  if (input === null || input === undefined) return {};
  if (isDate(input)) {
    const ms = input.getTime();
    return Number.isFinite(ms) ? { v: ms, d: 1 } : {};
  }
  if (typeof input === 'number') return Number.isFinite(input) ? { v: input } : { v: String(input) };
  if (typeof input === 'boolean') return { v: input };
  const s = typeof input === 'string' ? input : javaToString(input);
  checkLength(s);
  if (s === '') return {};
  if (fmt === '@') return { v: s };
  if (s.startsWith("'")) return s.length > 1 ? { v: s.slice(1) } : {};
  if (s.startsWith('=') && s.length > 1) return { f: s };
  return parseTypedString(s, tz, nowMs, locale);
}

function hasContent(c: Cell | undefined): boolean {
  return !!c && ((c.v !== undefined && c.v !== '') || c.f !== undefined);
}

function isEmptyCell(c: Cell): boolean {
  return (
    c.v === undefined &&
    c.f === undefined &&
    c.nf === undefined &&
    c.dv === undefined &&
    c.st === undefined &&
    c.note === undefined
  );
}

export class SheetModel {
  /** rows[r-1][c-1]; sparse. */
  rows: Array<Array<Cell | undefined> | undefined> = [];
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  colWidths: Record<string, number> = {};
  protections: ProtectionSpec[] = [];
  charts: ChartSpec[] = [];

  constructor(
    readonly parent: SpreadsheetModel,
    public id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxCols = DEFAULT_COLS,
  ) {}

  get index(): number {
    return this.parent.sheets.indexOf(this) + 1;
  }

  cell(r: number, c: number): Cell | undefined {
    return this.rows[r - 1]?.[c - 1];
  }

  cellForWrite(r: number, c: number): Cell {
    let row = this.rows[r - 1];
    if (!row) {
      row = [];
      this.rows[r - 1] = row;
    }
    let cell = row[c - 1];
    if (!cell) {
      cell = {};
      row[c - 1] = cell;
    }
    return cell;
  }

  /** Drops a cell that no longer holds anything. */
  tidy(r: number, c: number): void {
    const row = this.rows[r - 1];
    const cell = row?.[c - 1];
    if (row && cell && isEmptyCell(cell)) delete row[c - 1];
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some(hasContent)) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Evaluated value of a cell in formula terms (null when empty). */
  fvalue(r: number, c: number): FValue {
    const cell = this.cell(r, c);
    if (!cell) return null;
    if (cell.f !== undefined) return this.parent.evaluate(this, r, c, cell.f);
    if (cell.v === undefined || cell.v === '') return null;
    if (cell.d) return { date: cell.v as number };
    return cell.v;
  }

  /** Value as getValues returns it: '' when empty, Date for dates, error text for formula errors. */
  value(r: number, c: number): HostValue {
    return fvalueToHost(this.fvalue(r, c));
  }

  displayValue(r: number, c: number): string {
    const fv = this.fvalue(r, c);
    const fmt = this.cell(r, c)?.nf;
    if (fv === null) return '';
    if (typeof fv === 'object') {
      if ('error' in fv) return fv.error;
      return displayValue(fv.date, true, fmt, this.parent.timeZone);
    }
    return displayValue(fv, false, fmt, this.parent.timeZone);
  }

  /** Writes a script input into a cell, keeping its format, validation and style. */
  writeInput(r: number, c: number, input: unknown): void {
    const cell = this.cellForWrite(r, c);
    const it = interpretInput(input, cell.nf, this.parent.timeZone, this.parent.now(), this.parent.locale);
    this.storeInterpreted(r, c, it);
  }

  storeInterpreted(r: number, c: number, it: Interpreted): void {
    const cell = this.cellForWrite(r, c);
    delete cell.v;
    delete cell.d;
    delete cell.f;
    if (it.v !== undefined) cell.v = it.v;
    if (it.d) cell.d = 1;
    if (it.f !== undefined) cell.f = it.f;
    if (it.nf !== undefined && cell.nf === undefined) cell.nf = it.nf;
    this.tidy(r, c);
  }

  clearRect(
    rect: GridRect,
    what: { contents?: boolean; formats?: boolean; validations?: boolean; notes?: boolean },
  ): void {
    for (let r = rect.r; r < rect.r + rect.nr; r++) {
      const row = this.rows[r - 1];
      if (!row) continue;
      for (let c = rect.c; c < rect.c + rect.nc; c++) {
        const cell = row[c - 1];
        if (!cell) continue;
        if (what.contents) {
          delete cell.v;
          delete cell.d;
          delete cell.f;
        }
        if (what.formats) {
          delete cell.nf;
          delete cell.st;
        }
        if (what.validations) delete cell.dv;
        if (what.notes) delete cell.note;
        this.tidy(r, c);
      }
    }
  }

  checkGrowth(addRows: number, addCols: number): void {
    const added = addRows * this.maxCols + addCols * (this.maxRows + addRows);
    if (this.parent.totalCells() + added > MAX_CELLS) throw new GasError(MSG.cellLimit);
  }

  /** Inserts rows after `after` (0 = at the top); new rows take the format and validation of row `after`. */
  insertRowsAfter(after: number, howMany: number): void {
    this.checkGrowth(howMany, 0);
    const template = after >= 1 ? this.rows[after - 1] : undefined;
    if (template || after < this.rows.length) {
      const fresh: Array<Array<Cell | undefined> | undefined> = new Array(howMany);
      if (template) for (let i = 0; i < howMany; i++) fresh[i] = copyFormats(template);
      if (this.rows.length < after) this.rows.length = after;
      this.rows = this.rows.slice(0, after).concat(fresh, this.rows.slice(after));
    }
    this.maxRows += howMany;
    this.shiftObjects('row', after, howMany);
  }

  deleteRows(pos: number, howMany: number): void {
    if (pos < 1 || pos + howMany - 1 > this.maxRows) throw new GasError(MSG.outsideSheet);
    if (howMany >= this.maxRows - this.frozenRows) {
      throw new GasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.rows.splice(pos - 1, howMany);
    this.maxRows -= howMany;
    this.shiftObjects('row', pos - 1, -howMany);
  }

  insertColumnsAfter(after: number, howMany: number): void {
    this.checkGrowth(0, howMany);
    for (const row of this.rows) {
      if (!row) continue;
      const template = after >= 1 ? row[after - 1] : undefined;
      if (row.length < after) row.length = after;
      const fresh: Array<Cell | undefined> = new Array(howMany);
      if (template) for (let i = 0; i < howMany; i++) fresh[i] = copyCellFormat(template);
      row.splice(after, 0, ...fresh);
    }
    this.maxCols += howMany;
    this.shiftObjects('col', after, howMany);
  }

  deleteColumns(pos: number, howMany: number): void {
    if (pos < 1 || pos + howMany - 1 > this.maxCols) throw new GasError(MSG.outsideSheet);
    if (howMany >= this.maxCols - this.frozenCols) {
      throw new GasError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const row of this.rows) if (row) row.splice(pos - 1, howMany);
    this.maxCols -= howMany;
    this.shiftObjects('col', pos - 1, -howMany);
  }

  private shiftObjects(axis: 'row' | 'col', after: number, delta: number): void {
    const shift = (rect: GridRect | null): void => {
      if (!rect) return;
      if (axis === 'row' && rect.r > after) rect.r = Math.max(after + 1, rect.r + delta);
      if (axis === 'col' && rect.c > after) rect.c = Math.max(after + 1, rect.c + delta);
    };
    for (const p of this.protections) {
      shift(p.range);
      p.unprotected.forEach(shift);
    }
  }

  /** appendRow: writes after the last row with content, growing the grid when needed. */
  appendRow(values: unknown[]): number {
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.insertRowsAfter(this.maxRows, row - this.maxRows);
    if (values.length > this.maxCols) this.insertColumnsAfter(this.maxCols, values.length - this.maxCols);
    values.forEach((v, i) => this.writeInput(row, i + 1, v));
    return row;
  }

  /** Resolves A1 notation (without sheet) against this sheet's grid; throws "Range not found". */
  resolveA1(a1: string): GridRect {
    const ref = parseA1(a1);
    const r2 = ref.r2 ?? this.maxRows;
    const c2 = ref.c2 ?? this.maxCols;
    const r1 = ref.r1 as number;
    const c1 = ref.c1 as number;
    if (r2 > this.maxRows || c2 > this.maxCols || r1 > r2 || c1 > c2) throw new GasError(MSG.rangeNotFound);
    return { r: r1, c: c1, nr: r2 - r1 + 1, nc: c2 - c1 + 1 };
  }

  a1(rect: GridRect, withSheet = false): string {
    const a1 = toA1(rect.r, rect.c, rect.nr, rect.nc);
    return withSheet ? `${quoteSheetName(this.name)}!${a1}` : a1;
  }

  // ---- host API (tests, playground) ----------------------------------------------------------

  private hostRect(a1?: string): GridRect | null {
    if (a1) return this.resolveA1(a1);
    const lr = this.lastRow();
    const lc = this.lastColumn();
    return lr && lc ? { r: 1, c: 1, nr: lr, nc: lc } : null;
  }

  /** Values of `a1` (default: the data range), as getValues would return them. */
  getValues(a1?: string): HostValue[][] {
    const rect = this.hostRect(a1);
    return rect ? grid(rect, (r, c) => this.value(r, c)) : [];
  }

  getDisplayValues(a1?: string): string[][] {
    const rect = this.hostRect(a1);
    return rect ? grid(rect, (r, c) => this.displayValue(r, c)) : [];
  }

  /** Writes rows starting at the top-left cell of `a1`, parsing strings as typed input. */
  setValues(a1: string, values: unknown[][]): void {
    const { r, c } = this.resolveA1(a1);
    const rows = values.length;
    const cols = Math.max(0, ...values.map((v) => v.length));
    if (r + rows - 1 > this.maxRows || c + cols - 1 > this.maxCols) throw new GasError(MSG.outsideSheet);
    values.forEach((row, i) => row.forEach((v, j) => this.writeInput(r + i, c + j, v)));
  }

  formulaAt(r: number, c: number): string {
    return this.cell(r, c)?.f ?? '';
  }

  numberFormatAt(r: number, c: number): string | null {
    return this.cell(r, c)?.nf ?? null;
  }

  validationAt(r: number, c: number): ValidationSpec | null {
    return this.cell(r, c)?.dv ?? null;
  }

  /**
   * Date cells keep their wall-clock time when read in another zone: Sheets stores a date as a
   * serial number of days in the spreadsheet's time zone, so changing the zone (or copying into a
   * spreadsheet of another zone) moves the instant getValues() answers.
   */
  rezoneDates(from: string, to: string): void {
    if (from === to) return;
    for (const row of this.rows) {
      if (!row) continue;
      for (const cell of row)
        if (cell?.d && typeof cell.v === 'number') cell.v = rezoneEpoch(cell.v, from, to);
    }
  }

  // ---- copy ----------------------------------------------------------------------------------

  /**
   * Sheet.copyTo: a new last sheet of `dest` named "Copy of <name>" with the same grid size,
   * values, formulas (as text: a reference to a sheet `dest` lacks gives #REF!), number formats,
   * validations, styles, notes, column widths, frozen rows and columns, tab colour and charts
   * (their ranges on this sheet point at the copy; ranges on other sheets are kept within the same
   * spreadsheet and dropped in another). Protections are not copied, and the copy is visible.
   */
  copyTo(dest: SpreadsheetModel): SheetModel {
    const copy = dest.insertSheet(dest.copyName(this.name), undefined, this.maxRows, this.maxCols);
    // map keeps the holes of the sparse rows.
    copy.rows = this.rows.map((row) =>
      row?.map((cell) => (cell ? (JSON.parse(JSON.stringify(cell)) as Cell) : undefined)),
    );
    copy.rezoneDates(this.parent.timeZone, dest.timeZone);
    copy.frozenRows = this.frozenRows;
    copy.frozenCols = this.frozenCols;
    copy.tabColor = this.tabColor;
    copy.colWidths = { ...this.colWidths };
    const sameSpreadsheet = dest === this.parent;
    copy.charts = this.charts.map((chart) => {
      const spec = JSON.parse(JSON.stringify(chart)) as ChartSpec;
      spec.id = dest.nextObjectId++;
      spec.ranges = spec.ranges
        .filter((r) => r.sheetId === this.id || sameSpreadsheet)
        .map((r) => (r.sheetId === this.id ? { ...r, sheetId: copy.id } : r));
      return spec;
    });
    return copy;
  }

  toJSON(): SheetJSON {
    const cells: Array<[number, number, Cell]> = [];
    this.rows.forEach((row, ri) => {
      row?.forEach((cell, ci) => {
        if (cell && !isEmptyCell(cell))
          cells.push([ri + 1, ci + 1, JSON.parse(JSON.stringify(cell)) as Cell]);
      });
    });
    return {
      id: this.id,
      name: this.name,
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      frozenRows: this.frozenRows,
      frozenCols: this.frozenCols,
      hidden: this.hidden,
      tabColor: this.tabColor,
      colWidths: { ...this.colWidths },
      cells,
      protections: JSON.parse(JSON.stringify(this.protections)) as ProtectionSpec[],
      charts: JSON.parse(JSON.stringify(this.charts)) as ChartSpec[],
    };
  }

  static fromJSON(parent: SpreadsheetModel, j: SheetJSON): SheetModel {
    const s = new SheetModel(parent, j.id, j.name, j.maxRows, j.maxCols);
    s.frozenRows = j.frozenRows;
    s.frozenCols = j.frozenCols;
    s.hidden = j.hidden;
    s.tabColor = j.tabColor;
    s.colWidths = { ...j.colWidths };
    for (const [r, c, cell] of j.cells) Object.assign(s.cellForWrite(r, c), cell);
    s.protections = j.protections;
    s.charts = j.charts;
    return s;
  }
}

/**
 * The format of a cell for a new one (inserted rows and columns). A validation and a style are
 * shared, not copied: both are only ever replaced whole (range.ts), never changed in place.
 */
function copyCellFormat(cell: Cell): Cell | undefined {
  if (cell.nf === undefined && cell.dv === undefined && cell.st === undefined) return undefined;
  const out: Cell = {};
  if (cell.nf !== undefined) out.nf = cell.nf;
  if (cell.dv !== undefined) out.dv = cell.dv;
  if (cell.st !== undefined) out.st = cell.st;
  if (out.dv?.criteria === 'CHECKBOX') out.v = false;
  return out;
}

function copyFormats(row: Array<Cell | undefined>): Array<Cell | undefined> {
  const out: Array<Cell | undefined> = [];
  row.forEach((cell, i) => {
    if (cell) {
      const copy = copyCellFormat(cell);
      if (copy) out[i] = copy;
    }
  });
  return out;
}

export function fvalueToHost(fv: FValue): HostValue {
  if (fv === null) return '';
  if (typeof fv === 'object') return 'error' in fv ? fv.error : new Date(fv.date);
  return fv;
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  locale = 'en_US';
  /** In Drive's trash (DriveApp File.setTrashed): still opens by id, as on Google. */
  trashed = false;
  /** Created by the script (SpreadsheetApp.create): the Drive API reaches it under drive.file. */
  createdByScript = false;
  editors: string[] = [];
  nextSheetId = 0;
  /** Ids of protections and charts. */
  nextObjectId = 1;
  private evaluating = new Set<string>();

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    public owner: string,
    /** The emulator clock (NOW(), typed dates without a year). */
    readonly now: () => number,
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Spreadsheet.setSpreadsheetTimeZone: every date cell keeps its wall-clock time (serial number). */
  setTimeZone(tz: string): void {
    for (const sheet of this.sheets) sheet.rezoneDates(this.timeZone, tz);
    this.timeZone = tz;
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  getSheetByName(name: string): SheetModel | null {
    const lower = String(name).toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  /** Host shortcut: the sheet named `name`, or an error. */
  sheet(name: string): SheetModel {
    const s = this.getSheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}" in ${this.name}`);
    return s;
  }

  getSheetById(id: number): SheetModel | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  /** insertSheet: name unique (case-insensitive), 1000 × 26, at `index` (0-based) or the end. */
  insertSheet(name?: string, index?: number, rows = DEFAULT_ROWS, cols = DEFAULT_COLS): SheetModel {
    let sheetName = name;
    if (sheetName === undefined || sheetName === null || sheetName === '') {
      let n = this.sheets.length + 1;
      while (this.getSheetByName(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    sheetName = String(sheetName);
    if (this.getSheetByName(sheetName)) throw new GasError(MSG.sheetExists(sheetName));
    if (this.totalCells() + rows * cols > MAX_CELLS) throw new GasError(MSG.cellLimit);
    const id = this.nextSheetId === 0 ? 0 : this.nextSheetId;
    this.nextSheetId = id === 0 ? 1_000_001 : id + 7919;
    const sheet = new SheetModel(this, id, sheetName, rows, cols);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) throw new GasError("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }

  /**
   * Name of a copied sheet: "Copy of <name>", then "Copy of <name> 2", 3 … while taken (the
   * numbering of repeated copies is the emulator's choice; Google's is not documented).
   */
  copyName(name: string): string {
    const base = `Copy of ${name}`;
    let candidate = base;
    for (let n = 2; this.getSheetByName(candidate); n++) candidate = `${base} ${n}`;
    return candidate;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.getSheetByName(name);
    if (other && other !== sheet) throw new GasError(MSG.sheetExists(name));
    sheet.name = String(name);
  }

  /** Evaluates a formula of `sheet`!R`r`C`c` (cycles give "#REF!"). */
  evaluate(sheet: SheetModel, r: number, c: number, formula: string): FValue {
    const key = `${sheet.id}:${r}:${c}`;
    if (this.evaluating.has(key)) return { error: '#REF!' };
    this.evaluating.add(key);
    try {
      const resolve = (name: string | null): SheetModel | null =>
        name === null ? sheet : this.getSheetByName(name);
      const env: FormulaEnv = {
        cell: (name, row, col) => {
          const s = resolve(name);
          if (!s || row > s.maxRows || col > s.maxCols) return { error: '#REF!' };
          return s.fvalue(row, col);
        },
        size: (name) => {
          const s = resolve(name);
          return s ? { rows: s.maxRows, cols: s.maxCols } : null;
        },
        now: () => this.now(),
        toSerial: (ms) => epochToSerial(ms, this.timeZone),
        startOfToday: () => {
          const p = zonedParts(this.now(), this.timeZone);
          return zonedToEpoch(this.timeZone, p.year, p.month, p.day);
        },
      };
      return evaluateFormula(formula, env);
    } finally {
      this.evaluating.delete(key);
    }
  }

  toJSON(): SpreadsheetJSON {
    return {
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      owner: this.owner,
      editors: [...this.editors],
      nextSheetId: this.nextSheetId,
      nextObjectId: this.nextObjectId,
      sheets: this.sheets.map((s) => s.toJSON()),
      trashed: this.trashed,
      createdByScript: this.createdByScript,
    };
  }

  static fromJSON(j: SpreadsheetJSON, now: () => number): SpreadsheetModel {
    const ss = new SpreadsheetModel(j.id, j.name, j.timeZone, j.owner, now);
    ss.locale = j.locale;
    ss.editors = [...j.editors];
    ss.nextSheetId = j.nextSheetId;
    ss.nextObjectId = j.nextObjectId;
    ss.sheets = j.sheets.map((s) => SheetModel.fromJSON(ss, s));
    ss.trashed = j.trashed ?? false;
    ss.createdByScript = j.createdByScript ?? false;
    return ss;
  }
}
