// How long an Apps Script service call takes, for the emulated clock (time passes inside an
// execution: every call advances it) and for `npm run bench`. Calibrated on
// shared/reference/apps-script.md: a SpreadsheetApp write + read round trip ≈ 800 ms (so ≈ 400 ms
// for a call that must reach the spreadsheet: a read, or a flush of buffered writes), while
// buffered writes themselves are cheap (10,000 single-cell calls ≈ 70 s, i.e. ≈ 7 ms each);
// PropertiesService get ≈ 30 ms, set ≈ 60 ms; CacheService 20–90 ms (we take 50 ms).

import type { ExecutionCalls } from './calls';

export interface CostModel {
  /** A SpreadsheetApp call that reads from the spreadsheet (getValues, getLastRow, TextFinder …). */
  sheetRead: number;
  /** A buffered SpreadsheetApp write (setValues, appendRow, formats …). */
  sheetWrite: number;
  /** SpreadsheetApp.flush: applies the buffered writes. */
  flush: number;
  /** Per cell moved in a read or write. */
  cell: number;
  propertiesRead: number;
  propertiesWrite: number;
  cache: number;
  lock: number;
  /** UrlFetchApp.fetch (or one fetchAll). */
  urlFetch: number;
  /** MailApp.sendEmail. */
  mail: number;
  /** Any other call (navigation: getSheetByName, getRange …). */
  other: number;
}

/** Seconds per call. */
export const COST_MODEL: CostModel = {
  sheetRead: 0.4,
  sheetWrite: 0.007,
  flush: 0.4,
  cell: 0.00001,
  propertiesRead: 0.03,
  propertiesWrite: 0.06,
  cache: 0.05,
  lock: 0.05,
  urlFetch: 0.3,
  mail: 0.5,
  other: 0.001,
};

const WRITES =
  /\.(setValues|setValue|appendRow|setFormula|setFormulas|setNumberFormat|setNumberFormats|setDataValidation|setDataValidations|clearContent|clear|insertRowsAfter|insertRowsBefore|deleteRows|insertSheet|setFrozenRows|insertChart|removeChart|setFontWeight|setBackground|protect|setDescription|setWarningOnly|insertColumnsAfter)$/;

const READS =
  /\.(getValues|getValue|getDisplayValues|getDisplayValue|getFormulas|getFormula|getLastRow|getLastColumn|getMaxRows|getMaxColumns|getNumberFormat|getNumberFormats|getDataValidation|getDataValidations|findNext|findAll|findPrevious|getProtections|getFrozenRows|getCharts|getSheets)$/;

export type CostKind = 'sheets' | 'properties' | 'sends' | 'other';

/** Seconds one call of `method` (as calls.ts names it) takes, and what it counts as. */
export function callCost(method: string, model: CostModel = COST_MODEL): { seconds: number; kind: CostKind } {
  if (method.startsWith('SpreadsheetApp.')) {
    if (method === 'SpreadsheetApp.flush') return { seconds: model.flush, kind: 'sheets' };
    if (WRITES.test(method)) return { seconds: model.sheetWrite, kind: 'sheets' };
    if (READS.test(method)) return { seconds: model.sheetRead, kind: 'sheets' };
    return { seconds: model.other, kind: 'other' };
  }
  if (method.startsWith('PropertiesService.Properties.')) {
    const read = /\.(get|getProperty|getProperties|getKeys)$/.test(method);
    return { seconds: read ? model.propertiesRead : model.propertiesWrite, kind: 'properties' };
  }
  if (method.startsWith('CacheService.Cache.')) return { seconds: model.cache, kind: 'other' };
  if (method.startsWith('LockService.Lock.')) return { seconds: model.lock, kind: 'other' };
  if (method === 'UrlFetchApp.fetch' || method === 'UrlFetchApp.fetchAll')
    return { seconds: model.urlFetch, kind: 'sends' };
  if (method === 'MailApp.sendEmail') return { seconds: model.mail, kind: 'sends' };
  return { seconds: model.other, kind: 'other' };
}

export interface Estimate {
  /** Seconds, all calls. */
  total: number;
  /** Seconds without UrlFetch and Mail (the sends themselves). */
  excludingSends: number;
}

/** The estimated time of an execution from its call counts (what the emulated clock advanced by). */
export function estimate(calls: ExecutionCalls, model: CostModel = COST_MODEL): Estimate {
  let sends = 0;
  let rest = 0;
  for (const [method, n] of Object.entries(calls.byMethod)) {
    const c = callCost(method, model);
    if (c.kind === 'sends') sends += n * c.seconds;
    else rest += n * c.seconds;
  }
  const excludingSends = rest + (calls.cellsRead + calls.cellsWritten) * model.cell;
  return { total: excludingSends + sends, excludingSends };
}
