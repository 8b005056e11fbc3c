// UTF-8 sizes, as Apps Script counts Properties values (9 KB a value, in bytes).
import { storeBytes, truncateUtf8, utf8Length } from '../../../src/domain/text';

describe('utf8Length', () => {
  it('counts bytes as Buffer.byteLength does, whatever the script', () => {
    for (const s of ['halo', 'café', 'ꦲꦤꦕꦫꦏ', 'مرحبا', '😀🙏🏽', 'a😀b', '']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
    expect(utf8Length('\ud83d')).toBe(3); // a lone surrogate is written as U+FFFD
  });
});

describe('truncateUtf8', () => {
  it('cuts at a character boundary, never inside an emoji', () => {
    expect(truncateUtf8('😀😀😀', 9)).toBe('😀😀');
    expect(truncateUtf8('ab😀', 5)).toBe('ab');
    expect(truncateUtf8('ꦲꦤꦕ', 7)).toBe('ꦲꦤ');
    expect(truncateUtf8('halo', 10)).toBe('halo');
    const cut = truncateUtf8('😀'.repeat(3000), 7000);
    expect(Buffer.byteLength(cut, 'utf8')).toBe(7000);
  });
});

describe('storeBytes', () => {
  it('counts keys and values in UTF-8 bytes, or only the keys with a prefix', () => {
    const store = { 'q:a': 'é', 'q:b': '😀', other: 'xyz' };
    expect(storeBytes(store)).toBe(3 + 2 + 3 + 4 + 5 + 3);
    expect(storeBytes(store, 'q:')).toBe(3 + 2 + 3 + 4);
    expect(storeBytes({})).toBe(0);
  });
});
