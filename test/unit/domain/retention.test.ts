import {
  CELL_LIMIT,
  capacityLevel,
  capacityPercent,
  capacityTransition,
  cellMatchesAddress,
  cutoffPeriod,
  deletionOrder,
  firstDifference,
  formatRowRanges,
  gridCells,
  hashRows,
  locateBatchRows,
  maskAddress,
  maskNumbersInText,
  messageArchiveYear,
  parseCitizenQuery,
  periodOf,
  periodStart,
  planBatch,
  redactLogText,
  retentionMonths,
  rowKey,
  sessionArchiveYear,
  sessionIdPeriod,
  shiftRow,
  toBlocks,
} from '../../../src/domain/retention';

const WIB = 420;
const at = (iso: string): number => Date.parse(iso);

describe('capacity of the spreadsheet', () => {
  it('counts every sheet grid, filled or not', () => {
    expect(
      gridCells([
        { rows: 1000, columns: 26 },
        { rows: 30001, columns: 9 },
      ]),
    ).toBe(26000 + 270009);
    expect(capacityPercent(7_000_000)).toBe(70);
    expect(capacityPercent(1234)).toBe(0);
    expect(CELL_LIMIT).toBe(10_000_000);
  });

  it('warns at 70 % and urgently at 85 %', () => {
    expect(capacityLevel(69.9)).toBe('ok');
    expect(capacityLevel(70)).toBe('warning');
    expect(capacityLevel(84.9)).toBe('warning');
    expect(capacityLevel(85)).toBe('critical');
  });

  it('tells the team once per threshold crossed upwards, not at every measurement', () => {
    expect(capacityTransition('ok', 50)).toEqual({ level: 'ok', notify: false });
    expect(capacityTransition('ok', 71)).toEqual({ level: 'warning', notify: true });
    expect(capacityTransition('warning', 72)).toEqual({ level: 'warning', notify: false });
    expect(capacityTransition('warning', 86)).toEqual({ level: 'critical', notify: true });
    expect(capacityTransition('ok', 90)).toEqual({ level: 'critical', notify: true });
    expect(capacityTransition('critical', 88)).toEqual({ level: 'critical', notify: false });
  });

  it('falls back only clearly below a threshold, so hovering at 70 % sends one warning', () => {
    expect(capacityTransition('warning', 69.5)).toEqual({ level: 'warning', notify: false });
    expect(capacityTransition('warning', 67.9)).toEqual({ level: 'ok', notify: false });
    expect(capacityTransition('critical', 84)).toEqual({ level: 'critical', notify: false });
    expect(capacityTransition('critical', 80)).toEqual({ level: 'warning', notify: false });
    expect(capacityTransition('critical', 40)).toEqual({ level: 'ok', notify: false });
  });
});

describe('retention period', () => {
  it('reads the setting as whole months, 12 when unreadable', () => {
    expect(retentionMonths('12')).toBe(12);
    expect(retentionMonths('6,5')).toBe(6);
    expect(retentionMonths('')).toBe(12);
    expect(retentionMonths('satu tahun')).toBe(12);
    expect(retentionMonths(null)).toBe(12);
  });

  it('keeps at least three months, so reports of the last 12 weeks can be made again', () => {
    expect(retentionMonths(0)).toBe(3);
    expect(retentionMonths('1')).toBe(3);
    expect(retentionMonths(3)).toBe(3);
    // On 23 November the cutoff is then August: the 12 weeks back from last week start in late August.
    expect(cutoffPeriod(at('2026-11-23T09:00:00+07:00'), WIB, retentionMonths(1))).toBe(202608);
  });

  it('archives whole local months older than N months', () => {
    const now = at('2026-03-15T10:00:00+07:00');
    expect(cutoffPeriod(now, WIB, 12)).toBe(202503);
    expect(cutoffPeriod(now, WIB, 3)).toBe(202512);
    expect(cutoffPeriod(now, WIB, 2)).toBe(202601);
    expect(cutoffPeriod(at('2026-01-01T00:30:00+07:00'), WIB, 1)).toBe(202512);
    // 31 December 17:30 UTC is already 1 January in Jakarta.
    expect(periodOf(at('2025-12-31T17:30:00Z'), WIB)).toBe(202601);
    expect(periodStart(202503, WIB)).toBe(at('2025-03-01T00:00:00+07:00'));
  });

  it('reads the month a session id was issued in', () => {
    expect(sessionIdPeriod('HK-2502-0042')).toBe(202502);
    expect(sessionIdPeriod('hk-2412-10001')).toBe(202412);
    expect(sessionIdPeriod('HK-2513-0001')).toBeNull();
    expect(sessionIdPeriod('MANUAL-1')).toBeNull();
  });
});

describe('which rows move to the archive', () => {
  const rule = { cutoff: 202503, offset: WIB, open: new Set(['HK-2501-0007']) };

  it('moves a session of an archived month to the archive of its year', () => {
    expect(sessionArchiveYear({ id: 'HK-2502-0001', startedAt: at('2025-02-10T09:00:00+07:00') }, rule)).toBe(
      2025,
    );
    expect(sessionArchiveYear({ id: 'HK-2412-0001', startedAt: null }, rule)).toBe(2024);
    expect(
      sessionArchiveYear({ id: 'HK-2503-0001', startedAt: at('2025-03-01T09:00:00+07:00') }, rule),
    ).toBeNull();
  });

  it('keeps a session that is still open, however old', () => {
    expect(
      sessionArchiveYear({ id: 'HK-2501-0007', startedAt: at('2025-01-10T09:00:00+07:00') }, rule),
    ).toBeNull();
    expect(
      messageArchiveYear({ sessionId: 'hk-2501-0007', at: at('2025-01-10T09:00:00+07:00') }, rule),
    ).toBeNull();
  });

  it('dates a manual session without an HK id by when it started', () => {
    expect(sessionArchiveYear({ id: 'TEL-1', startedAt: at('2024-06-01T09:00:00+07:00') }, rule)).toBe(2024);
    expect(sessionArchiveYear({ id: '', startedAt: null }, rule)).toBeNull();
  });

  it('moves a message with its session, even when the message itself is newer', () => {
    // The rating of a session of 28 February arrives on 1 March: it follows its session.
    expect(messageArchiveYear({ sessionId: 'HK-2502-0099', at: at('2025-03-01T08:00:00+07:00') }, rule)).toBe(
      2025,
    );
    // A session of 31 December 2024 keeps its messages of 1 January in the 2024 archive.
    expect(messageArchiveYear({ sessionId: 'HK-2412-0042', at: at('2025-01-01T00:10:00+07:00') }, rule)).toBe(
      2024,
    );
  });

  it('dates a message without a session by its own time', () => {
    expect(messageArchiveYear({ sessionId: '', at: at('2025-02-28T23:59:00+07:00') }, rule)).toBe(2025);
    expect(messageArchiveYear({ sessionId: '', at: at('2025-03-01T00:00:00+07:00') }, rule)).toBeNull();
    expect(messageArchiveYear({ sessionId: '', at: null }, rule)).toBeNull();
  });
});

describe('batch planning', () => {
  it('takes the due rows of one year from a window, and continues after them', () => {
    const plan = planBatch([2024, 2024, null, 2024, null], 2, 100);
    expect(plan).toEqual({ year: 2024, rows: [2, 3, 5], nextScan: 2 + 5 - 3 });
  });

  it('leaves rows of another year for the next batch and resumes at the first of them', () => {
    const plan = planBatch([2024, null, 2025, 2024, 2025], 10, 100);
    expect(plan.year).toBe(2024);
    expect(plan.rows).toEqual([10, 13]);
    // Row 12 (2025) is left; after row 10 is deleted it is at row 11.
    expect(plan.nextScan).toBe(11);
  });

  it('stops at the size limit', () => {
    const plan = planBatch([2024, 2024, 2024, 2024], 2, 3);
    expect(plan.rows).toEqual([2, 3, 4]);
    expect(plan.nextScan).toBe(2);
  });

  it('stops at the block limit', () => {
    const plan = planBatch([2024, null, 2024, null, 2024], 2, 100, 2);
    expect(plan.rows).toEqual([2, 4]);
    expect(plan.nextScan).toBe(4);
  });

  it('moves on past a window with nothing due', () => {
    expect(planBatch([null, null, null], 7, 100)).toEqual({ year: null, rows: [], nextScan: 10 });
  });

  it('deletes contiguous blocks from the bottom up', () => {
    expect(toBlocks([9, 2, 3, 4, 11, 10])).toEqual([
      { start: 2, count: 3 },
      { start: 9, count: 3 },
    ]);
    expect(deletionOrder([2, 3, 7])).toEqual([
      { start: 7, count: 1 },
      { start: 2, count: 2 },
    ]);
  });

  it('knows where a row is after rows above it were deleted', () => {
    const deleted = [
      { start: 10, count: 5 },
      { start: 2, count: 3 },
    ];
    expect(shiftRow(100, deleted)).toBe(92);
    expect(shiftRow(8, deleted)).toBe(5);
    expect(shiftRow(11, deleted)).toBe(0);
    expect(shiftRow(1, deleted)).toBe(1);
  });

  it('shows row numbers as ranges', () => {
    expect(formatRowRanges([2, 3, 4, 9, 11, 12])).toBe('2–4, 9, 11–12');
    expect(formatRowRanges([1, 3, 5], 2)).toBe('1, 3, …');
  });
});

describe('verification and recovery', () => {
  const d = (iso: string): Date => new Date(iso);

  it('compares dates by time, and tells a number from its text', () => {
    expect(rowKey([d('2025-01-01T00:00:00Z'), 'a'])).toBe(rowKey([d('2025-01-01T00:00:00Z'), 'a']));
    expect(rowKey(['0812'])).not.toBe(rowKey([812]));
    expect(rowKey([null, undefined, ''])).toBe(rowKey(['', '', '']));
  });

  it('finds the first row that differs', () => {
    expect(firstDifference([[1], [2]], [[1], [2]])).toBe(-1);
    expect(firstDifference([[1], [2]], [[1], [3]])).toBe(1);
    expect(firstDifference([[1], [2]], [[1]])).toBe(1);
  });

  it('finds a batch at its planned rows', () => {
    const region = [['a'], ['b'], ['c'], ['d']];
    expect(locateBatchRows(region, 2, [['b'], ['c']], [3, 4])).toEqual([3, 4]);
  });

  it('finds the rest of a batch after part of it was already deleted', () => {
    // Batch was rows 3–4 and 7; rows 7 was deleted before a crash: 'x' and 'y' moved up.
    const region = [['a'], ['b'], ['c'], ['d'], ['e'], ['x']];
    expect(locateBatchRows(region, 2, [['b'], ['c'], ['g']], [3, 4, 7])).toEqual([3, 4]);
  });

  it('finds nothing when the batch was already deleted', () => {
    const region = [['a'], ['d'], ['e']];
    expect(locateBatchRows(region, 2, [['b'], ['c']], [3, 4])).toEqual([]);
  });

  it('claims each archived row once, even with identical rows around', () => {
    const region = [['a'], ['a'], ['a']];
    expect(locateBatchRows(region, 2, [['a']], [3])).toEqual([3]);
  });

  it('matches source rows to a masked archive through the same masking', () => {
    const region = [
      ['6281234567890', 'halo'],
      ['6289999999999', 'halo'],
    ];
    const mask = (r: readonly unknown[]): unknown[] => [maskAddress(r[0]), r[1]];
    expect(locateBatchRows(region, 2, [['0812****7890', 'halo']], [2], mask)).toEqual([2]);
  });
});

describe('masking', () => {
  it('masks numbers and user ids in the archive', () => {
    expect(maskAddress('6281234567890')).toBe('0812****7890');
    expect(maskAddress(6281234567890)).toBe('0812****7890');
    expect(maskAddress('US.1234567890abcdef')).toBe('US.********');
    expect(maskAddress('')).toBe('');
    expect(maskAddress(new Date(0))).toEqual(new Date(0));
  });

  it('masks phone numbers inside a text and leaves other figures', () => {
    expect(maskNumbersInText('nomor 081234567890 dan +62 812-3456-7890')).toBe(
      'nomor 0812****7890 dan 0812****7890',
    );
    expect(maskNumbersInText('sesi HK-2502-0042, 30 menit, 2025-03-01')).toBe(
      'sesi HK-2502-0042, 30 menit, 2025-03-01',
    );
    expect(maskNumbersInText('kirim ke 6281234567890 gagal')).toBe('kirim ke 0812****7890 gagal');
  });
});

describe("a citizen's identity", () => {
  it('reads a number in any format, or a user id', () => {
    expect(parseCitizenQuery('0812-3456-7890')).toEqual({ kind: 'phone', key: '6281234567890' });
    expect(parseCitizenQuery(6281234567890)).toEqual({ kind: 'phone', key: '6281234567890' });
    expect(parseCitizenQuery(' US.13491208655302741918 ')).toEqual({
      kind: 'userId',
      key: 'US.13491208655302741918',
    });
    expect(parseCitizenQuery('')).toBeNull();
    expect(parseCitizenQuery('12')).toBeNull();
  });

  it('matches a number however the cell holds it, and no other number', () => {
    const ids = new Set(['6281234567890']);
    expect(cellMatchesAddress('6281234567890', ids)).toBe(true);
    expect(cellMatchesAddress('0812 3456 7890', ids)).toBe(true);
    expect(cellMatchesAddress('+62 812-3456-7890', ids)).toBe(true);
    expect(cellMatchesAddress(81234567890, ids)).toBe(true);
    expect(cellMatchesAddress(6281234567890, ids)).toBe(true);
    expect(cellMatchesAddress('6281234567891', ids)).toBe(false);
    expect(cellMatchesAddress('628123456789', ids)).toBe(false);
    expect(cellMatchesAddress('', ids)).toBe(false);
    expect(cellMatchesAddress('halo 6281234567890', ids)).toBe(false);
  });

  it('matches a user id exactly', () => {
    const ids = new Set(['US.1349']);
    expect(cellMatchesAddress('US.1349', ids)).toBe(true);
    expect(cellMatchesAddress('US.13490', ids)).toBe(false);
  });
});

describe('batch fingerprint', () => {
  it('changes when any cell of the batch changes', () => {
    const rows = [[new Date(0), 'HK-2502-0001', 'masuk', '6281234567890', 'halo']];
    expect(hashRows(rows)).toBe(hashRows([[new Date(0), 'HK-2502-0001', 'masuk', '6281234567890', 'halo']]));
    expect(hashRows(rows)).not.toBe(
      hashRows([[new Date(1), 'HK-2502-0001', 'masuk', '6281234567890', 'halo']]),
    );
    expect(hashRows([])).toBe('0:811c9dc5');
  });

  it('matches a number kept as text with its apostrophe', () => {
    expect(cellMatchesAddress("'6281234567890", new Set(['6281234567890']))).toBe(true);
  });
});

describe('log lines', () => {
  it('never carry a phone number or a secret', () => {
    expect(
      redactLogText('HTTP 400: {"reason":"target 6285711223344 invalid","token":"tok-ABCDEF123"}', [
        'tok-ABCDEF123',
        '',
        null,
      ]),
    ).toBe('HTTP 400: {"reason":"target 0857****3344 invalid","token":"***"}');
  });

  it('keep session ids, times and counts', () => {
    const line = 'Sesi HK-2611-0042: 3 pesan, 07:00–17:00, 7.100.000 sel (71%)';
    expect(redactLogText(line, ['abc'])).toBe(line);
  });
});
