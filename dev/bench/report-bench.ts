// Benchmark of the weekly report (DESIGN §5, issue 6) on big sheets: an emulator holding 1k / 10k /
// 100k sessions (and five messages per session in `Pesan`), the report job run through the built
// bundle on a Monday 07:05, and what it cost: SpreadsheetApp round trips, cells read and written,
// and an estimate of the seconds on Google from a cost model (replaceable by the lead's).
//
//   npx tsx dev/bench/report-bench.ts [sizes…]      e.g. 1000 10000 100000

import { LocalApp } from '../runtime/local-app';
import { TOPICS as DOMAIN_TOPICS } from '../../src/domain/menu';
import { estimate } from './cost-model';

export interface ReportBenchRow {
  sessions: number;
  messages: number;
  /** Sessions in the reported week. */
  weekSessions: number;
  roundTrips: number;
  cellsRead: number;
  cellsWritten: number;
  /** Emails sent (MailApp.sendEmail). */
  mail: number;
  properties: number;
  cache: number;
  /** Every service call of the execution. */
  calls: number;
  estimatedSeconds: number;
  /** The five most frequent methods. */
  topMethods: [string, number][];
  /** `Pesan` was not read (no getValues of its rows). */
  pesanUntouched: boolean;
}

export interface ReportBenchOptions {
  sizes?: number[];
  messagesPerSession?: number;
  /** Weeks the sessions are spread over, ending with the reported week. */
  weeks?: number;
  /** Path of the bundle (default build/Code.js). */
  codePath?: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Monday 16 November 2026 00:00 WIB: the reported week is 2026-W47. */
const WEEK_START = Date.parse('2026-11-16T00:00:00+07:00');
const REPORT_AT = '2026-11-23T07:05:00+07:00';
const TOPICS: Record<string, readonly string[]> = DOMAIN_TOPICS;

/** A small deterministic generator, so every run builds the same sheets. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fills `Sesi` and `Pesan` directly in the emulator's model (no script calls counted). */
function fillSheets(app: LocalApp, sessions: number, perSession: number, weeks: number): number {
  const rnd = random(sessions);
  const ss = app.emu.spreadsheet;
  const sesi = ss.sheet('Sesi');
  const pesan = ss.sheet('Pesan');
  const span = weeks * 7 * DAY;
  const first = WEEK_START + 7 * DAY - span;
  const sessionRows: unknown[][] = [];
  const messageRows: unknown[][] = [];
  let inWeek = 0;
  for (let i = 0; i < sessions; i += 1) {
    // Evenly spread in time order, as the product appends them.
    const start = first + Math.floor(((i + rnd()) * span) / sessions);
    if (start >= WEEK_START) inWeek += 1;
    const jenis = rnd() < 0.3 ? 'Pengaduan' : 'Konsultasi';
    const bidang = rnd() < 0.5 ? 'Koperasi' : 'UKM';
    const topics = TOPICS[bidang];
    const phone = `6281${String(100000000 + i).slice(1)}`;
    const conn = start + 2 * MINUTE;
    const resp = conn + Math.floor(rnd() * 60) * MINUTE;
    const end = conn + 30 * MINUTE;
    const rated = rnd() < 0.6;
    const id = `HK-2611-${String(i + 1).padStart(4, '0')}`;
    sessionRows.push([
      id,
      rnd() < 0.9 ? 'WhatsApp' : 'Telepon',
      `'${phone}`,
      'Warga',
      jenis,
      bidang,
      topics[Math.floor(rnd() * topics.length)],
      'Selesai',
      '', // Status Percakapan: a closed session keeps none
      new Date(start),
      new Date(conn),
      new Date(resp),
      new Date(end),
      rnd() < 0.5 ? 'waktu habis' : 'user',
      'Petugas',
      rated ? 1 + Math.floor(rnd() * 4) : '',
      '',
      '',
      `u:${phone}`,
      rnd() < 0.2,
    ]);
    for (let k = 0; k < perSession; k += 1) {
      messageRows.push([
        new Date(start + k * MINUTE),
        id,
        k % 2 === 0 ? 'masuk' : 'keluar',
        `'${phone}`,
        'text',
        'Pesan contoh',
        `wamid.${i}.${k}`,
        'terkirim',
        k % 2 === 0 ? 'warga' : 'bot',
      ]);
    }
  }
  // Sheets trimmed to their columns, as a big spreadsheet must be to stay under 10 million cells
  // (500k messages × 26 default columns would not fit).
  const grow = (sheet: typeof sesi, rows: number): void => {
    const width = sheet.lastColumn();
    if (sheet.maxCols > width) sheet.deleteColumns(width + 1, sheet.maxCols - width);
    if (sheet.maxRows < rows + 1) sheet.insertRowsAfter(sheet.maxRows, rows + 1 - sheet.maxRows);
  };
  const write = (sheet: typeof sesi, rows: unknown[][]): void => {
    grow(sheet, rows.length);
    for (let i = 0; i < rows.length; i += 10_000) sheet.setValues(`A${2 + i}`, rows.slice(i, i + 10_000));
  };
  write(sesi, sessionRows);
  if (messageRows.length) write(pesan, messageRows);
  return inWeek;
}

/** One size: a fresh emulator, filled, the Monday job run once; the report's execution measured. */
export function benchOne(sessions: number, opts: ReportBenchOptions = {}): ReportBenchRow {
  const perSession = opts.messagesPerSession ?? 5;
  const app = new LocalApp({
    now: Date.parse('2026-11-20T09:00:00+07:00'),
    userEmail: 'admin@diskopukm.example',
    ...(opts.codePath ? { codePath: opts.codePath } : {}),
  });
  app.configure();
  app.setup();
  app.appendRows('Penanggung Jawab', [
    { Grup: 'Pelaporan', Nama: 'Tim Pelaporan', Email: 'lapor@diskopukm.example', Aktif: true },
  ]);
  app.tick(); // plans the report (baseline) without writing one
  const weekSessions = fillSheets(app, sessions, perSession, opts.weeks ?? 104);
  // Other jobs run at 06:59, so the 07:05 tick runs the report alone.
  app.setNow(Date.parse(REPORT_AT) - 6 * MINUTE);
  app.tick();
  app.setNow(REPORT_AT);
  const pesanRows = app.emu.spreadsheet.sheet('Pesan').lastRow();
  const { result, calls } = app.tick();
  const ran = result.ran.find((r) => r.job === 'laporan-mingguan');
  if (!ran || ran.error) throw new Error(`report did not run: ${JSON.stringify(result)}`);
  const top = Object.entries(calls.byMethod)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  return {
    sessions,
    messages: pesanRows - 1,
    weekSessions,
    roundTrips: calls.roundTrips,
    cellsRead: calls.cellsRead,
    cellsWritten: calls.cellsWritten,
    mail: calls.byMethod['MailApp.sendEmail'] ?? 0,
    properties: calls.properties,
    cache: calls.cache,
    calls: calls.total,
    estimatedSeconds: Math.round(estimate(calls).total * 10) / 10,
    topMethods: top,
    // Reading all of Pesan would move at least its rows × 9 cells.
    pesanUntouched: calls.cellsRead < (pesanRows - 1) * 9 || pesanRows <= 1,
  };
}

/** `npm run bench` entry: the report at 1k / 10k / 100k sessions. */
export function benchWeeklyReport(opts: ReportBenchOptions = {}): ReportBenchRow[] {
  return (opts.sizes ?? [1_000, 10_000, 100_000]).map((n) => benchOne(n, opts));
}

function printTable(rows: ReportBenchRow[]): void {
  console.log('weekly report (one Monday tick; emulator counts; seconds = cost model estimate)');
  console.table(
    rows.map((r) => ({
      sessions: r.sessions,
      messages: r.messages,
      'week sessions': r.weekSessions,
      'round trips': r.roundTrips,
      'cells read': r.cellsRead,
      'cells written': r.cellsWritten,
      'est. seconds': r.estimatedSeconds,
      'Pesan untouched': r.pesanUntouched,
    })),
  );
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  printTable(benchWeeklyReport(sizes.length ? { sizes } : {}));
}
