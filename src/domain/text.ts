/** Tolerant reading of what citizens type: case, accents, punctuation and spacing ignored. */
import { KEYWORDS } from '../messages/id';

/** Lower case, accents removed, every run of non-letters/digits turned into one space, trimmed. */
export function normalizeReply(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** True when the normalised text equals one of the normalised words. */
export function matchesWord(text: string | undefined, words: readonly string[]): boolean {
  if (text === undefined) return false;
  const norm = normalizeReply(text);
  return norm !== '' && words.some((word) => normalizeReply(word) === norm);
}

export interface NumberedReply {
  /** The number chosen. */
  number: number;
  /** Normalised words after the number (`'1. Konsultasi'` → `'konsultasi'`), possibly empty. */
  rest: string;
}

/**
 * Reads a numbered reply: `1`, ` 1.`, `(2)`, `1)`, `#1`, `nomor 1`, `satu`, `1️⃣`, or a number
 * followed by the option's words (`1 Konsultasi`). Null when the reply does not start with one.
 */
export function readNumber(text: string): NumberedReply | null {
  const tokens = normalizeReply(text)
    .split(' ')
    .filter((t) => t !== '');
  let i = 0;
  while (i < tokens.length - 1 && (KEYWORDS.numberPrefixes as readonly string[]).includes(tokens[i])) {
    i += 1;
  }
  const first = tokens[i];
  if (first === undefined) return null;
  let number: number | undefined;
  if (/^\d{1,3}$/.test(first)) number = Number(first);
  else if (Object.prototype.hasOwnProperty.call(KEYWORDS.numberWords, first)) {
    number = KEYWORDS.numberWords[first];
  }
  if (number === undefined) return null;
  return { number, rest: tokens.slice(i + 1).join(' ') };
}

/** Number of words of a normalised text. */
export function wordCount(norm: string): number {
  return norm === '' ? 0 : norm.split(' ').length;
}

/**
 * Bytes of `s` in UTF-8, as Apps Script counts a Properties value against its 9 KB limit: 1 for
 * ASCII, 2 up to U+07FF, 3 for the rest of the BMP (Javanese, Arabic …), 4 for a surrogate pair
 * (emoji). A lone surrogate counts 3 (it is written as U+FFFD).
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a Script Properties store (keys and values, as Google counts them), or of its keys with a prefix. */
export function storeBytes(all: Readonly<Record<string, string>>, prefix = ''): number {
  let n = 0;
  for (const [k, v] of Object.entries(all)) if (k.startsWith(prefix)) n += utf8Length(k) + utf8Length(v);
  return n;
}

/** The longest start of `s` of at most `maxBytes` UTF-8 bytes, never cutting a character in two. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (utf8Length(s) <= maxBytes) return s;
  let n = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (n + size > maxBytes) break;
    n += size;
    i += pair ? 2 : 1;
  }
  return s.slice(0, i);
}
