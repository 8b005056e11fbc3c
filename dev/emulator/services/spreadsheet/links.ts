/**
 * The facade classes a module of this folder hands out or recognizes although their own module
 * imports it: a range hands out its sheet, a sheet its spreadsheet, and text finders, protections,
 * data validations and charts take and hand out ranges. Each of these classes is provided by its
 * module as it loads (next to its instrument call) and looked up when a method runs, so the
 * runtime imports of the folder have no cycle; the imports here are type-only. Load the folder
 * through its index.ts, which loads every module.
 */
import { describeTypes, GasError, MSG } from '../../errors';
import type { GridRect, SheetModel } from '../../model';
import type { RangeFacade } from './range';
import type { SheetFacade } from './sheet';
import type { SpreadsheetFacade } from './spreadsheet';

interface Linked {
  Range: typeof RangeFacade;
  Sheet: typeof SheetFacade;
  Spreadsheet: typeof SpreadsheetFacade;
}

const classes: Partial<Linked> = {};

export function provide<K extends keyof Linked>(name: K, cls: Linked[K]): void {
  classes[name] = cls;
}

export function linked<K extends keyof Linked>(name: K): Linked[K] {
  const cls = classes[name];
  if (!cls) throw new Error(`${name}Facade is not loaded: import services/spreadsheet (its index.ts)`);
  return cls;
}

/** The sheet and a copy of the rectangle of a Range argument, else Google's signature error. */
export function rectOfRange(range: unknown, method: string): { sheet: SheetModel; rect: GridRect } {
  if (!(range instanceof linked('Range'))) throw new GasError(MSG.signature(describeTypes([range]), method));
  return { sheet: range._sheet, rect: { ...range._rect } };
}
