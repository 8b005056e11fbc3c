/**
 * Runs a built bundle (build/Code.js) as Apps Script would: in a fresh V8 context holding only the
 * ECMAScript builtins and the Apps Script globals (no require, module, process, Buffer, timers,
 * fetch or global), with a Date whose `new Date()` and `Date.now()` read the emulator clock.
 *
 *   const sandbox = loadBundle(code, emu);
 *   const { result, calls } = sandbox.run('doPost', webAppEvent({ method: 'POST', body: '{}' }));
 *
 * API:
 * - `run(fn, ...args)` runs one execution of the top-level function `fn` and returns
 *   `{ result, calls }`; if the script throws, the execution is still ended (writes applied, locks
 *   released, calls recorded) and the script's error is rethrown with `calls` attached.
 * - `tryRun(fn, ...args)` is the same but never throws: `{ result?, calls, error? }`.
 * - `runTrigger(due)` runs a due clock trigger (from `emu.dueTriggers`) with Google's event object.
 * - `runAs({ kind, activeUser }, fn, ...args)` chooses the execution kind ('webApp' makes
 *   getDocumentLock() null and getUi() throw; 'trigger' for time-driven runs; default: 'webApp'
 *   for doGet/doPost, else 'editor').
 * Arguments are copied into the script's realm; results are copied back into the host's.
 */
import vm from 'node:vm';
import { type ExecutionCalls, type ExecutionKind, newExecutionCalls } from './calls';
import { Execution } from './execution';
import type { GoogleEmulator } from './index';
import { type Realm, toHost, toRealm } from './realm';
import { MSG } from './errors';

/**
 * Installs a clock-driven Date in a context, through a closure (no extra global). Evaluated
 * inside the context, it returns a function taking `nowMs: () => number`.
 */
export const INSTALL_CLOCK_DATE = `(function (nowMs) {
  'use strict';
  var NativeDate = Date;
  var slice = Array.prototype.slice;
  var ClockDate = function Date(year, monthIndex, day, hours, minutes, seconds, ms) {
    if (!new.target) return new NativeDate(nowMs()).toString();
    if (arguments.length === 0) return Reflect.construct(NativeDate, [nowMs()], new.target);
    return Reflect.construct(NativeDate, slice.call(arguments), new.target);
  };
  ClockDate.prototype = NativeDate.prototype;
  Object.defineProperty(NativeDate.prototype, 'constructor', {
    value: ClockDate, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(ClockDate, 'now', {
    value: function now() { return nowMs(); }, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(ClockDate, 'parse', { value: NativeDate.parse, writable: true, configurable: true });
  Object.defineProperty(ClockDate, 'UTC', { value: NativeDate.UTC, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', {
    value: ClockDate, writable: true, configurable: true, enumerable: false,
  });
})`;

/** The names a script sees besides the ECMAScript builtins. */
export const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'ContentService',
  'HtmlService',
  'UrlFetchApp',
  'MailApp',
  'Utilities',
  'Session',
  'Logger',
  'console',
  'Charts',
  'MimeType',
  'DriveApp',
] as const;

export interface LoadOptions {
  /** File name in stack traces. Default 'Code.js'. */
  filename?: string;
  /** Execution kind for every run (default: by function name). */
  kind?: ExecutionKind;
  /**
   * Real-time limit of one execution, like Google's 6 minutes (default 360000; 0 = none). Past it
   * the script stops with "Exceeded maximum execution time".
   */
  timeoutMs?: number;
}

const RUN = Symbol.for('gas-emulator.run');

export interface RunOptions {
  kind?: ExecutionKind;
  activeUser?: string;
  /** The user the script runs as (default: see GoogleEmulator.beginExecution). */
  effectiveUser?: string;
}

export interface RunResult {
  result: unknown;
  calls: ExecutionCalls;
}

export interface TryRunResult {
  result?: unknown;
  calls: ExecutionCalls;
  error?: unknown;
}

export interface Sandbox {
  /** The context's global object (top-level functions are its properties). */
  readonly context: vm.Context;
  readonly realm: Realm;
  /** Service calls made while loading the bundle (must be zero). */
  readonly loadCalls: ExecutionCalls;
  run(fn: string, ...args: unknown[]): RunResult;
  tryRun(fn: string, ...args: unknown[]): TryRunResult;
  runAs(opts: RunOptions, fn: string, ...args: unknown[]): RunResult;
  /**
   * Runs a due clock trigger (emu.dueTriggers) as a 'trigger' execution with Google's event object,
   * as the user who created the trigger.
   */
  runTrigger(due: { trigger: { id: string; handler: string; user?: string }; at: number }): TryRunResult;
  /** Evaluates an expression in the context (tests). */
  evaluate(code: string): unknown;
}

/** A fresh context whose Date reads the emulator clock, and its realm's constructors. */
function newScriptContext(emu: GoogleEmulator): { context: vm.Context; realm: Realm } {
  const context = vm.createContext(
    {},
    { name: 'Apps Script', codeGeneration: { strings: true, wasm: false } },
  );
  const realm = vm.runInContext(
    '({ Date: Date, Array: Array, Object: Object, Error: Error })',
    context,
  ) as Realm;
  const install = vm.runInContext(INSTALL_CLOCK_DATE, context) as (now: () => number) => void;
  install(() => emu.clock.now());
  realm.Date = vm.runInContext('Date', context) as DateConstructor;
  return { context, realm };
}

/**
 * Calls a script function of the context; with a real-time limit (`timeout` > 0), through
 * runInContext so that V8 can interrupt a script running too long.
 */
function callInContext(
  context: vm.Context,
  realm: Realm,
  f: (...a: unknown[]) => unknown,
  realmArgs: unknown[],
  timeout: number,
): unknown {
  if (!(timeout > 0)) return f(...realmArgs);
  const ctxObj = context as Record<symbol, unknown>;
  ctxObj[RUN] = () => f(...realmArgs);
  try {
    return vm.runInContext('globalThis[Symbol.for("gas-emulator.run")]()', context, { timeout });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      const err = new (realm.Error ?? Error)('Exceeded maximum execution time');
      err.name = 'Exception';
      throw err;
    }
    throw e;
  } finally {
    delete ctxObj[RUN];
  }
}

/** Creates the context, installs the Apps Script globals and the clock Date, runs the bundle. */
export function loadBundle(code: string, emu: GoogleEmulator, opts: LoadOptions = {}): Sandbox {
  const { context, realm } = newScriptContext(emu);

  let current: Execution | null = null;
  const loadCalls = newExecutionCalls(0, '(load)', opts.kind ?? 'editor', emu.clock.now());
  const loading = new Execution(0, '(load)', opts.kind ?? 'editor', emu.userEmail, loadCalls);
  let isLoading = true;
  const { globals, ctx } = emu.createGlobals(realm, () => (isLoading ? loading : current));
  ctx.compile = (params, body) =>
    vm.compileFunction(body, params, { parsingContext: context }) as (...args: unknown[]) => unknown;
  // The advanced services appsscript.json enables (`Drive`) are globals too.
  for (const name of [...APPS_SCRIPT_GLOBALS, ...Object.keys(emu.advancedServices())]) {
    Object.defineProperty(context, name, {
      value: globals[name],
      writable: true,
      configurable: true,
      enumerable: true,
    });
  }
  try {
    vm.runInContext(code, context, { filename: opts.filename ?? 'Code.js' });
  } finally {
    isLoading = false;
    loading.applyPending();
    loading.ended = true;
  }

  const runAs = (ro: RunOptions, fn: string, args: unknown[]): TryRunResult => {
    const exec = emu.beginExecution(fn, {
      kind: ro.kind ?? opts.kind,
      activeUser: ro.activeUser,
      effectiveUser: ro.effectiveUser,
    });
    current = exec;
    let result: unknown;
    let error: unknown;
    let failed = false;
    try {
      // Refused before it starts (too many executions at once, no trigger runtime left).
      if (exec.refused) throw new (realm.Error ?? Error)(String(exec.stopped));
      const f = (context as Record<string, unknown>)[fn];
      if (typeof f !== 'function') {
        const E = realm.Error ?? Error;
        throw new E(MSG.functionNotFound(fn));
      }
      const realmArgs = args.map((a) => toRealm(a, realm));
      const call = f as (...a: unknown[]) => unknown;
      result = callInContext(context, realm, call, realmArgs, opts.timeoutMs ?? 360_000);
    } catch (e) {
      failed = true;
      error = e;
    }
    if (exec.stopped && !(failed && String((error as Error)?.message) === exec.stopped)) {
      // Stopped (past its time limit, out of trigger runtime): whatever the script did after
      // catching the error, it failed.
      failed = true;
      error = new (realm.Error ?? Error)(exec.stopped);
      (error as Error).name = 'Exception';
    }
    try {
      emu.endExecution(exec);
    } catch (e) {
      if (!failed) {
        failed = true;
        error = e;
      }
    } finally {
      current = null;
    }
    return failed ? { calls: exec.calls, error } : { result: toHost(result), calls: exec.calls };
  };

  const throwing = (r: TryRunResult): RunResult => {
    if ('error' in r) {
      const e = r.error;
      if (e && typeof e === 'object') (e as { calls?: ExecutionCalls }).calls = r.calls;
      throw e;
    }
    return { result: r.result, calls: r.calls };
  };

  return {
    context,
    realm,
    loadCalls,
    run: (fn, ...args) => throwing(runAs({}, fn, args)),
    tryRun: (fn, ...args) => runAs({}, fn, args),
    runAs: (ro, fn, ...args) => throwing(runAs(ro, fn, args)),
    runTrigger: (due) =>
      runAs(
        { kind: 'trigger', activeUser: due.trigger.user, effectiveUser: due.trigger.user },
        due.trigger.handler,
        [clockTriggerEvent(due.trigger, due.at)],
      ),
    evaluate: (src) => vm.runInContext(src, context),
  };
}

export interface WebAppRequest {
  method?: 'GET' | 'POST';
  /** Query string ("a=1&b=2", with or without "?") or an object of values (arrays repeat a key). */
  query?: string | Record<string, string | string[]>;
  body?: string;
  /** Content type of a POST body. Default 'application/json' when the body parses as JSON, else text/plain. */
  contentType?: string;
}

export interface WebAppEvent {
  queryString: string;
  parameter: Record<string, string>;
  parameters: Record<string, string[]>;
  contextPath: string;
  contentLength: number;
  pathInfo?: string;
  postData?: { contents: string; type: string; length: number; name: string };
}

function decodeQueryPart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * The event object Apps Script passes to doGet/doPost: parameter (first value of each key),
 * parameters (every value), queryString, contentLength (-1 for GET), postData (POST only).
 * A form-encoded POST body also contributes its fields to parameter/parameters.
 */
export function webAppEvent(req: WebAppRequest = {}): WebAppEvent {
  const method = req.method ?? (req.body !== undefined ? 'POST' : 'GET');
  let queryString: string;
  if (typeof req.query === 'string') queryString = req.query.replace(/^\?/, '');
  else {
    queryString = Object.entries(req.query ?? {})
      .flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
      )
      .join('&');
  }
  const parameters: Record<string, string[]> = {};
  const add = (qs: string): void => {
    for (const pair of qs.split('&')) {
      if (!pair) continue;
      const i = pair.indexOf('=');
      const k = decodeQueryPart(i < 0 ? pair : pair.slice(0, i));
      const v = i < 0 ? '' : decodeQueryPart(pair.slice(i + 1));
      (parameters[k] ??= []).push(v);
    }
  };
  add(queryString);
  const event: WebAppEvent = {
    queryString,
    parameter: {},
    parameters,
    contextPath: '',
    contentLength: -1,
  };
  if (method === 'POST') {
    const contents = req.body ?? '';
    let type = req.contentType;
    if (!type) {
      try {
        JSON.parse(contents);
        type = 'application/json';
      } catch {
        type = 'text/plain';
      }
    }
    if (type.startsWith('application/x-www-form-urlencoded')) add(contents);
    const length = Buffer.byteLength(contents, 'utf8');
    event.contentLength = length;
    event.postData = { contents, type, length, name: 'postData' };
  }
  for (const [k, v] of Object.entries(parameters)) event.parameter[k] = v[0];
  return event;
}

/** The event Apps Script passes to a time-driven trigger's function (fields in UTC, as Google's). */
export interface ClockTriggerEvent {
  authMode: string;
  triggerUid: string;
  year: number;
  month: number;
  'day-of-month': number;
  'day-of-week': number;
  'week-of-year': number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

export function clockTriggerEvent(trigger: { id: string }, atMs: number): ClockTriggerEvent {
  const d = new Date(atMs);
  // ISO weekday 1 (Monday) … 7 (Sunday); week of year counted from Monday-based weeks.
  const isoDay = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - isoDay));
  const week = Math.ceil(
    ((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7,
  );
  return {
    authMode: 'FULL',
    triggerUid: trigger.id,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': isoDay,
    'week-of-year': week,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}
