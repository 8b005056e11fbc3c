/**
 * DESIGN §5: the satisfaction index on the IKM scale of PermenPAN-RB 14/2017 (indicative: one
 * question instead of the nine-element survey). IKM = mean of the 1–4 ratings × 25.
 */
import { meanRating, type Rating, ratingCounts } from './rating';

export type IkmGrade = 'A' | 'B' | 'C' | 'D';
export type IkmLabel = 'Sangat Baik' | 'Baik' | 'Kurang Baik' | 'Tidak Baik';

export interface IkmBand {
  grade: IkmGrade;
  label: IkmLabel;
}

/** Rounds to 2 decimals, half away from zero, robust to binary noise (76.605 → 76.61). */
export function round2(value: number): number {
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(value) * 100 + 1e-7)) / 100;
}

/** The IKM value (25–100) of a mean rating (1–4), rounded to 2 decimals. */
export function ikmValue(meanOf1to4: number): number {
  return round2(meanOf1to4 * 25);
}

/**
 * PermenPAN-RB 14/2017: A 88.31–100 Sangat Baik, B 76.61–88.30 Baik, C 65.00–76.60 Kurang Baik,
 * D 25.00–64.99 Tidak Baik; compared on the value rounded to 2 decimals. Null when there is no
 * value (no ratings) or it lies outside 25–100.
 */
export function ikmBand(value: number | null | undefined): IkmBand | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const v = round2(value);
  if (v < 25 || v > 100) return null;
  if (v >= 88.31) return { grade: 'A', label: 'Sangat Baik' };
  if (v >= 76.61) return { grade: 'B', label: 'Baik' };
  if (v >= 65) return { grade: 'C', label: 'Kurang Baik' };
  return { grade: 'D', label: 'Tidak Baik' };
}

export interface RatingSummary {
  /** Valid ratings counted. */
  count: number;
  counts: Record<Rating, number>;
  /** Mean of 1–4, rounded to 2 decimals; null without ratings. */
  mean: number | null;
  ikm: number | null;
  band: IkmBand | null;
}

/** The report's rating figures from raw ratings (invalid entries ignored). */
export function summarizeRatings(ratings: readonly number[]): RatingSummary {
  const counts = ratingCounts(ratings);
  const count = counts[1] + counts[2] + counts[3] + counts[4];
  const mean = meanRating(ratings);
  const ikm = mean === null ? null : ikmValue(mean);
  return { count, counts, mean: mean === null ? null : round2(mean), ikm, band: ikmBand(ikm) };
}
