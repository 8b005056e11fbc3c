// Estimated Apps Script time of one execution from its service-call counts. Calibrated on
// shared/reference/apps-script.md: a SpreadsheetApp write + read round trip ≈ 800 ms (so ≈ 400 ms
// for a call that must reach the spreadsheet: a read, or a flush of buffered writes), while
// buffered writes themselves are cheap (10,000 single-cell calls ≈ 70 s, i.e. ≈ 7 ms each);
// PropertiesService get ≈ 30 ms, set ≈ 60 ms; CacheService 20–90 ms (we take 50 ms).
//
// SpreadsheetApp calls are priced by the emulator's own classification (dev/emulator/calls.ts),
// so the model prices exactly what the bench counts as round trips: a round trip that reads (or
// applies the buffered writes first: getValues, TextFinder, getLastRow, openById, getDataRange …)
// costs a read; a round trip that only writes (setValues, appendRow, formats …) is buffered; flush
// is its own term; navigation is nearly free. Only the requests themselves cost a send
// (`UrlFetchApp.fetch`, `MailApp.sendEmail`): reading a response (`getResponseCode` …) is local.

import { classify, readsSheets } from '../emulator/calls';
import type { ExecutionCalls } from '../emulator/index';

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
  /** One HTTP request (UrlFetchApp.fetch; each request of fetchAll). */
  urlFetch: number;
  /** One email sent (MailApp.sendEmail). */
  mail: number;
  /** A quota question (MailApp.getRemainingDailyQuota). */
  quota: number;
  /** Any other call (navigation: getSheetByName, getRange, reading a response …). */
  other: number;
}

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

/** Seconds by term. `total` is the sum; `excludingSends` leaves out urlFetch and mail. */
export interface Estimate {
  sheetReads: number;
  sheetWrites: number;
  flush: number;
  cells: number;
  properties: number;
  cache: number;
  lock: number;
  urlFetch: number;
  mail: number;
  other: number;
  total: number;
  excludingSends: number;
}

const PROPERTY_READS = /\.(getProperty|getProperties|getKeys)$/;

export function estimate(calls: ExecutionCalls, model: CostModel = COST_MODEL): Estimate {
  const e: Estimate = {
    sheetReads: 0,
    sheetWrites: 0,
    flush: 0,
    cells: (calls.cellsRead + calls.cellsWritten) * model.cell,
    properties: 0,
    cache: 0,
    lock: 0,
    urlFetch: 0,
    mail: 0,
    other: 0,
    total: 0,
    excludingSends: 0,
  };
  for (const [method, n] of Object.entries(calls.byMethod)) {
    const category = classify(method);
    if (method === 'SpreadsheetApp.flush') e.flush += n * model.flush;
    else if (category === 'roundTrip') {
      if (readsSheets(method)) e.sheetReads += n * model.sheetRead;
      else e.sheetWrites += n * model.sheetWrite;
    } else if (category === 'properties') {
      e.properties += n * (PROPERTY_READS.test(method) ? model.propertiesRead : model.propertiesWrite);
    } else if (category === 'cache') e.cache += n * model.cache;
    else if (category === 'lock') e.lock += n * model.lock;
    else if (method === 'UrlFetchApp.fetch') e.urlFetch += n * model.urlFetch;
    else if (method === 'UrlFetchApp.fetchAll')
      e.urlFetch += n * model.urlFetch; // per call; see README
    else if (method === 'MailApp.sendEmail') e.mail += n * model.mail;
    else if (method === 'MailApp.getRemainingDailyQuota') e.other += n * model.quota;
    else e.other += n * model.other;
  }
  e.excludingSends =
    e.sheetReads + e.sheetWrites + e.flush + e.cells + e.properties + e.cache + e.lock + e.other;
  e.total = e.excludingSends + e.urlFetch + e.mail;
  return e;
}
