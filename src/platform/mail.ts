// The one place that calls MailApp. Every email goes out under the product's name; a failure (the
// daily quota, an invalid address, the service) comes back as a value, never as an exception.

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
}

export type MailResult = { ok: true } | { ok: false; error: MailError };

export function sendMail(mail: Email): MailResult {
  try {
    MailApp.sendEmail({
      to: typeof mail.to === 'string' ? mail.to : mail.to.join(','),
      subject: mail.subject,
      body: mail.body,
      name: SENDER_NAME,
      ...(mail.attachments ? { attachments: mail.attachments } : {}),
    });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: { message: String((e as Error).message ?? e), text: String(e) } };
  }
}
