/** Helpers of the SpreadsheetApp modules: argument coercion, input snapshots, copies, clear options. */
import { GasError, MSG } from '../../errors';
import { MAX_CELL_CHARS } from '../../model';
import { isDate } from '../../realm';

export function toInt(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : NaN;
}

export function snapshotInput(v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new GasError(MSG.cellTooLong);
  return v;
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function clearWhat(options?: {
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
