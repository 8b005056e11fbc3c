// DESIGN §7 on the built bundle: old sessions and messages move to yearly archive spreadsheets in
// batches across executions; a crash anywhere (between copy and verify, between verify and delete,
// in the middle of a delete) loses and duplicates nothing; open conversations keep working.
import type { LocalApp } from '../../dev/runtime/local-app';
import type { SpreadsheetModel } from '../../dev/emulator/index';
import { RangeFacade, SheetFacade } from '../../dev/emulator/services/spreadsheet';
import { ARCHIVE_CURSOR_KEY, ARCHIVE_JOB } from '../../src/app/data/archive';
import { sessionKeyProp, sessionSeqKey, userKeyProp } from '../../src/app/helpdesk/state';
import { jobKey } from '../../src/app/scheduler/job';
import { Citizen, createApp } from '../support/app';

const NOW = '2026-11-23T09:00:00+07:00';
/** With the default 12 months, rows of months before November 2025 (WIB) move. */
const CUTOFF = Date.parse('2025-11-01T00:00:00+07:00');
const HOUR = 3600000;

interface Seeded {
  sessions: { id: string; phone: string; start: number }[];
  /** Body of every seeded message (unique) → its time and session. */
  messages: Map<string, { at: number; sessionId: string }>;
}

/** `HK-yymm-nnnn` of a local (WIB) time. */
function sessionId(at: number, seq: number): string {
  const d = new Date(at + 7 * HOUR);
  const yymm = `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  return `HK-${yymm}-${String(seq).padStart(4, '0')}`;
}

/** Writes rows straight into the emulated sheet (as years of use would have left them). */
function writeRows(app: LocalApp, name: string, recs: Record<string, unknown>[]): void {
  const sheet = app.emu.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const headers = app.sheet(name).headers.map(String);
  const start = sheet.lastRow() + 1;
  const need = start + recs.length - 1;
  if (need > sheet.maxRows) sheet.insertRowsAfter(sheet.maxRows, need - sheet.maxRows);
  sheet.setValues(
    `A${start}`,
    recs.map((r) => headers.map((h) => (h in r ? r[h] : ''))),
  );
}

/**
 * `sessions` sessions from July 2024 to November 2026 with `perSession` messages each, plus one
 * message without a session between two sessions: (perSession + 1) × sessions rows in `Pesan`.
 */
function seed(app: LocalApp, sessions: number, perSession: number): Seeded {
  const from = Date.parse('2024-07-01T08:00:00+07:00');
  const to = Date.parse('2026-11-20T16:00:00+07:00');
  const step = Math.floor((to - from) / sessions);
  const seq = new Map<string, number>();
  const out: Seeded = { sessions: [], messages: new Map() };
  const sesi: Record<string, unknown>[] = [];
  const pesan: Record<string, unknown>[] = [];
  for (let i = 0; i < sessions; i++) {
    const start = from + i * step;
    const month = sessionId(start, 0).slice(0, 7);
    const n = (seq.get(month) ?? 0) + 1;
    seq.set(month, n);
    const id = sessionId(start, n);
    const phone = `62813${String(100000000 + (i % 997)).slice(1)}`;
    out.sessions.push({ id, phone, start });
    sesi.push({
      ID: id,
      Kanal: 'WhatsApp',
      Nomor: phone,
      Nama: `Warga ${i}`,
      Jenis: 'Konsultasi',
      Bidang: i % 2 ? 'UKM' : 'Koperasi',
      Topik: 'Modal',
      Status: 'Selesai',
      Mulai: new Date(start),
      Selesai: new Date(start + 20 * 60000),
      'Ditutup Oleh': 'user',
      Penilaian: 4,
      'ID Pengguna': phone,
      'Di Luar Jam': false,
    });
    for (let k = 0; k < perSession; k++) {
      const at = start + k * 60000;
      const body = `pesan ${id} #${k}`;
      out.messages.set(body, { at, sessionId: id });
      pesan.push({
        Waktu: new Date(at),
        'ID Sesi': id,
        Arah: k % 2 ? 'keluar' : 'masuk',
        Nomor: phone,
        'Jenis Pesan': 'text',
        Isi: body,
        'ID Pesan': `wamid.seed.${i}.${k}`,
        Pengirim: k % 2 ? 'bot' : 'warga',
      });
    }
    const at = start + step / 2;
    const body = `tanpa sesi ${i}`;
    out.messages.set(body, { at, sessionId: '' });
    pesan.push({ Waktu: new Date(at), Arah: 'masuk', Nomor: phone, 'Jenis Pesan': 'text', Isi: body });
  }
  writeRows(app, 'Sesi', sesi);
  writeRows(app, 'Pesan', pesan);
  // The product numbers new sessions after the seeded ones.
  for (const [month, n] of seq) app.emu.scriptProperties.set(sessionSeqKey(month.slice(3, 7)), String(n));
  return out;
}

function archives(app: LocalApp): SpreadsheetModel[] {
  return [...app.emu.spreadsheets.values()].filter((s) => s.name.startsWith('HALO KOP-UKM Arsip'));
}

/** Rows of a sheet of any spreadsheet as records. */
function recordsOf(ss: SpreadsheetModel, name: string): Record<string, unknown>[] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return [];
  const values = sheet.getValues();
  const headers = (values[0] ?? []).map(String);
  return values.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

/** How often each value occurs. */
function counts(values: unknown[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(String(v), (m.get(String(v)) ?? 0) + 1);
  return m;
}

/** Ticks until the archive cycle is over; returns the number of ticks and of failed runs. */
function tickUntilArchived(app: LocalApp, max = 80): { ticks: number; failed: number } {
  let failed = 0;
  for (let i = 1; i <= max; i++) {
    const ran = app.tick().result.ran.find((r) => r.job === 'arsip');
    // A failed run is retried after an hour; here the hour passes for the archive alone.
    if (ran?.error) {
      failed++;
      app.emu.scriptProperties.set(jobKey(ARCHIVE_JOB), String(app.now()));
    }
    if (!app.emu.scriptProperties.has(ARCHIVE_CURSOR_KEY)) return { ticks: i, failed };
  }
  throw new Error('archive did not finish');
}

type Hook = (self: unknown, args: unknown[], call: number) => 'before' | 'after' | null;

/** Makes an emulated method throw before or after doing its work, as a crash would. */
function inject(proto: object, method: string, hook: Hook): () => void {
  const target = proto as Record<string, (...a: unknown[]) => unknown>;
  const original = target[method];
  let call = 0;
  target[method] = function (this: unknown, ...args: unknown[]) {
    call++;
    const when = hook(this, args, call);
    if (when === 'before') throw new Error(`injected crash before ${method}`);
    const r = original.apply(this, args);
    if (when === 'after') throw new Error(`injected crash after ${method}`);
    return r;
  };
  return () => {
    target[method] = original;
  };
}

const sheetOf = (self: unknown): { name: string; parent: { name: string } } =>
  (self as { _sheet: { name: string; parent: { name: string } } })._sheet;

describe('archive of old sessions and messages', () => {
  jest.setTimeout(300000);

  it('moves 30,000 messages across executions with crashes between copy, verify and delete: nothing lost or doubled', () => {
    const app = createApp({ now: NOW });
    const seeded = seed(app, 3000, 9);
    expect(app.sheet('Pesan').rows).toHaveLength(30000);

    // A conversation of January 2025 still open (its citizen is rating it): it and its messages stay.
    const kept = seeded.sessions.find((s) => s.id.startsWith('HK-2501-'))!;
    app.emu.scriptProperties.set(
      userKeyProp(kept.phone),
      JSON.stringify({
        v: 1,
        userKey: kept.phone,
        phone: kept.phone,
        userId: '',
        name: 'Lama',
        phase: 'rating',
        menu: { step: 'jenis' },
        sessionId: kept.id,
        row: 2 + seeded.sessions.indexOf(kept),
        status: 'Selesai',
        channel: 'WhatsApp',
        startedAt: kept.start,
        connectedAt: kept.start,
        firstResponseAt: 0,
        endedAt: Date.parse(NOW) - HOUR,
        jenis: 'Konsultasi',
        bidang: 'Koperasi',
        topic: 'Modal',
        outOfHours: false,
        officer: '',
        firstMessage: '',
        ratingRetries: 0,
        lastInboundAt: Date.parse(NOW) - HOUR,
        lastIds: [],
      }),
    );
    app.emu.scriptProperties.set(sessionKeyProp(kept.id), kept.phone);
    // A citizen chatting right now, below every old row.
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const live = ani.connect();

    // Crashes: after the 2nd write into an archive (copy done, not verified); before the 4th and
    // after the 9th deletion of `Pesan` rows (verified, not or partly deleted); after the 2nd
    // deletion of `Sesi` rows.
    let archiveWrites = 0;
    let pesanDeletes = 0;
    let sesiDeletes = 0;
    const restore = [
      inject(RangeFacade.prototype, 'setValues', (self) => {
        if (!sheetOf(self).parent.name.startsWith('HALO KOP-UKM Arsip')) return null;
        archiveWrites++;
        return archiveWrites === 2 ? 'after' : null;
      }),
      inject(SheetFacade.prototype, 'deleteRows', (self) => {
        const s = sheetOf(self);
        if (s.parent.name.startsWith('HALO KOP-UKM Arsip')) return null;
        if (s.name === 'Pesan') {
          pesanDeletes++;
          return pesanDeletes === 4 ? 'before' : pesanDeletes === 9 ? 'after' : null;
        }
        if (s.name === 'Sesi') {
          sesiDeletes++;
          return sesiDeletes === 2 ? 'after' : null;
        }
        return null;
      }),
    ];
    let run = { ticks: 0, failed: 0 };
    try {
      run = tickUntilArchived(app);
    } finally {
      restore.forEach((r) => r());
    }
    expect(run.failed).toBe(4);
    expect(run.ticks).toBeGreaterThan(8); // batches resumed across several executions

    const files = archives(app);
    expect(files.map((f) => f.name).sort()).toEqual(['HALO KOP-UKM Arsip 2024', 'HALO KOP-UKM Arsip 2025']);
    // A new file has its creator's zone and locale: each archive is given the service's.
    expect(files.map((f) => [f.timeZone, f.locale])).toEqual([
      ['Asia/Jakarta', 'id_ID'],
      ['Asia/Jakarta', 'id_ID'],
    ]);

    // Every seeded message is exactly once in the spreadsheet or an archive.
    const mainBodies = app.records('Pesan').map((r) => String(r.Isi));
    const archived = files.flatMap((f) => recordsOf(f, 'Pesan'));
    const all = counts([...mainBodies, ...archived.map((r) => String(r.Isi))]);
    for (const body of seeded.messages.keys()) expect([body, all.get(body)]).toEqual([body, 1]);
    const seededRows = [...mainBodies, ...archived.map((r) => String(r.Isi))].filter((b) =>
      seeded.messages.has(b),
    );
    expect(seededRows).toHaveLength(seeded.messages.size);

    // Old messages left the spreadsheet, except those of the conversation still open.
    for (const body of mainBodies) {
      const m = seeded.messages.get(body);
      if (!m) continue; // the live conversation
      if (m.sessionId === kept.id) continue;
      expect([
        body,
        m.sessionId ? seeded.sessions.find((s) => s.id === m.sessionId)!.start >= CUTOFF : m.at >= CUTOFF,
      ]).toEqual([body, true]);
    }
    expect(mainBodies.filter((b) => b.startsWith(`pesan ${kept.id} `))).toHaveLength(9);

    // Each archive holds its own year; a session's messages are in its session's year.
    for (const f of files) {
      const year = f.name.slice(-4);
      for (const r of recordsOf(f, 'Pesan')) {
        const m = seeded.messages.get(String(r.Isi))!;
        const when = m.sessionId ? seeded.sessions.find((s) => s.id === m.sessionId)!.start : m.at;
        expect(new Date(when + 7 * HOUR).getUTCFullYear()).toBe(Number(year));
      }
    }

    // Sessions: each exactly once; the old open one stayed.
    const mainIds = app.records('Sesi').map((r) => String(r.ID));
    const archivedIds = files.flatMap((f) => recordsOf(f, 'Sesi').map((r) => String(r.ID)));
    const ids = counts([...mainIds, ...archivedIds]);
    for (const s of seeded.sessions) expect([s.id, ids.get(s.id)]).toEqual([s.id, 1]);
    expect(mainIds).toContain(kept.id);
    expect(mainIds).toContain(live);
    expect(archivedIds.length).toBeGreaterThan(1500);

    // The archive keeps the whole row, and the numbers as text.
    const sample = recordsOf(files[0], 'Sesi')[0];
    const original = seeded.sessions.find((s) => s.id === sample.ID)!;
    expect(sample.Nomor).toBe(original.phone);
    expect(sample.Mulai).toEqual(new Date(original.start));
    expect(sample['ID Batch Arsip']).toMatch(/^S-/);

    // The state kept in a Script Property by the former design moved into its session's row, and
    // stayed with the row through the deletions above it.
    expect(app.emu.scriptProperties.has(`u:${kept.phone}`)).toBe(false);
    expect(app.emu.scriptProperties.has(`s:${kept.id}`)).toBe(false);
    const keptRow = app.records('Sesi').find((r) => r.ID === kept.id)!;
    expect(String(keptRow['Status Percakapan'])).toMatch(new RegExp(`^\\|${kept.phone}\\|`));
    ani.say('Terima kasih, sudah cukup');
    ani.say('selesai');
    const liveRow = app.records('Sesi').find((r) => r.ID === live)!;
    expect(liveRow.Status).toBe('Selesai');
    expect(app.records('Sesi').filter((r) => r.ID !== '' && r.Status !== 'Selesai')).toHaveLength(0);

    // New messages are appended right after the remaining rows (the pointer was reset).
    const pesan = app.sheet('Pesan').rows;
    expect(pesan[pesan.length - 2]).toContain('selesai');
    expect(String(pesan[pesan.length - 1][5])).toContain('Bagaimana penilaian');
    expect(pesan.filter((r) => r.every((v) => v === ''))).toHaveLength(0);

    // The archives are listed in Pengaturan, and the crashes were logged without numbers.
    const arsip = app.records('Pengaturan').find((r) => r.Kunci === 'Arsip')!;
    for (const f of files) expect(String(arsip.Nilai)).toContain(f.id);
    const log = app.records('Log Sistem');
    expect(log.filter((r) => r.Tingkat === 'GALAT' && /injected crash/.test(String(r.Pesan))).length).toBe(4);
    expect(log.some((r) => /Pengarsipan selesai/.test(String(r.Pesan)))).toBe(true);
    for (const r of log) expect(String(r.Pesan)).not.toMatch(/62813\d{8}|0813\d{8}/);
  });

  it('masks numbers in the archive when Samarkan Nomor di Arsip is YA, and still finds the rows to delete', () => {
    const app = createApp({ now: NOW });
    const seeded = seed(app, 60, 3);
    const settings = app.records('Pengaturan');
    const row = settings.findIndex((r) => r.Kunci === 'Samarkan Nomor di Arsip') + 2;
    app.emu.spreadsheet.getSheetByName('Pengaturan')!.setValues(`B${row}`, [['YA']]);
    app.emu.evictCache();
    tickUntilArchived(app);
    const files = archives(app);
    const sesi = files.flatMap((f) => recordsOf(f, 'Sesi'));
    const pesan = files.flatMap((f) => recordsOf(f, 'Pesan'));
    expect(sesi.length).toBeGreaterThan(20);
    for (const r of sesi) {
      expect(String(r.Nomor)).toMatch(/^0813\*{4}\d{4}$/);
      expect(String(r['ID Pengguna'])).toMatch(/^0813\*{4}\d{4}$/);
    }
    for (const r of pesan) expect(String(r.Nomor)).toMatch(/^0813\*{4}\d{4}$/);
    // Moved, not copied: the originals are gone.
    const left = new Set(app.records('Sesi').map((r) => String(r.ID)));
    for (const r of sesi) expect(left.has(String(r.ID))).toBe(false);
    expect(app.records('Pesan').length + pesan.length).toBe(seeded.messages.size);
  });

  it('does nothing but scan when nothing is old enough, and plans the next run for the 1st of next month', () => {
    const app = createApp({ now: NOW });
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.connect();
    const before = app.sheet('Pesan').rows.length;
    const r = app.tick();
    if (process.env.DBG) console.log(JSON.stringify(r.result.ran));
    expect(app.sheet('Pesan').rows.length).toBe(before);
    expect(archives(app)).toHaveLength(0);
    expect(app.emu.scriptProperties.has(ARCHIVE_CURSOR_KEY)).toBe(false);
    expect(Number(app.emu.scriptProperties.get(jobKey(ARCHIVE_JOB)))).toBe(
      Date.parse('2026-12-01T02:00:00+07:00'),
    );
  });

  it('runs from the menu and says how far it got', () => {
    const app = createApp({ now: NOW });
    seed(app, 300, 9);
    app.exec('menuArchiveNow');
    const first = app.emu.ui.alerts[app.emu.ui.alerts.length - 1].prompt;
    expect(first).toMatch(/Pengarsipan (berjalan|selesai)/);
    tickUntilArchived(app);
    app.exec('menuArchiveNow');
    const last = app.emu.ui.alerts[app.emu.ui.alerts.length - 1].prompt;
    expect(last).toContain('Tidak ada sesi atau pesan yang lebih tua dari 12 bulan');
  });
});
