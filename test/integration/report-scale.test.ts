// The weekly report on big sheets (issue 6): the Monday job's cost, counted in service calls, does
// not grow with the size of Sesi, and Pesan is never read (every figure comes from Sesi).

import { benchOne } from '../../dev/bench/report-bench';
import { requireBuild } from '../support/app';

describe('weekly report on big sheets', () => {
  beforeAll(requireBuild);

  it('costs the same round trips at 1k and 10k sessions, reads only the week of Sesi, never Pesan', () => {
    const small = benchOne(1_000);
    const big = benchOne(10_000);
    expect(big.weekSessions).toBeGreaterThan(50);
    expect(big.roundTrips).toBeLessThanOrEqual(small.roundTrips + 2);
    // About 31 for the figures and the sheet (with the case section), 6 for the PDF (temporary
    // spreadsheet, copy of the sheet, its name, the temporary's sheets, deleting its blank sheet, the
    // export) and 3 to give the temporary copy the service's zone and locale (its own default is not).
    expect(big.roundTrips).toBeLessThanOrEqual(42);
    // The whole of Sesi would be 10,000 × 19 cells; the report reads the Mulai column from the
    // bottom and the week's rows.
    expect(big.cellsRead).toBeLessThan(20_000);
    expect(big.pesanUntouched).toBe(true);
    expect(big.mail).toBe(1);
  });
});
