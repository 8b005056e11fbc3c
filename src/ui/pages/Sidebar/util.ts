// Small helpers of the sidebar: statuses, field errors, times in the service's zone, polling.

import type { FieldError } from '../../../api/types';
import { formatLocal } from '../../../domain/time';
import { serverNow, offset as zoneOffsetNow } from '../../client/clock';

// The zone and "now" come from the server's clock (every bridge answer carries it).
export { offset, onZoneChange, serverNow, setZone, whenClockKnown, zone } from '../../client/clock';

export type Tone = 'ok' | 'bad' | '';

export function setStatus(el: HTMLElement, text: string, tone: Tone = ''): void {
  el.textContent = text;
  el.classList.toggle('ok', tone === 'ok');
  el.classList.toggle('bad', tone === 'bad');
}

export function errorText(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return String(err);
}

/** `10.32` today, `04/05 10.32` another day (service's zone). */
export function shortTime(iso: string, now: number = serverNow()): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (isNaN(ms)) return '';
  const o = zoneOffsetNow();
  const sameDay = formatLocal(ms, o, 'yyyy-MM-dd') === formatLocal(now, o, 'yyyy-MM-dd');
  return formatLocal(ms, o, sameDay ? 'HH.mm' : 'dd/MM HH.mm');
}

/** `04/05/2026 10.32` (service's zone). */
export function longTime(iso: string): string {
  const ms = Date.parse(iso);
  return isNaN(ms) ? '' : formatLocal(ms, zoneOffsetNow(), 'dd/MM/yyyy HH.mm');
}

/** `04/05/2026` of a `yyyy-mm-dd` date (no zone: it is a calendar date). */
export function dayText(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd;
}

/** Today on the server's clock in the service's zone as `yyyy-mm-dd` (for date inputs); '' before it is known. */
export function todayLocal(now: number = serverNow(), minutes: number = zoneOffsetNow()): string {
  return isNaN(now) ? '' : formatLocal(now, minutes, 'yyyy-MM-dd');
}

/** Clears the errors of a form whose fields are `<prefix>-<field>` with `err-<prefix>-<field>`. */
export function clearFieldErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('.error').forEach((e) => (e.textContent = ''));
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** Shows each error next to its field and focuses the first invalid field. */
export function showFieldErrors(prefix: string, errors: readonly FieldError[]): void {
  let first: HTMLElement | null = null;
  for (const e of errors) {
    const msg = document.getElementById(`err-${prefix}-${e.field}`);
    const input = document.getElementById(`${prefix}-${e.field}`);
    if (msg) msg.textContent = msg.textContent ? `${msg.textContent} ${e.message}` : e.message;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      if (!first) first = input;
    }
  }
  if (first) first.focus();
}

export function value(id: string): string {
  const el = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return el ? el.value : '';
}

/**
 * Runs `fn` every `ms` while the page is visible and `active()` holds, never two at once.
 * Returns a function that runs it now.
 */
export function poll(ms: number, active: () => boolean, fn: () => Promise<unknown>): () => Promise<void> {
  let busy = false;
  const run = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      await fn();
    } catch {
      // the module shows its own error; polling goes on
    } finally {
      busy = false;
    }
  };
  setInterval(() => {
    if (!document.hidden && active()) void run();
  }, ms);
  return run;
}

/** Disables a button while a promise runs. */
export async function busyButton<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
