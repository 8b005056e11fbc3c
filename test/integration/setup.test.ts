// "Siapkan Spreadsheet": every sheet of DESIGN.md §2, idempotent, tolerant of staff's changes.
import { SHEETS } from '../../src/store/schema';
import { Citizen, createApp } from '../support/app';

const sheetNames = Object.values(SHEETS).map((s) => s.name);

describe('spreadsheet setup', () => {
  it('creates every sheet with its Indonesian headers, frozen header row and plain-text phone columns', () => {
    const app = createApp({ officers: [] });
    const ss = app.emu.spreadsheet;
    for (const def of Object.values(SHEETS)) {
      const sheet = ss.getSheetByName(def.name);
      expect(sheet).not.toBeNull();
      expect(app.sheet(def.name).headers).toEqual(def.columns.map((c) => c.header));
      expect(sheet!.frozenRows).toBe(1);
    }
    const sesi = ss.getSheetByName('Sesi')!;
    const nomorCol = SHEETS.sessions.columns.findIndex((c) => c.header === 'Nomor') + 1;
    expect(sesi.numberFormatAt(2, nomorCol)).toBe('@');
    expect(app.sheet('Pengaturan').rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['Jam Buka', 'Jam Tutup', 'Durasi Sesi (menit)', 'Hari Laporan']),
    );
  });

  it('changes nothing when run a second time', () => {
    const app = createApp({ officers: [] });
    const before = JSON.stringify(app.emu.spreadsheet.toJSON());
    const triggers = app.emu.triggers.length;
    app.setup();
    expect(JSON.stringify(app.emu.spreadsheet.toJSON())).toBe(before);
    expect(app.emu.triggers.length).toBe(triggers);
  });

  it('keeps working after staff reorder columns and add their own, and keeps their data', () => {
    const app = createApp({ officers: [] });
    const sheet = app.emu.spreadsheet.getSheetByName('Penanggung Jawab')!;
    // Staff rebuild the sheet: their own column first, Email before Nama, one row of data.
    sheet.setValues('A1:F2', [
      ['Catatan Staf', 'Email', 'Grup', 'Nama', 'Aktif', 'WhatsApp'],
      ['cuti Desember', 'sari@diskopukm.example', 'Konsultasi UKM', 'Sari', true, '6281111111102'],
    ]);
    app.setup();
    const { headers, rows } = app.sheet('Penanggung Jawab');
    expect(headers.slice(0, 6)).toEqual(['Catatan Staf', 'Email', 'Grup', 'Nama', 'Aktif', 'WhatsApp']);
    expect(rows[0][0]).toBe('cuti Desember');
    // The product still finds the officer by header: a citizen's session reaches her phone.
    new Citizen(app, '6281234500001', 'Ani').connect('1', '2', '1');
    const toSari = app.messagesTo('6281111111102');
    expect(toSari).toHaveLength(1);
    expect(toSari[0].text).toContain('Modal');
  });

  it('adds a missing column at the end without touching the others', () => {
    const app = createApp({ officers: [] });
    const sheet = app.emu.spreadsheet.getSheetByName('Hari Libur')!;
    sheet.setValues('A1:B2', [
      ['Tanggal', 'Catatan lain'],
      ['2026-12-25', 'x'],
    ]);
    app.setup();
    const { headers, rows } = app.sheet('Hari Libur');
    expect(headers).toEqual(['Tanggal', 'Catatan lain', 'Keterangan']);
    expect(rows[0][1]).toBe('x');
  });

  it('never deletes a sheet staff added', () => {
    const app = createApp({ officers: [] });
    app.emu.spreadsheet.insertSheet('Catatan Tim');
    app.setup();
    expect(app.emu.spreadsheet.getSheetByName('Catatan Tim')).not.toBeNull();
    for (const name of sheetNames) expect(app.emu.spreadsheet.getSheetByName(name)).not.toBeNull();
  });

  it('installs exactly one time-driven trigger for tick, every minute in a bound script', () => {
    const app = createApp({ officers: [] });
    app.setup();
    app.setup();
    const ticks = app.emu.triggers.filter((t) => t.handler === 'tick');
    expect(ticks).toHaveLength(1);
    expect(ticks[0].clock).toMatchObject({ everyMinutes: 1 });
  });
});

describe('protection', () => {
  it('protects product-owned sheets and system columns with a warning only, so staff are warned but never blocked', () => {
    const app = createApp({ officers: [] });
    const sesi = app.emu.spreadsheet.getSheetByName('Sesi')!;
    const pesan = app.emu.spreadsheet.getSheetByName('Pesan')!;
    for (const sheet of [sesi, pesan]) {
      expect(sheet.protections).toHaveLength(1);
      for (const p of sheet.protections) expect(p.warningOnly).toBe(true);
    }
    const calendar = app.emu.spreadsheet.getSheetByName('Kalender Konten')!;
    expect(calendar.protections.some((p) => /ID Konten/.test(p.description))).toBe(true);
  });
});
