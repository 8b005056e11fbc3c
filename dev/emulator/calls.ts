/**
 * Call counting, per execution. Every method call a script makes on an emulated service is
 * recorded under its name: `Service.method` for the service object itself
 * (`SpreadsheetApp.getActive`) and `Service.Class.method` for objects it hands out
 * (`SpreadsheetApp.Range.getValues`, `CacheService.Cache.put`). Calls made by the emulator on
 * itself (a method implemented with another) are not counted.
 *
 * Classification (the basis of `npm run bench`):
 * - roundTrip: a SpreadsheetApp call that reads or writes cells, formats, validation, protection,
 *   charts or sheet metadata, or forces a flush: getValues, getValue, getDisplayValue(s),
 *   getFormula(s), setValue(s), setFormula(s), appendRow, clear, clearContent, number formats, data validation,
 *   checkboxes, styles, getLastRow, getLastColumn, getMaxRows, getMaxColumns, getDataRange,
 *   insert/delete rows and columns, frozen rows, protect/getProtections and Protection setters,
 *   charts (getCharts, insertChart, updateChart, removeChart), getSheets, insertSheet, deleteSheet,
 *   Sheet.setName, Sheet.copyTo, hide/show, Spreadsheet time zone, owner/editors, toast, getAs,
 *   TextFinder findNext, findPrevious, findAll, replaceWith, replaceAllWith, SpreadsheetApp.flush, openById, create.
 * - navigation: every other SpreadsheetApp call (getActive, getActiveSpreadsheet, getSheetByName,
 *   getRange, getName, getId, getRow, offset, createTextFinder and its option setters, builders,
 *   getUi and menus) and the accessors of other services (getScriptCache, getScriptProperties,
 *   getScriptLock, …) which only hand out an object.
 * - one bucket per other service: cache, properties, lock, urlFetch, mail, utilities, script
 *   (ScriptApp and triggers), content (ContentService), html (HtmlService), session, log
 *   (Logger and console), charts, drive (DriveApp and its files, the Drive advanced service).
 * cellsRead / cellsWritten count the cells moved by value reads (getValues, getDisplayValues,
 * getFormulas, getValue…) and value writes (setValues, setValue, appendRow, setFormula(s),
 * clearContent, check/uncheck, insertCheckboxes).
 */

export type CallCategory =
  | 'roundTrip'
  | 'navigation'
  | 'cache'
  | 'properties'
  | 'lock'
  | 'urlFetch'
  | 'mail'
  | 'utilities'
  | 'script'
  | 'content'
  | 'html'
  | 'session'
  | 'log'
  | 'charts'
  | 'drive';

export type ExecutionKind = 'webApp' | 'editor' | 'trigger';

export interface ExecutionCalls {
  id: number;
  /** The entry point the execution ran. */
  name: string;
  kind: ExecutionKind;
  /** Emulator clock at start and end (epoch ms); endedAt null while running. */
  startedAt: number;
  endedAt: number | null;
  total: number;
  roundTrips: number;
  navigation: number;
  cellsRead: number;
  cellsWritten: number;
  cache: number;
  properties: number;
  lock: number;
  urlFetch: number;
  mail: number;
  utilities: number;
  script: number;
  content: number;
  html: number;
  session: number;
  log: number;
  charts: number;
  drive: number;
  byMethod: Record<string, number>;
}

const CATEGORY_FIELD: Record<CallCategory, keyof ExecutionCalls> = {
  roundTrip: 'roundTrips',
  navigation: 'navigation',
  cache: 'cache',
  properties: 'properties',
  lock: 'lock',
  urlFetch: 'urlFetch',
  mail: 'mail',
  utilities: 'utilities',
  script: 'script',
  content: 'content',
  html: 'html',
  session: 'session',
  log: 'log',
  charts: 'charts',
  drive: 'drive',
};

/** Round trips that only write: they are buffered; every other round trip first applies the buffer. */
const WRITE_ONLY = new Set(
  [
    'Range.setValues',
    'Range.setValue',
    'Range.setFormula',
    'Range.setFormulas',
    'Range.setNumberFormat',
    'Range.setNumberFormats',
    'Range.setDataValidation',
    'Range.setDataValidations',
    'Range.clearDataValidations',
    'Range.clearContent',
    'Range.clear',
    'Range.clearFormat',
    'Range.setFontWeight',
    'Range.setFontWeights',
    'Range.setFontColor',
    'Range.setFontColors',
    'Range.setFontSize',
    'Range.setFontStyle',
    'Range.setBackground',
    'Range.setBackgrounds',
    'Range.setWrap',
    'Range.setWrapStrategy',
    'Range.setHorizontalAlignment',
    'Range.setVerticalAlignment',
    'Range.setNote',
    'Range.insertCheckboxes',
    'Range.removeCheckboxes',
    'Range.check',
    'Range.uncheck',
    'Sheet.appendRow',
    'Sheet.clear',
    'Sheet.clearContents',
    'Sheet.clearFormats',
    'Sheet.setColumnWidth',
    'Sheet.setColumnWidths',
    'Sheet.setTabColor',
  ].map((n) => 'SpreadsheetApp.' + n),
);

/** SpreadsheetApp round trips: those listed here, which first apply the buffered writes, and WRITE_ONLY. */
const ROUND_TRIPS = new Set([
  ...[
    'SpreadsheetApp.flush',
    'SpreadsheetApp.openById',
    'SpreadsheetApp.openByUrl',
    'SpreadsheetApp.create',
    'Spreadsheet.getSheets',
    'Spreadsheet.getNumSheets',
    'Spreadsheet.insertSheet',
    'Spreadsheet.deleteSheet',
    'Spreadsheet.getSpreadsheetTimeZone',
    'Spreadsheet.setSpreadsheetTimeZone',
    'Spreadsheet.rename',
    'Spreadsheet.toast',
    'Spreadsheet.getOwner',
    'Spreadsheet.getEditors',
    'Spreadsheet.addEditor',
    'Spreadsheet.addEditors',
    'Spreadsheet.removeEditor',
    'Spreadsheet.getAs',
    'Spreadsheet.getBlob',
    'Spreadsheet.getProtections',
    'Sheet.getLastRow',
    'Sheet.getLastColumn',
    'Sheet.getMaxRows',
    'Sheet.getMaxColumns',
    'Sheet.getDataRange',
    'Sheet.insertRowsAfter',
    'Sheet.insertRowsBefore',
    'Sheet.insertRowAfter',
    'Sheet.insertRowBefore',
    'Sheet.insertColumnsAfter',
    'Sheet.insertColumnsBefore',
    'Sheet.insertColumnAfter',
    'Sheet.insertColumnBefore',
    'Sheet.deleteRow',
    'Sheet.deleteRows',
    'Sheet.deleteColumn',
    'Sheet.deleteColumns',
    'Sheet.setFrozenRows',
    'Sheet.getFrozenRows',
    'Sheet.setFrozenColumns',
    'Sheet.getFrozenColumns',
    'Sheet.protect',
    'Sheet.getProtections',
    'Sheet.hideSheet',
    'Sheet.showSheet',
    'Sheet.isSheetHidden',
    'Sheet.getColumnWidth',
    'Sheet.getTabColor',
    'Sheet.getCharts',
    'Sheet.insertChart',
    'Sheet.updateChart',
    'Sheet.removeChart',
    'Sheet.setName',
    'Sheet.copyTo',
    'Sheet.autoResizeColumns',
    'Sheet.autoResizeColumn',
    'Range.getValues',
    'Range.getValue',
    'Range.getDisplayValues',
    'Range.getDisplayValue',
    'Range.getFormulas',
    'Range.getFormula',
    'Range.getNumberFormat',
    'Range.getNumberFormats',
    'Range.getDataValidation',
    'Range.getDataValidations',
    'Range.getBackground',
    'Range.getBackgrounds',
    'Range.getFontWeight',
    'Range.getNote',
    'Range.isChecked',
    'Range.isBlank',
    'Range.merge',
    'Range.breakApart',
    'Range.protect',
    'TextFinder.findNext',
    'TextFinder.findPrevious',
    'TextFinder.findAll',
    'TextFinder.replaceAllWith',
    'TextFinder.replaceWith',
    'Protection.setDescription',
    'Protection.setWarningOnly',
    'Protection.remove',
    'Protection.addEditor',
    'Protection.addEditors',
    'Protection.removeEditor',
    'Protection.removeEditors',
    'Protection.setUnprotectedRanges',
    'Protection.setDomainEdit',
  ].map((n) => 'SpreadsheetApp.' + n.replace(/^SpreadsheetApp\./, '')),
  ...WRITE_ONLY,
]);

const SERVICE_CATEGORY: Record<string, CallCategory> = {
  CacheService: 'cache',
  PropertiesService: 'properties',
  LockService: 'lock',
  UrlFetchApp: 'urlFetch',
  MailApp: 'mail',
  Utilities: 'utilities',
  ScriptApp: 'script',
  ContentService: 'content',
  HtmlService: 'html',
  Session: 'session',
  Logger: 'log',
  console: 'log',
  Charts: 'charts',
  DriveApp: 'drive',
  Drive: 'drive',
};

const ACCESSORS = new Set([
  'CacheService.getScriptCache',
  'CacheService.getUserCache',
  'CacheService.getDocumentCache',
  'PropertiesService.getScriptProperties',
  'PropertiesService.getUserProperties',
  'PropertiesService.getDocumentProperties',
  'LockService.getScriptLock',
  'LockService.getUserLock',
  'LockService.getDocumentLock',
]);

export function classify(name: string): CallCategory {
  const service = name.slice(0, name.indexOf('.'));
  if (service === 'SpreadsheetApp') return ROUND_TRIPS.has(name) ? 'roundTrip' : 'navigation';
  if (ACCESSORS.has(name)) return 'navigation';
  return SERVICE_CATEGORY[service] ?? 'navigation';
}

/** A SpreadsheetApp round trip that needs the execution's buffered writes applied first. */
export function readsSheets(name: string): boolean {
  return ROUND_TRIPS.has(name) && !WRITE_ONLY.has(name);
}

export function newExecutionCalls(
  id: number,
  name: string,
  kind: ExecutionKind,
  startedAt: number,
): ExecutionCalls {
  return {
    id,
    name,
    kind,
    startedAt,
    endedAt: null,
    total: 0,
    roundTrips: 0,
    navigation: 0,
    cellsRead: 0,
    cellsWritten: 0,
    cache: 0,
    properties: 0,
    lock: 0,
    urlFetch: 0,
    mail: 0,
    utilities: 0,
    script: 0,
    content: 0,
    html: 0,
    session: 0,
    log: 0,
    charts: 0,
    drive: 0,
    byMethod: {},
  };
}

export function recordCall(calls: ExecutionCalls, name: string): void {
  calls.total++;
  calls.byMethod[name] = (calls.byMethod[name] ?? 0) + 1;
  const field = CATEGORY_FIELD[classify(name)];
  (calls[field] as number)++;
}

/** `emu.calls`: finished executions, the running ones, and the latest one begun. */
export class CallCounter {
  readonly executions: ExecutionCalls[] = [];
  readonly running = new Map<number, ExecutionCalls>();
  private lastBegun: ExecutionCalls | null = null;

  /** The most recently begun execution still running (null when none). */
  get current(): ExecutionCalls | null {
    if (this.lastBegun && this.running.has(this.lastBegun.id)) return this.lastBegun;
    let last: ExecutionCalls | null = null;
    for (const c of this.running.values()) last = c;
    return last;
  }

  /** The most recently finished execution. */
  get last(): ExecutionCalls | null {
    return this.executions[this.executions.length - 1] ?? null;
  }

  begin(calls: ExecutionCalls): void {
    this.running.set(calls.id, calls);
    this.lastBegun = calls;
  }

  end(calls: ExecutionCalls): void {
    this.running.delete(calls.id);
    this.executions.push(calls);
  }

  /** Sum of every finished execution (byMethod merged). */
  totals(): ExecutionCalls {
    const sum = newExecutionCalls(0, '(all)', 'editor', 0);
    for (const e of this.executions) {
      for (const k of Object.keys(sum) as (keyof ExecutionCalls)[]) {
        if (typeof sum[k] === 'number' && k !== 'id' && k !== 'startedAt') {
          (sum[k] as number) += e[k] as number;
        }
      }
      for (const [m, n] of Object.entries(e.byMethod)) sum.byMethod[m] = (sum.byMethod[m] ?? 0) + n;
    }
    sum.endedAt = null;
    return sum;
  }

  reset(): void {
    this.executions.length = 0;
  }
}
