// The script itself: its time-driven trigger, its web app URL, and unique ids (ScriptApp,
// Utilities).

/**
 * Exactly one time-driven trigger for `handler`, every minute or every hour. Returns whether it
 * had to be (re)created: none or several existed.
 */
export function ensureTimeTrigger(handler: string, every: 'minute' | 'hour'): boolean {
  const existing = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
  if (existing.length === 1) return false;
  for (const t of existing) ScriptApp.deleteTrigger(t);
  const builder = ScriptApp.newTrigger(handler).timeBased();
  if (every === 'hour') builder.everyHours(1).create();
  else builder.everyMinutes(1).create();
  return true;
}

/**
 * Deletes the running user's time-driven triggers for `handler` (Apps Script shows, and lets
 * delete, only the current user's triggers); returns how many there were.
 */
export function removeTimeTriggers(handler: string): number {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length;
}

/** The URL of the deployed web app ('' before it is deployed). */
export function webAppUrl(): string {
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch {
    return '';
  }
}

/** A random UUID (`xxxxxxxx-xxxx-…`). */
export function uuid(): string {
  return Utilities.getUuid();
}

/** SHA-256 of a text, as lowercase hex (Utilities.computeDigest). */
export function sha256Hex(text: string): string {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
    .join('');
}
