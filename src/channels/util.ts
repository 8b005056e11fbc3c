/** Small pure helpers shared by the providers: defensive JSON access and text limits. */

export type JsonRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The record at `v`, or an empty one. */
export function rec(v: unknown): JsonRecord {
  return isRecord(v) ? v : {};
}

/** The array at `v`, or an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A string for strings and finite numbers/booleans, '' otherwise. */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

/** A finite number from a number or a numeric string, else NaN. */
export function num(v: unknown): number {
  if (typeof v === 'number') return isFinite(v) ? v : NaN;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return isFinite(n) ? n : NaN;
  }
  return NaN;
}

/** An integer code (error codes), 0 when absent. */
export function code(v: unknown): number {
  const n = num(v);
  return isNaN(n) ? 0 : Math.trunc(n);
}

/** Unix seconds (string or number) to epoch ms; 0 when absent or invalid. */
export function secondsToMs(v: unknown): number {
  const n = num(v);
  return isNaN(n) || n <= 0 ? 0 : Math.round(n * 1000);
}

/** Only the digits of a string. */
export function digits(v: string): string {
  return v.replace(/\D+/g, '');
}

/** JSON.parse without throwing. */
export function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * An index ≤ `at` that does not fall between the halves of a surrogate pair. Lengths are counted
 * in UTF-16 code units, which is never less than Meta's character count.
 */
export function safeCut(s: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= s.length) return s.length;
  return isHighSurrogate(s.charCodeAt(at - 1)) ? at - 1 : at;
}

/** `s` cut to `max` code units, ending with '…' when cut. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 1) return max === 1 ? '…' : '';
  return s.slice(0, safeCut(s, max - 1)).trimEnd() + '…';
}

/** `s` cut to `max` code units without an ellipsis (ids). */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, safeCut(s, max));
}

/**
 * Split `text` into parts of at most `max` code units whose concatenation is exactly `text`.
 * Breaks after a paragraph break, else a line break, else a space (in the second half of the
 * window), else after any whitespace, else at `max` (never inside a surrogate pair).
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = findBreak(rest, max);
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function findBreak(s: string, max: number): number {
  const half = Math.floor(max / 2);
  for (const sep of ['\n\n', '\n', ' ']) {
    const i = s.lastIndexOf(sep, max - sep.length);
    if (i >= 0 && i + sep.length >= half) return i + sep.length;
  }
  for (let i = max - 1; i > 0; i--) {
    if (/\s/.test(s.charAt(i))) return i + 1;
  }
  const cut = safeCut(s, max);
  return cut > 0 ? cut : max;
}

/**
 * Make `values` unique (case-insensitively) within `max` code units. `shorten` cuts a value to a
 * length (with or without an ellipsis); duplicates get a numeric suffix (' 2', ' 3' … or
 * '~2' …) that fits inside the limit.
 */
export function uniqueWithin(
  values: string[],
  max: number,
  shorten: (s: string, max: number) => string,
  sep: string,
): string[] {
  const seen = new Set<string>();
  return values.map((v) => {
    let candidate = shorten(v, max);
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) {
      const suffix = sep + String(n);
      candidate = shorten(v, Math.max(0, max - suffix.length)) + suffix;
    }
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as 8 hex digits (not cryptographic). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ('0000000' + h.toString(16)).slice(-8);
}

/** The result of a send whose request never got an answer (status 0): always retryable. */
export function networkFailure(): {
  ok: false;
  messageId: '';
  errorCode: 0;
  errorMessage: string;
  retryable: true;
} {
  return { ok: false, messageId: '', errorCode: 0, errorMessage: 'network error', retryable: true };
}
