// The 10-million-cell limit on the built bundle: the product measures every sheet's grid off the
// hot path, tells the reporting team and Log Sistem once when 70 % and 85 % are crossed, and the
// sidebar shows the figure.
import type { LocalApp } from '../../dev/runtime/local-app';
import { Citizen, createApp, during, expectWithin, lastCalls } from '../support/app';

const HOUR = 60;

function capacityMails(app: LocalApp): { to: string; subject: string; body: string }[] {
  return app.emu.mailLog.filter((m) => m.subject.includes('Kapasitas spreadsheet'));
}

/** Grows the spreadsheet's grid with a sheet of staff data until `cells` are used. */
function growTo(app: LocalApp, cells: number): void {
  const ss = app.emu.spreadsheet;
  const old = ss.getSheetByName('Data Lain');
  if (old) ss.deleteSheet(old);
  const rest = ss.totalCells();
  if (cells > rest) ss.insertSheet('Data Lain', undefined, Math.ceil((cells - rest) / 10), 10);
}

/** Lets six hours pass and runs the scheduler. */
function sixHoursLater(app: LocalApp): void {
  app.advanceMinutes(6 * HOUR + 1);
  app.tick();
}

describe('capacity watch', () => {
  it('warns the reporting team once at 70 %, once more at 85 %, and again only after falling back', () => {
    const app = createApp();
    app.tick();
    expect(capacityMails(app)).toHaveLength(0);

    growTo(app, 7_100_000);
    sixHoursLater(app);
    const first = capacityMails(app);
    expect(first).toHaveLength(1);
    expect(first[0].to).toBe('lapor@diskopukm.example');
    expect(first[0].subject).toContain('waspada');
    expect(first[0].body).toContain('Arsipkan data lama');
    const warn = app.records('Log Sistem').filter((r) => r.Sumber === 'kapasitas');
    expect(warn).toHaveLength(1);
    expect(warn[0].Tingkat).toBe('PERINGATAN');
    expect(String(warn[0].Pesan)).toMatch(/\(71(,\d)?%, waspada\)/);

    // Still above 70 %: measured again, not told again.
    sixHoursLater(app);
    sixHoursLater(app);
    expect(capacityMails(app)).toHaveLength(1);

    growTo(app, 8_600_000);
    sixHoursLater(app);
    expect(capacityMails(app)).toHaveLength(2);
    expect(capacityMails(app)[1].subject).toContain('kritis');
    const critical = app.records('Log Sistem').filter((r) => r.Sumber === 'kapasitas');
    expect(critical[critical.length - 1].Tingkat).toBe('GALAT');

    // After archiving the use falls; a later rise is a new crossing.
    growTo(app, 3_000_000);
    sixHoursLater(app);
    expect(capacityMails(app)).toHaveLength(2);
    growTo(app, 7_200_000);
    sixHoursLater(app);
    expect(capacityMails(app)).toHaveLength(3);
  });

  it('also writes to the extra addresses of Email Tim Pelaporan', () => {
    const app = createApp();
    const settings = app.records('Pengaturan');
    const row = settings.findIndex((r) => r.Kunci === 'Email Tim Pelaporan') + 2;
    app.emu.spreadsheet.getSheetByName('Pengaturan')!.setValues(`B${row}`, [['kepala@diskopukm.example']]);
    app.emu.evictCache();
    growTo(app, 7_500_000);
    app.tick();
    expect(capacityMails(app).map((m) => m.to)).toEqual(['lapor@diskopukm.example,kepala@diskopukm.example']);
  });

  it('shows the sidebar the cells used, the limit, the percent and the level', () => {
    const app = createApp();
    growTo(app, 8_700_000);
    const { value: res, ...span } = during(
      app,
      () =>
        app.api<{ cells: number; limit: number; percent: number; level: string; measuredAt: string }>(
          'capacity.get',
        ).result,
    );
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({
      cells: app.emu.spreadsheet.totalCells(),
      limit: 10_000_000,
      level: 'critical',
    });
    expect(res.data!.percent).toBeCloseTo(87, 0);
    expect(res.data!.measuredAt).toMatch(/^2026-11-23T09:\d\d:\d\d\+07:00$/);
    expectWithin(res.data!.measuredAt, { from: Math.floor(span.from / 1000) * 1000, to: span.to });
    // Measuring from the sidebar warns as the job would, once.
    expect(capacityMails(app)).toHaveLength(1);
    // A second look within the hour uses the stored measurement: no sheet is measured.
    app.api('capacity.get');
    expect(lastCalls(app).byMethod['SpreadsheetApp.Spreadsheet.getSheets'] ?? 0).toBe(0);
    expect(capacityMails(app)).toHaveLength(1);
  });

  it('is never measured on the hot path of a webhook', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.say('halo');
    const calls = lastCalls(app);
    expect(calls.byMethod['SpreadsheetApp.Spreadsheet.getSheets'] ?? 0).toBe(0);
    expect(calls.byMethod['SpreadsheetApp.Sheet.getMaxColumns'] ?? 0).toBe(0);
  });
});
