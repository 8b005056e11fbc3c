// What went wrong, from the text of an Apps Script exception: a daily quota, a storage limit, the
// script lock, a service that failed for a while, or anything else (a program error). Pure.

export type TroubleKind = 'quota' | 'storage' | 'lock' | 'service' | 'other';

const RULES: readonly { kind: TroubleKind; pattern: RegExp }[] = [
  {
    kind: 'storage',
    pattern:
      /property storage|argument too large|increase the number of cells|maximum of \d+ characters|too large/i,
  },
  // "Service invoked too many times for one day: urlfetch." (any service) and its relatives.
  { kind: 'quota', pattern: /invoked too many times|too many simultaneous invocations|quota/i },
  { kind: 'lock', pattern: /lock timeout|another process was holding the lock/i },
  {
    kind: 'service',
    pattern:
      /service (error|unavailable)|service \w+ failed|timed out|internal error|backend error|try again later|exceeded maximum execution time/i,
  },
];

export function troubleKind(error: unknown): TroubleKind {
  const text = errorText(error);
  for (const r of RULES) if (r.pattern.test(text)) return r.kind;
  return 'other';
}

/** The message of an exception (`Exception: …` without the prefix), or the value as text. */
export function errorText(error: unknown): string {
  const raw =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  return raw.replace(/^(Exception|Error):\s*/, '');
}
