// store/cells.ts: values crossing into Sheets keep their text (Sheets parses a written string as
// typed input: `=x` would be a formula, `0812…` a number without its zero), and cells read back
// become text, times, numbers and booleans the same way whatever Sheets stored.
import { runInNewContext } from 'node:vm';
import type { ColumnDef } from '../../../src/store/schema';
import {
  asText,
  cellBool,
  cellNumber,
  cellText,
  cellTime,
  encodeCell,
  isDate,
} from '../../../src/store/cells';

const column = (type: ColumnDef['type']): ColumnDef => ({ key: 'x', header: 'X', type });

describe('asText: strings Sheets would parse get an apostrophe', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+6281234567890', "'+6281234567890"],
    ['-5', "'-5"],
    ['@budi', "'@budi"],
    ["'kutip", "''kutip"],
    ['081234567890', "'081234567890"],
    ['1.000,50', "'1.000,50"],
    ['12%', "'12%"],
    [' 42 ', "' 42 "],
    ['TRUE', "'TRUE"],
    ['false', "'false"],
    ['2026-11-23', "'2026-11-23"],
    ['23/11/2026', "'23/11/2026"],
    ['12/5', "'12/5"],
  ])('%s → %s', (value, written) => {
    expect(asText(value)).toBe(written);
  });

  it.each(['Halo', 'Modal usaha', 'HK-2611-0001', '2026-W47', '12 orang', 'Jl. Raya 5', '', 'trueish'])(
    'leaves %j as it is',
    (value) => {
      expect(asText(value)).toBe(value);
    },
  );
});

describe('asText: what it does not escape', () => {
  // Sheets would read these as a number and a time. Text columns do not need asText (they are
  // plain text); the archive, which copies any column, escapes every string itself.
  it.each(['1e5', '12:30'])('%s is left as it is', (value) => {
    expect(asText(value)).toBe(value);
  });
});

describe('encodeCell: a record value for its column', () => {
  it('writes text columns verbatim (setup formats them as plain text, where an apostrophe would stay)', () => {
    expect(encodeCell(column('text'), '=1+1')).toBe('=1+1');
    expect(encodeCell(column('text'), '0812')).toBe('0812');
  });

  it('escapes strings elsewhere, and passes numbers, dates and empty values through', () => {
    expect(encodeCell(column('number'), '0812')).toBe("'0812");
    expect(encodeCell(column('list'), 'Aktif')).toBe('Aktif');
    expect(encodeCell(column('any'), '=x')).toBe("'=x");
    expect(encodeCell(column('number'), 12)).toBe(12);
    const at = new Date(0);
    expect(encodeCell(column('datetime'), at)).toBe(at);
    expect(encodeCell(column('list'), '')).toBe('');
    expect(encodeCell(column('text'), null)).toBe('');
    expect(encodeCell(column('text'), undefined)).toBe('');
  });

  it('writes checkboxes as booleans: true and TRUE are checked, anything else is not', () => {
    expect(encodeCell(column('checkbox'), true)).toBe(true);
    expect(encodeCell(column('checkbox'), 'TRUE')).toBe(true);
    expect(encodeCell(column('checkbox'), 'ya')).toBe(false);
    expect(encodeCell(column('checkbox'), false)).toBe(false);
  });
});

describe('reading cells back', () => {
  it('recognises dates, also those made in another V8 context (the bundle runs in one)', () => {
    expect(isDate(new Date(0))).toBe(true);
    expect(isDate(runInNewContext('new Date(0)'))).toBe(true);
    expect(isDate('2026-11-23')).toBe(false);
    expect(isDate(0)).toBe(false);
  });

  it('cellText: empty for null, ISO for dates, the string of anything else', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 10, 23, 2)))).toBe('2026-11-23T02:00:00.000Z');
    expect(cellText(new Date(NaN))).toBe('');
    expect(cellText(42)).toBe('42');
    expect(cellText(false)).toBe('false');
  });

  it('cellTime: epoch ms of dates, large numbers and parseable text; null otherwise', () => {
    const ms = Date.parse('2026-11-23T09:00:00+07:00');
    expect(cellTime(new Date(ms))).toBe(ms);
    expect(cellTime(new Date(NaN))).toBeNull();
    expect(cellTime(ms)).toBe(ms);
    expect(cellTime(45000)).toBeNull();
    expect(cellTime('2026-11-23T09:00:00+07:00')).toBe(ms);
    expect(cellTime('kemarin')).toBeNull();
    expect(cellTime('')).toBeNull();
    expect(cellTime(null)).toBeNull();
  });

  it('cellNumber: finite numbers, text with a decimal comma; null otherwise', () => {
    expect(cellNumber(5)).toBe(5);
    expect(cellNumber(NaN)).toBeNull();
    expect(cellNumber(Infinity)).toBeNull();
    expect(cellNumber(' 2,5 ')).toBe(2.5);
    expect(cellNumber('1200')).toBe(1200);
    expect(cellNumber('lima')).toBeNull();
    expect(cellNumber('')).toBeNull();
    expect(cellNumber(true)).toBeNull();
  });

  it('cellBool: true, and the texts TRUE, ya and 1 (any case, spaces around)', () => {
    expect(cellBool(true)).toBe(true);
    expect(cellBool('TRUE')).toBe(true);
    expect(cellBool(' Ya ')).toBe(true);
    expect(cellBool('1')).toBe(true);
    expect(cellBool('tidak')).toBe(false);
    expect(cellBool(1)).toBe(false);
    expect(cellBool(false)).toBe(false);
    expect(cellBool('')).toBe(false);
  });
});
