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

describe('one tick trigger, whoever runs setup', () => {
  // A trigger runs as, and on the quotas of, the user who created it, and getProjectTriggers()
  // shows only the current user's: an editor's setup must not install a second tick.
  const EDITOR = 'editor@diskopukm.example';

  function withEditor(): ReturnType<typeof createApp> {
    const app = createApp({ officers: [] });
    app.emu.spreadsheet.editors.push(EDITOR);
    return app;
  }

  it('installs no trigger for another editor who runs setup from the menu, and tells them whose trigger runs', () => {
    const app = withEditor();
    app.execAs({ kind: 'editor', activeUser: EDITOR }, 'menuSetup');
    const ticks = app.emu.triggers.filter((t) => t.handler === 'tick');
    expect(ticks.map((t) => t.user)).toEqual([app.emu.userEmail]);
    const alert = app.emu.ui.alerts[app.emu.ui.alerts.length - 1];
    expect(alert.prompt).toContain(`milik ${app.emu.userEmail}`);
  });

  it('installs none from the sidebar either, and the sidebar shows who owns the trigger', () => {
    const app = withEditor();
    const res = app.api<{ message: string; trigger: { owner: string; mine: boolean } }>(
      'admin.setup',
      {},
      EDITOR,
    );
    expect(res.result.data?.trigger).toEqual({ owner: app.emu.userEmail, mine: false });
    expect(res.result.data?.message).toContain('tidak dipasang atas nama Anda');
    expect(app.emu.triggers.filter((t) => t.handler === 'tick')).toHaveLength(1);
    expect(app.api('admin.trigger', {}, EDITOR).result.data).toEqual({
      owner: app.emu.userEmail,
      mine: false,
    });
    expect(app.api('admin.trigger', {}).result.data).toEqual({ owner: app.emu.userEmail, mine: true });
  });

  it('removes a tick trigger an editor installed before (the old setup), keeping the owner\u2019s', () => {
    const app = withEditor();
    // A leftover of an older version, installed as the editor:
    app.emu.triggers.push({ ...app.emu.triggers[0], id: 'legacy', user: EDITOR });
    app.execAs({ kind: 'editor', activeUser: EDITOR }, 'menuSetup');
    expect(app.emu.triggers.filter((t) => t.handler === 'tick').map((t) => t.user)).toEqual([
      app.emu.userEmail,
    ]);
  });

  it('makes the first account to run setup the owner', () => {
    const app = createApp({ officers: [], setup: false });
    app.setup();
    expect(app.emu.scriptProperties.get('cfg:triggerOwner')).toBe(app.emu.userEmail);
    expect(app.emu.triggers.filter((t) => t.handler === 'tick').map((t) => t.user)).toEqual([
      app.emu.userEmail,
    ]);
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
