/**
 * Quick replies (`Jawaban Cepat`): canned answers the team maintains, offered in the sidebar's reply
 * box and sent from an officer's phone with `/j <kode>`. Pure: the rows come from the sheet.
 */

export interface QuickReply {
  /** What an officer types after `/j` (compared without case, spaces or a leading `#`). */
  code: string;
  title: string;
  body: string;
  /** A responsibility group, or '' for every group. */
  group: string;
}

/** A code as compared: lower case, inner spaces collapsed, no leading `#` or `/`. */
export function normaliseCode(code: string): string {
  return String(code ?? '')
    .trim()
    .replace(/^[#/]+/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Rows with a code and a text, first of each code wins (staff may leave blank rows). */
export function cleanQuickReplies(rows: readonly QuickReply[]): QuickReply[] {
  const seen = new Set<string>();
  const out: QuickReply[] = [];
  for (const r of rows) {
    const code = normaliseCode(r.code);
    if (!code || !r.body.trim() || seen.has(code)) continue;
    seen.add(code);
    out.push({ code: r.code.trim(), title: r.title.trim(), body: r.body, group: r.group.trim() });
  }
  return out;
}

export function findQuickReply(list: readonly QuickReply[], code: string): QuickReply | undefined {
  const wanted = normaliseCode(code);
  return wanted ? list.find((r) => normaliseCode(r.code) === wanted) : undefined;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Replies of a group (and the shared ones), filtered by code or title; codes first. */
export function searchQuickReplies(list: readonly QuickReply[], query: string, group = ''): QuickReply[] {
  const q = fold(query.trim());
  const g = fold(group);
  return list
    .filter((r) => !g || !r.group || fold(r.group) === g)
    .filter((r) => !q || fold(r.code).includes(q) || fold(r.title).includes(q))
    .sort((a, b) => {
      const ac = q && fold(a.code).startsWith(q) ? 0 : 1;
      const bc = q && fold(b.code).startsWith(q) ? 0 : 1;
      return ac - bc || a.code.localeCompare(b.code);
    });
}

/** The variables a quick reply may use. */
export const QUICK_REPLY_VARIABLES = ['nama', 'id', 'petugas', 'topik', 'grup'] as const;
export type QuickReplyVariable = (typeof QUICK_REPLY_VARIABLES)[number];

/**
 * Fills `{nama}`, `{id}`, `{petugas}`, `{topik}` and `{grup}` (any case); other braces stay as
 * written. Values are inserted as text once: a value holding `{id}` is not filled again.
 */
export function fillQuickReply(body: string, vars: Partial<Record<QuickReplyVariable, string>>): string {
  return body.replace(/\{\s*([a-zA-Z]+)\s*\}/g, (whole, name: string) => {
    const key = name.toLowerCase() as QuickReplyVariable;
    return (QUICK_REPLY_VARIABLES as readonly string[]).includes(key) ? (vars[key] ?? '') : whole;
  });
}

export interface QuickReplyCommand {
  code: string;
  /** A session id typed after the code (`/j nib HK-2612-0001`), upper case; '' when quoted. */
  sessionId: string;
}

/** `/j <kode>` or `/j <kode> <ID>` (also `/jawab`); null for anything else. */
export function parseQuickReplyCommand(text: string): QuickReplyCommand | null {
  const m = /^\s*\/(?:j|jawab)(?:\s+(.*))?$/is.exec(String(text ?? ''));
  if (!m) return null;
  let rest = (m[1] ?? '').trim();
  let sessionId = '';
  const id = /(?:^|\s)(HK-\d{4}-\d{4,})\s*$/i.exec(rest);
  if (id) {
    sessionId = id[1].toUpperCase();
    rest = rest.slice(0, id.index).trim();
  }
  return { code: rest, sessionId };
}
