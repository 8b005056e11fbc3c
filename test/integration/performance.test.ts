// Performance goals are service-call counts (npm run bench prints the figures): no scan on the hot
// path, so a menu step costs the same at 100k sessions as at 1k.
import { benchHelpdesk } from '../../dev/bench/helpdesk-bench';
import { requireBuild } from '../support/app';

describe('hot-path service calls (the figures of npm run bench)', () => {
  jest.setTimeout(120000);
  beforeAll(requireBuild);
  let small: ReturnType<typeof benchHelpdesk>;
  let large: ReturnType<typeof benchHelpdesk>;
  beforeAll(() => {
    small = benchHelpdesk(1000);
    large = benchHelpdesk(100000);
  });
  const find = (rows: ReturnType<typeof benchHelpdesk>, op: string) => rows.find((r) => r.operation === op)!;

  it.each(['menu step', 'menu step (connect)', 'chat message'])(
    '%s: at most 3 round trips, the same at 100k rows as at 1k',
    (op) => {
      const a = find(small, op);
      const b = find(large, op);
      expect(a.roundTrips).toBeLessThanOrEqual(3);
      expect(b.roundTrips).toBe(a.roundTrips);
      expect(b.cellsRead).toBe(a.cellsRead);
      expect(b.secondsExcludingSends).toBeLessThanOrEqual(1);
    },
  );

  it('a delivered status and an idle tick touch no sheet', () => {
    for (const rows of [small, large]) {
      expect(find(rows, 'status webhook (delivered)').roundTrips).toBe(0);
      expect(find(rows, 'idle tick').roundTrips).toBe(0);
    }
  });

  it('expiring sessions costs one read of the live window and one row write each, independent of the sheet size', () => {
    const op = small.find((r) => r.operation.startsWith('tick expiring'))!.operation;
    expect(find(large, op).roundTrips).toBe(find(small, op).roundTrips);
    // The window holds today's conversations only: the same cells at 100k rows as at 1k.
    expect(find(large, op).cellsRead).toBe(find(small, op).cellsRead);
    expect(find(small, op).cellsRead).toBeLessThan(50);
  });
});
