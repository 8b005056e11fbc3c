// npm run bench: Apps Script service calls per operation at 1k / 10k / 100k sessions, with the
// estimated time from the cost model (dev/bench/cost-model.ts). `--json` for machines;
// `--sizes 1000,10000` to choose the sizes.

import { benchHelpdesk } from './helpdesk-bench';
import { benchWeeklyReport } from './report-bench';
import type { BenchRow } from './helpdesk-bench';

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
const sizes = sizesArg ? sizesArg.split(',').map(Number) : [1000, 10000, 100000];

const rows: BenchRow[] = [];
for (const n of sizes) rows.push(...benchHelpdesk(n));

const report = benchWeeklyReport({ sizes });

if (json) {
  console.log(JSON.stringify({ helpdesk: rows, weeklyReport: report }, null, 2));
} else {
  const cols: (keyof BenchRow)[] = [
    'operation',
    'sessions',
    'roundTrips',
    'cellsRead',
    'cellsWritten',
    'properties',
    'cache',
    'lock',
    'urlFetch',
    'mail',
    'secondsExcludingSends',
    'seconds',
  ];
  const head = [
    'operation',
    'Sesi rows',
    'round trips',
    'cells read',
    'cells written',
    'props',
    'cache',
    'lock',
    'urlfetch',
    'mail',
    'est. s (no sends)',
    'est. s',
  ];
  const table = [head, ...rows.map((r) => cols.map((c) => String(r[c])))];
  const widths = head.map((_, i) => Math.max(...table.map((t) => t[i].length)));
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
  console.log(
    '\nCost model: README, "Performance". Targets: menu step / chat message ≤ 3 round trips and equal at every size; status webhook and idle tick 0; ≤ 1 s per inbound message without the send.',
  );
}
