// Small helpers of the sidebar: statuses, field errors, times in WIB, polling.

import { formatLocal, JAKARTA_OFFSET } from '../../../domain/time';
import type { FieldError } from '../../api-types';

/** The service's zone for display and form dates (WIB). */
export const OFFSET = JAKARTA_OFFSET;

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

/** `10.32` today, `04/05 10.32` another day (WIB). */
export function shortTime(iso: string, now: number = Date.now()): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (isNaN(ms)) return '';
  const sameDay = formatLocal(ms, OFFSET, 'yyyy-MM-dd') === formatLocal(now, OFFSET, 'yyyy-MM-dd');
  return formatLocal(ms, OFFSET, sameDay ? 'HH.mm' : 'dd/MM HH.mm');
}

/** `04/05/2026 10.32` (WIB). */
export function longTime(iso: string): string {
  const ms = Date.parse(iso);
  return isNaN(ms) ? '' : formatLocal(ms, OFFSET, 'dd/MM/yyyy HH.mm');
}

/** Today in WIB as `yyyy-mm-dd` (for date inputs). */
export function todayLocal(now: number = Date.now()): string {
  return formatLocal(now, OFFSET, 'yyyy-MM-dd');
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
