// Estimated Apps Script time of one execution from its service-call counts. Calibrated on
// shared/reference/apps-script.md: a SpreadsheetApp write + read round trip ≈ 800 ms (so ≈ 400 ms
// for a call that must reach the spreadsheet: a read, or a flush of buffered writes), while
// buffered writes themselves are cheap (10,000 single-cell calls ≈ 70 s, i.e. ≈ 7 ms each);
// PropertiesService get ≈ 30 ms, set ≈ 60 ms; CacheService 20–90 ms (we take 50 ms).

import type { ExecutionCalls } from '../emulator/index';

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
  urlFetch: number;
  mail: number;
  /** Any other call (navigation: getSheetByName, getRange …). */
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
  other: 0.001,
};

const WRITES =
  /\.(setValues|setValue|appendRow|setFormula|setFormulas|setNumberFormat|setNumberFormats|setDataValidation|setDataValidations|clearContent|clear|insertRowsAfter|insertRowsBefore|deleteRows|insertSheet|setFrozenRows|insertChart|removeChart|setFontWeight|setBackground|protect|setDescription|setWarningOnly|insertColumnsAfter)$/;

export interface Estimate {
  /** Seconds, all calls. */
  total: number;
  /** Seconds without UrlFetch and Mail (the sends themselves). */
  excludingSends: number;
}

export function estimate(calls: ExecutionCalls, model: CostModel = COST_MODEL): Estimate {
  let sheets = 0;
  let props = 0;
  let other = 0;
  for (const [method, n] of Object.entries(calls.byMethod)) {
    if (method.startsWith('SpreadsheetApp.')) {
      if (method === 'SpreadsheetApp.flush') sheets += n * model.flush;
      else if (WRITES.test(method)) sheets += n * model.sheetWrite;
      else if (isRoundTripRead(method)) sheets += n * model.sheetRead;
      else other += n * model.other;
    } else if (method.startsWith('PropertiesService.Properties.')) {
      props +=
        n *
        (/\.(get|getProperty|getProperties|getKeys)$/.test(method)
          ? model.propertiesRead
          : model.propertiesWrite);
    } else if (method.startsWith('CacheService.Cache.')) other += n * model.cache;
    else if (method.startsWith('LockService.Lock.')) other += n * model.lock;
    else other += n * model.other;
  }
  const cells = (calls.cellsRead + calls.cellsWritten) * model.cell;
  const sends = calls.urlFetch * model.urlFetch + calls.mail * model.mail;
  const excludingSends = sheets + props + other + cells;
  return { total: excludingSends + sends, excludingSends };
}

const READS =
  /\.(getValues|getValue|getDisplayValues|getDisplayValue|getFormulas|getFormula|getLastRow|getLastColumn|getMaxRows|getMaxColumns|getNumberFormat|getNumberFormats|getDataValidation|getDataValidations|findNext|findAll|findPrevious|getProtections|getFrozenRows|getCharts|getSheets)$/;

function isRoundTripRead(method: string): boolean {
  return READS.test(method);
}
