// The spreadsheet as a database: opens tables by key with their header row cached, and appends
// to product-owned sheets by a row pointer kept in Script Properties (no getLastRow on the hot path).

import type { Cache } from '../platform/cache';
import { now as clockNow } from '../platform/clock';
import type { Props } from '../platform/props';
import type { RecordOf, SheetKey } from './schema';
import { SHEETS } from './schema';
import type { Changes, Row } from './table';
import { headerRow, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Six hours, put again every half hour of use (see config.ts: they outlive busy-day entries). */
export const HEADER_CACHE_SECONDS = 21600;
const HEADER_REFRESH_MS = 1800000;
export const headerCacheKey = (name: string): string => `hdr:${name}`;
const headerKey = headerCacheKey;
/** Script Property holding the next free row of a product-owned sheet. */
export const pointerKey = (name: string): string => `ptr:${name}`;
/** Script Property remembering a product-owned sheet's grid size, with its pointer. */
export const maxRowsKey = (name: string): string => `ptrmax:${name}`;
/**
 * The pointer's copy in CacheService: written with it, read with it (the larger wins), so an
 * execution whose Script Properties write failed (the store full, its daily quota) leaves a
 * pointer that the next execution still sees, and rows are never written twice over.
 */
export const pointerCacheKey = (name: string): string => `ptr:${name}`;
const POINTER_CACHE_SECONDS = 21600;

export class MissingSheetError extends Error {
  constructor(readonly sheetName: string) {
    super(`Sheet "${sheetName}" is missing: run Siapkan Spreadsheet.`);
  }
}

export class Db {
  private readonly tables = new Map<SheetKey, Table<SheetKey>>();

  constructor(
    readonly ss: Spreadsheet,
    private readonly cache: Cache,
    private readonly props: Props,
  ) {}

  table<K extends SheetKey>(key: K): Table<K> {
    const known = this.tables.get(key);
    if (known) return known as unknown as Table<K>;
    const name = SHEETS[key].name;
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) throw new MissingSheetError(name);
    const cached = this.cache.getJson<string[] | { h: string[]; at: number }>(headerKey(name));
    let headers = Array.isArray(cached) ? cached : cached && Array.isArray(cached.h) ? cached.h : null;
    const at = cached && !Array.isArray(cached) ? cached.at : 0;
    if (!headers) headers = headerRow(sheet);
    const now = clockNow();
    if (!cached || now - at >= HEADER_REFRESH_MS) {
      this.cache.putJson(headerKey(name), { h: headers, at: now }, HEADER_CACHE_SECONDS);
    }
    const table = new Table(key, sheet, headers);
    this.tables.set(key, table as unknown as Table<SheetKey>);
    return table;
  }

  /** The table of `key`, or null when its sheet is missing. */
  tableIfExists<K extends SheetKey>(key: K): Table<K> | null {
    try {
      return this.table(key);
    } catch (e) {
      if (e instanceof MissingSheetError) return null;
      throw e;
    }
  }

  /**
   * Every row of a small sheet with its header, in one read (`getDataRange().getValues()`; the
   * header as it is now, not the cached one). A missing sheet has no table and no rows.
   */
  readSheet<K extends SheetKey>(key: K): { table: Table<K> | null; rows: Row<K>[] } {
    const sheet = this.ss.getSheetByName(SHEETS[key].name);
    if (!sheet) return { table: null, rows: [] };
    const values = sheet.getDataRange().getValues();
    const table = new Table(
      key,
      sheet,
      (values[0] ?? []).map((h) => String(h)),
    );
    return { table, rows: values.slice(1).map((v, i) => ({ row: i + 2, rec: table.toRecord(v) })) };
  }

  /** Forget cached header rows (after setup, or when staff edited a header). */
  forgetHeaders(keys: readonly SheetKey[] = Object.keys(SHEETS) as SheetKey[]): void {
    this.cache.removeAll(keys.map((k) => headerKey(SHEETS[k].name)));
    for (const k of keys) this.tables.delete(k);
  }

  /**
   * Appends records; returns the first row written. Caller holds the script lock.
   * Product-owned sheets use the row pointer; others ask the sheet for its last row.
   */
  append<K extends SheetKey>(key: K, recs: readonly Changes<K>[]): number {
    const table = this.table(key);
    if (recs.length === 0) return 0;
    const def = SHEETS[key];
    const ownedPointer = 'systemOwned' in def && def.systemOwned;
    if (!ownedPointer && recs.length === 1) {
      table.sheet.appendRow(table.toValues(recs[0]));
      return table.sheet.getLastRow();
    }
    let next = ownedPointer ? this.storedPointer(key) : 0;
    if (!(next >= 2)) next = ownedPointer ? this.lastDataRow(key) + 1 : table.sheet.getLastRow() + 1;
    // The grid size is remembered with the pointer, so an append needs no metadata read.
    const mkey = maxRowsKey(def.name);
    let max = ownedPointer ? Number(this.props.get(mkey) ?? '0') : 0;
    if (!(max > 0) || next + recs.length - 1 > max) max = table.sheet.getMaxRows();
    if (next + recs.length - 1 > max) {
      const add = Math.max(recs.length, 500);
      table.sheet.insertRowsAfter(max, add);
      max += add;
    }
    table.writeRows(next, recs);
    if (ownedPointer) {
      this.setPointer(key, next + recs.length);
      this.props.set(mkey, String(max));
    }
    return next;
  }

  /** The stored pointer of a sheet (Script Properties or its cached copy, the larger); 0 if none. */
  storedPointer(key: SheetKey): number {
    const name = SHEETS[key].name;
    const stored = Number(this.props.get(pointerKey(name)) ?? '0');
    const cached = Number(this.cache.getJson<number>(pointerCacheKey(name)) ?? 0);
    return Math.max(stored >= 2 ? stored : 0, cached >= 2 ? cached : 0);
  }

  /** Moves a pointer (down too, after rows were deleted): in Script Properties and the cache. */
  setPointer(key: SheetKey, row: number): void {
    const name = SHEETS[key].name;
    this.props.set(pointerKey(name), String(row));
    this.cache.putJson(pointerCacheKey(name), row, POINTER_CACHE_SECONDS);
  }

  /** The next free row of a product-owned sheet: its pointer, else its last data row + 1. */
  nextRow(key: SheetKey): number {
    const next = this.storedPointer(key);
    return next >= 2 ? next : this.lastDataRow(key) + 1;
  }

  /**
   * Reconciles the row pointer of a product-owned sheet with its real last row (hourly job):
   * rows typed in by hand move the pointer past them instead of being overwritten later.
   */
  reconcilePointer(key: SheetKey): { pointer: number; moved: boolean } {
    const def = SHEETS[key];
    const sheet = this.ss.getSheetByName(def.name);
    if (!sheet) throw new MissingSheetError(def.name);
    const stored = this.storedPointer(key);
    const actual = this.lastDataRow(key) + 1;
    const pointer = Math.max(stored, actual, 2);
    if (pointer !== stored) this.setPointer(key, pointer);
    this.props.set(maxRowsKey(def.name), String(sheet.getMaxRows()));
    return { pointer, moved: stored !== 0 && pointer !== stored };
  }

  /**
   * Sets the row pointer of a product-owned sheet to just after its real last row, after rows
   * were deleted (archive, citizen's data deleted): the pointer must not stay past the rows.
   */
  resetPointer(key: SheetKey): number {
    const def = SHEETS[key];
    if (!('systemOwned' in def && def.systemOwned)) return 0;
    const sheet = this.ss.getSheetByName(def.name);
    if (!sheet) throw new MissingSheetError(def.name);
    const pointer = Math.max(this.lastDataRow(key) + 1, 2);
    this.setPointer(key, pointer);
    this.props.set(maxRowsKey(def.name), String(sheet.getMaxRows()));
    return pointer;
  }

  /**
   * The last row holding data. Rows inserted below a row with checkboxes get unchecked boxes
   * (FALSE), which `getLastRow` counts: those rows are read from the bottom (500 at a time) and
   * skipped when they hold nothing but unchecked boxes.
   */
  lastDataRow(key: SheetKey): number {
    const table = this.table(key);
    let last = table.sheet.getLastRow();
    const boxes = new Set(
      SHEETS[key].columns
        .filter((c) => c.type === 'checkbox')
        .map((c) => table.col(c.key as never) - 1)
        .filter((i) => i >= 0),
    );
    if (boxes.size === 0) return last;
    while (last >= 2) {
      const from = Math.max(2, last - 499);
      const values = table.sheet.getRange(from, 1, last - from + 1, table.width).getValues();
      for (let i = values.length - 1; i >= 0; i--) {
        if (values[i].some((v, j) => (boxes.has(j) ? v === true : v !== '' && v !== null))) return from + i;
      }
      last = from - 1;
    }
    return 1;
  }

  readRow<K extends SheetKey>(key: K, row: number): RecordOf<K> {
    return this.table(key).readRow(row);
  }

  update<K extends SheetKey>(key: K, row: number, changes: Changes<K>, known?: Changes<K>): void {
    this.table(key).update(row, changes, known);
  }
}
