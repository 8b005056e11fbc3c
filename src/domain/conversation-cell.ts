// The `Status Percakapan` cell of a `Sesi` row: where a citizen's conversation state lives while
// the conversation is open, and what is left of it afterwards. Pure text rules, no Apps Script.
//
// - live:  `|<key>|<json>` — the conversation's state; `<key>` is the citizen's user key,
//   URI-encoded, and the JSON never holds a `|` (escaped as \u007c), so `|<key>|` is found only
//   at the start of that citizen's own live cells.
// - done:  `~ <id> <id> …` — the conversation ended; the ids (URI-encoded) of its last inbound
//   messages stay, so a late re-delivery of the message that ended it is still recognised.
// - empty: a session logged by hand, or history from before this column existed.
//
// One TextFinder regular expression finds, in one search, both the citizen's live cell and a done
// cell holding one of the ids being handled (`lookupPattern`).

export type ConversationCell =
  { kind: 'live'; userKey: string; state: unknown } | { kind: 'done'; ids: string[] } | { kind: 'empty' };

/** Ids kept in a done cell (the message that ended the conversation, and the one before). */
export const DONE_IDS = 3;

const enc = (s: string): string => encodeURIComponent(s);

function dec(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function liveCell(userKey: string, state: unknown): string {
  return `|${enc(userKey)}|${JSON.stringify(state).replace(/\|/g, '\\u007c')}`;
}

export function doneCell(ids: readonly string[]): string {
  const kept = ids.filter((id) => id !== '').slice(0, DONE_IDS);
  return kept.length === 0 ? '~' : `~ ${kept.map(enc).join(' ')}`;
}

export function decodeCell(value: unknown): ConversationCell {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  if (text.startsWith('|')) {
    const end = text.indexOf('|', 1);
    if (end > 1) {
      try {
        return { kind: 'live', userKey: dec(text.slice(1, end)), state: JSON.parse(text.slice(end + 1)) };
      } catch {
        return { kind: 'empty' };
      }
    }
  }
  if (text.startsWith('~')) {
    return {
      kind: 'done',
      ids: text
        .slice(1)
        .split(' ')
        .filter((s) => s !== '')
        .map(dec),
    };
  }
  return { kind: 'empty' };
}

/** A literal for a regular expression (RE2 and JavaScript). */
export function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * The TextFinder regular expression (case-sensitive) matching the live cell of `userKey`, or a done
 * cell holding one of `ids`.
 */
export function lookupPattern(userKey: string, ids: readonly string[]): string {
  const live = `^\\|${escapeRegex(enc(userKey))}\\|`;
  const wanted = ids.filter((id) => id !== '').map((id) => escapeRegex(enc(id)));
  if (wanted.length === 0) return live;
  return `${live}|^~ (?:.* )?(?:${wanted.join('|')})(?: |$)`;
}
