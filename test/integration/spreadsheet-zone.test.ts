// A spreadsheet has its own time zone and locale (File → Settings), not the script's: a new file
// gets its creator's defaults (the emulator's: America/Los_Angeles, en_US). Setup gives the bound
// spreadsheet the service's zone and id_ID, new archives get them too, and dates staff typed are
// read on the spreadsheet's own clock whatever its zone is.
import { Citizen, createApp } from '../support/app';

describe('time zone and locale of the spreadsheets', () => {
  it('setup gives the bound spreadsheet the service\u2019s zone (WIB) and the id_ID locale', () => {
    const app = createApp({ setup: false });
    expect([app.emu.spreadsheet.timeZone, app.emu.spreadsheet.locale]).toEqual([
      'America/Los_Angeles',
      'en_US',
    ]);
    app.setup();
    expect([app.emu.spreadsheet.timeZone, app.emu.spreadsheet.locale]).toEqual(['Asia/Jakarta', 'id_ID']);
  });

  it('reads a holiday typed into Hari Libur as that day whatever the spreadsheet\u2019s zone (UTC+14 here)', () => {
    const app = createApp({ now: '2026-12-24T09:00:00+07:00' }); // Thursday
    // Staff later set File → Settings to another zone, then typed the date.
    app.emu.spreadsheet.setTimeZone('Pacific/Kiritimati');
    app.appendRows('Hari Libur', [{ Tanggal: '2026-12-25', Keterangan: 'Natal' }]);
    const [open] = new Citizen(app, '6281234567890', 'Ani').say('halo');
    expect(open.text).not.toContain('di luar jam layanan');
    app.setNow('2026-12-25T09:00:00+07:00'); // Friday, the holiday
    const [closed] = new Citizen(app, '6281234567891', 'Budi').say('halo');
    expect(closed.text).toContain('di luar jam layanan');
  });

  it('reads a day typed the Indonesian way (day first) once the locale is id_ID', () => {
    const app = createApp({ now: '2026-12-07T09:00:00+07:00' }); // Monday 7 December
    app.appendRows('Hari Libur', [{ Tanggal: '8/12/2026', Keterangan: 'Cuti bersama' }]);
    app.setNow('2026-12-08T09:00:00+07:00');
    const [closed] = new Citizen(app, '6281234567890', 'Ani').say('halo');
    expect(closed.text).toContain('di luar jam layanan');
  });
});
