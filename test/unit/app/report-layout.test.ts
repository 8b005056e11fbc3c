import { weeklyReport, type ReportSession } from '../../../src/domain/report';
import { LAYOUT_WIDTH, reportLayout } from '../../../src/app/report/layout';
import { idChange, idNumber, idPercent, summaryLines } from '../../../src/domain/report-text';
import { parseReportWeek } from '../../../src/domain/report-week';
import { JAKARTA_OFFSET, localMs } from '../../../src/domain/time';

const WIB = JAKARTA_OFFSET;
const at = (ymd: string, hhmm = '00:00'): number => localMs(ymd, hhmm, WIB);
const week = parseReportWeek('2026-W47', WIB)!;

function s(fields: Partial<ReportSession>): ReportSession {
  return {
    channel: 'WhatsApp',
    jenis: 'Konsultasi',
    bidang: 'UKM',
    topic: 'Modal',
    status: 'Selesai',
    startedAt: at('2026-11-18', '09:00'),
    connectedAt: at('2026-11-18', '09:01'),
    firstResponseAt: at('2026-11-18', '09:06'),
    endedAt: at('2026-11-18', '09:31'),
    closedBy: 'waktu habis',
    rating: 4,
    outOfHours: false,
    ...fields,
  };
}

const report = weeklyReport({
  week,
  sessions: [
    s({}),
    s({ jenis: 'Pengaduan', bidang: 'Koperasi', topic: 'SHU', rating: 3, closedBy: 'user' }),
    s({
      jenis: 'Pengaduan',
      bidang: 'UKM',
      topic: 'Izin usaha',
      rating: null,
      startedAt: at('2026-11-22', '23:50'),
    }),
  ],
  history: [{ week: '2026-W46', sessions: 2, complaints: 2 }],
});

describe('report numbers in Indonesian style', () => {
  it('groups thousands with dots and writes decimals with a comma', () => {
    expect(idNumber(12345)).toBe('12.345');
    expect(idNumber(2.8333, 2)).toBe('2,83');
    expect(idNumber(1234567.5, 1)).toBe('1.234.567,5');
    expect(idNumber(70, 2)).toBe('70');
    expect(idNumber(-3.5, 1)).toBe('-3,5');
  });

  it('writes rates and changes as percentages', () => {
    expect(idPercent(0.857)).toBe('85,7%');
    expect(idPercent(1)).toBe('100%');
    expect(idPercent(49 / 330)).toBe('14,8%');
    expect(idChange(0.29)).toBe('+29%');
    expect(idChange(-0.06)).toBe('-6%');
    expect(idChange(0)).toBe('0%');
  });
});

describe('email summary', () => {
  it('leads with sessions and complaints, gives the indicative IKM and the trend', () => {
    const lines = summaryLines(report);
    expect(lines[0]).toBe('• Jumlah sesi: 3 (konsultasi 1, pengaduan 2)');
    expect(lines[1]).toBe('• Jumlah pengaduan: 2 (koperasi 1, UKM 1)');
    expect(lines).toContain('• Waktu tunggu jawaban pertama petugas: median 6 menit, 90% sesi ≤ 6 menit');
    expect(lines).toContain('• Penilaian: 2 dari 3 sesi (67%), rata-rata 3,5 dari 4');
    expect(lines).toContain('• Indeks kepuasan (indikatif, skala IKM): 87,5 – mutu B (Baik)');
    expect(lines[lines.length - 1]).toBe(
      '• Dibanding rata-rata 4 minggu sebelumnya: sesi +50%, pengaduan 0%',
    );
  });

  it('says so when there is nothing to measure', () => {
    const empty = summaryLines(weeklyReport({ week, sessions: [] }));
    expect(empty).toContain('• Waktu tunggu jawaban pertama petugas: belum ada sesi yang dijawab');
    expect(empty).toContain('• Indeks kepuasan: belum ada penilaian minggu ini');
    expect(empty[empty.length - 1]).toBe(
      '• Dibanding rata-rata 4 minggu sebelumnya: sesi belum ada pembanding, pengaduan belum ada pembanding',
    );
  });
});

describe('report sheet layout', () => {
  const layout = reportLayout(report, at('2026-11-23', '07:05'));
  const rowOf = (label: string): number => layout.values.findIndex((r) => r[0] === label) + 1;

  it('titles the sheet with the week, its dates and when it was made', () => {
    expect(layout.values[0][0]).toBe('Laporan Mingguan HALO KOP-UKM – Minggu 2026-W47');
    expect(layout.values[1][0]).toBe(
      '16 November 2026 s.d. 22 November 2026 · dibuat 23 November 2026 07.05 WIB',
    );
  });

  it('has rows of equal width with a weight and a background for every cell', () => {
    for (const grid of [layout.values, layout.weights, layout.backgrounds]) {
      expect(grid).toHaveLength(layout.values.length);
      for (const row of grid) expect(row).toHaveLength(LAYOUT_WIDTH);
    }
  });

  it('highlights complaints and puts them before consultations', () => {
    const complaints = rowOf('Pengaduan');
    expect(complaints).toBeLessThan(rowOf('Konsultasi'));
    expect(layout.styles[complaints - 1]).toBe('highlight');
    expect(layout.values[complaints - 1][1]).toBe(2);
  });

  it('points each chart at its table, headers included', () => {
    const [jenisBidang, days, ratings, trend] = layout.charts;
    const cell = (row: number, col: number) => layout.values[row - 1][col - 1];
    expect(cell(jenisBidang.row, 1)).toBe('Jenis');
    expect(cell(jenisBidang.row + 1, 1)).toBe('Pengaduan');
    expect([cell(days.row, 2), cell(days.row, 3)]).toEqual(['Konsultasi', 'Pengaduan']);
    expect(cell(days.row + 7, 1)).toBe('Minggu, 22/11');
    expect(cell(days.row + 7, 3)).toBe(1);
    expect(days.stacked).toBe(true);
    expect(cell(ratings.row + 4, 1)).toBe('4 – Sangat membantu');
    expect(cell(trend.row + 5, 1)).toBe('2026-W47');
    expect(trend.kind).toBe('line');
    // Charts sit below the tables.
    for (const c of layout.charts) expect(c.anchorRow).toBeGreaterThan(layout.values.length);
  });

  it('labels the IKM indicative', () => {
    expect(layout.values[rowOf('Indeks kepuasan, skala IKM (indikatif)') - 1][1]).toBe(87.5);
    expect(layout.values[rowOf('Mutu pelayanan (indikatif)') - 1][1]).toBe('B – Baik');
    expect(
      layout.values.some((r) => String(r[0]).startsWith('Indikatif: dihitung dari satu pertanyaan')),
    ).toBe(true);
  });
});
