// Performance goals are service-call counts (npm run bench prints the figures): no scan on the hot
// path, so a turn costs the same at 100k rows of history, and with 100k conversations in progress,
// as at 1k.
import { benchBusyDay } from '../../dev/bench/day-bench';
import type { BenchRow } from '../../dev/bench/helpdesk-bench';
import { benchHelpdesk } from '../../dev/bench/helpdesk-bench';
import { requireBuild } from '../support/app';

describe('hot-path service calls (the figures of npm run bench)', () => {
  jest.setTimeout(300000);
  beforeAll(requireBuild);
  const runs: Record<string, BenchRow[]> = {};
  beforeAll(() => {
    runs['1k rows'] = benchHelpdesk(1000);
    runs['100k rows'] = benchHelpdesk(100000);
    runs['100k live'] = benchHelpdesk(1000, 100000);
  });
  const find = (rows: BenchRow[], op: string): BenchRow => rows.find((r) => r.operation === op)!;
  const hits = ['menu step', 'menu step (connect)', 'chat message'];
  const misses = ['menu step (cache miss)', 'chat message (cache miss)'];

  it.each(hits)('%s: at most 3 round trips on a cache hit, the same at every size', (op) => {
    const a = find(runs['1k rows'], op);
    expect(a.roundTrips).toBeLessThanOrEqual(3);
    expect(a.secondsExcludingSends).toBeLessThanOrEqual(1);
    for (const size of ['100k rows', '100k live']) {
      const b = find(runs[size], op);
      expect([size, b.roundTrips, b.cellsRead]).toEqual([size, a.roundTrips, a.cellsRead]);
    }
  });

  it("a new citizen's first message: one search for a conversation (4 round trips), the same at every size", () => {
    const op = 'first message (new citizen)';
    const a = find(runs['1k rows'], op);
    expect(a.roundTrips).toBe(4);
    expect(a.searches).toBe(1);
    for (const size of ['100k rows', '100k live']) expect(find(runs[size], op).roundTrips).toBe(a.roundTrips);
  });

  it.each(misses)(
    '%s: the cell found by one search is read once (a hit + 2), the same at every size',
    (op) => {
      const a = find(runs['1k rows'], op);
      const hit = find(runs['1k rows'], op.replace(' (cache miss)', ''));
      expect(a.roundTrips).toBe(hit.roundTrips + 2);
      expect(a.cellsRead).toBe(1);
      for (const size of ['100k rows', '100k live']) {
        const b = find(runs[size], op);
        expect([size, b.roundTrips, b.cellsRead]).toEqual([size, a.roundTrips, a.cellsRead]);
      }
    },
  );

  it('a delivered status and an idle tick touch no sheet', () => {
    for (const rows of Object.values(runs)) {
      expect(find(rows, 'status webhook (delivered)').roundTrips).toBe(0);
      expect(find(rows, 'idle tick').roundTrips).toBe(0);
    }
  });

  it('expiring sessions costs one read of the live window and one row write each, independent of the history', () => {
    const op = runs['1k rows'].find((r) => r.operation.startsWith('tick expiring'))!.operation;
    const a = find(runs['1k rows'], op);
    expect(find(runs['100k rows'], op).roundTrips).toBe(a.roundTrips);
    // The window holds today's conversations only: the same cells at 100k rows of history as at 1k.
    expect(find(runs['100k rows'], op).cellsRead).toBe(a.cellsRead);
    expect(a.cellsRead).toBeLessThan(50);
    expect(find(runs['100k live'], op).roundTrips).toBe(a.roundTrips);
  });
});

describe('a busy day on a consumer account (trigger runtime 90 min a day)', () => {
  jest.setTimeout(240000);
  beforeAll(requireBuild);

  it('keeps the minute tick well inside the daily trigger budget, with no failed run', () => {
    // The emulator counts each trigger run's emulated duration toward its owner's quota.
    const day = benchBusyDay({ citizens: 40, subscribers: 500, history: 1000 });
    expect(day.ticks).toBe(1440);
    expect(day.failures).toEqual([]);
    expect(day.triggerMinutes).toBeGreaterThan(1);
    expect(day.triggerMinutes).toBeLessThan(day.budgetMinutes / 3);
    // No single tick comes near the 6-minute limit.
    expect(day.longestTickSeconds).toBeLessThan(60);
  });
});
