// No silent failure on the webhook path: when a delivery cannot be handled (a storage or quota
// error of Properties, Cache or Sheets, the lock held too long, "Service invoked too many
// times"), the delivery is kept for `tick` (backlog.ts), the citizens who wrote get one short
// apology (never a menu loop), the trouble is written to `Log Sistem`, and the reporting team
// (Pelaporan) is emailed about it at most once an hour.

import type { InboundMessage, ParsedWebhook } from '../../channels/types';
import { formatLocal, zoneLabel } from '../../domain/time';
import type { TroubleKind } from '../../domain/trouble';
import { errorText, troubleKind } from '../../domain/trouble';
import type { MessageKey } from '../../messages/id';
import { render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { sendMail } from '../../platform/mail';
import type { Ctx } from '../context';
import { reportingTeamEmails } from '../data/capacity';
import { deliver } from '../messaging/sender';
import { sendByPriority } from '../quota/mail';
import { keepDelivery } from './backlog';
import { forgetCachedConversations, GENERATION_KEY } from './state';

const HOUR_SECONDS = 3600;
/** Cache mark: the team was emailed about trouble within the hour. */
export const ALERT_CACHE_KEY = 'alert:trouble';
/** The same mark in Script Properties (the time), for when CacheService is the trouble. */
export const ALERT_PROPS_KEY = 'alert:trouble';
/** How long the log line may wait for the lock (the webhook answers Meta within seconds). */
const LOG_LOCK_MS = 3000;

const KIND_LABEL: Record<TroubleKind, MessageKey> = {
  quota: 'troubleKindQuota',
  storage: 'troubleKindStorage',
  lock: 'troubleKindLock',
  service: 'troubleKindService',
  other: 'troubleKindOther',
};

const WHERE_LABEL: Record<string, MessageKey> = {
  sheet: 'troubleKeptSheet',
  properties: 'troubleKeptProperties',
  cache: 'troubleKeptCache',
  '': 'troubleKeptNowhere',
};

/** A text of the catalogue with the staff's overrides when the configuration can be read. */
function text(ctx: Ctx, key: MessageKey, vars?: Record<string, string | number>): string {
  try {
    return ctx.t(key, vars);
  } catch {
    return render(key, vars);
  }
}

export interface Trouble {
  kind: TroubleKind;
  label: string;
  /** The exception's message, without secrets. */
  reason: string;
}

export function describeTrouble(ctx: Ctx, err: unknown): Trouble {
  const kind = troubleKind(err);
  let reason = errorText(err).slice(0, 500);
  try {
    reason = ctx.withoutSecrets(reason);
  } catch {
    // Properties unreadable: the message of a Google service carries no secret
  }
  return { kind, label: text(ctx, KIND_LABEL[kind]), reason };
}

/**
 * A delivery (or the part of it that failed) could not be handled: keep it, apologise, log, alert.
 * Runs outside the lock; never throws.
 */
export function deliveryFailed(ctx: Ctx, parsed: ParsedWebhook, err: unknown): Trouble {
  const trouble = describeTrouble(ctx, err);
  const reason = `${trouble.label}: ${trouble.reason}`;
  const where = keepDelivery(ctx, parsed, reason);
  if (trouble.kind !== 'lock') {
    // A cache write may have failed half way: every cached conversation is forgotten (the sheet
    // has them all), so no older copy is ever read again.
    try {
      forgetCachedConversations(ctx);
      ctx.props.setNow(GENERATION_KEY, ctx.props.get(GENERATION_KEY) ?? '0');
    } catch {
      // Properties unwritable too: the cached copies expire within the hour
    }
  }
  const count = parsed.messages.length;
  apologise(ctx, parsed.messages);
  const vars = { label: trouble.label, reason: trouble.reason, count, where: text(ctx, WHERE_LABEL[where]) };
  const line = text(ctx, 'troubleLog', vars);
  logNow(ctx, trouble.kind === 'lock' ? 'PERINGATAN' : 'GALAT', line);
  alertTeam(ctx, vars);
  return trouble;
}

/** One short apology to each citizen who wrote (at most one an hour each); officers get none. */
function apologise(ctx: Ctx, messages: readonly InboundMessage[]): void {
  const seen = new Set<string>();
  let officers: Set<string> = new Set();
  try {
    officers = new Set(ctx.config.officers.map((o) => o.whatsapp).filter((w) => w));
  } catch {
    // configuration unreadable: apologise to everyone who wrote
  }
  for (const m of messages) {
    const to = m.phone || m.userId;
    if (!to || seen.has(m.userKey) || officers.has(m.phone)) continue;
    seen.add(m.userKey);
    const key = `sorry:${m.userKey}`.slice(0, 240);
    try {
      if (ctx.cache.getJson<number>(key) !== null) continue;
      ctx.cache.putJson(key, ctx.now, HOUR_SECONDS);
    } catch {
      // without the cache: one apology per failed delivery
    }
    try {
      const res = deliver(ctx, { kind: 'text', to, text: text(ctx, 'serviceTrouble') });
      if (!res.ok) console.error(`trouble: apology not sent (${res.errorCode} ${res.errorMessage})`);
    } catch (e) {
      console.error(`trouble: apology not sent (${errorText(e)})`);
    }
  }
}

/** Writes one line to Log Sistem now, if the lock and the sheet allow (else the console has it). */
export function logNow(ctx: Ctx, level: 'GALAT' | 'PERINGATAN', line: string): void {
  ctx.log(level, 'webhook', line);
  try {
    withScriptLock(() => ctx.flushLogs(), LOG_LOCK_MS);
  } catch (e) {
    // tick logs it again with the kept delivery's reason
    console.error(`trouble: Log Sistem not written (${errorText(e)})`);
  }
}

/** Whether the team was emailed about trouble within the hour (cache, else properties). */
function alertedRecently(ctx: Ctx): boolean {
  try {
    if (ctx.cache.getJson<number>(ALERT_CACHE_KEY) !== null) return true;
  } catch {
    // fall through to the properties' mark
  }
  try {
    const at = Number(ctx.props.get(ALERT_PROPS_KEY) ?? '0');
    return ctx.now - at < HOUR_SECONDS * 1000;
  } catch {
    return false;
  }
}

/** Emails the reporting team, at most once an hour. */
export function alertTeam(
  ctx: Ctx,
  vars: { count: number; where: string; label: string; reason: string },
): boolean {
  if (alertedRecently(ctx)) return false;
  try {
    ctx.cache.putJson(ALERT_CACHE_KEY, ctx.now, HOUR_SECONDS);
  } catch {
    // the properties' mark is enough
  }
  try {
    ctx.props.setNow(ALERT_PROPS_KEY, String(ctx.now));
  } catch {
    // the cache's mark is enough
  }
  let to: string[] = [];
  let url = '';
  try {
    to = reportingTeamEmails(ctx);
    url = ctx.ss.getUrl();
  } catch (e) {
    console.error(`trouble: reporting team unknown (${errorText(e)})`);
  }
  if (to.length === 0) return false;
  let at = new Date(ctx.now).toISOString();
  try {
    at = `${formatLocal(ctx.now, ctx.offset, 'dd/MM/yyyy HH:mm')} ${zoneLabel(ctx.offset)}`;
  } catch {
    // the zone setting unreadable: UTC it is
  }
  const all = { ...vars, at, spreadsheetUrl: url };
  const mail = {
    to,
    subject: text(ctx, 'troubleEmailSubject', all),
    body: text(ctx, 'troubleEmailBody', all),
  };
  let sent;
  try {
    sent = sendByPriority(ctx, mail, 'alert');
  } catch {
    sent = sendMail(mail); // the quota's record unreadable (Properties): send all the same
  }
  if (!sent.ok) console.error(`trouble: alert not sent (${sent.error.message})`);
  return sent.ok;
}
