/**
 * Apps Script's daily quotas, per user, for a consumer (gmail.com) or a Google Workspace account
 * (developers.google.com/apps-script/guides/services/quotas: "Quotas are per user and reset 24
 * hours after the first request"): email recipients, UrlFetch calls, Properties reads and writes,
 * total runtime of triggers; and the limits that are not daily: 30 simultaneous executions per
 * user, 6 minutes per execution (execution.ts). The messages are those of the page's
 * "Troubleshooting" section as scripts see them.
 */

export type AccountType = 'consumer' | 'workspace';

/** Per-day quotas of one user. `triggerRuntime` in milliseconds. */
export interface Quotas {
  /** Email recipients (MailApp: to + cc + bcc). */
  email: number;
  /** UrlFetchApp calls. */
  urlfetch: number;
  /** PropertiesService reads and writes. */
  properties: number;
  /** Total runtime of trigger executions (time-driven and simple triggers), in ms. */
  triggerRuntime: number;
}

export type QuotaKind = keyof Quotas;

export const QUOTA_KINDS: readonly QuotaKind[] = ['email', 'urlfetch', 'properties', 'triggerRuntime'];

const MINUTE = 60_000;

/** The quotas page's table, consumer and Workspace columns. */
export const ACCOUNT_QUOTAS: Record<AccountType, Quotas> = {
  consumer: { email: 100, urlfetch: 20_000, properties: 50_000, triggerRuntime: 90 * MINUTE },
  workspace: { email: 1_500, urlfetch: 100_000, properties: 500_000, triggerRuntime: 6 * 60 * MINUTE },
};

export const CONSUMER_QUOTAS: Quotas = ACCOUNT_QUOTAS.consumer;

/** Simultaneous executions per user (both account types). */
export const MAX_SIMULTANEOUS_EXECUTIONS = 30;

/** A quota is renewed this long after the first request that spent it. */
export const QUOTA_WINDOW_MS = 24 * 60 * MINUTE;

export const QUOTA_MSG = {
  /** A daily count used up: "Service invoked too many times for one day: email." */
  daily: (kind: Exclude<QuotaKind, 'triggerRuntime'>): string =>
    `Service invoked too many times for one day: ${kind}.`,
  triggerRuntime: 'Service using too much computer time for one day',
  simultaneous: 'There are too many scripts running simultaneously for this Google user account.',
};

/** What one user spent of one quota since `since` (the first request of the window; 0: none yet). */
export interface QuotaCounter {
  used: number;
  since: number;
}

export type UserUsage = Record<QuotaKind, QuotaCounter>;

export function freshUserUsage(): UserUsage {
  return {
    email: { used: 0, since: 0 },
    urlfetch: { used: 0, since: 0 },
    properties: { used: 0, since: 0 },
    triggerRuntime: { used: 0, since: 0 },
  };
}

/** The counter of `kind`, renewed when its 24 hours are over. */
export function liveCounter(u: UserUsage, kind: QuotaKind, now: number): QuotaCounter {
  const c = u[kind];
  if (c.since && now >= c.since + QUOTA_WINDOW_MS) {
    c.used = 0;
    c.since = 0;
  }
  return c;
}

/** One quota as `emu.quotaUsage(user)` reports it. */
export interface QuotaState {
  used: number;
  limit: number;
  remaining: number;
  /** When it is renewed (epoch ms), or null while nothing was spent. */
  resetsAt: number | null;
}

export interface QuotaUsage extends Record<QuotaKind, QuotaState> {
  user: string;
  accountType: AccountType;
  /** Executions of this user running now, and the limit. */
  running: number;
  simultaneousLimit: number;
}
