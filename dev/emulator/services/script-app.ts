/** ScriptApp: installable triggers (with Google's limits), the web app URL, the OAuth token. */
import { describeTypes, GasError, MSG } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import { isDate } from '../realm';
import { assertTimeZone, zonedParts, zonedToEpoch } from '../time';
import { SpreadsheetFacade } from './spreadsheet';

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;
export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
export const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as const;

const WEEKDAY_INDEX: Record<string, number> = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
};

export const MAX_TRIGGERS_PER_USER = 20;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  /** One-shot time (at, after, atDate), epoch ms. */
  at?: number;
  timezone?: string;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: string;
  source: string;
  /** Spreadsheet id for spreadsheet triggers, null for clock triggers. */
  sourceId: string | null;
  /** The user who installed it (triggers are per user). */
  user: string;
  /** The document it was created in (add-on limits are per document and user). */
  document: string;
  createdAt: number;
  clock: ClockSchedule | null;
}

export class ScriptAppFacade extends Facade {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly InstallationSource = InstallationSource;

  newTrigger(functionName: string): TriggerBuilderFacade {
    if (typeof functionName !== 'string' || !functionName) {
      throw new GasError(MSG.signature(describeTypes([functionName]), 'ScriptApp.newTrigger'));
    }
    return new TriggerBuilderFacade(this._ctx, functionName);
  }

  /**
   * The current project's triggers of the current user only: a trigger belongs to, and runs as,
   * the user who created it (developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()).
   */
  getProjectTriggers(): TriggerFacade[] {
    const user = this._ctx.effectiveUser;
    return this._ctx.emu.triggers
      .filter((t) => t.user === user)
      .map((t) => new TriggerFacade(this._ctx, { ...t }));
  }

  getUserTriggers(document: unknown): TriggerFacade[] {
    const id = document instanceof SpreadsheetFacade ? document._model.id : this._ctx.emu.spreadsheet.id;
    const user = this._ctx.effectiveUser;
    return this._ctx.emu.triggers
      .filter((t) => t.user === user && t.document === id)
      .map((t) => new TriggerFacade(this._ctx, { ...t }));
  }

  deleteTrigger(trigger: TriggerFacade): void {
    if (!(trigger instanceof TriggerFacade)) {
      throw new GasError(MSG.signature(describeTypes([trigger]), 'ScriptApp.deleteTrigger'));
    }
    const emu = this._ctx.emu;
    const user = this._ctx.effectiveUser;
    const i = emu.triggers.findIndex((t) => t.id === trigger._record.id && t.user === user);
    if (i >= 0) emu.triggers.splice(i, 1);
  }

  getScriptId(): string {
    return this._ctx.emu.scriptId;
  }

  getService(): ServiceFacade {
    return new ServiceFacade(this._ctx);
  }

  getOAuthToken(): string {
    return `ya29.emulator-${this._ctx.emu.scriptId}`;
  }

  getIdentityToken(): string {
    return 'emulator.identity.token';
  }

  getAuthorizationInfo(): AuthorizationInfoFacade {
    return new AuthorizationInfoFacade(this._ctx);
  }

  getInstallationSource(): string {
    return this._ctx.emu.addOn ? 'WEB_STORE_ADD_ON' : 'NONE';
  }

  invalidateAuth(): void {}

  requireScopes(): void {}

  requireAllScopes(): void {}
}
instrument(ScriptAppFacade, 'ScriptApp');

export class ServiceFacade extends Facade {
  getUrl(): string {
    return this._ctx.emu.webAppUrl;
  }

  isEnabled(): boolean {
    return true;
  }
}
instrument(ServiceFacade, 'ScriptApp.Service');

export class AuthorizationInfoFacade extends Facade {
  getAuthorizationStatus(): string {
    return 'NOT_REQUIRED';
  }

  getAuthorizationUrl(): string | null {
    return null;
  }

  getAuthorizedScopes(): string[] {
    return [];
  }
}
instrument(AuthorizationInfoFacade, 'ScriptApp.AuthorizationInfo');

export class TriggerFacade extends Facade {
  constructor(
    ctx: Ctx,
    readonly _record: TriggerRecord,
  ) {
    super(ctx);
  }

  getHandlerFunction(): string {
    return this._record.handler;
  }

  getUniqueId(): string {
    return this._record.id;
  }

  getEventType(): string {
    return this._record.eventType;
  }

  getTriggerSource(): string {
    return this._record.source;
  }

  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}
instrument(TriggerFacade, 'ScriptApp.Trigger');

export class TriggerBuilderFacade extends Facade {
  constructor(
    ctx: Ctx,
    private readonly handler: string,
  ) {
    super(ctx);
  }

  timeBased(): ClockTriggerBuilderFacade {
    return new ClockTriggerBuilderFacade(this._ctx, this.handler);
  }

  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilderFacade {
    const id = sheet instanceof SpreadsheetFacade ? sheet._model.id : String(sheet);
    if (!this._ctx.emu.spreadsheets.has(id)) throw new GasError(MSG.invalidArgument('sheet'));
    return new SpreadsheetTriggerBuilderFacade(this._ctx, this.handler, id);
  }
}
instrument(TriggerBuilderFacade, 'ScriptApp.TriggerBuilder');

function addTrigger(
  ctx: Ctx,
  rec: Omit<TriggerRecord, 'id' | 'user' | 'document' | 'createdAt'>,
): TriggerFacade {
  const emu = ctx.emu;
  // Installed as, and later run as, the user running the script (reference/script/script-app).
  const user = ctx.effectiveUser;
  const document = emu.spreadsheet.id;
  const mine = emu.triggers.filter((t) => t.user === user);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw new GasError(MSG.tooManyTriggers);
  if (emu.addOn && mine.some((t) => t.document === document && t.eventType === rec.eventType)) {
    throw new GasError(
      rec.eventType === 'CLOCK'
        ? MSG.addOnTriggerDuplicate
        : 'This add-on already has a trigger of this type for this document and user.',
    );
  }
  const record: TriggerRecord = {
    ...rec,
    id: emu.newTriggerId(),
    user,
    document,
    createdAt: emu.clock.now(),
  };
  emu.triggers.push(record);
  return new TriggerFacade(ctx, { ...record });
}

export class SpreadsheetTriggerBuilderFacade extends Facade {
  private eventType: string | null = null;

  constructor(
    ctx: Ctx,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {
    super(ctx);
  }

  onOpen(): SpreadsheetTriggerBuilderFacade {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): SpreadsheetTriggerBuilderFacade {
    this.eventType = 'ON_EDIT';
    return this;
  }

  onChange(): SpreadsheetTriggerBuilderFacade {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): SpreadsheetTriggerBuilderFacade {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): TriggerFacade {
    if (!this.eventType)
      throw new GasError(
        'Missing event type for the spreadsheet trigger: call onOpen, onEdit, onChange or onFormSubmit.',
      );
    return addTrigger(this._ctx, {
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
      clock: null,
    });
  }
}
instrument(SpreadsheetTriggerBuilderFacade, 'ScriptApp.SpreadsheetTriggerBuilder');

function intIn(v: unknown, allowed: number[] | null, min: number, max: number, what: string): number {
  const n = typeof v === 'number' ? v : NaN;
  if (!Number.isInteger(n) || n < min || n > max || (allowed && !allowed.includes(n))) {
    const list = allowed ? `one of ${allowed.join(', ')}` : `an integer from ${min} to ${max}`;
    throw new GasError(`Invalid argument: ${what}. The value must be ${list}.`);
  }
  return n;
}

export class ClockTriggerBuilderFacade extends Facade {
  private readonly s: ClockSchedule = {};

  constructor(
    ctx: Ctx,
    private readonly handler: string,
  ) {
    super(ctx);
  }

  everyMinutes(n: number): ClockTriggerBuilderFacade {
    this.s.everyMinutes = intIn(n, [1, 5, 10, 15, 30], 1, 30, 'minutes');
    return this;
  }

  everyHours(n: number): ClockTriggerBuilderFacade {
    this.s.everyHours = intIn(n, [1, 2, 4, 6, 8, 12], 1, 12, 'hours');
    return this;
  }

  everyDays(n: number): ClockTriggerBuilderFacade {
    this.s.everyDays = intIn(n, null, 1, 10_000, 'days');
    return this;
  }

  everyWeeks(n: number): ClockTriggerBuilderFacade {
    this.s.everyWeeks = intIn(n, null, 1, 10_000, 'weeks');
    return this;
  }

  atHour(hour: number): ClockTriggerBuilderFacade {
    this.s.atHour = intIn(hour, null, 0, 23, 'hour');
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilderFacade {
    this.s.nearMinute = intIn(minute, null, 0, 59, 'minute');
    return this;
  }

  onWeekDay(day: string): ClockTriggerBuilderFacade {
    if (!(String(day) in WEEKDAY_INDEX)) throw new GasError(MSG.invalidArgument('day'));
    this.s.onWeekDay = String(day);
    return this;
  }

  onMonthDay(day: number): ClockTriggerBuilderFacade {
    this.s.onMonthDay = intIn(day, null, 1, 31, 'day');
    return this;
  }

  inTimezone(timezone: string): ClockTriggerBuilderFacade {
    this.s.timezone = assertTimeZone(timezone, 'timezone');
    return this;
  }

  at(date: Date): ClockTriggerBuilderFacade {
    if (!isDate(date))
      throw new GasError(MSG.signature(describeTypes([date]), 'ScriptApp.ClockTriggerBuilder.at'));
    this.s.at = date.getTime();
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilderFacade {
    const ms = intIn(durationMilliseconds, null, 0, Number.MAX_SAFE_INTEGER, 'durationMilliseconds');
    this.s.at = this._ctx.emu.clock.now() + ms;
    return this;
  }

  atDate(year: number, month: number, day: number): ClockTriggerBuilderFacade {
    const tz = this.s.timezone ?? this._ctx.emu.scriptTimeZone;
    this.s.at = zonedToEpoch(tz, year, month, day, 0, 0);
    return this;
  }

  create(): TriggerFacade {
    const s = this.s;
    const recurring = [
      s.everyMinutes,
      s.everyHours,
      s.everyDays,
      s.everyWeeks,
      s.onWeekDay,
      s.onMonthDay,
    ].filter((x) => x !== undefined).length;
    if (!recurring && s.at === undefined) {
      throw new GasError(
        'The trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at, atDate or after before create().',
      );
    }
    if (s.at !== undefined && recurring)
      throw new GasError('A one-time trigger (at, after, atDate) cannot also repeat.');
    const subDaily = s.everyMinutes !== undefined || s.everyHours !== undefined;
    if (subDaily && s.atHour !== undefined)
      throw new GasError('atHour() cannot be combined with everyMinutes() or everyHours().');
    if (s.everyMinutes !== undefined && s.nearMinute !== undefined) {
      throw new GasError('nearMinute() cannot be combined with everyMinutes().');
    }
    if ([s.everyMinutes, s.everyHours, s.everyDays].filter((x) => x !== undefined).length > 1) {
      throw new GasError('Only one of everyMinutes, everyHours and everyDays may be set.');
    }
    if (this._ctx.emu.addOn && s.everyMinutes !== undefined) throw new GasError(MSG.addOnTriggerFrequency);
    return addTrigger(this._ctx, {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      clock: { ...s },
    });
  }
}
instrument(ClockTriggerBuilderFacade, 'ScriptApp.ClockTriggerBuilder');

function hashMinute(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 60;
}

/**
 * When a clock trigger fires in (sinceMs, untilMs]. Google picks the minute of hourly, daily and
 * weekly triggers itself (nearMinute is ±15 min): here it is nearMinute, or a minute derived from
 * the trigger id, so a schedule is random-looking but reproducible. everyMinutes triggers fire on
 * multiples of their period.
 */
export function fireTimes(
  t: TriggerRecord,
  sinceMs: number,
  untilMs: number,
  scriptTimeZone: string,
): number[] {
  const s = t.clock;
  if (!s) return [];
  const out: number[] = [];
  const inWindow = (ms: number): boolean => ms > sinceMs && ms <= untilMs;
  if (s.at !== undefined) return inWindow(s.at) ? [s.at] : [];
  if (s.everyMinutes) {
    const step = s.everyMinutes * 60_000;
    for (let ms = Math.floor(sinceMs / step) * step + step; ms <= untilMs; ms += step) out.push(ms);
    return out;
  }
  const tz = s.timezone ?? scriptTimeZone;
  const minute = s.nearMinute ?? hashMinute(t.id);
  const hour = s.atHour ?? hashMinute(t.id + 'h') % 24;
  const created = zonedParts(t.createdAt, tz);
  const createdDay = Date.UTC(created.year, created.month - 1, created.day) / 86_400_000;
  const start = zonedParts(sinceMs, tz);
  const end = zonedParts(untilMs, tz);
  for (
    let day = Date.UTC(start.year, start.month - 1, start.day) / 86_400_000;
    day <= Date.UTC(end.year, end.month - 1, end.day) / 86_400_000;
    day++
  ) {
    const d = new Date(day * 86_400_000);
    const [y, m, dd, wd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCDay()];
    const at = (h: number): number => zonedToEpoch(tz, y, m, dd, h, minute);
    if (s.everyHours) {
      for (let h = 0; h < 24; h += s.everyHours) if (inWindow(at(h))) out.push(at(h));
      continue;
    }
    let fires = false;
    if (s.everyDays) fires = (day - createdDay) % s.everyDays === 0;
    else if (s.onWeekDay !== undefined) {
      const weeks = Math.floor((day - createdDay) / 7);
      fires = wd === WEEKDAY_INDEX[s.onWeekDay] && weeks % (s.everyWeeks ?? 1) === 0;
    } else if (s.onMonthDay !== undefined) fires = dd === s.onMonthDay;
    else if (s.everyWeeks) fires = (day - createdDay) % (7 * s.everyWeeks) === 0;
    if (fires && inWindow(at(hour))) out.push(at(hour));
  }
  return out;
}
