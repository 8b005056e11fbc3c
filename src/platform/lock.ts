// Every read-modify-write of shared state runs under the script lock; pending sheet writes are
// flushed before the lock is released so the next execution reads them.

export const LOCK_WAIT_MS = 20000;

export function withScriptLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getScriptLock();
  lock.waitLock(waitMs);
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
