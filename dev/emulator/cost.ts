// How long an Apps Script service call takes, for the emulated clock (time passes inside an
// execution: every call advances it) and for `npm run bench`. Calibrated on
// shared/reference/apps-script.md: a SpreadsheetApp write + read round trip ≈ 800 ms (so ≈ 400 ms
// for a call that must reach the spreadsheet: a read, or a flush of buffered writes), while
// buffered writes themselves are cheap (10,000 single-cell calls ≈ 70 s, i.e. ≈ 7 ms each);
// PropertiesService get ≈ 30 ms, set ≈ 60 ms; CacheService 20–90 ms (we take 50 ms).
//
// SpreadsheetApp calls are priced by the emulator's own classification (calls.ts), so the model
// prices exactly what the bench counts as round trips: a round trip that reads (or must apply the
// buffered writes first: getValues, TextFinder, getLastRow, getSheets, openById, getDataRange …)
// costs a read; a round trip that only writes (setValues, appendRow, formats …) is buffered; flush
// is its own term; navigation is nearly free. Only the requests themselves are sends
// (`UrlFetchApp.fetch`, `MailApp.sendEmail`): reading a response (`getResponseCode` …) is local.

import type { ExecutionCalls } from './calls';
import { classify, readsSheets } from './calls';

export interface CostModel {
  /** A SpreadsheetApp round trip that reads (or must first apply the buffered writes). */
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
  /** A quota question (MailApp.getRemainingDailyQuota). */
  quota: number;
  /** Any other call (navigation: getSheetByName, getRange, reading a response …). */
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
  quota: 0.05,
  other: 0.001,
};

/** The terms of an estimate. */
export type CostTerm =
  'sheetReads' | 'sheetWrites' | 'flush' | 'properties' | 'cache' | 'lock' | 'urlFetch' | 'mail' | 'other';

export type CostKind = 'sheets' | 'properties' | 'sends' | 'other';

const PROPERTY_READS = /\.(get|getProperty|getProperties|getKeys)$/;

/** Seconds one call of `method` (as calls.ts names it) takes, and its term. */
export function callCost(
  method: string,
  model: CostModel = COST_MODEL,
): { seconds: number; kind: CostKind; term: CostTerm } {
  const category = classify(method);
  if (method === 'SpreadsheetApp.flush') return { seconds: model.flush, kind: 'sheets', term: 'flush' };
  if (category === 'roundTrip') {
    return readsSheets(method)
      ? { seconds: model.sheetRead, kind: 'sheets', term: 'sheetReads' }
      : { seconds: model.sheetWrite, kind: 'sheets', term: 'sheetWrites' };
  }
  if (category === 'properties') {
    const read = PROPERTY_READS.test(method);
    return {
      seconds: read ? model.propertiesRead : model.propertiesWrite,
      kind: 'properties',
      term: 'properties',
    };
  }
  if (category === 'cache') return { seconds: model.cache, kind: 'other', term: 'cache' };
  if (category === 'lock') return { seconds: model.lock, kind: 'other', term: 'lock' };
  if (method === 'UrlFetchApp.fetch' || method === 'UrlFetchApp.fetchAll')
    return { seconds: model.urlFetch, kind: 'sends', term: 'urlFetch' };
  if (method === 'MailApp.sendEmail') return { seconds: model.mail, kind: 'sends', term: 'mail' };
  if (method === 'MailApp.getRemainingDailyQuota')
    return { seconds: model.quota, kind: 'other', term: 'other' };
  return { seconds: model.other, kind: 'other', term: 'other' };
}

/** Seconds by term; `cells` for the cells moved; `total` all; `excludingSends` without the sends. */
export type Estimate = Record<CostTerm, number> & { cells: number; total: number; excludingSends: number };

/** The estimated time of an execution from its call counts (what the emulated clock advanced by). */
export function estimate(calls: ExecutionCalls, model: CostModel = COST_MODEL): Estimate {
  const e: Estimate = {
    sheetReads: 0,
    sheetWrites: 0,
    flush: 0,
    properties: 0,
    cache: 0,
    lock: 0,
    urlFetch: 0,
    mail: 0,
    other: 0,
    cells: (calls.cellsRead + calls.cellsWritten) * model.cell,
    total: 0,
    excludingSends: 0,
  };
  for (const [method, n] of Object.entries(calls.byMethod)) {
    const c = callCost(method, model);
    e[c.term] += n * c.seconds;
  }
  e.excludingSends =
    e.sheetReads + e.sheetWrites + e.flush + e.properties + e.cache + e.lock + e.other + e.cells;
  e.total = e.excludingSends + e.urlFetch + e.mail;
  return e;
}
