/**
 * GoogleEmulator: in-memory Apps Script services for HALO KOP-UKM (SpreadsheetApp,
 * PropertiesService, CacheService, LockService, ScriptApp, ContentService, HtmlService,
 * UrlFetchApp, MailApp, Utilities, Session, Logger, console, Charts, a minimal DriveApp),
 * instrumented to count every call per execution. State is plain data: `toJSON()` / `GoogleEmulator.fromJSON()`.
 *
 *   const emu = new GoogleEmulator({ now: '2026-11-23T09:00:00+07:00' });
 *   const sandbox = loadBundle(code, emu);            // sandbox.ts
 *   const { result, calls } = sandbox.run('doPost', webAppEvent({ method: 'POST', body }));
 */
import { createHash } from 'node:crypto';
import { CallCounter, type ExecutionCalls, type ExecutionKind, newExecutionCalls } from './calls';
import { Clock } from './clock';
import { GasError, MSG } from './errors';
import { COST_MODEL, type CostModel, callCost } from './cost';
import { Ctx, Execution, SIMPLE_TRIGGER_MS } from './execution';
import { SpreadsheetModel, type SpreadsheetJSON, DEFAULT_COLS, DEFAULT_ROWS } from './model';
import { hostRealm, type Realm } from './realm';
import { ContentServiceFacade, HtmlServiceFacade } from './services/content';
import { DriveAppFacade } from './services/drive';
import { DriveAdvancedFacade, type DriveItem } from './services/drive-advanced';
import {
  type FetchHandler,
  type FetchRequest,
  type MailRecord,
  MailAppFacade,
  UrlFetchAppFacade,
} from './services/net';
import { fireTimes, ScriptAppFacade, type TriggerRecord } from './services/script-app';
import { ChartsService, newUiRecord, SpreadsheetAppService, type UiRecord } from './services/spreadsheet';
import {
  type CacheEntry,
  CacheServiceFacade,
  LockManager,
  LockServiceFacade,
  PropertiesServiceFacade,
} from './services/stores';
import {
  ConsoleFacade,
  type LogRecord,
  LoggerFacade,
  SessionFacade,
  UtilitiesFacade,
} from './services/utilities';
import { assertTimeZone } from './time';
import {
  ACCOUNT_QUOTAS,
  type AccountType,
  freshUserUsage,
  liveCounter,
  MAX_SIMULTANEOUS_EXECUTIONS,
  QUOTA_MSG,
  QUOTA_WINDOW_MS,
  type QuotaKind,
  type Quotas,
  type QuotaState,
  type QuotaUsage,
  type UserUsage,
} from './quotas';
import { insufficientScopes, type Manifest, noPermission, requiredScopes, SCOPES } from './scopes';

export type { ExecutionCalls, ExecutionKind } from './calls';
export { classify } from './calls';
export { Execution } from './execution';
export type { Realm } from './realm';
export { hostRealm } from './realm';
export type { FetchHandler, FetchRequest, FetchResponse, MailRecord } from './services/net';
export { NetworkError } from './services/net';
export type { TriggerRecord, ClockSchedule } from './services/script-app';
export type { UiRecord, MenuRecord, HtmlShownRecord } from './services/spreadsheet';
export type { LogRecord } from './services/utilities';
export { SpreadsheetModel, SheetModel } from './model';
export type { Cell, ChartSpec, ProtectionSpec, ValidationSpec, HostValue } from './model';
export { GasError } from './errors';
export type { Manifest } from './scopes';
export { SCOPES, requiredScopes } from './scopes';
export { loadBundle, webAppEvent, clockTriggerEvent, APPS_SCRIPT_GLOBALS } from './sandbox';
export type {
  Sandbox,
  RunResult,
  TryRunResult,
  RunOptions,
  LoadOptions,
  WebAppEvent,
  WebAppRequest,
} from './sandbox';
export { runConcurrent } from './concurrent';
export type { ConcurrentCall, ConcurrentResult, ConcurrentOptions } from './concurrent';

export interface EmulatorOptions {
  now?: Date | string | number;
  /** Default Asia/Jakarta. */
  scriptTimeZone?: string;
  /** The owner and effective user. Default owner@example.com. */
  userEmail?: string;
  /** A published Editor add-on: time-driven triggers at most hourly, one per type per document. */
  addOn?: boolean;
  /** Name of the add-on menu (createAddonMenu). */
  addOnName?: string;
  scriptId?: string;
  /** Name of the bound spreadsheet. */
  spreadsheetName?: string;
  /**
   * The time zone and locale a new spreadsheet gets (the bound one and SpreadsheetApp.create):
   * the creating account's defaults, not the script's `timeZone` (File → Settings holds them per
   * spreadsheet). Default America/Los_Angeles, en_US.
   */
  spreadsheetDefaults?: { timeZone?: string; locale?: string };
  /**
   * The account type whose quotas apply (quotas.ts: mail 100 / 1,500 recipients a day, UrlFetch
   * 20,000 / 100,000, trigger runtime 90 min / 6 h …). Default consumer.
   */
  accountType?: AccountType;
  /** Daily quotas overriding the account type's (e.g. `{ email: 3 }` in a test). */
  quotas?: Partial<Quotas>;
  /** Files for HtmlService.createHtmlOutputFromFile / createTemplateFromFile, by name. */
  htmlFiles?: Record<string, string>;
  /**
   * The project's appsscript.json. Its `oauthScopes` (when listed) are the only scopes granted:
   * a call needing another fails with Google's message; its enabled advanced services (`Drive`)
   * become globals. Default: none (scopes detected automatically, every call allowed).
   */
  manifest?: Manifest;
  /**
   * Seconds each service call takes on the emulated clock (dev/emulator/cost.ts): time passes
   * inside an execution, and one stops past 6 minutes of it.
   */
  costModel?: Partial<CostModel>;
}

export type { AccountType, QuotaKind, Quotas, QuotaState, QuotaUsage } from './quotas';
export { ACCOUNT_QUOTAS, CONSUMER_QUOTAS, MAX_SIMULTANEOUS_EXECUTIONS } from './quotas';

export interface BeginOptions {
  /** Default: 'webApp' for doGet/doPost, else 'editor'. */
  kind?: ExecutionKind;
  /** Session.getActiveUser(): default '' in a web app, the user elsewhere. */
  activeUser?: string;
  /**
   * The user the script runs as (Session.getEffectiveUser; triggers, quotas and user properties
   * are this user's). Default: the deployer in a web app, else the active user.
   */
  effectiveUser?: string;
  /** A web app request to the /dev URL (development mode): getUrl() answers the /dev URL. */
  dev?: boolean;
}

export interface EmulatorJSON {
  version: 1;
  clock: number;
  scriptTimeZone: string;
  userEmail: string;
  addOn: boolean;
  addOnName: string;
  scriptId: string;
  activeSpreadsheetId: string;
  spreadsheets: SpreadsheetJSON[];
  /** Absent in states saved before the Drive advanced service existed. */
  driveItems?: DriveItem[];
  properties: Record<string, Record<string, string>>;
  cache: Record<string, Record<string, CacheEntry>>;
  triggers: TriggerRecord[];
  fetchLog: FetchRequest[];
  mailLog: MailRecord[];
  logs: LogRecord[];
  ui: UiRecord;
  htmlFiles: Record<string, string>;
  manifest?: Manifest | null;
  spreadsheetDefaults?: { timeZone: string; locale: string };
  deployment?: { id: string; by: string } | null;
  accountType?: AccountType;
  quotas: Quotas;
  /** Per user (effective user): what was spent of each quota, and since when. */
  usage: Record<string, UserUsage> | Record<string, unknown>;
  counters: { seq: number; execution: number; trigger: number; spreadsheet: number };
  executions: ExecutionCalls[];
}

/** The global MimeType enum (Base): names → MIME strings. */
export const MIME_TYPES: Record<string, string> = {
  CSV: 'text/csv',
  FOLDER: 'application/vnd.google-apps.folder',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  JPEG: 'image/jpeg',
  JSON: 'application/json',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PDF: 'application/pdf',
  PLAIN_TEXT: 'text/plain',
  PNG: 'image/png',
  ZIP: 'application/zip',
};

export interface DueTrigger {
  trigger: TriggerRecord;
  at: number;
}

export type ExecutionRef = Execution | null | (() => Execution | null);

/** Executions counted as trigger runs (their time counts toward the daily trigger runtime). */
function isTriggerKind(kind: ExecutionKind): boolean {
  return kind === 'trigger' || kind === 'simpleTrigger';
}

/** The functions Sheets runs as simple triggers (guides/triggers). */
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange']);

function defaultKind(name: string): ExecutionKind {
  if (name === 'doGet' || name === 'doPost') return 'webApp';
  return SIMPLE_TRIGGERS.has(name) ? 'simpleTrigger' : 'editor';
}

export class GoogleEmulator {
  readonly clock: Clock;
  scriptTimeZone: string;
  userEmail: string;
  addOn: boolean;
  addOnName: string;
  scriptId: string;
  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  /** Files and folders of the Drive advanced service (services/drive-advanced.ts). */
  readonly driveItems = new Map<string, DriveItem>();
  private activeId: string;
  /** Answers every UrlFetchApp request; may throw (NetworkError.dns(url)) to simulate failures. */
  fetchHandler: FetchHandler = () => ({ status: 200, body: '{}' });
  readonly fetchLog: FetchRequest[] = [];
  readonly mailLog: MailRecord[] = [];
  logs: LogRecord[] = [];
  ui: UiRecord = newUiRecord();
  htmlFiles: Record<string, string>;
  /** The time zone and locale of a new spreadsheet (the account's defaults). */
  spreadsheetDefaults: { timeZone: string; locale: string };
  /** appsscript.json (null: no manifest given, scopes detected automatically). */
  manifest: Manifest | null;
  /** Seconds per service call (cost.ts), spent on the emulated clock. */
  costModel: CostModel;
  readonly triggers: TriggerRecord[] = [];
  readonly calls = new CallCounter();
  readonly locks = new LockManager();
  /** The account type whose quotas apply. */
  accountType: AccountType;
  /** The daily quotas of each user (the account type's, with `opts.quotas` over them). */
  quotas: Quotas;
  /** What each user (by effective user) spent of each quota, and since when. */
  private usage = new Map<string, UserUsage>();
  /** Running executions, by id (simultaneous executions are limited per user). */
  private readonly running = new Map<number, Execution>();
  private readonly propertyStores = new Map<string, Map<string, string>>();
  private readonly cacheStores = new Map<string, Map<string, CacheEntry>>();
  private counters = { seq: 0, execution: 0, trigger: 0, spreadsheet: 0 };

  constructor(opts: EmulatorOptions = {}) {
    this.clock = new Clock(opts.now ?? Date.now());
    this.scriptTimeZone = assertTimeZone(opts.scriptTimeZone ?? 'Asia/Jakarta');
    this.userEmail = opts.userEmail ?? 'owner@example.com';
    this.addOn = !!opts.addOn;
    this.addOnName = opts.addOnName ?? 'Add-on';
    this.scriptId = opts.scriptId ?? 'emulator-script-id';
    this.accountType = opts.accountType ?? 'consumer';
    this.quotas = { ...ACCOUNT_QUOTAS[this.accountType], ...opts.quotas };
    this.htmlFiles = { ...opts.htmlFiles };
    this.manifest = opts.manifest ? (JSON.parse(JSON.stringify(opts.manifest)) as Manifest) : null;
    this.spreadsheetDefaults = {
      timeZone: assertTimeZone(opts.spreadsheetDefaults?.timeZone ?? 'America/Los_Angeles'),
      locale: opts.spreadsheetDefaults?.locale ?? 'en_US',
    };
    this.costModel = { ...COST_MODEL, ...opts.costModel };
    const ss = this.createSpreadsheet(opts.spreadsheetName ?? 'Untitled spreadsheet');
    this.activeId = ss.id;
  }

  /** The bound (active) spreadsheet. */
  get spreadsheet(): SpreadsheetModel {
    return this.spreadsheets.get(this.activeId) as SpreadsheetModel;
  }

  /**
   * The web-app deployment (Deploy → New deployment → Web app), or null before there is one:
   * `ScriptApp.getService().getUrl()` is null until then (reference/script/service#getUrl()).
   * Web app executions run as its `by` (appsscript.json: "Execute as: Me").
   */
  deployment: { id: string; by: string } | null = null;

  /** Deploys the web app as `by` (default the owner); returns its /exec URL. */
  deploy(by: string = this.userEmail): string {
    const id = 'AKfycb' + createHash('sha256').update(this.scriptId).digest('base64url').slice(0, 66);
    this.deployment = { id, by };
    return this.webAppUrl as string;
  }

  /** The deployed web app's /exec URL, or null before it is deployed. */
  get webAppUrl(): string | null {
    return this.deployment ? `https://script.google.com/macros/s/${this.deployment.id}/exec` : null;
  }

  /** The development-mode URL (the head deployment, for editors): what getUrl() answers at /dev. */
  get devUrl(): string {
    const id =
      'AKfycb' + createHash('sha256').update(`${this.scriptId}:head`).digest('base64url').slice(0, 66);
    return `https://script.google.com/macros/s/${id}/dev`;
  }

  /**
   * A new spreadsheet (SpreadsheetApp.create): one sheet "Sheet1", 1000 × 26 by default, in the
   * Drive of `size.owner` (default the owner); `size.byScript` marks it created by the script.
   */
  createSpreadsheet(
    name: string,
    size: { rows?: number; columns?: number; owner?: string; byScript?: boolean } = {},
  ): SpreadsheetModel {
    const n = ++this.counters.spreadsheet;
    const id = '1' + createHash('sha256').update(`${this.scriptId}:ss:${n}`).digest('base64url').slice(0, 43);
    const owner = size.owner ?? this.userEmail;
    const ss = new SpreadsheetModel(id, name, this.spreadsheetDefaults.timeZone, owner, () =>
      this.clock.now(),
    );
    ss.locale = this.spreadsheetDefaults.locale;
    ss.createdByScript = !!size.byScript;
    ss.insertSheet('Sheet1', 0, size.rows ?? DEFAULT_ROWS, size.columns ?? DEFAULT_COLS);
    this.spreadsheets.set(id, ss);
    return ss;
  }

  // ---- stores ----------------------------------------------------------------------------------

  /** A property store: 'script', 'user:<email>' or 'document:<spreadsheet id>'. */
  propertyStore(scope: string): Map<string, string> {
    let s = this.propertyStores.get(scope);
    if (!s) {
      s = new Map();
      this.propertyStores.set(scope, s);
    }
    return s;
  }

  /** Script Properties, for seeding and inspection from tests. */
  get scriptProperties(): Map<string, string> {
    return this.propertyStore('script');
  }

  /** A cache: 'script', 'user:<email>' or 'document:<spreadsheet id>'. */
  cacheStore(scope: string): Map<string, CacheEntry> {
    let c = this.cacheStores.get(scope);
    if (!c) {
      c = new Map();
      this.cacheStores.set(scope, c);
    }
    return c;
  }

  /** Evicts every cache entry (CacheService may drop entries at any time). */
  evictCache(): void {
    for (const c of this.cacheStores.values()) c.clear();
  }

  nextSeq(): number {
    return ++this.counters.seq;
  }

  newTriggerId(): string {
    return String(8_000_000_000_000_000 + ++this.counters.trigger * 7919);
  }

  // ---- quotas (quotas.ts) -----------------------------------------------------------------------

  private userUsage(user: string): UserUsage {
    let u = this.usage.get(user);
    if (!u) {
      u = freshUserUsage();
      this.usage.set(user, u);
    }
    return u;
  }

  /**
   * Spends `n` of `user`'s daily quota `kind` (renewed 24 hours after the first request that spent
   * it) or throws Google's error, spending nothing. Default user: the owner.
   */
  consumeQuota(kind: QuotaKind, n: number, user: string = this.userEmail): void {
    const c = liveCounter(this.userUsage(user), kind, this.clock.now());
    if (c.used + n > this.quotas[kind]) {
      throw new GasError(kind === 'triggerRuntime' ? QUOTA_MSG.triggerRuntime : QUOTA_MSG.daily(kind));
    }
    if (!c.since) c.since = this.clock.now();
    c.used += n;
  }

  /** What `user` (default the owner) has left of a daily quota. */
  remainingQuota(kind: QuotaKind, user: string = this.userEmail): number {
    return Math.max(0, this.quotas[kind] - liveCounter(this.userUsage(user), kind, this.clock.now()).used);
  }

  /** Every quota of `user` (default the owner): used, limit, remaining, when renewed; executions running. */
  quotaUsage(user: string = this.userEmail): QuotaUsage {
    const u = this.userUsage(user);
    const now = this.clock.now();
    const state = (kind: QuotaKind): QuotaState => {
      const c = liveCounter(u, kind, now);
      const limit = this.quotas[kind];
      return {
        used: c.used,
        limit,
        remaining: Math.max(0, limit - c.used),
        resetsAt: c.since ? c.since + QUOTA_WINDOW_MS : null,
      };
    };
    return {
      user,
      accountType: this.accountType,
      email: state('email'),
      urlfetch: state('urlfetch'),
      properties: state('properties'),
      triggerRuntime: state('triggerRuntime'),
      running: [...this.running.values()].filter((e) => e.effectiveUser === user).length,
      simultaneousLimit: MAX_SIMULTANEOUS_EXECUTIONS,
    };
  }

  /** Forgets what every user spent (a new day for everyone). */
  resetQuotas(): void {
    this.usage.clear();
  }

  // ---- authorisation ---------------------------------------------------------------------------

  /** The scopes granted: the manifest's explicit list, or null when every call is allowed. */
  grantedScopes(): string[] | null {
    return this.manifest?.oauthScopes ?? null;
  }

  /** The advanced services the manifest enables: user symbol (`Drive`) → service id (`drive`). */
  advancedServices(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const a of this.manifest?.dependencies?.enabledAdvancedServices ?? [])
      out[a.userSymbol] = a.serviceId;
    return out;
  }

  /**
   * Throws Google's error when the call `name` (shown as `display`, e.g. `File.setTrashed`) needs a
   * scope the script was not granted.
   */
  authorize(name: string, display: string, exec: Execution | null): void {
    const needed = requiredScopes(name);
    if (!needed) return;
    if (exec?.authMode === 'LIMITED') {
      // A simple trigger: the bound document and services needing no authorisation only; Session
      // answers, but with the identity hidden.
      const boundDocument =
        name.startsWith('SpreadsheetApp.') && needed.includes(SCOPES.spreadsheetsCurrentOnly);
      if (!boundDocument && !name.startsWith('Session.')) throw new GasError(noPermission(display, needed));
      return;
    }
    const granted = this.grantedScopes();
    if (granted && !needed.some((s) => granted.includes(s)))
      throw new GasError(insufficientScopes(display, needed));
  }

  /**
   * Whether Session tells who `user` is where Google hides it unless it may (a simple trigger):
   * the developer (the owner) or, on Workspace, someone of the owner's domain.
   */
  identityVisible(user: string): boolean {
    if (!user) return false;
    if (user.toLowerCase() === this.userEmail.toLowerCase()) return true;
    const domain = (e: string): string => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
    return this.accountType === 'workspace' && domain(user) === domain(this.userEmail);
  }

  // ---- time inside executions -----------------------------------------------------------------

  /** Milliseconds a call of `method` takes on the emulated clock. */
  callMs(method: string): number {
    return callCost(method, this.costModel).seconds * 1000;
  }

  /**
   * Spends `ms` of emulated time in `exec` (a service call, Utilities.sleep, a lock wait): the clock
   * advances; past the execution's limit the script is stopped with Google's error.
   */
  spend(exec: Execution, ms: number): void {
    if (ms > 0) {
      exec.fractionMs += ms;
      const whole = Math.floor(exec.fractionMs);
      exec.fractionMs -= whole;
      this.clock.advance(whole);
    }
    if (exec.stopped) return;
    const elapsed = this.clock.now() - exec.calls.startedAt;
    if (elapsed > exec.limitMs) exec.stopped = MSG.maxExecutionTime;
    else if (isTriggerKind(exec.kind) && elapsed > this.remainingQuota('triggerRuntime', exec.effectiveUser))
      exec.stopped = QUOTA_MSG.triggerRuntime;
    if (exec.stopped) throw new GasError(exec.stopped);
  }

  /** Throws when `exec` was stopped (time limit, trigger runtime, too many executions). */
  checkRunning(exec: Execution): void {
    if (exec.stopped) throw new GasError(exec.stopped);
  }

  // ---- executions ------------------------------------------------------------------------------

  /** Starts an execution of `name` (counted in emu.calls until endExecution). */
  beginExecution(name: string, opts: BeginOptions = {}): Execution {
    const kind = opts.kind ?? defaultKind(name);
    const id = ++this.counters.execution;
    const calls = newExecutionCalls(id, name, kind, this.clock.now());
    const activeUser = opts.activeUser ?? (kind === 'webApp' ? '' : this.userEmail);
    const deployer = (opts.dev ? null : this.deployment?.by) ?? this.userEmail;
    const effectiveUser =
      opts.effectiveUser ?? ((kind === 'webApp' ? deployer : activeUser) || this.userEmail);
    const exec = new Execution(id, name, kind, activeUser, calls, effectiveUser);
    exec.dev = !!opts.dev;
    if (kind === 'simpleTrigger') {
      exec.authMode = 'LIMITED';
      exec.limitMs = SIMPLE_TRIGGER_MS;
      exec.identityHidden = !this.identityVisible(activeUser);
    }
    // Google refuses to start it: too many of this user's executions at once, or (a trigger) the
    // user's daily trigger runtime used up.
    const mine = [...this.running.values()].filter((e) => e.effectiveUser === effectiveUser).length;
    if (mine >= MAX_SIMULTANEOUS_EXECUTIONS) exec.stopped = QUOTA_MSG.simultaneous;
    else if (isTriggerKind(kind) && this.remainingQuota('triggerRuntime', effectiveUser) <= 0)
      exec.stopped = QUOTA_MSG.triggerRuntime;
    exec.refused = exec.stopped !== null;
    this.running.set(id, exec);
    this.calls.begin(calls);
    return exec;
  }

  /** Ends an execution: applies its buffered writes, releases its locks, records its counts. */
  endExecution(exec: Execution): ExecutionCalls {
    if (exec.ended) return exec.calls;
    try {
      exec.applyPending();
    } finally {
      exec.ended = true;
      this.locks.releaseAll(exec.id);
      exec.locks.clear();
      exec.calls.endedAt = this.clock.now();
      this.calls.end(exec.calls);
      this.running.delete(exec.id);
      // Trigger runs count toward the user's daily trigger runtime.
      if (isTriggerKind(exec.kind) && !exec.refused) {
        const c = liveCounter(this.userUsage(exec.effectiveUser), 'triggerRuntime', this.clock.now());
        if (!c.since) c.since = exec.calls.startedAt;
        c.used += exec.calls.endedAt - exec.calls.startedAt;
      }
    }
    return exec.calls;
  }

  /**
   * The Apps Script globals for a script realm. Calls are counted in `exec` (an execution, or a
   * function returning the running one); with none, nothing is counted and writes apply at once.
   */
  globals(realm: Realm = hostRealm, exec: ExecutionRef = null): Record<string, unknown> {
    return this.createGlobals(realm, exec).globals;
  }

  /** globals() plus the context object (the sandbox plugs the script compiler into it). */
  createGlobals(realm: Realm, exec: ExecutionRef): { globals: Record<string, unknown>; ctx: Ctx } {
    const ref = typeof exec === 'function' ? exec : (): Execution | null => exec;
    const ctx = new Ctx(this, realm, ref);
    const globals: Record<string, unknown> = {
      SpreadsheetApp: new SpreadsheetAppService(ctx),
      PropertiesService: new PropertiesServiceFacade(ctx),
      CacheService: new CacheServiceFacade(ctx),
      LockService: new LockServiceFacade(ctx),
      ScriptApp: new ScriptAppFacade(ctx),
      ContentService: new ContentServiceFacade(ctx),
      HtmlService: new HtmlServiceFacade(ctx),
      UrlFetchApp: new UrlFetchAppFacade(ctx),
      MailApp: new MailAppFacade(ctx),
      Utilities: new UtilitiesFacade(ctx),
      Session: new SessionFacade(ctx),
      Logger: new LoggerFacade(ctx),
      console: new ConsoleFacade(ctx),
      Charts: new ChartsService(ctx),
      MimeType: { ...MIME_TYPES },
      DriveApp: new DriveAppFacade(ctx),
    };
    const advanced = this.advancedServices();
    for (const [symbol, id] of Object.entries(advanced)) {
      if (id === 'drive') globals[symbol] = new DriveAdvancedFacade(ctx);
    }
    return { globals, ctx };
  }

  /** Clock triggers firing in (sinceMs, untilMs], in time order (for the playground's clock). */
  dueTriggers(sinceMs: number, untilMs: number): DueTrigger[] {
    const out: DueTrigger[] = [];
    for (const trigger of this.triggers) {
      if (trigger.eventType !== 'CLOCK') continue;
      for (const at of fireTimes(trigger, sinceMs, untilMs, this.scriptTimeZone)) out.push({ trigger, at });
    }
    return out.sort((a, b) => a.at - b.at);
  }

  // ---- persistence -----------------------------------------------------------------------------

  toJSON(): EmulatorJSON {
    const mapOf = <T>(m: Map<string, Map<string, T>>): Record<string, Record<string, T>> =>
      Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v)]));
    return JSON.parse(
      JSON.stringify({
        version: 1,
        clock: this.clock.now(),
        scriptTimeZone: this.scriptTimeZone,
        userEmail: this.userEmail,
        addOn: this.addOn,
        addOnName: this.addOnName,
        scriptId: this.scriptId,
        activeSpreadsheetId: this.activeId,
        spreadsheets: [...this.spreadsheets.values()].map((s) => s.toJSON()),
        driveItems: [...this.driveItems.values()],
        properties: mapOf(this.propertyStores),
        cache: mapOf(this.cacheStores),
        triggers: this.triggers,
        fetchLog: this.fetchLog,
        mailLog: this.mailLog,
        logs: this.logs,
        ui: this.ui,
        htmlFiles: this.htmlFiles,
        manifest: this.manifest,
        spreadsheetDefaults: this.spreadsheetDefaults,
        deployment: this.deployment,
        accountType: this.accountType,
        quotas: this.quotas,
        usage: Object.fromEntries(this.usage),
        counters: this.counters,
        executions: this.calls.executions,
      }),
    ) as EmulatorJSON;
  }

  static fromJSON(input: EmulatorJSON | string): GoogleEmulator {
    const j = (typeof input === 'string' ? JSON.parse(input) : input) as EmulatorJSON;
    if (j.version !== 1) throw new Error(`Unsupported emulator state version: ${String(j.version)}`);
    const emu = new GoogleEmulator({
      now: j.clock,
      scriptTimeZone: j.scriptTimeZone,
      userEmail: j.userEmail,
      addOn: j.addOn,
      addOnName: j.addOnName,
      scriptId: j.scriptId,
      accountType: j.accountType,
      quotas: j.quotas,
      htmlFiles: j.htmlFiles,
      manifest: j.manifest ?? undefined,
      spreadsheetDefaults: j.spreadsheetDefaults,
    });
    emu.spreadsheets.clear();
    for (const s of j.spreadsheets)
      emu.spreadsheets.set(
        s.id,
        SpreadsheetModel.fromJSON(s, () => emu.clock.now()),
      );
    emu.activeId = j.activeSpreadsheetId;
    for (const item of j.driveItems ?? []) emu.driveItems.set(item.id, item);
    emu.deployment = j.deployment ?? null;
    for (const [scope, props] of Object.entries(j.properties)) {
      emu.propertyStores.set(scope, new Map(Object.entries(props)));
    }
    for (const [scope, entries] of Object.entries(j.cache))
      emu.cacheStores.set(scope, new Map(Object.entries(entries)));
    emu.triggers.push(...j.triggers);
    emu.fetchLog.push(...j.fetchLog);
    emu.mailLog.push(...j.mailLog);
    emu.logs = [...j.logs];
    emu.ui = j.ui;
    // States saved before per-user quotas held one `{day, email, …}` record: it is dropped.
    for (const [user, u] of Object.entries(j.usage ?? {})) {
      if (u && typeof u === 'object' && 'email' in u && typeof (u as UserUsage).email === 'object')
        emu.usage.set(user, u as UserUsage);
    }
    emu.counters = { ...j.counters };
    emu.calls.executions.push(...j.executions);
    return emu;
  }
}
