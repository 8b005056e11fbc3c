/**
 * SpreadsheetApp: the service objects a script receives (Spreadsheet, Sheet, Range, TextFinder,
 * Protection, DataValidation(Builder), EmbeddedChart(Builder), Ui, Menu), over the model.
 * Writes that only change cells or formats are buffered in the execution (Ctx.defer) and applied
 * at the next read, at flush() and at the end of the execution.
 */
import { parseA1 } from '../../a1';
import { describeTypes, GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import {
  type Cell,
  type ChartSpec,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  grid,
  type GridRect,
  type HostValue,
  interpretInput,
  MAX_CELL_CHARS,
  type ProtectionSpec,
  type SheetModel,
  type SpreadsheetModel,
  type ValidationSpec,
} from '../../model';
import { isDate, isPlainObject } from '../../realm';
import { assertTimeZone, DEFAULT_NUMBER_FORMAT } from '../../time';
import { BlobFacade, minimalPdf, UserFacade } from '../base';
import { HtmlOutputFacade } from '../content';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export const DataValidationCriteria = Object.fromEntries(
  [
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_BETWEEN',
    'DATE_EQUAL_TO',
    'DATE_IS_VALID_DATE',
    'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'CHECKBOX',
  ].map((k) => [k, k]),
);

export const ChartType = Object.fromEntries(
  [
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TIMELINE',
    'TREEMAP',
    'WATERFALL',
  ].map((k) => [k, k]),
);

const ButtonEnum = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
const ButtonSetEnum = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

// ---- UI records (emu.ui) -----------------------------------------------------------------------

export type MenuItemRecord =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  name: string;
  addon: boolean;
  items: MenuItemRecord[];
}

export interface HtmlShownRecord {
  at: number;
  kind: 'sidebar' | 'modalDialog' | 'modelessDialog';
  title: string;
  width: number;
  height: number;
  html: string;
}

export interface UiRecord {
  menus: MenuRecord[];
  shown: HtmlShownRecord[];
  alerts: Array<{ at: number; title: string; prompt: string; buttons: string; kind: 'alert' | 'prompt' }>;
  toasts: Array<{ at: number; message: string; title: string; timeoutSeconds: number }>;
  /** What the next Ui.alert/prompt answers (a Ui.Button name). */
  alertResponse: string;
  promptResponseText: string;
}

export function newUiRecord(): UiRecord {
  return { menus: [], shown: [], alerts: [], toasts: [], alertResponse: 'OK', promptResponseText: '' };
}

// ---- helpers ------------------------------------------------------------------------------------

function toInt(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : NaN;
}

function snapshotInput(v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new GasError(MSG.cellTooLong);
  return v;
}

function check2D(values: unknown, rect: GridRect, method: string): unknown[][] {
  if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
    throw new GasError(MSG.signature(describeTypes([values]), method));
  }
  const rows = values as unknown[][];
  if (rows.length !== rect.nr) throw new GasError(MSG.rowsMismatch(rows.length, rect.nr));
  for (const row of rows) {
    if (row.length !== rect.nc) throw new GasError(MSG.colsMismatch(row.length, rect.nc));
  }
  return rows.map((row) => row.map(snapshotInput));
}

function eachCell(rect: GridRect, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let i = 0; i < rect.nr; i++) for (let j = 0; j < rect.nc; j++) fn(rect.r + i, rect.c + j, i, j);
}

function rectOfRange(range: unknown, method: string): { sheet: SheetModel; rect: GridRect } {
  if (!(range instanceof RangeFacade)) throw new GasError(MSG.signature(describeTypes([range]), method));
  return { sheet: range._sheet, rect: { ...range._rect } };
}

// ---- SpreadsheetApp ----------------------------------------------------------------------------

export class SpreadsheetAppService extends Facade {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly BorderStyle = {
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOUBLE: 'DOUBLE',
  };

  getActive(): SpreadsheetFacade {
    return new SpreadsheetFacade(this._ctx, this._ctx.emu.spreadsheet);
  }

  getActiveSpreadsheet(): SpreadsheetFacade {
    return new SpreadsheetFacade(this._ctx, this._ctx.emu.spreadsheet);
  }

  getActiveSheet(): SheetFacade {
    return new SheetFacade(this._ctx, activeSheetOf(this._ctx.emu.spreadsheet));
  }

  openById(id: string): SpreadsheetFacade {
    const ss = this._ctx.emu.spreadsheets.get(String(id));
    if (!ss) {
      throw new GasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return new SpreadsheetFacade(this._ctx, ss);
  }

  openByUrl(url: string): SpreadsheetFacade {
    const m = /\/d\/([^/]+)/.exec(String(url));
    const ss = m ? this._ctx.emu.spreadsheets.get(m[1]) : undefined;
    if (!ss) {
      throw new GasError(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    }
    return new SpreadsheetFacade(this._ctx, ss);
  }

  create(name: string, rows?: number, columns?: number): SpreadsheetFacade {
    const ss = this._ctx.emu.createSpreadsheet(String(name), { rows, columns });
    return new SpreadsheetFacade(this._ctx, ss);
  }

  flush(): void {
    this._ctx.flush();
  }

  getUi(): UiFacade {
    if (this._ctx.kind !== 'editor') throw new GasError(MSG.uiContext);
    return new UiFacade(this._ctx);
  }

  newDataValidation(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._ctx, {
      criteria: '',
      values: [],
      allowInvalid: true,
      helpText: null,
    });
  }
}
instrument(SpreadsheetAppService, 'SpreadsheetApp');

function activeSheetOf(ss: SpreadsheetModel): SheetModel {
  return ss.sheets.find((s) => !s.hidden) ?? ss.sheets[0];
}

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/**
 * A spreadsheet exported (Spreadsheet.getAs, DriveApp File.getAs/getBlob): only PDF, as a minimal
 * one-page PDF of the visible sheets' display values (a trashed spreadsheet still exports).
 */
export function spreadsheetAs(ctx: Ctx, model: SpreadsheetModel, contentType: string): BlobFacade {
  if (contentType !== 'application/pdf') {
    throw new GasError(`Converting from ${SPREADSHEET_MIME} to ${contentType} is not supported.`);
  }
  const text = model.sheets
    .filter((s) => !s.hidden)
    .map((s) => [s.name, ...s.getDisplayValues().map((r) => r.join('  '))].join('\n'))
    .join('\n\n');
  return new BlobFacade(ctx, minimalPdf(text), 'application/pdf', `${model.name}.pdf`);
}

// ---- Spreadsheet -------------------------------------------------------------------------------

export class SpreadsheetFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _model: SpreadsheetModel,
  ) {
    super(ctx);
  }

  getId(): string {
    return this._model.id;
  }

  getName(): string {
    return this._model.name;
  }

  rename(name: string): void {
    this._model.name = String(name);
  }

  getUrl(): string {
    return this._model.url;
  }

  getSheetByName(name: string): SheetFacade | null {
    const s = this._model.getSheetByName(name);
    return s ? new SheetFacade(this._ctx, s) : null;
  }

  getSheetById(id: number): SheetFacade | null {
    const s = this._model.getSheetById(id);
    return s ? new SheetFacade(this._ctx, s) : null;
  }

  getSheets(): SheetFacade[] {
    return this._model.sheets.map((s) => new SheetFacade(this._ctx, s));
  }

  getNumSheets(): number {
    return this._model.sheets.length;
  }

  getActiveSheet(): SheetFacade {
    return new SheetFacade(this._ctx, activeSheetOf(this._model));
  }

  setActiveSheet(sheet: SheetFacade): SheetFacade {
    return sheet;
  }

  insertSheet(a?: unknown, b?: unknown): SheetFacade {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    else if (a !== undefined && !isPlainObject(a)) {
      throw new GasError(
        MSG.signature(
          describeTypes([a, b].filter((x) => x !== undefined)),
          'SpreadsheetApp.Spreadsheet.insertSheet',
        ),
      );
    }
    return new SheetFacade(this._ctx, this._model.insertSheet(name, index));
  }

  deleteSheet(sheet: SheetFacade): void {
    if (!(sheet instanceof SheetFacade)) {
      throw new GasError(MSG.signature(describeTypes([sheet]), 'SpreadsheetApp.Spreadsheet.deleteSheet'));
    }
    this._model.deleteSheet(sheet._sheet);
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }

  setSpreadsheetTimeZone(tz: string): void {
    this._model.timeZone = assertTimeZone(tz);
  }

  getSpreadsheetLocale(): string {
    return this._model.locale;
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: number): void {
    this._ctx.emu.ui.toasts.push({
      at: this._ctx.emu.clock.now(),
      message: String(message),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  getOwner(): UserFacade {
    return new UserFacade(this._ctx, this._model.owner);
  }

  getEditors(): UserFacade[] {
    const emails = [this._model.owner, ...this._model.editors.filter((e) => e !== this._model.owner)];
    return emails.map((e) => new UserFacade(this._ctx, e));
  }

  getViewers(): UserFacade[] {
    return [];
  }

  addEditor(user: unknown): SpreadsheetFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new GasError(MSG.invalidArgument('email'));
    if (!this._model.editors.includes(email) && email !== this._model.owner) this._model.editors.push(email);
    return this;
  }

  addEditors(emails: string[]): SpreadsheetFacade {
    for (const e of emails) this.addEditor(e);
    return this;
  }

  removeEditor(user: unknown): SpreadsheetFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    this._model.editors = this._model.editors.filter((e) => e !== email);
    return this;
  }

  getAs(contentType: string): BlobFacade {
    return spreadsheetAs(this._ctx, this._model, contentType);
  }

  getBlob(): BlobFacade {
    return this.getAs('application/pdf');
  }

  getRange(a1: string): RangeFacade {
    const ref = parseA1(String(a1));
    const sheet = ref.sheet === null ? activeSheetOf(this._model) : this._model.getSheetByName(ref.sheet);
    if (!sheet) throw new GasError(MSG.rangeNotFound);
    const bang = String(a1).lastIndexOf('!');
    return new RangeFacade(
      this._ctx,
      sheet,
      sheet.resolveA1(bang >= 0 ? String(a1).slice(bang + 1) : String(a1)),
    );
  }

  getRangeByName(): null {
    return null;
  }

  getProtections(type: string): ProtectionFacade[] {
    return this._model.sheets.flatMap((s) =>
      s.protections
        .filter((p) => p.type === String(type))
        .map((p) => new ProtectionFacade(this._ctx, s, p.id)),
    );
  }
}
instrument(SpreadsheetFacade, 'SpreadsheetApp.Spreadsheet');

// ---- Sheet -------------------------------------------------------------------------------------

/** A new protection of a sheet or range: only the owner edits, no description, not warning-only. */
function addProtection(
  ctx: Ctx,
  sheet: SheetModel,
  type: ProtectionSpec['type'],
  range: ProtectionSpec['range'],
): ProtectionFacade {
  const spec: ProtectionSpec = {
    id: sheet.parent.nextObjectId++,
    type,
    range,
    description: '',
    warningOnly: false,
    editors: [sheet.parent.owner],
    unprotected: [],
    domainEdit: false,
  };
  sheet.protections.push(spec);
  return new ProtectionFacade(ctx, sheet, spec.id);
}

export class SheetFacade
  extends Facade
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Sheet,
      | 'getName'
      | 'getSheetId'
      | 'getIndex'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'getFrozenRows'
      | 'isSheetHidden'
    >
{
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
  ) {
    super(ctx);
  }

  getName(): string {
    return this._sheet.name;
  }

  getSheetName(): string {
    return this._sheet.name;
  }

  setName(name: string): SheetFacade {
    this._sheet.parent.renameSheet(this._sheet, String(name));
    return this;
  }

  getSheetId(): number {
    return this._sheet.id;
  }

  getIndex(): number {
    return this._sheet.index;
  }

  getParent(): SpreadsheetFacade {
    return new SpreadsheetFacade(this._ctx, this._sheet.parent);
  }

  /**
   * Copies the sheet into `spreadsheet` (this one or another) as its last sheet, named
   * "Copy of <name>": values, formats, validations, frozen rows, column widths and charts.
   */
  copyTo(spreadsheet: SpreadsheetFacade): SheetFacade {
    if (!(spreadsheet instanceof SpreadsheetFacade)) {
      throw new GasError(MSG.signature(describeTypes([spreadsheet]), 'SpreadsheetApp.Sheet.copyTo'));
    }
    return new SheetFacade(this._ctx, this._sheet.copyTo(spreadsheet._model));
  }

  activate(): SheetFacade {
    return this;
  }

  getRange(...args: unknown[]): RangeFacade {
    return new RangeFacade(
      this._ctx,
      this._sheet,
      rangeArgs(this._sheet, args, 'SpreadsheetApp.Sheet.getRange'),
    );
  }

  getDataRange(): RangeFacade {
    const lr = Math.max(1, this._sheet.lastRow());
    const lc = Math.max(1, this._sheet.lastColumn());
    return new RangeFacade(this._ctx, this._sheet, { r: 1, c: 1, nr: lr, nc: lc });
  }

  getLastRow(): number {
    return this._sheet.lastRow();
  }

  getLastColumn(): number {
    return this._sheet.lastColumn();
  }

  getMaxRows(): number {
    return this._sheet.maxRows;
  }

  getMaxColumns(): number {
    return this._sheet.maxCols;
  }

  /** The insert… methods: `position` must be a row (column) of the sheet and `howMany` at least 1. */
  private _insert(
    axis: 'rows' | 'columns',
    side: 'before' | 'after',
    position: number,
    howMany: number,
  ): SheetFacade {
    const at = toInt(position);
    const n = toInt(howMany);
    const max = axis === 'rows' ? this._sheet.maxRows : this._sheet.maxCols;
    if (!(at >= 1 && at <= max) || !(n >= 1)) throw new GasError(MSG.outsideSheet);
    const after = side === 'after' ? at : at - 1;
    if (axis === 'rows') this._sheet.insertRowsAfter(after, n);
    else this._sheet.insertColumnsAfter(after, n);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetFacade {
    return this._insert('rows', 'after', afterPosition, howMany);
  }

  insertRowAfter(afterPosition: number): SheetFacade {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): SheetFacade {
    return this._insert('rows', 'before', beforePosition, howMany);
  }

  insertRowBefore(beforePosition: number): SheetFacade {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): SheetFacade {
    return this._insert('columns', 'after', afterPosition, howMany);
  }

  insertColumnAfter(afterPosition: number): SheetFacade {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): SheetFacade {
    return this._insert('columns', 'before', beforePosition, howMany);
  }

  insertColumnBefore(beforePosition: number): SheetFacade {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  deleteRow(rowPosition: number): SheetFacade {
    this._sheet.deleteRows(toInt(rowPosition), 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): SheetFacade {
    this._sheet.deleteRows(toInt(rowPosition), toInt(howMany));
    return this;
  }

  deleteColumn(columnPosition: number): SheetFacade {
    this._sheet.deleteColumns(toInt(columnPosition), 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): SheetFacade {
    this._sheet.deleteColumns(toInt(columnPosition), toInt(howMany));
    return this;
  }

  appendRow(rowContents: unknown[]): SheetFacade {
    if (!Array.isArray(rowContents)) {
      throw new GasError(MSG.signature(describeTypes([rowContents]), 'SpreadsheetApp.Sheet.appendRow'));
    }
    const values = rowContents.map(snapshotInput);
    const sheet = this._sheet;
    // Cell limit checked now when the append must grow the grid.
    if (sheet.lastRow() + 1 > sheet.maxRows) sheet.checkGrowth(1, Math.max(0, values.length - sheet.maxCols));
    this._ctx.countCellsWritten(values.length);
    this._ctx.defer(() => {
      sheet.appendRow(values);
    });
    return this;
  }

  setFrozenRows(rows: number): void {
    const n = toInt(rows);
    if (!(n >= 0) || n >= this._sheet.maxRows) throw new GasError(MSG.outsideSheet);
    this._sheet.frozenRows = n;
  }

  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    const n = toInt(columns);
    if (!(n >= 0) || n >= this._sheet.maxCols) throw new GasError(MSG.outsideSheet);
    this._sheet.frozenCols = n;
  }

  getFrozenColumns(): number {
    return this._sheet.frozenCols;
  }

  createTextFinder(findText: string): TextFinderFacade {
    return new TextFinderFacade(this._ctx, this._sheet, null, findText);
  }

  protect(): ProtectionFacade {
    const existing = this._sheet.protections.find((p) => p.type === 'SHEET');
    if (existing) return new ProtectionFacade(this._ctx, this._sheet, existing.id);
    return addProtection(this._ctx, this._sheet, 'SHEET', null);
  }

  getProtections(type: string): ProtectionFacade[] {
    return this._sheet.protections
      .filter((p) => p.type === String(type))
      .map((p) => new ProtectionFacade(this._ctx, this._sheet, p.id));
  }

  hideSheet(): SheetFacade {
    const visible = this._sheet.parent.sheets.filter((s) => !s.hidden && s !== this._sheet);
    if (!visible.length) throw new GasError("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    return this;
  }

  showSheet(): SheetFacade {
    this._sheet.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): SheetFacade {
    const sheet = this._sheet;
    const rect = { r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxCols };
    const what = clearWhat(options);
    this._ctx.defer(() => sheet.clearRect(rect, what));
    return this;
  }

  clearContents(): SheetFacade {
    const sheet = this._sheet;
    const rect = { r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxCols };
    this._ctx.defer(() => sheet.clearRect(rect, { contents: true }));
    return this;
  }

  clearFormats(): SheetFacade {
    const sheet = this._sheet;
    const rect = { r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxCols };
    this._ctx.defer(() => sheet.clearRect(rect, { formats: true }));
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): SheetFacade {
    const col = toInt(columnPosition);
    if (!(col >= 1 && col <= this._sheet.maxCols)) throw new GasError(MSG.outsideSheet);
    const sheet = this._sheet;
    this._ctx.defer(() => {
      sheet.colWidths[String(col)] = Number(width);
    });
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetFacade {
    const start = toInt(startColumn);
    const n = toInt(numColumns);
    if (!(start >= 1 && n >= 1 && start + n - 1 <= this._sheet.maxCols)) throw new GasError(MSG.outsideSheet);
    const sheet = this._sheet;
    this._ctx.defer(() => {
      for (let c = start; c < start + n; c++) sheet.colWidths[String(c)] = Number(width);
    });
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this._sheet.colWidths[String(toInt(columnPosition))] ?? 100;
  }

  autoResizeColumns(): SheetFacade {
    return this;
  }

  autoResizeColumn(): SheetFacade {
    return this;
  }

  setTabColor(color: string | null): SheetFacade {
    const sheet = this._sheet;
    this._ctx.defer(() => {
      sheet.tabColor = color;
    });
    return this;
  }

  getTabColor(): string | null {
    return this._sheet.tabColor;
  }

  newChart(): EmbeddedChartBuilderFacade {
    return new EmbeddedChartBuilderFacade(this._ctx, this._sheet, {
      id: -1,
      type: 'LINE',
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
    });
  }

  getCharts(): EmbeddedChartFacade[] {
    return this._sheet.charts.map((c) => new EmbeddedChartFacade(this._ctx, this._sheet, clone(c)));
  }

  insertChart(chart: EmbeddedChartFacade): void {
    if (!(chart instanceof EmbeddedChartFacade)) {
      throw new GasError(MSG.signature(describeTypes([chart]), 'SpreadsheetApp.Sheet.insertChart'));
    }
    const spec = clone(chart._spec);
    spec.id = this._sheet.parent.nextObjectId++;
    chart._spec.id = spec.id;
    this._sheet.charts.push(spec);
  }

  updateChart(chart: EmbeddedChartFacade): void {
    const i = this._sheet.charts.findIndex((c) => c.id === chart._spec.id);
    if (i < 0) throw new GasError('The chart does not exist in this sheet.');
    this._sheet.charts[i] = clone(chart._spec);
  }

  removeChart(chart: EmbeddedChartFacade): void {
    this._sheet.charts = this._sheet.charts.filter((c) => c.id !== chart._spec.id);
  }
}
instrument(SheetFacade, 'SpreadsheetApp.Sheet');

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function clearWhat(options?: {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
}): { contents?: boolean; formats?: boolean; validations?: boolean; notes?: boolean } {
  if (!options || !Object.values(options).some(Boolean))
    return { contents: true, formats: true, validations: true, notes: true };
  return {
    contents: !!options.contentsOnly,
    formats: !!options.formatOnly,
    validations: !!options.validationsOnly,
    notes: !!options.commentsOnly,
  };
}

/** Sheet.getRange arguments: (a1) or (row, column[, numRows[, numColumns]]), Google's checks. */
function rangeArgs(sheet: SheetModel, args: unknown[], method: string): GridRect {
  if (args.length === 1 && typeof args[0] === 'string') return sheet.resolveA1(args[0]);
  if (args.length < 2 || args.length > 4 || args.some((a) => typeof a !== 'number' || !Number.isFinite(a))) {
    throw new GasError(MSG.signature(describeTypes(args), method));
  }
  const [row, col, nr = 1, nc = 1] = args.map((a) => Math.floor(a as number));
  if (row < 1) throw new GasError(MSG.startRowTooSmall);
  if (col < 1) throw new GasError(MSG.startColTooSmall);
  if (nr < 1) throw new GasError(MSG.rowsAtLeastOne);
  if (nc < 1) throw new GasError(MSG.colsAtLeastOne);
  if (row + nr - 1 > sheet.maxRows || col + nc - 1 > sheet.maxCols) throw new GasError(MSG.outsideSheet);
  return { r: row, c: col, nr, nc };
}

// ---- Range -------------------------------------------------------------------------------------

export class RangeFacade
  extends Facade
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Range,
      | 'getValues'
      | 'getValue'
      | 'getDisplayValues'
      | 'getFormulas'
      | 'getNumberFormat'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getA1Notation'
      | 'isBlank'
    >
{
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _rect: GridRect,
  ) {
    super(ctx);
  }

  private _cells(): number {
    return this._rect.nr * this._rect.nc;
  }

  getValues(): HostValue[][] {
    this._ctx.countCellsRead(this._cells());
    return grid(this._rect, (r, c) => this._sheet.value(r, c));
  }

  getValue(): HostValue {
    this._ctx.countCellsRead(1);
    return this._sheet.value(this._rect.r, this._rect.c);
  }

  getDisplayValues(): string[][] {
    this._ctx.countCellsRead(this._cells());
    return grid(this._rect, (r, c) => this._sheet.displayValue(r, c));
  }

  getDisplayValue(): string {
    this._ctx.countCellsRead(1);
    return this._sheet.displayValue(this._rect.r, this._rect.c);
  }

  getFormulas(): string[][] {
    this._ctx.countCellsRead(this._cells());
    return grid(this._rect, (r, c) => this._sheet.formulaAt(r, c));
  }

  getFormula(): string {
    this._ctx.countCellsRead(1);
    return this._sheet.formulaAt(this._rect.r, this._rect.c);
  }

  setValues(values: unknown[][]): RangeFacade {
    const rows = check2D(values, this._rect, 'SpreadsheetApp.Range.setValues');
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.countCellsWritten(this._cells());
    this._ctx.defer(() => eachCell(rect, (r, c, i, j) => sheet.writeInput(r, c, rows[i][j])));
    return this;
  }

  setValue(value: unknown): RangeFacade {
    const v = snapshotInput(value);
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.countCellsWritten(this._cells());
    this._ctx.defer(() => eachCell(rect, (r, c) => sheet.writeInput(r, c, v)));
    return this;
  }

  setFormula(formula: string): RangeFacade {
    const f = String(formula);
    if (f.length > MAX_CELL_CHARS) throw new GasError(MSG.cellTooLong);
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.countCellsWritten(this._cells());
    this._ctx.defer(() =>
      eachCell(rect, (r, c) =>
        sheet.storeInterpreted(
          r,
          c,
          f.startsWith('=') ? { f } : interpretInput(f, undefined, sheet.parent.timeZone, sheet.parent.now()),
        ),
      ),
    );
    return this;
  }

  setFormulas(formulas: string[][]): RangeFacade {
    const rows = check2D(formulas, this._rect, 'SpreadsheetApp.Range.setFormulas');
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.countCellsWritten(this._cells());
    this._ctx.defer(() =>
      eachCell(rect, (r, c, i, j) => {
        const f = String(rows[i][j] ?? '');
        sheet.storeInterpreted(
          r,
          c,
          f.startsWith('=') ? { f } : interpretInput(f, undefined, sheet.parent.timeZone, sheet.parent.now()),
        );
      }),
    );
    return this;
  }

  getNumberFormat(): string {
    return this._sheet.numberFormatAt(this._rect.r, this._rect.c) ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    return grid(this._rect, (r, c) => this._sheet.numberFormatAt(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(numberFormat: string): RangeFacade {
    const fmt = String(numberFormat);
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() =>
      eachCell(rect, (r, c) => {
        sheet.cellForWrite(r, c).nf = fmt;
      }),
    );
    return this;
  }

  setNumberFormats(numberFormats: string[][]): RangeFacade {
    const rows = check2D(numberFormats, this._rect, 'SpreadsheetApp.Range.setNumberFormats');
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() =>
      eachCell(rect, (r, c, i, j) => {
        sheet.cellForWrite(r, c).nf = String(rows[i][j]);
      }),
    );
    return this;
  }

  getDataValidation(): DataValidationFacade | null {
    const dv = this._sheet.validationAt(this._rect.r, this._rect.c);
    return dv ? new DataValidationFacade(this._ctx, clone(dv)) : null;
  }

  getDataValidations(): Array<Array<DataValidationFacade | null>> {
    return grid(this._rect, (r, c) => {
      const dv = this._sheet.validationAt(r, c);
      return dv ? new DataValidationFacade(this._ctx, clone(dv)) : null;
    });
  }

  setDataValidation(rule: DataValidationFacade | null): RangeFacade {
    if (rule !== null && !(rule instanceof DataValidationFacade)) {
      throw new GasError(MSG.signature(describeTypes([rule]), 'SpreadsheetApp.Range.setDataValidation'));
    }
    const spec = rule ? clone(rule._spec) : null;
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() => eachCell(rect, (r, c) => applyValidation(sheet, r, c, spec)));
    return this;
  }

  setDataValidations(rules: Array<Array<DataValidationFacade | null>>): RangeFacade {
    const rows = check2D(rules, this._rect, 'SpreadsheetApp.Range.setDataValidations');
    const specs = rows.map((row) =>
      row.map((x) => (x instanceof DataValidationFacade ? clone(x._spec) : null)),
    );
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() => eachCell(rect, (r, c, i, j) => applyValidation(sheet, r, c, specs[i][j])));
    return this;
  }

  clearDataValidations(): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() => sheet.clearRect(rect, { validations: true }));
    return this;
  }

  protect(): ProtectionFacade {
    return addProtection(this._ctx, this._sheet, 'RANGE', { ...this._rect });
  }

  getRow(): number {
    return this._rect.r;
  }

  getRowIndex(): number {
    return this._rect.r;
  }

  getColumn(): number {
    return this._rect.c;
  }

  getNumRows(): number {
    return this._rect.nr;
  }

  getHeight(): number {
    return this._rect.nr;
  }

  getNumColumns(): number {
    return this._rect.nc;
  }

  getWidth(): number {
    return this._rect.nc;
  }

  getLastRow(): number {
    return this._rect.r + this._rect.nr - 1;
  }

  getLastColumn(): number {
    return this._rect.c + this._rect.nc - 1;
  }

  getA1Notation(): string {
    return this._sheet.a1(this._rect);
  }

  getGridId(): number {
    return this._sheet.id;
  }

  getSheet(): SheetFacade {
    return new SheetFacade(this._ctx, this._sheet);
  }

  activate(): RangeFacade {
    return this;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeFacade {
    const args = [
      this._rect.r + toInt(rowOffset),
      this._rect.c + toInt(columnOffset),
      numRows === undefined ? this._rect.nr : toInt(numRows),
      numColumns === undefined ? this._rect.nc : toInt(numColumns),
    ];
    return new RangeFacade(
      this._ctx,
      this._sheet,
      rangeArgs(this._sheet, args, 'SpreadsheetApp.Range.offset'),
    );
  }

  getCell(row: number, column: number): RangeFacade {
    const r = toInt(row);
    const c = toInt(column);
    if (!(r >= 1 && c >= 1 && r <= this._rect.nr && c <= this._rect.nc)) throw new GasError(MSG.outsideSheet);
    return new RangeFacade(this._ctx, this._sheet, {
      r: this._rect.r + r - 1,
      c: this._rect.c + c - 1,
      nr: 1,
      nc: 1,
    });
  }

  clearContent(): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.countCellsWritten(this._cells());
    this._ctx.defer(() => sheet.clearRect(rect, { contents: true }));
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    const what = clearWhat(options);
    this._ctx.defer(() => sheet.clearRect(rect, what));
    return this;
  }

  clearFormat(): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() => sheet.clearRect(rect, { formats: true }));
    return this;
  }

  createTextFinder(findText: string): TextFinderFacade {
    return new TextFinderFacade(this._ctx, this._sheet, { ...this._rect }, findText);
  }

  isBlank(): boolean {
    let blank = true;
    eachCell(this._rect, (r, c) => {
      const cell = this._sheet.cell(r, c);
      if (cell && ((cell.v !== undefined && cell.v !== '') || cell.f !== undefined)) blank = false;
    });
    return blank;
  }

  private _style(key: string, value: string | boolean | number | null): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() =>
      eachCell(rect, (r, c) => {
        const cell = sheet.cellForWrite(r, c);
        if (value === null) {
          if (cell.st) delete cell.st[key];
          if (cell.st && !Object.keys(cell.st).length) delete cell.st;
        } else cell.st = { ...cell.st, [key]: value };
        sheet.tidy(r, c);
      }),
    );
    return this;
  }

  private _styles(key: string, values: unknown[][], method: string): RangeFacade {
    const rows = check2D(values, this._rect, method);
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() =>
      eachCell(rect, (r, c, i, j) => {
        const cell = sheet.cellForWrite(r, c);
        cell.st = { ...cell.st, [key]: String(rows[i][j]) };
      }),
    );
    return this;
  }

  private _styleAt(key: string): string | boolean | number | null {
    return this._sheet.cell(this._rect.r, this._rect.c)?.st?.[key] ?? null;
  }

  setFontWeight(fontWeight: string | null): RangeFacade {
    return this._style('fontWeight', fontWeight);
  }

  setFontWeights(fontWeights: string[][]): RangeFacade {
    return this._styles('fontWeight', fontWeights, 'SpreadsheetApp.Range.setFontWeights');
  }

  getFontWeight(): string {
    return String(this._styleAt('fontWeight') ?? 'normal');
  }

  setFontColor(color: string | null): RangeFacade {
    return this._style('fontColor', color);
  }

  setFontColors(colors: string[][]): RangeFacade {
    return this._styles('fontColor', colors, 'SpreadsheetApp.Range.setFontColors');
  }

  setFontSize(size: number): RangeFacade {
    return this._style('fontSize', size);
  }

  setFontStyle(fontStyle: string | null): RangeFacade {
    return this._style('fontStyle', fontStyle);
  }

  setBackground(color: string | null): RangeFacade {
    return this._style('background', color);
  }

  setBackgrounds(colors: string[][]): RangeFacade {
    return this._styles('background', colors, 'SpreadsheetApp.Range.setBackgrounds');
  }

  getBackground(): string {
    return String(this._styleAt('background') ?? '#ffffff');
  }

  getBackgrounds(): string[][] {
    return grid(this._rect, (r, c) => String(this._sheet.cell(r, c)?.st?.background ?? '#ffffff'));
  }

  setWrap(isWrapEnabled: boolean): RangeFacade {
    return this._style('wrap', !!isWrapEnabled);
  }

  setWrapStrategy(strategy: string): RangeFacade {
    return this._style('wrapStrategy', String(strategy));
  }

  setHorizontalAlignment(alignment: string | null): RangeFacade {
    return this._style('horizontalAlignment', alignment);
  }

  setVerticalAlignment(alignment: string | null): RangeFacade {
    return this._style('verticalAlignment', alignment);
  }

  setNote(note: string | null): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() =>
      eachCell(rect, (r, c) => {
        const cell = sheet.cellForWrite(r, c);
        if (note === null || note === '') delete cell.note;
        else cell.note = String(note);
        sheet.tidy(r, c);
      }),
    );
    return this;
  }

  getNote(): string {
    return this._sheet.cell(this._rect.r, this._rect.c)?.note ?? '';
  }

  merge(): RangeFacade {
    return this._style('merge', this._sheet.a1(this._rect));
  }

  breakApart(): RangeFacade {
    return this._style('merge', null);
  }

  insertCheckboxes(): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.countCellsWritten(this._cells());
    this._ctx.defer(() =>
      eachCell(rect, (r, c) => {
        const cell = sheet.cellForWrite(r, c);
        cell.dv = { criteria: 'CHECKBOX', values: [], allowInvalid: false, helpText: null };
        cell.v = false;
        delete cell.d;
        delete cell.f;
      }),
    );
    return this;
  }

  removeCheckboxes(): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.defer(() =>
      eachCell(rect, (r, c) => {
        const cell = sheet.cell(r, c);
        if (cell?.dv?.criteria === 'CHECKBOX') {
          delete cell.dv;
          delete cell.v;
          sheet.tidy(r, c);
        }
      }),
    );
    return this;
  }

  private _setChecked(value: boolean): RangeFacade {
    const { _sheet: sheet, _rect: rect } = this;
    this._ctx.countCellsWritten(this._cells());
    this._ctx.defer(() =>
      eachCell(rect, (r, c) => {
        const cell = sheet.cell(r, c);
        if (cell?.dv?.criteria === 'CHECKBOX') {
          cell.v = value;
          delete cell.f;
        }
      }),
    );
    return this;
  }

  check(): RangeFacade {
    return this._setChecked(true);
  }

  uncheck(): RangeFacade {
    return this._setChecked(false);
  }

  /** true when every cell is a checked checkbox, false when every one is unchecked, else null. */
  isChecked(): boolean | null {
    let all: boolean | null = null;
    let first = true;
    let mixed = false;
    eachCell(this._rect, (r, c) => {
      const cell = this._sheet.cell(r, c);
      if (cell?.dv?.criteria !== 'CHECKBOX') {
        mixed = true;
        return;
      }
      const v = this._sheet.value(r, c) === true;
      if (first) {
        all = v;
        first = false;
      } else if (all !== v) mixed = true;
    });
    return mixed ? null : all;
  }
}
instrument(RangeFacade, 'SpreadsheetApp.Range');

function applyValidation(sheet: SheetModel, r: number, c: number, spec: ValidationSpec | null): void {
  const cell: Cell = sheet.cellForWrite(r, c);
  if (spec) cell.dv = clone(spec);
  else delete cell.dv;
  sheet.tidy(r, c);
}

// ---- TextFinder --------------------------------------------------------------------------------

export class TextFinderFacade extends Facade {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private current: { r: number; c: number } | null = null;

  constructor(
    ctx: Ctx,
    private readonly sheet: SheetModel,
    private readonly rect: GridRect | null,
    private readonly findText: string,
  ) {
    super(ctx);
    if (typeof findText !== 'string' || findText === '') {
      throw new GasError(MSG.invalidArgument('findText'));
    }
  }

  matchCase(matchCase: boolean): TextFinderFacade {
    this.caseSensitive = !!matchCase;
    return this;
  }

  matchEntireCell(entireCell: boolean): TextFinderFacade {
    this.entireCell = !!entireCell;
    return this;
  }

  useRegularExpression(useRegEx: boolean): TextFinderFacade {
    this.regex = !!useRegEx;
    return this;
  }

  matchFormulaText(matchFormulaText: boolean): TextFinderFacade {
    this.formulaText = !!matchFormulaText;
    return this;
  }

  ignoreDiacritics(): TextFinderFacade {
    return this;
  }

  startFrom(startRange: RangeFacade): TextFinderFacade {
    const { rect } = rectOfRange(startRange, 'SpreadsheetApp.TextFinder.startFrom');
    this.current = { r: rect.r, c: rect.c };
    return this;
  }

  private _bounds(): GridRect {
    const rect = this.rect ?? { r: 1, c: 1, nr: this.sheet.maxRows, nc: this.sheet.maxCols };
    const lastStored = Math.min(rect.r + rect.nr - 1, this.sheet.rows.length);
    return { r: rect.r, c: rect.c, nr: Math.max(0, lastStored - rect.r + 1), nc: rect.nc };
  }

  private _matches(r: number, c: number): boolean {
    const cell = this.sheet.cell(r, c);
    if (!cell) return false;
    const text = this.formulaText && cell.f !== undefined ? cell.f : this.sheet.displayValue(r, c);
    if (text === '') return false;
    if (this.regex) {
      const re = new RegExp(
        this.entireCell ? `^(?:${this.findText})$` : this.findText,
        this.caseSensitive ? '' : 'i',
      );
      return re.test(text);
    }
    const a = this.caseSensitive ? text : text.toLowerCase();
    const b = this.caseSensitive ? this.findText : this.findText.toLowerCase();
    return this.entireCell ? a === b : a.includes(b);
  }

  private _all(): Array<{ r: number; c: number }> {
    const b = this._bounds();
    const out: Array<{ r: number; c: number }> = [];
    for (let r = b.r; r < b.r + b.nr; r++) {
      if (!this.sheet.rows[r - 1]) continue;
      for (let c = b.c; c < b.c + b.nc; c++) if (this._matches(r, c)) out.push({ r, c });
    }
    return out;
  }

  private _rangeAt(p: { r: number; c: number }): RangeFacade {
    return new RangeFacade(this._ctx, this.sheet, { r: p.r, c: p.c, nr: 1, nc: 1 });
  }

  findNext(): RangeFacade | null {
    const cur = this.current;
    const next = this._all().find((p) => !cur || p.r > cur.r || (p.r === cur.r && p.c > cur.c));
    if (!next) return null;
    this.current = next;
    return this._rangeAt(next);
  }

  findPrevious(): RangeFacade | null {
    const cur = this.current;
    const prev = this._all()
      .reverse()
      .find((p) => !cur || p.r < cur.r || (p.r === cur.r && p.c < cur.c));
    if (!prev) return null;
    this.current = prev;
    return this._rangeAt(prev);
  }

  findAll(): RangeFacade[] {
    return this._all().map((p) => this._rangeAt(p));
  }

  getCurrentMatch(): RangeFacade | null {
    return this.current ? this._rangeAt(this.current) : null;
  }

  private _replaceIn(r: number, c: number, replaceText: string): void {
    const cell = this.sheet.cell(r, c);
    if (!cell || cell.v === undefined || typeof cell.v !== 'string') {
      const text = this.sheet.displayValue(r, c);
      this.sheet.writeInput(r, c, this._replaceString(text, replaceText));
      return;
    }
    cell.v = this._replaceString(cell.v, replaceText);
  }

  private _replaceString(text: string, replaceText: string): string {
    const flags = this.caseSensitive ? 'g' : 'gi';
    const pattern = this.regex ? this.findText : this.findText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return text.replace(new RegExp(this.entireCell ? `^(?:${pattern})$` : pattern, flags), replaceText);
  }

  replaceAllWith(replaceText: string): number {
    const all = this._all();
    for (const p of all) this._replaceIn(p.r, p.c, String(replaceText));
    return all.length;
  }

  replaceWith(replaceText: string): number {
    if (!this.current || !this._matches(this.current.r, this.current.c)) return 0;
    this._replaceIn(this.current.r, this.current.c, String(replaceText));
    return 1;
  }
}
instrument(TextFinderFacade, 'SpreadsheetApp.TextFinder');

// ---- Protection --------------------------------------------------------------------------------

export class ProtectionFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _id: number,
  ) {
    super(ctx);
  }

  private _spec(): ProtectionSpec {
    const p = this._sheet.protections.find((x) => x.id === this._id);
    if (!p) throw new GasError('The protection has been removed.');
    return p;
  }

  getDescription(): string {
    return this._spec().description;
  }

  setDescription(description: string): ProtectionFacade {
    this._spec().description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this._spec().warningOnly;
  }

  setWarningOnly(warningOnly: boolean): ProtectionFacade {
    const p = this._spec();
    p.warningOnly = !!warningOnly;
    if (p.warningOnly) p.editors = [];
    return this;
  }

  getProtectionType(): string {
    return this._spec().type;
  }

  getRange(): RangeFacade {
    const p = this._spec();
    const rect = p.range ?? { r: 1, c: 1, nr: this._sheet.maxRows, nc: this._sheet.maxCols };
    return new RangeFacade(this._ctx, this._sheet, { ...rect });
  }

  getEditors(): UserFacade[] {
    return this._spec().editors.map((e) => new UserFacade(this._ctx, e));
  }

  addEditor(user: unknown): ProtectionFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    const p = this._spec();
    if (p.warningOnly) throw new GasError('Cannot add editors to a warning-only protection.');
    if (!p.editors.includes(email)) p.editors.push(email);
    return this;
  }

  addEditors(emails: string[]): ProtectionFacade {
    for (const e of emails) this.addEditor(e);
    return this;
  }

  removeEditor(user: unknown): ProtectionFacade {
    const email = user instanceof UserFacade ? user.getEmail() : String(user);
    const p = this._spec();
    p.editors = p.editors.filter((e) => e !== email || e === this._sheet.parent.owner);
    return this;
  }

  removeEditors(emails: string[]): ProtectionFacade {
    for (const e of emails) this.removeEditor(e);
    return this;
  }

  canEdit(): boolean {
    return true;
  }

  canDomainEdit(): boolean {
    return this._spec().domainEdit;
  }

  setDomainEdit(editable: boolean): ProtectionFacade {
    this._spec().domainEdit = !!editable;
    return this;
  }

  getUnprotectedRanges(): RangeFacade[] {
    return this._spec().unprotected.map((r) => new RangeFacade(this._ctx, this._sheet, { ...r }));
  }

  setUnprotectedRanges(ranges: RangeFacade[]): ProtectionFacade {
    const p = this._spec();
    if (p.type !== 'SHEET') throw new GasError('Unprotected ranges can only be set on a sheet protection.');
    p.unprotected = ranges.map((r) => rectOfRange(r, 'SpreadsheetApp.Protection.setUnprotectedRanges').rect);
    return this;
  }

  remove(): void {
    this._sheet.protections = this._sheet.protections.filter((x) => x.id !== this._id);
  }
}
instrument(ProtectionFacade, 'SpreadsheetApp.Protection');

// ---- Data validation ---------------------------------------------------------------------------

function criteriaValuesForScript(ctx: Ctx, spec: ValidationSpec): unknown[] {
  return spec.values.map((v, i) => {
    if (spec.criteria === 'VALUE_IN_RANGE' && i === 0 && typeof v === 'string') {
      const ss = ctx.emu.spreadsheet;
      try {
        return new SpreadsheetFacade(ctx, ss).getRange(v);
      } catch {
        return v;
      }
    }
    if (spec.criteria.startsWith('DATE_') && typeof v === 'number') return new Date(v);
    return v;
  });
}

export class DataValidationFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _spec: ValidationSpec,
  ) {
    super(ctx);
  }

  getCriteriaType(): string {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValuesForScript(this._ctx, this._spec);
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  copy(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._ctx, clone(this._spec));
  }
}
instrument(DataValidationFacade, 'SpreadsheetApp.DataValidation');

export class DataValidationBuilderFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _spec: ValidationSpec,
  ) {
    super(ctx);
  }

  private _set(criteria: string, values: unknown[]): DataValidationBuilderFacade {
    this._spec.criteria = criteria;
    this._spec.values = values;
    return this;
  }

  requireValueInList(values: unknown[], showDropdown?: boolean): DataValidationBuilderFacade {
    if (!Array.isArray(values)) {
      throw new GasError(
        MSG.signature(describeTypes([values]), 'SpreadsheetApp.DataValidationBuilder.requireValueInList'),
      );
    }
    return this._set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }

  requireValueInRange(range: RangeFacade, showDropdown?: boolean): DataValidationBuilderFacade {
    const { sheet, rect } = rectOfRange(range, 'SpreadsheetApp.DataValidationBuilder.requireValueInRange');
    return this._set('VALUE_IN_RANGE', [sheet.a1(rect, true), showDropdown ?? true]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilderFacade {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this._set('CHECKBOX', values);
  }

  requireNumberBetween(start: number, end: number): DataValidationBuilderFacade {
    return this._set('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberNotBetween(start: number, end: number): DataValidationBuilderFacade {
    return this._set('NUMBER_NOT_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberGreaterThan(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_GREATER_THAN', [Number(n)]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(n)]);
  }

  requireNumberLessThan(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_LESS_THAN', [Number(n)]);
  }

  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(n)]);
  }

  requireNumberEqualTo(n: number): DataValidationBuilderFacade {
    return this._set('NUMBER_EQUAL_TO', [Number(n)]);
  }

  requireDate(): DataValidationBuilderFacade {
    return this._set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: Date): DataValidationBuilderFacade {
    return this._set('DATE_AFTER', [dateMs(date)]);
  }

  requireDateBefore(date: Date): DataValidationBuilderFacade {
    return this._set('DATE_BEFORE', [dateMs(date)]);
  }

  requireDateBetween(start: Date, end: Date): DataValidationBuilderFacade {
    return this._set('DATE_BETWEEN', [dateMs(start), dateMs(end)]);
  }

  requireTextIsEmail(): DataValidationBuilderFacade {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): DataValidationBuilderFacade {
    return this._set('TEXT_IS_VALID_URL', []);
  }

  requireTextContains(text: string): DataValidationBuilderFacade {
    return this._set('TEXT_CONTAINS', [String(text)]);
  }

  requireTextEqualTo(text: string): DataValidationBuilderFacade {
    return this._set('TEXT_EQUAL_TO', [String(text)]);
  }

  requireFormulaSatisfied(formula: string): DataValidationBuilderFacade {
    return this._set('CUSTOM_FORMULA', [String(formula)]);
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderFacade {
    this._spec.allowInvalid = !!allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilderFacade {
    this._spec.helpText = String(helpText);
    return this;
  }

  getCriteriaType(): string {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValuesForScript(this._ctx, this._spec);
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  copy(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._ctx, clone(this._spec));
  }

  build(): DataValidationFacade {
    if (!this._spec.criteria) throw new GasError('You must specify a criteria for the data validation rule.');
    return new DataValidationFacade(this._ctx, clone(this._spec));
  }
}
instrument(DataValidationBuilderFacade, 'SpreadsheetApp.DataValidationBuilder');

function dateMs(d: unknown): number {
  if (!isDate(d)) throw new GasError(MSG.invalidArgument('date'));
  return d.getTime();
}

// ---- Charts ------------------------------------------------------------------------------------

export class ChartsService extends Facade {
  readonly ChartType = ChartType;
}
instrument(ChartsService, 'Charts');

export class ChartOptionsFacade extends Facade {
  constructor(
    ctx: Ctx,
    private readonly options: Record<string, unknown>,
  ) {
    super(ctx);
  }

  get(option: string): unknown {
    return this.options[option] ?? null;
  }

  getOrDefault(option: string): unknown {
    return this.options[option] ?? null;
  }
}
instrument(ChartOptionsFacade, 'SpreadsheetApp.ChartOptions');

export class ContainerInfoFacade extends Facade {
  constructor(
    ctx: Ctx,
    private readonly pos: ChartSpec['position'],
  ) {
    super(ctx);
  }

  getAnchorRow(): number {
    return this.pos.row;
  }

  getAnchorColumn(): number {
    return this.pos.col;
  }

  getOffsetX(): number {
    return this.pos.offsetX;
  }

  getOffsetY(): number {
    return this.pos.offsetY;
  }
}
instrument(ContainerInfoFacade, 'SpreadsheetApp.ContainerInfo');

function chartRanges(ctx: Ctx, sheet: SheetModel, spec: ChartSpec): RangeFacade[] {
  return spec.ranges.map((r) => {
    const s = sheet.parent.getSheetById(r.sheetId) ?? sheet;
    return new RangeFacade(ctx, s, { r: r.r, c: r.c, nr: r.nr, nc: r.nc });
  });
}

export class EmbeddedChartFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _spec: ChartSpec,
  ) {
    super(ctx);
  }

  getChartId(): number | null {
    return this._spec.id >= 0 ? this._spec.id : null;
  }

  getId(): string {
    return `u${this._spec.id}`;
  }

  /** Not in Google's API: the chart type, for the playground. */
  getChartType(): string {
    return this._spec.type;
  }

  getRanges(): RangeFacade[] {
    return chartRanges(this._ctx, this._sheet, this._spec);
  }

  getOptions(): ChartOptionsFacade {
    return new ChartOptionsFacade(this._ctx, clone(this._spec.options));
  }

  getContainerInfo(): ContainerInfoFacade {
    return new ContainerInfoFacade(this._ctx, { ...this._spec.position });
  }

  modify(): EmbeddedChartBuilderFacade {
    return new EmbeddedChartBuilderFacade(this._ctx, this._sheet, clone(this._spec));
  }
}
instrument(EmbeddedChartFacade, 'SpreadsheetApp.EmbeddedChart');

export class EmbeddedChartBuilderFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _spec: ChartSpec,
  ) {
    super(ctx);
  }

  setChartType(type: string): EmbeddedChartBuilderFacade {
    if (!(String(type) in ChartType)) throw new GasError(MSG.invalidArgument('type'));
    this._spec.type = String(type);
    return this;
  }

  getChartType(): string {
    return this._spec.type;
  }

  addRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const { sheet, rect } = rectOfRange(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange');
    this._spec.ranges.push({ ...rect, sheetId: sheet.id });
    return this;
  }

  removeRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    const { sheet, rect } = rectOfRange(range, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    this._spec.ranges = this._spec.ranges.filter(
      (r) =>
        !(r.sheetId === sheet.id && r.r === rect.r && r.c === rect.c && r.nr === rect.nr && r.nc === rect.nc),
    );
    return this;
  }

  clearRanges(): EmbeddedChartBuilderFacade {
    this._spec.ranges = [];
    return this;
  }

  getRanges(): RangeFacade[] {
    return chartRanges(this._ctx, this._sheet, this._spec);
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilderFacade {
    this._spec.position = {
      row: toInt(anchorRowPos),
      col: toInt(anchorColPos),
      offsetX: toInt(offsetX),
      offsetY: toInt(offsetY),
    };
    return this;
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilderFacade {
    this._spec.options[String(option)] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    return this;
  }

  setTitle(title: string): EmbeddedChartBuilderFacade {
    return this.setOption('title', String(title));
  }

  private _as(type: string): EmbeddedChartBuilderFacade {
    this._spec.type = type;
    return this;
  }

  asLineChart(): EmbeddedChartBuilderFacade {
    return this._as('LINE');
  }

  asColumnChart(): EmbeddedChartBuilderFacade {
    return this._as('COLUMN');
  }

  asBarChart(): EmbeddedChartBuilderFacade {
    return this._as('BAR');
  }

  asPieChart(): EmbeddedChartBuilderFacade {
    return this._as('PIE');
  }

  asAreaChart(): EmbeddedChartBuilderFacade {
    return this._as('AREA');
  }

  asTableChart(): EmbeddedChartBuilderFacade {
    return this._as('TABLE');
  }

  build(): EmbeddedChartFacade {
    return new EmbeddedChartFacade(this._ctx, this._sheet, clone(this._spec));
  }
}
instrument(EmbeddedChartBuilderFacade, 'SpreadsheetApp.EmbeddedChartBuilder');

// ---- Ui ----------------------------------------------------------------------------------------

function htmlOf(html: unknown, method: string): HtmlOutputFacade {
  if (!(html instanceof HtmlOutputFacade)) throw new GasError(MSG.signature(describeTypes([html]), method));
  return html;
}

export class UiFacade extends Facade {
  readonly Button = ButtonEnum;
  readonly ButtonSet = ButtonSetEnum;

  createMenu(caption: string): MenuFacade {
    return new MenuFacade(this._ctx, { name: String(caption), addon: false, items: [] });
  }

  createAddonMenu(): MenuFacade {
    return new MenuFacade(this._ctx, { name: this._ctx.emu.addOnName, addon: true, items: [] });
  }

  private _show(kind: HtmlShownRecord['kind'], html: unknown, title: string | null, method: string): void {
    const out = htmlOf(html, method);
    this._ctx.emu.ui.shown.push({
      at: this._ctx.emu.clock.now(),
      kind,
      title: title ?? out._title,
      width: kind === 'sidebar' ? 300 : out._width,
      height: out._height,
      html: out._content,
    });
  }

  showSidebar(userInterface: HtmlOutputFacade): void {
    this._show('sidebar', userInterface, null, 'SpreadsheetApp.Ui.showSidebar');
  }

  showModalDialog(userInterface: HtmlOutputFacade, title: string): void {
    this._show('modalDialog', userInterface, String(title), 'SpreadsheetApp.Ui.showModalDialog');
  }

  showModelessDialog(userInterface: HtmlOutputFacade, title: string): void {
    this._show('modelessDialog', userInterface, String(title), 'SpreadsheetApp.Ui.showModelessDialog');
  }

  /** Records an alert or prompt: (prompt), (prompt, buttons) or (title, prompt, buttons). */
  private _ask(kind: 'alert' | 'prompt', a: string, b?: string, c?: string): UiRecord {
    const ui = this._ctx.emu.ui;
    const [title, prompt, buttons] =
      b === undefined ? ['', a, 'OK'] : c === undefined ? ['', a, String(b)] : [a, b, c];
    ui.alerts.push({
      at: this._ctx.emu.clock.now(),
      title: String(title),
      prompt: String(prompt),
      buttons: String(buttons),
      kind,
    });
    return ui;
  }

  alert(a: string, b?: string, c?: string): string {
    return this._ask('alert', a, b, c).alertResponse;
  }

  prompt(a: string, b?: string, c?: string): PromptResponseFacade {
    const ui = this._ask('prompt', a, b, c);
    return new PromptResponseFacade(this._ctx, ui.promptResponseText, ui.alertResponse);
  }
}
instrument(UiFacade, 'SpreadsheetApp.Ui');

export class PromptResponseFacade extends Facade {
  constructor(
    ctx: Ctx,
    private readonly text: string,
    private readonly button: string,
  ) {
    super(ctx);
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): string {
    return this.button;
  }
}
instrument(PromptResponseFacade, 'SpreadsheetApp.PromptResponse');

export class MenuFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _menu: MenuRecord,
  ) {
    super(ctx);
  }

  addItem(caption: string, functionName: string): MenuFacade {
    this._menu.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): MenuFacade {
    this._menu.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: MenuFacade): MenuFacade {
    this._menu.items.push({ submenu: clone(menu._menu) });
    return this;
  }

  addToUi(): void {
    const menus = this._ctx.emu.ui.menus;
    const i = menus.findIndex((m) => m.name === this._menu.name && m.addon === this._menu.addon);
    const copy = clone(this._menu);
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
}
instrument(MenuFacade, 'SpreadsheetApp.Menu');

export { DEFAULT_COLS, DEFAULT_ROWS };
