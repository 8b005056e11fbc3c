import { ikmBand, ikmValue, round2, summarizeRatings } from '../../../src/domain/ikm';
import {
  meanRating,
  parseRating,
  RATING_LABELS,
  ratingChoices,
  ratingCounts,
  ratingLabel,
} from '../../../src/domain/rating';

describe('rating (SOP 000 V.11)', () => {
  it('has the four ordinal levels', () => {
    expect(RATING_LABELS).toEqual({
      1: 'Tidak membantu',
      2: 'Kurang membantu',
      3: 'Cukup membantu',
      4: 'Sangat membantu',
    });
    expect(ratingLabel(3)).toBe('Cukup membantu');
  });

  it("accepts '4', ' 4 ', '4.' and 'sangat membantu'", () => {
    for (const text of [
      '4',
      ' 4 ',
      '4.',
      '(4)',
      'empat',
      'sangat membantu',
      'Sangat Membantu',
      'SANGAT',
      '4. Sangat membantu',
    ]) {
      expect(parseRating({ text })).toBe(4);
    }
    expect(parseRating({ text: '1' })).toBe(1);
    expect(parseRating({ text: 'tidak membantu' })).toBe(1);
    expect(parseRating({ text: 'kurang' })).toBe(2);
    expect(parseRating({ text: 'cukup membantu' })).toBe(3);
  });

  it('accepts the interactive choice ids', () => {
    expect(parseRating({ choiceId: 'rating:4' })).toBe(4);
    expect(parseRating({ choiceId: 'rating:1', text: 'Tidak membantu' })).toBe(1);
    expect(parseRating({ choiceId: 'rating:5' })).toBeNull();
    expect(parseRating({ choiceId: 'jenis:1' })).toBeNull();
  });

  it('rejects anything else', () => {
    for (const text of ['', '0', '5', '10', 'tidak', 'terima kasih', '4 kurang membantu', 'menu']) {
      expect(parseRating({ text })).toBeNull();
    }
  });

  it('offers the levels as list rows within 24 characters', () => {
    const choices = ratingChoices();
    expect(choices.map((c) => c.id)).toEqual(['rating:1', 'rating:2', 'rating:3', 'rating:4']);
    expect(choices[3].title).toBe('Sangat membantu');
    for (const c of choices) expect(c.title.length).toBeLessThanOrEqual(24);
  });

  it('counts and averages ratings, ignoring invalid entries', () => {
    expect(ratingCounts([4, 4, 3, 1, 7])).toEqual({ 1: 1, 2: 0, 3: 1, 4: 2 });
    expect(meanRating([4, 3])).toBe(3.5);
    expect(meanRating([])).toBeNull();
  });
});

describe('IKM (PermenPAN-RB 14/2017)', () => {
  it('is the mean of 1–4 times 25, rounded to 2 decimals', () => {
    expect(ikmValue(4)).toBe(100);
    expect(ikmValue(1)).toBe(25);
    expect(ikmValue(3.5)).toBe(87.5);
    expect(ikmValue(10 / 3)).toBe(83.33);
    expect(ikmValue(3.0642)).toBe(76.61);
    expect(round2(76.605)).toBe(76.61);
  });

  it('IKM 76.60 is C and 76.61 is B', () => {
    expect(ikmBand(76.6)).toEqual({ grade: 'C', label: 'Kurang Baik' });
    expect(ikmBand(76.61)).toEqual({ grade: 'B', label: 'Baik' });
  });

  it('IKM 88.30 is B and 88.31 is A', () => {
    expect(ikmBand(88.3)).toEqual({ grade: 'B', label: 'Baik' });
    expect(ikmBand(88.31)).toEqual({ grade: 'A', label: 'Sangat Baik' });
  });

  it('IKM 65.00 is C and 64.99 is D', () => {
    expect(ikmBand(65)).toEqual({ grade: 'C', label: 'Kurang Baik' });
    expect(ikmBand(64.99)).toEqual({ grade: 'D', label: 'Tidak Baik' });
  });

  it('IKM 100 is A and 25 is D', () => {
    expect(ikmBand(100)).toEqual({ grade: 'A', label: 'Sangat Baik' });
    expect(ikmBand(25)).toEqual({ grade: 'D', label: 'Tidak Baik' });
  });

  it('compares on the value rounded to 2 decimals', () => {
    expect(ikmBand(76.604)?.grade).toBe('C');
    expect(ikmBand(76.605)?.grade).toBe('B');
    expect(ikmBand(88.3049)?.grade).toBe('B');
    expect(ikmBand(64.995)?.grade).toBe('C');
  });

  it('has no band without ratings or outside 25–100', () => {
    expect(ikmBand(null)).toBeNull();
    expect(ikmBand(undefined)).toBeNull();
    expect(ikmBand(Number.NaN)).toBeNull();
    expect(ikmBand(24.99)).toBeNull();
    expect(ikmBand(100.01)).toBeNull();
  });

  it('summarises a week of ratings', () => {
    expect(summarizeRatings([4, 4, 3, 2])).toEqual({
      count: 4,
      counts: { 1: 0, 2: 1, 3: 1, 4: 2 },
      mean: 3.25,
      ikm: 81.25,
      band: { grade: 'B', label: 'Baik' },
    });
    expect(summarizeRatings([])).toEqual({
      count: 0,
      counts: { 1: 0, 2: 0, 3: 0, 4: 0 },
      mean: null,
      ikm: null,
      band: null,
    });
  });
});
