import {
  decodeCell,
  doneCell,
  escapeRegex,
  liveCell,
  lookupPattern,
} from '../../../src/domain/conversation-cell';

// What TextFinder does with `useRegularExpression(true).matchCase(true)` on one cell.
const finds = (pattern: string, cell: string): boolean => new RegExp(pattern).test(cell);

describe('the Status Percakapan cell', () => {
  it('round-trips a live state, whatever the citizen wrote', () => {
    const state = { sessionId: 'HK-2611-0001', firstMessage: 'a | b |6281| "x"', n: 3 };
    const cell = liveCell('6281234567890', state);
    expect(cell.startsWith('|6281234567890|')).toBe(true);
    expect(cell.indexOf('|', 15)).toBe(-1); // no other bar: `|<key>|` only ever starts a cell
    expect(decodeCell(cell)).toEqual({ kind: 'live', userKey: '6281234567890', state });
  });

  it('keeps user ids with any character', () => {
    const key = 'US.a|b c/ü';
    expect(decodeCell(liveCell(key, { x: 1 }))).toEqual({ kind: 'live', userKey: key, state: { x: 1 } });
  });

  it('keeps the last ids of a conversation that ended', () => {
    const ids = ['wamid.A=', 'fonnte:628:0:5:abc:halo kak@1', 'x', 'dropped'];
    expect(decodeCell(doneCell(ids))).toEqual({ kind: 'done', ids: ids.slice(0, 3) });
    expect(decodeCell(doneCell([]))).toEqual({ kind: 'done', ids: [] });
  });

  it('reads anything else as empty', () => {
    for (const v of ['', 'Menu', 0, null, undefined, '|broken', '|628|{not json']) {
      expect(decodeCell(v)).toEqual({ kind: 'empty' });
    }
  });

  it("one search finds the citizen's live cell or a done cell with one of the ids, nothing else", () => {
    const pattern = lookupPattern('6281234567890', ['wamid.A1', 'wamid.B+2']);
    expect(finds(pattern, liveCell('6281234567890', { a: 1 }))).toBe(true);
    expect(finds(pattern, doneCell(['wamid.zz', 'wamid.B+2']))).toBe(true);
    expect(finds(pattern, doneCell(['wamid.A1']))).toBe(true);
    // Another citizen whose number contains this one, or whose text mentions it.
    expect(finds(pattern, liveCell('16281234567890', { a: 1 }))).toBe(false);
    expect(finds(pattern, liveCell('628123456789', { a: 1 }))).toBe(false);
    expect(finds(pattern, liveCell('6289', { t: '|6281234567890|' }))).toBe(false);
    // Ids that only share a prefix or differ in case.
    expect(finds(pattern, doneCell(['wamid.A10']))).toBe(false);
    expect(finds(pattern, doneCell(['WAMID.A1']))).toBe(false);
    expect(finds(pattern, doneCell(['wamidxA1']))).toBe(false);
    expect(finds(lookupPattern('628', []), doneCell(['628']))).toBe(false);
  });

  it('escapes every regular-expression character', () => {
    const s = 'a.b*c+d?e(f)g[h]i{j}k|l^m$n\\o';
    expect(new RegExp(`^${escapeRegex(s)}$`).test(s)).toBe(true);
  });
});
