/** Range: values, formulas, formats, validations, notes, checkboxes; writes are buffered (Ctx.defer). */
import { describeTypes, GasError, MSG } from '../../errors';
import { type Ctx, Facade, instrument } from '../../execution';
import {
  type Cell,
  grid,
  type GridRect,
  type HostValue,
  interpretInput,
  MAX_CELL_CHARS,
  type SheetModel,
  type ValidationSpec,
} from '../../model';
import { DEFAULT_NUMBER_FORMAT } from '../../time';
import { linked, provide } from './links';
import { addProtection, type ProtectionFacade } from './protection';
import { clearWhat, clone, snapshotInput, toInt } from './shared';
import type { SheetFacade } from './sheet';
import { TextFinderFacade } from './text-finder';
import { DataValidationFacade } from './validation';

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

/** Sheet.getRange arguments: (a1) or (row, column[, numRows[, numColumns]]), Google's checks. */
export function rangeArgs(sheet: SheetModel, args: unknown[], method: string): GridRect {
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
          f.startsWith('=')
            ? { f }
            : interpretInput(f, undefined, sheet.parent.timeZone, sheet.parent.now(), sheet.parent.locale),
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
          f.startsWith('=')
            ? { f }
            : interpretInput(f, undefined, sheet.parent.timeZone, sheet.parent.now(), sheet.parent.locale),
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
    const Sheet = linked('Sheet');
    return new Sheet(this._ctx, this._sheet);
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
        // Styles are replaced, never changed in place: inserted rows share their template's.
        if (value === null) {
          if (cell.st) {
            const rest = { ...cell.st };
            delete rest[key];
            if (Object.keys(rest).length) cell.st = rest;
            else delete cell.st;
          }
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
provide('Range', RangeFacade);

function applyValidation(sheet: SheetModel, r: number, c: number, spec: ValidationSpec | null): void {
  const cell: Cell = sheet.cellForWrite(r, c);
  if (spec) cell.dv = clone(spec);
  else delete cell.dv;
  sheet.tidy(r, c);
}
