// Email by priority when the day's recipients run short (platform/quota.ts): the weekly report and
// alerts first, then officer notifications (which fall back to WhatsApp), then reminders. What
// could not be sent is collected into a digest — one email per recipient — sent once the quota has
// renewed (the `ringkasan-email` job); nothing is dropped silently, and Log Sistem says so once
// per quota window.

import { utf8Length } from '../../domain/text';
import type { MessageKey } from '../../messages/id';
import type { Email, MailResult } from '../../platform/mail';
import { recipientsOf, sendMail } from '../../platform/mail';
import type { MailPriority } from '../../platform/quota';
import { QUOTA_KEY, QUOTA_WINDOW_MS } from '../../platform/quota';
import { activeOfficers, setting } from '../config';
import type { Ctx } from '../context';
import type { Job } from '../scheduler/job';
import { jobKey } from '../scheduler/job';

/** Script Property: what waits for the next digest, by recipient (bounded: DIGEST_MAX_BYTES). */
export const DIGEST_KEY = 'mail:digest';
const DIGEST_MAX_BYTES = 6 * 1024;
const DIGEST_MAX_LINES = 12;
const DIGEST_MAX_RECIPIENTS = 25;
/** The weekly report's job (report/job.ts): its next run tells whether the report is still due. */
const REPORT_JOB = 'laporan-mingguan';

interface Digest {
  /** When the first item was collected. */
  since: number;
  to: Record<string, { n: number; lines: string[] }>;
}

/**
 * Recipients the weekly report still needs within the quota window: its group when the report's
 * next run falls within the next 24 hours, else 0.
 */
export function reportReserve(ctx: Ctx): number {
  const next = Number(ctx.props.get(jobKey(REPORT_JOB)) ?? '0');
  if (!(next > 0) || next - ctx.now > QUOTA_WINDOW_MS) return 0;
  const extra = setting(ctx.config, 'reportEmails')
    .split(/[,;\s]+/)
    .filter((e) => /@/.test(e)).length;
  return activeOfficers(ctx.config, 'Pelaporan').filter((o) => o.email).length + extra;
}

const WARNING: Record<MailPriority, MessageKey> = {
  report: 'mailQuotaReport',
  alert: 'mailQuotaReport',
  officer: 'mailQuotaOfficer',
  digest: 'mailQuotaReminder',
  reminder: 'mailQuotaReminder',
};

/** Sends by priority; a refusal for the quota is said once per window in Log Sistem. */
export function sendByPriority(ctx: Ctx, mail: Email, priority: MailPriority): MailResult {
  const reserve = priority === 'report' || priority === 'alert' ? 0 : reportReserve(ctx);
  const sent = sendMail(mail, { priority, quota: ctx.quota, reportReserve: reserve });
  if (
    !sent.ok &&
    sent.error.quota &&
    ctx.quota.firstWarning('mail', priority === 'alert' ? 'report' : priority)
  ) {
    const state = ctx.quota.state('mail');
    const account = ctx.quota.limits().mailRecipients > 100 ? 'accountWorkspace' : 'accountConsumer';
    ctx.log(
      'PERINGATAN',
      'kuota',
      ctx.t('mailQuotaLog', {
        used: state.limit - ctx.quota.mailRemaining(),
        max: state.limit,
        account: ctx.t(account),
        detail: ctx.t(WARNING[priority]),
      }),
    );
  }
  return sent;
}

/** Sends by priority; what the quota holds back goes into the next digest (`line` for each). */
export function sendOrDigest(ctx: Ctx, mail: Email, priority: MailPriority, line: string): MailResult {
  const sent = sendByPriority(ctx, mail, priority);
  if (!sent.ok && sent.error.quota) for (const to of recipientsOf(mail.to)) addToDigest(ctx, to, line);
  return sent;
}

function loadDigest(ctx: Ctx): Digest | null {
  const d = ctx.props.getJson<Digest>(DIGEST_KEY);
  return d && typeof d.since === 'number' && d.to && typeof d.to === 'object' ? d : null;
}

/** Collects a line for `email`'s next digest (the value stays under DIGEST_MAX_BYTES). */
export function addToDigest(ctx: Ctx, email: string, line: string): void {
  const d = loadDigest(ctx) ?? { since: ctx.now, to: {} };
  const key = email.trim().toLowerCase();
  if (!d.to[key] && Object.keys(d.to).length >= DIGEST_MAX_RECIPIENTS) return;
  const entry = d.to[key] ?? { n: 0, lines: [] };
  entry.n += 1;
  if (entry.lines.length < DIGEST_MAX_LINES) entry.lines.push(line.slice(0, 200));
  d.to[key] = entry;
  while (utf8Length(JSON.stringify(d)) > DIGEST_MAX_BYTES) {
    const longest = Object.values(d.to).reduce((a, b) => (b.lines.length > a.lines.length ? b : a));
    if (longest.lines.length <= 1) break;
    longest.lines.pop();
  }
  ctx.props.setJson(DIGEST_KEY, d);
}

/**
 * Due once the email window that was full has renewed: 24 hours after its first email (or, when
 * unknown, after the digest's first item).
 */
function digestDue(now: number, d: Digest, quota: string | undefined): boolean {
  if (now - d.since >= QUOTA_WINDOW_MS) return true;
  try {
    const start = Number((JSON.parse(quota ?? '{}') as { mail?: { s?: number } }).mail?.s ?? 0);
    return start > 0 && start <= d.since && now >= start + QUOTA_WINDOW_MS;
  } catch {
    return false;
  }
}

/**
 * The digest job: once the email quota has renewed since the first item was collected (24 hours
 * after it at the latest), one email per recipient with what they missed.
 */
export const digestJob: Job = {
  name: 'ringkasan-email',
  intervalMs: 3600000,
  dueFromProps: (ctx, props) => {
    if (!props[DIGEST_KEY]) return false;
    try {
      return digestDue(ctx.now, JSON.parse(props[DIGEST_KEY]) as Digest, props[QUOTA_KEY]);
    } catch {
      return true;
    }
  },
  run(ctx) {
    const d = loadDigest(ctx);
    if (!d) {
      ctx.props.remove(DIGEST_KEY);
      return { summary: 'tidak ada ringkasan' };
    }
    if (!digestDue(ctx.now, d, ctx.props.get(QUOTA_KEY) ?? undefined)) {
      return { summary: 'ringkasan menunggu kuota email pulih' };
    }
    let count = 0;
    let recipients = 0;
    const left: Digest = { since: ctx.now, to: {} };
    for (const [to, entry] of Object.entries(d.to)) {
      const more = entry.n - entry.lines.length;
      const vars = {
        count: entry.n,
        lines: entry.lines.join('\n'),
        more: more > 0 ? ctx.t('digestMore', { count: more }) : '',
        spreadsheetUrl: ctx.ss.getUrl(),
      };
      const sent = sendByPriority(
        ctx,
        { to, subject: ctx.t('digestSubject', vars), body: ctx.t('digestBody', vars) },
        'digest',
      );
      if (sent.ok) {
        count += entry.n;
        recipients += 1;
      } else left.to[to] = entry;
    }
    if (Object.keys(left.to).length > 0) ctx.props.setJson(DIGEST_KEY, left);
    else ctx.props.remove(DIGEST_KEY);
    if (count > 0) ctx.log('INFO', 'email', ctx.t('digestLog', { count, recipients }));
    return { summary: `${count} pemberitahuan dalam ringkasan ke ${recipients} penerima` };
  },
};
