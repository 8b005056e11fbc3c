// Every read-modify-write of shared state runs under the script lock; pending sheet writes are
// flushed before the lock is released so the next execution reads them. Adapters with a local
// snapshot (properties, cache) take part: they reload when the lock is taken and write their
// buffered changes, in one call each, before it is released.

export const LOCK_WAIT_MS = 20000;

export interface LockParticipant {
  acquired(): void;
  releasing(): void;
}

const participants: LockParticipant[] = [];
let depth = 0;

/**
 * `first`: released before the others (sheet writes staged by the app go out before the row
 * pointers and caches that describe them).
 */
export function registerLockParticipant(p: LockParticipant, opts: { first?: boolean } = {}): void {
  if (opts.first) participants.unshift(p);
  else participants.push(p);
}

export function insideLock(): boolean {
  return depth > 0;
}

/**
 * Runs `fn` holding the script lock (re-entrant within one execution). Every participant's
 * buffered writes are attempted even when one of them (or `fn`) fails; the first error is thrown
 * once the sheets are flushed and the lock is released.
 */
export function withScriptLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  if (depth > 0) return fn();
  const lock = LockService.getScriptLock();
  lock.waitLock(waitMs);
  depth++;
  let failure: { error: unknown } | null = null;
  let result: T | undefined;
  try {
    for (const p of participants) p.acquired();
    result = fn();
  } catch (e) {
    failure = { error: e };
  }
  for (const p of participants) {
    try {
      p.releasing();
    } catch (e) {
      failure = failure ?? { error: e };
    }
  }
  depth--;
  try {
    SpreadsheetApp.flush();
  } catch (e) {
    failure = failure ?? { error: e };
  }
  try {
    lock.releaseLock();
  } catch {
    // released at the end of the execution anyway
  }
  if (failure) throw failure.error;
  return result as T;
}
