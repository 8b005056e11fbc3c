// npm run bench: Apps Script service calls per operation at 1k / 10k / 100k sessions, with the
// estimated time from the cost model (dev/emulator/cost.ts), and the trigger runtime of the minute
// `tick` over a busy day (dev/bench/day-bench.ts) against the 90 minutes a consumer account has.
// `--json` for machines; `--sizes=1000,10000` to choose the sizes; `--day-citizens=N` (default
// 300) for the day's citizens, `--day-citizens=0` to skip the day.

import { benchBusyDay } from './day-bench';
import { benchHelpdesk } from './helpdesk-bench';
import { benchWeeklyReport } from './report-bench';
import type { BenchRow } from './helpdesk-bench';

const round = (n: number): number => Math.round(n * 1000) / 1000;

const args = process.argv.slice(2);
const json = args.includes('--json');
const list = (name: string, fallback: number[]): number[] => {
  const arg = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return arg ? arg.split(',').map(Number) : fallback;
};
/** Rows of closed history in `Sesi` (`--sizes=`), and citizens with a conversation in progress (`--live=`). */
const sizes = list('sizes', [1000, 100000]);
const live = list('live', [1000, 100000]);

const rows: BenchRow[] = [];
for (const n of sizes) rows.push(...benchHelpdesk(n, 0));
for (const n of live) rows.push(...benchHelpdesk(1000, n));

const report = benchWeeklyReport({ sizes });
const dayArg = args.find((a) => a.startsWith('--day-citizens='))?.slice('--day-citizens='.length);
const dayCitizens = dayArg === undefined ? 300 : Number(dayArg);
const day = dayCitizens > 0 ? benchBusyDay({ citizens: dayCitizens }) : null;

if (json) {
  console.log(JSON.stringify({ helpdesk: rows, weeklyReport: report, busyDay: day }, null, 2));
} else {
  const columns: [string, (r: BenchRow) => string | number][] = [
    ['operation', (r) => r.operation],
    ['Sesi rows', (r) => r.sessions],
    ['live', (r) => r.live],
    ['round trips', (r) => r.roundTrips],
    ['searches', (r) => r.searches],
    ['cells read', (r) => r.cellsRead],
    ['cells written', (r) => r.cellsWritten],
    ['props', (r) => r.properties],
    ['cache', (r) => r.cache],
    ['lock', (r) => r.lock],
    ['urlfetch', (r) => r.urlFetch],
    ['mail', (r) => r.mail],
    ['s: sheets', (r) => round(r.terms.sheetReads + r.terms.sheetWrites)],
    ['flush', (r) => r.terms.flush],
    ['lock', (r) => r.terms.lock],
    ['cache', (r) => r.terms.cache],
    ['props', (r) => r.terms.properties],
    ['est. s (no sends)', (r) => r.secondsExcludingSends],
    ['est. s', (r) => r.seconds],
  ];
  const table = [columns.map(([h]) => h), ...rows.map((r) => columns.map(([, f]) => String(f(r))))];
  const widths = columns.map((_, i) => Math.max(...table.map((t) => t[i].length)));
  for (const t of table)
    console.log(t.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '));
  console.log('\nweekly report (the Monday tick; messages = 5 × sessions; Pesan is never read)');
  const rhead = [
    'Sesi rows',
    'Pesan rows',
    'round trips',
    'cells read',
    'cells written',
    'mail',
    'est. s',
    'Pesan untouched',
  ];
  const rtable = [
    rhead,
    ...report.map((r) =>
      [
        r.sessions,
        r.messages,
        r.roundTrips,
        r.cellsRead,
        r.cellsWritten,
        r.mail,
        r.estimatedSeconds,
        r.pesanUntouched,
      ].map(String),
    ),
  ];
  const rw = rhead.map((_, i) => Math.max(...rtable.map((t) => t[i].length)));
  for (const t of rtable) console.log(t.map((v, i) => v.padStart(rw[i])).join('  '));
  if (day) {
    console.log(
      `\nbusy day (Monday: ${day.citizens} citizens 07:00–16:30, half abandon their chat; a broadcast to ${day.subscribers} subscribers; the weekly report; tick every minute)`,
    );
    const dhead = [
      'ticks',
      'trigger runtime (min)',
      'consumer budget (min)',
      'longest tick (s)',
      'failed runs',
      'webhooks',
      'webhook time (min)',
    ];
    const dvals = [
      day.ticks,
      day.triggerMinutes,
      day.budgetMinutes,
      day.longestTickSeconds,
      day.failures.length,
      day.webhooks,
      day.webhookMinutes,
    ].map(String);
    const dw = dhead.map((h, i) => Math.max(h.length, dvals[i].length));
    console.log(dhead.map((h, i) => h.padStart(dw[i])).join('  '));
    console.log(dvals.map((v, i) => v.padStart(dw[i])).join('  '));
    console.log('where the trigger runtime goes (ticks grouped by the jobs that ran):');
    for (const j of day.byJobs.slice(0, 6))
      console.log(`${String(j.seconds).padStart(8)} s  ${String(j.ticks).padStart(5)} ticks  ${j.jobs}`);
  }
  console.log(
    '\nCost model: README, "Performance" (terms in seconds: sheets = round trips that read + buffered writes). Targets: an inbound message ≤ 3 round trips on a cache hit, ≤ 4 on a miss, equal at every size; status webhook and idle tick 0; ≤ 1 s per inbound message without the sends.',
  );
}
