/** Sheet: ranges, rows and columns, frozen panes, protections, charts, visibility. */
import { describeTypes, GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import type { SheetModel } from '../../model';
import { EmbeddedChartBuilderFacade, EmbeddedChartFacade } from './charts';
import { linked, provide } from './links';
import { addProtection, ProtectionFacade } from './protection';
import { rangeArgs, RangeFacade } from './range';
import { clearWhat, clone, snapshotInput, toInt } from './shared';
import type { SpreadsheetFacade } from './spreadsheet';
import { TextFinderFacade } from './text-finder';

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
    const Spreadsheet = linked('Spreadsheet');
    return new Spreadsheet(this._ctx, this._sheet.parent);
  }

  /**
   * Copies the sheet into `spreadsheet` (this one or another) as its last sheet, named
   * "Copy of <name>": values, formats, validations, frozen rows, column widths and charts.
   */
  copyTo(spreadsheet: SpreadsheetFacade): SheetFacade {
    if (!(spreadsheet instanceof linked('Spreadsheet'))) {
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
provide('Sheet', SheetFacade);
