// A sheet read and written as records by header name. Reads are one getValues of a block;
// writes are one setValues per contiguous run of columns. Strings are written as text.

import { encodeCell } from './cells';
import type { CellValue, ColumnDef, RecordOf, SheetDef, SheetKey } from './schema';
import { SHEETS } from './schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Row<K extends SheetKey> {
  /** 1-based sheet row. */
  row: number;
  rec: RecordOf<K>;
}

export type Changes<K extends SheetKey> = Partial<Record<keyof RecordOf<K>, CellValue | null>>;

export class Table<K extends SheetKey> {
  readonly def: SheetDef;
  private readonly colOf: Map<string, number>;

  constructor(
    readonly key: K,
    readonly sheet: Sheet,
    /** Header row as read from the sheet (row 1), in sheet order. */
    readonly headers: readonly string[],
  ) {
    this.def = SHEETS[key];
    this.colOf = new Map();
    for (const col of this.def.columns) {
      const i = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(col.header));
      if (i >= 0) this.colOf.set(col.key, i + 1);
    }
  }

  /** 1-based column of a key, or 0 when the sheet lacks it. */
  col(key: keyof RecordOf<K> & string): number {
    return this.colOf.get(key) ?? 0;
  }

  get width(): number {
    return this.headers.length;
  }

  /** Columns of the schema missing from the sheet (setup repairs them). */
  missingColumns(): ColumnDef[] {
    return this.def.columns.filter((c) => !this.colOf.has(c.key));
  }

  toRecord(values: readonly unknown[]): RecordOf<K> {
    const rec: Record<string, CellValue> = {};
    for (const col of this.def.columns) {
      const i = this.colOf.get(col.key);
      const v = i ? values[i - 1] : '';
      rec[col.key] = (v === null || v === undefined ? '' : v) as CellValue;
    }
    return rec as RecordOf<K>;
  }

  toValues(rec: Changes<K>): CellValue[] {
    const out: CellValue[] = new Array<CellValue>(this.width).fill('');
    for (const col of this.def.columns) {
      const i = this.colOf.get(col.key);
      if (!i) continue;
      out[i - 1] = encodeCell(col, (rec as Record<string, CellValue | null>)[col.key]);
    }
    return out;
  }

  /** Every data row (one round trip for the size, one for the block). */
  readAll(): Row<K>[] {
    const last = this.sheet.getLastRow();
    return last < 2 ? [] : this.readBlock(2, last - 1);
  }

  /** `count` rows from `startRow` in one getValues. */
  readBlock(startRow: number, count: number): Row<K>[] {
    if (count < 1 || this.width < 1) return [];
    const values = this.sheet.getRange(startRow, 1, count, this.width).getValues();
    return values.map((v, i) => ({ row: startRow + i, rec: this.toRecord(v) }));
  }

  /**
   * The given rows (ascending, each once) in at most `MAX_ROW_BLOCKS` reads: rows close together
   * are read in one block with the rows between them, which are then left out.
   */
  readRows(rows: readonly number[]): Row<K>[] {
    const wanted = new Set(rows);
    const out: Row<K>[] = [];
    for (const [first, count] of rowBlocks(rows)) {
      for (const r of this.readBlock(first, count)) if (wanted.has(r.row)) out.push(r);
    }
    return out;
  }

  /**
   * Reads the column of `key` from `lastRow` up to row 2 in chunks that double (`firstChunk`,
   * twice that, …): one getValues each. `chunk` gets each chunk's first row and its values (top
   * to bottom) and says whether to read on.
   */
  scanColumnUp(
    key: keyof RecordOf<K> & string,
    lastRow: number,
    firstChunk: number,
    chunk: (firstRow: number, values: unknown[]) => boolean,
  ): void {
    const col = this.col(key);
    if (!col) return;
    let end = lastRow;
    let size = firstChunk;
    while (end >= 2) {
      const start = Math.max(2, end - size + 1);
      const values = this.sheet.getRange(start, col, end - start + 1, 1).getValues();
      if (
        !chunk(
          start,
          values.map((v) => v[0]),
        )
      )
        return;
      end = start - 1;
      size *= 2;
    }
  }

  /** Appends one record below the last row (one appendRow). */
  appendRecord(rec: Changes<K>): void {
    this.sheet.appendRow(this.toValues(rec));
  }

  /** The first row whose `key` column is exactly `value`, or null (one search). */
  findRow(key: keyof RecordOf<K> & string, value: string): number | null {
    const col = this.col(key);
    if (!col || !value) return null;
    return findRowsIn(this.sheet, col, value, false)[0] ?? null;
  }

  /** Every row whose `key` column is exactly `value`, ascending (one search). */
  findRows(key: keyof RecordOf<K> & string, value: string): number[] {
    const col = this.col(key);
    return col && value ? findRowsIn(this.sheet, col, value) : [];
  }

  readRow(row: number): RecordOf<K> {
    return this.readBlock(row, 1)[0].rec;
  }

  /** Writes whole rows at `startRow` (one setValues). */
  writeRows(startRow: number, recs: readonly Changes<K>[]): void {
    if (recs.length === 0) return;
    const values = recs.map((r) => this.toValues(r));
    this.sheet.getRange(startRow, 1, values.length, this.width).setValues(values);
  }

  /**
   * Writes the changed fields of one row: one setValues per contiguous run of columns.
   * `known` holds current values of other fields, used to bridge gaps between changed columns
   * so that a handful of scattered changes still costs one call.
   */
  update(row: number, changes: Changes<K>, known: Changes<K> = {}): void {
    const byCol = new Map<number, CellValue>();
    const colDefs = new Map(this.def.columns.map((c) => [c.key, c]));
    for (const [key, value] of Object.entries(changes)) {
      const col = this.colOf.get(key);
      if (col) byCol.set(col, encodeCell(colDefs.get(key)!, value as CellValue | null));
    }
    if (byCol.size === 0) return;
    const knownByCol = new Map<number, CellValue>();
    for (const [key, value] of Object.entries(known)) {
      const col = this.colOf.get(key);
      if (col && !byCol.has(col)) knownByCol.set(col, encodeCell(colDefs.get(key)!, value as CellValue));
    }
    const cols = [...byCol.keys()].sort((a, b) => a - b);
    let start = cols[0];
    let run: CellValue[] = [byCol.get(start)!];
    const flush = (): void => {
      this.sheet.getRange(row, start, 1, run.length).setValues([run]);
    };
    for (let i = 1; i < cols.length; i++) {
      const prev = start + run.length - 1;
      const next = cols[i];
      let bridged = true;
      for (let c = prev + 1; c < next; c++) if (!knownByCol.has(c)) bridged = false;
      if (bridged) {
        for (let c = prev + 1; c < next; c++) run.push(knownByCol.get(c)!);
        run.push(byCol.get(next)!);
      } else {
        flush();
        start = next;
        run = [byCol.get(next)!];
      }
    }
    flush();
  }
}

/** Rows closer than this are read in one block (fewer round trips, a few extra cells). */
export const ROW_BLOCK_GAP = 200;
/** `readRows` reads at most this many blocks, widening the gap until the rows fit. */
export const MAX_ROW_BLOCKS = 8;

/** Groups sorted row numbers into at most `maxBlocks` blocks `[first, count]`. */
export function rowBlocks(
  rows: readonly number[],
  gap = ROW_BLOCK_GAP,
  maxBlocks = MAX_ROW_BLOCKS,
): [number, number][] {
  if (rows.length === 0) return [];
  for (;;) {
    const blocks: [number, number][] = [];
    let first = rows[0];
    let last = rows[0];
    for (const row of rows.slice(1)) {
      if (row - last <= gap) last = row;
      else {
        blocks.push([first, last - first + 1]);
        first = row;
        last = row;
      }
    }
    blocks.push([first, last - first + 1]);
    if (blocks.length <= maxBlocks) return blocks;
    gap *= 4;
  }
}

/** A sheet's header row as strings ([] for an empty sheet). */
export function headerRow(sheet: Sheet): string[] {
  const width = sheet.getLastColumn();
  return width < 1
    ? []
    : sheet
        .getRange(1, 1, 1, width)
        .getValues()[0]
        .map((h) => String(h));
}

/** Rows (ascending) whose cell in column `col` is exactly `value`: one TextFinder search. */
export function findRowsIn(sheet: Sheet, col: number, value: string, all = true): number[] {
  const finder = sheet
    .getRange(2, col, Math.max(sheet.getMaxRows() - 1, 1), 1)
    .createTextFinder(value)
    .matchEntireCell(true);
  if (!all) {
    const cell = finder.findNext();
    return cell ? [cell.getRow()] : [];
  }
  return finder
    .findAll()
    .map((r) => r.getRow())
    .sort((a, b) => a - b);
}

export function normaliseHeader(h: unknown): string {
  return String(h ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
