// The one place that calls MailApp (each recipient counted by quota.ts, and each email weighed
// against what is left of the day by its priority). Every email goes out under the product's name; a failure (the
// daily quota, an invalid address, the service) comes back as a value, never as an exception.

import type { MailPriority, QuotaTracker } from './quota';
import { countMail } from './quota';

type Blob = GoogleAppsScript.Base.Blob;

/** The sender name every email carries. */
export const SENDER_NAME = 'HALO KOP-UKM';

export interface Email {
  /** One address, or several: one email to all of them. */
  to: string | readonly string[];
  subject: string;
  body: string;
  attachments?: Blob[];
}

export interface MailError {
  /** The service's reason (the exception's message). */
  message: string;
  /** The exception as Apps Script prints it (`Exception: …`). */
  text: string;
  /** Not sent because the daily recipients would not do for it (quota.ts): the caller falls back. */
  quota?: boolean;
}

export interface MailOptions {
  /** How important it is when the day's recipients run short (quota.ts). */
  priority: MailPriority;
  quota?: QuotaTracker;
  /** Recipients the weekly report still needs today (officer notifications leave them). */
  reportReserve?: number;
}

/** The addresses of a `to` (one string with commas, or a list). */
export function recipientsOf(to: string | readonly string[]): string[] {
  return (typeof to === 'string' ? to.split(',') : [...to]).map((a) => a.trim()).filter((a) => a !== '');
}

export type MailResult = { ok: true } | { ok: false; error: MailError };

export function sendMail(mail: Email, opts?: MailOptions): MailResult {
  const count = recipientsOf(mail.to).length;
  if (opts && opts.quota && !opts.quota.mayMail(opts.priority, count, opts.reportReserve ?? 0)) {
    const message = `daily email recipients kept for more important mail (${opts.priority})`;
    return { ok: false, error: { message, text: message, quota: true } };
  }
  try {
    MailApp.sendEmail({
      to: typeof mail.to === 'string' ? mail.to : mail.to.join(','),
      subject: mail.subject,
      body: mail.body,
      name: SENDER_NAME,
      ...(mail.attachments ? { attachments: mail.attachments } : {}),
    });
    countMail(count);
    return { ok: true };
  } catch (e) {
    const message = String((e as Error).message ?? e);
    return { ok: false, error: { message, text: String(e), quota: /too many times/i.test(message) } };
  }
}
