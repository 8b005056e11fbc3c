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
