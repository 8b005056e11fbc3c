// The one place that tracks the daily quotas of the Google account the script runs as: email
// recipients (MailApp, with MailApp.getRemainingDailyQuota() as the ground truth), UrlFetch
// calls, and the total runtime of triggers. Google renews each quota 24 hours after the first
// request that spent it (developers.google.com/apps-script/guides/services/quotas); the limits
// depend on the account type (a setting: consumer gmail.com or Google Workspace).
//
// Every UrlFetch and every email goes through platform/http.ts and platform/mail.ts, which count
// here; the counts of an execution are added to one Script Property (`quota:use`, a few dozen
// bytes) when the script lock is released, in the same setProperties as the rest. Before the
// limit, what matters most goes first: `mayMail` and `mayFetch` say whether a send of a given
// priority still fits.

import { registerLockParticipant } from './lock';
import type { Props } from './props';

export type AccountType = 'consumer' | 'workspace';

export interface DailyLimits {
  mailRecipients: number;
  urlFetch: number;
  /** Total runtime of trigger executions, in ms. */
  triggerMs: number;
}

export const DAILY_LIMITS: Record<AccountType, DailyLimits> = {
  consumer: { mailRecipients: 100, urlFetch: 20000, triggerMs: 90 * 60000 },
  workspace: { mailRecipients: 1500, urlFetch: 100000, triggerMs: 6 * 3600000 },
};

export const QUOTA_WINDOW_MS = 24 * 3600000;
export const QUOTA_KEY = 'quota:use';

/**
 * Mail, most important first. What a priority leaves for those above it, in recipients: the
 * weekly report and alerts take whatever is left; officer notifications and the digest leave the
 * report's recipients; reminders also leave a fifth of the day for officer notifications.
 */
export type MailPriority = 'report' | 'alert' | 'officer' | 'digest' | 'reminder';

/**
 * UrlFetch, most important first, with the share of the daily limit each may use: replies to
 * citizens and officers to the last call; notifications to officers up to 97 %; broadcasts up to
 * 80 %; the read receipts (blue ticks) only up to 60 %.
 */
export type FetchPriority = 'reply' | 'notify' | 'broadcast' | 'receipt';

const FETCH_SHARE: Record<FetchPriority, number> = { reply: 1, notify: 0.97, broadcast: 0.8, receipt: 0.6 };
/** Non-urgent jobs wait once trigger runtime passes this share of the day. */
export const TRIGGER_SHARE = 0.85;
/** What an idle tick (nothing due, one properties read) is counted as, in ms. */
export const IDLE_TICK_MS = 50;

export type QuotaKind = 'mail' | 'urlFetch' | 'trigger';

interface Counter {
  /** Used in the current window. */
  n: number;
  /** Start of the window (the first use), 0 when none. */
  s: number;
}

interface Stored {
  mail: Counter;
  urlFetch: Counter;
  trigger: Counter & { last?: number };
  /** Warnings already logged in the current window, by name. */
  warned?: Record<string, number>;
}

/** What this execution spent and has not stored yet (http.ts and mail.ts count here). */
const pending = { mail: 0, urlFetch: 0 };
/** Recipients of every email this execution sent (never reset). */
let mailedInExecution = 0;

export function countFetch(n = 1): void {
  pending.urlFetch += n;
}

export function countMail(recipients: number): void {
  pending.mail += recipients;
  mailedInExecution += recipients;
}

export interface QuotaState {
  kind: QuotaKind;
  used: number;
  limit: number;
  /** When the window renews (epoch ms), or null while nothing was spent. */
  resetsAt: number | null;
}

export class QuotaTracker {
  private stored: Stored | null = null;
  private mailRemainingKnown: { value: number; mailedAt: number } | null = null;
  private dirty = false;
  private triggerMs = 0;

  constructor(
    private readonly props: Props,
    private readonly now: () => number,
    private readonly account: () => AccountType,
  ) {
    registerLockParticipant(
      {
        acquired: () => {
          this.stored = null; // another execution may have counted meanwhile
        },
        releasing: () => this.persist(),
        // before Script Properties write their buffer, which then carries the counts too
      },
      { first: true },
    );
  }

  /** The account type the limits are those of (the setting `Jenis Akun Google`). */
  accountType(): AccountType {
    return DAILY_LIMITS[this.account()] ? this.account() : 'consumer';
  }

  limits(): DailyLimits {
    return DAILY_LIMITS[this.accountType()];
  }

  private load(): Stored {
    if (!this.stored) {
      const s = this.props.getJson<Partial<Stored>>(QUOTA_KEY) ?? {};
      const counter = (c: unknown): Counter =>
        c && typeof c === 'object' && typeof (c as Counter).n === 'number'
          ? { ...(c as Counter) }
          : { n: 0, s: 0 };
      this.stored = {
        mail: counter(s.mail),
        urlFetch: counter(s.urlFetch),
        trigger: { ...counter(s.trigger), last: s.trigger?.last },
        warned: s.warned ?? {},
      };
    }
    const now = this.now();
    for (const kind of ['mail', 'urlFetch', 'trigger'] as const) {
      const c = this.stored[kind];
      if (c.s && now >= c.s + QUOTA_WINDOW_MS) {
        c.n = 0;
        c.s = 0;
        for (const k of Object.keys(this.stored.warned ?? {}))
          if (k.startsWith(`${kind}:`)) delete this.stored.warned![k];
      }
    }
    return this.stored;
  }

  /** Used in the current window, this execution's spending included. */
  used(kind: QuotaKind): number {
    const s = this.load();
    if (kind === 'mail') return s.mail.n + pending.mail;
    if (kind === 'urlFetch') return s.urlFetch.n + pending.urlFetch;
    return s.trigger.n + this.triggerMs;
  }

  limit(kind: QuotaKind): number {
    const l = this.limits();
    return kind === 'mail' ? l.mailRecipients : kind === 'urlFetch' ? l.urlFetch : l.triggerMs;
  }

  state(kind: QuotaKind): QuotaState {
    const c = this.load()[kind];
    return {
      kind,
      used: this.used(kind),
      limit: this.limit(kind),
      resetsAt: c.s ? c.s + QUOTA_WINDOW_MS : null,
    };
  }

  /** Email recipients left: Google's own count (asked once an execution), else ours. */
  mailRemaining(): number {
    const ours = Math.max(0, this.limit('mail') - this.used('mail'));
    if (!this.mailRemainingKnown) {
      try {
        this.mailRemainingKnown = { value: MailApp.getRemainingDailyQuota(), mailedAt: mailedInExecution };
      } catch {
        return ours;
      }
    }
    const google = this.mailRemainingKnown.value - (mailedInExecution - this.mailRemainingKnown.mailedAt);
    return Math.max(0, Math.min(ours, google));
  }

  /**
   * Whether an email to `recipients` people of this priority fits, leaving `reportReserve`
   * recipients for the weekly report (and, below officer notifications, a fifth of the day).
   */
  mayMail(priority: MailPriority, recipients: number, reportReserve = 0): boolean {
    const keep =
      priority === 'report' || priority === 'alert'
        ? 0
        : priority === 'reminder'
          ? reportReserve + Math.ceil(this.limit('mail') / 5)
          : reportReserve;
    return this.mailRemaining() - recipients >= keep;
  }

  mayFetch(priority: FetchPriority): boolean {
    return this.used('urlFetch') + 1 <= Math.floor(this.limit('urlFetch') * FETCH_SHARE[priority]);
  }

  /** Whether non-urgent scheduled jobs should wait for the trigger runtime to renew. */
  triggerTight(): boolean {
    return this.used('trigger') >= this.limit('trigger') * TRIGGER_SHARE;
  }

  /**
   * A trigger run that did work took `ms`; the idle ticks since the last one are counted at
   * IDLE_TICK_MS each (they read one property and store nothing) — only those of the current
   * window: after a week without a working run (the trigger was off, or nothing was due) the
   * ticks of last week do not count against today.
   */
  noteTriggerRun(ms: number, tickMinutes = 1): void {
    const s = this.load();
    const now = this.now();
    const since = Math.max(s.trigger.last ?? 0, s.trigger.s || now, now - QUOTA_WINDOW_MS);
    const idle = s.trigger.last ? Math.max(0, Math.floor((now - since) / (tickMinutes * 60000)) - 1) : 0;
    this.triggerMs += Math.max(0, ms) + idle * IDLE_TICK_MS;
    s.trigger.last = now;
  }

  /** Once per window: true the first time a warning `name` of `kind` is asked about. */
  firstWarning(kind: QuotaKind, name: string): boolean {
    const s = this.load();
    const key = `${kind}:${name}`;
    if (s.warned && s.warned[key]) return false;
    s.warned = { ...(s.warned ?? {}), [key]: this.now() };
    this.dirty = true;
    return true;
  }

  /** Adds this execution's counts to the stored ones (inside the lock: buffered with the rest). */
  persist(): void {
    if (pending.mail === 0 && pending.urlFetch === 0 && this.triggerMs === 0 && !this.dirty) return;
    const s = this.load();
    const now = this.now();
    const add = (c: Counter, n: number): void => {
      if (n <= 0) return;
      if (!c.s) c.s = now;
      c.n += n;
    };
    add(s.mail, pending.mail);
    add(s.urlFetch, pending.urlFetch);
    add(s.trigger, this.triggerMs);
    pending.mail = 0;
    pending.urlFetch = 0;
    this.triggerMs = 0;
    this.dirty = false;
    this.props.set(QUOTA_KEY, JSON.stringify(s));
  }
}

/** The account type named in a setting ("konsumen", "gmail", "workspace" …). */
export function accountTypeOf(text: string): AccountType {
  return /workspace|bisnis|business|instansi|edu/i.test(text) ? 'workspace' : 'consumer';
}
