/** SOP 000 V.11: the ordinal satisfaction rating asked after every session. */
import { MENU_ALIASES, RATING_LABELS } from '../messages/id';
import { normalizeReply, readNumber } from './text';
import type { Choice, ReplyInput } from './types';

export { RATING_LABELS };

export type Rating = 1 | 2 | 3 | 4;

export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function ratingLabel(rating: Rating): string {
  return RATING_LABELS[rating];
}

/** Interactive list rows, `rating:1` … `rating:4`, in the order of the numbered text. */
export function ratingChoices(): Choice[] {
  return RATINGS.map((rating) => ({ id: `rating:${rating}`, title: RATING_LABELS[rating] }));
}

function ratingByName(norm: string): Rating | null {
  if (norm === '') return null;
  for (const rating of RATINGS) {
    const names = [RATING_LABELS[rating], ...MENU_ALIASES.rating[rating]].map(normalizeReply);
    if (names.includes(norm)) return rating;
  }
  return null;
}

/**
 * Reads a rating: `4`, ` 4 `, `4.`, `empat`, `Sangat membantu`, `4 sangat membantu`, or the
 * choice id `rating:4`. Null when it is not one (the caller asks again or skips).
 */
export function parseRating(input: ReplyInput): Rating | null {
  const choiceId = input.choiceId?.trim();
  if (choiceId) {
    const m = /^rating:([1-4])$/.exec(choiceId);
    return m ? (Number(m[1]) as Rating) : null;
  }
  const text = input.text ?? '';
  const numbered = readNumber(text);
  if (numbered) {
    if (!isRating(numbered.number)) return null;
    if (numbered.rest === '' || ratingByName(numbered.rest) === numbered.number) return numbered.number;
    return null;
  }
  return ratingByName(normalizeReply(text));
}

/** Counts per level of a list of ratings. */
export function ratingCounts(ratings: readonly number[]): Record<Rating, number> {
  const counts: Record<Rating, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const rating of ratings) if (isRating(rating)) counts[rating] += 1;
  return counts;
}

/** Mean of the valid ratings, or null when there are none. */
export function meanRating(ratings: readonly number[]): number | null {
  const valid = ratings.filter(isRating);
  if (valid.length === 0) return null;
  return valid.reduce((sum: number, r) => sum + r, 0) / valid.length;
}
