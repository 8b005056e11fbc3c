// Shared by the playground pages: JSON calls to the dev API, the emulated clock in the header, and
// time formatting in WIB. Every text from the product or a citizen is set with textContent only.

import { byId } from '../../../src/ui/client/dom';

export { byId, clear, h } from '../../../src/ui/client/dom';

/** GET /_dev/state */
export interface PlaygroundState {
  now: string;
  /** Emulated minus real time (ms): 0 when the clock follows real time. */
  offsetMs: number;
  timeZone: string;
  generation: number;
  webhookKey: string;
  webhookUrl: string;
  verifyToken: string;
  phoneNumberId: string;
  provider: string;
  pages: string[];
  officers: { group: string; name: string; whatsapp: string; email: string }[];
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function postJson<T>(url: string, body: unknown, contentType = 'application/json'): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    return text as unknown as T;
  }
}

const TZ = 'Asia/Jakarta';
/** Asia/Jakarta is UTC+7 all year. */
export const JAKARTA_MS = 7 * 3_600_000;

/** Next Monday–Friday 09:00 WIB strictly after `nowMs` (holidays are not considered). */
export function nextWorkdayNine(nowMs: number): number {
  const wall = new Date(nowMs + JAKARTA_MS);
  for (let i = 0; i < 8; i++) {
    const d = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + i, 9));
    const day = d.getUTCDay();
    const at = d.getTime() - JAKARTA_MS;
    if (day >= 1 && day <= 5 && at > nowMs) return at;
  }
  return nowMs;
}

/** Inside the default service hours (Monday–Friday 07:00–17:00 WIB; holidays not considered). */
export function inDefaultHours(nowMs: number): boolean {
  const wall = new Date(nowMs + JAKARTA_MS);
  const day = wall.getUTCDay();
  const minutes = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  return day >= 1 && day <= 5 && minutes >= 7 * 60 && minutes < 17 * 60;
}

/** "Senin, 23 November 2026 09.05" in WIB. */
export function formatWib(at: string | number, withSeconds = false): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('id-ID', {
    timeZone: TZ,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
  }).format(d);
}

/** "09.05" in WIB. */
export function formatTime(at: string | number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('id-ID', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(d);
}

type Listener = (s: PlaygroundState) => void;
const listeners: Listener[] = [];
let latest: PlaygroundState | null = null;

export function currentState(): PlaygroundState | null {
  return latest;
}

/** Calls `fn` with every fresh /_dev/state (every 2 s, and after refreshState()). */
export function onState(fn: Listener): void {
  listeners.push(fn);
  if (latest) fn(latest);
}

export async function refreshState(): Promise<PlaygroundState | null> {
  try {
    latest = await getJson<PlaygroundState>('/_dev/state');
    const clock = document.getElementById('clock');
    if (clock) {
      clock.textContent = formatWib(latest.now) + ' WIB';
      clock.title = latest.offsetMs === 0 ? 'Mengikuti jam sebenarnya' : 'Jam emulator sudah digeser';
    }
    for (const fn of listeners) fn(latest);
  } catch {
    const clock = document.getElementById('clock');
    if (clock) clock.textContent = 'Server tidak terjangkau';
  }
  return latest;
}

/** Marks the current page in the header and keeps the clock fresh. */
export function startHeader(): void {
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('header nav a'))) {
    if (a.getAttribute('href') === location.pathname) a.setAttribute('aria-current', 'page');
  }
  void refreshState();
  setInterval(() => void refreshState(), 2000);
}

/** A short status line (role=status) for the result of an action. */
export function say(id: string, text: string, isError = false): void {
  const el = byId(id);
  el.textContent = text;
  el.classList.toggle('error', isError);
}
