// The staff sidebar's server functions on the built bundle in the emulator: what an officer sees
// in the inbox and the conversation, what reaches the citizen, and what lands in the sheets.

import { cloudMedia } from '../../dev/runtime/whatsapp';
import type { LocalApp } from '../../dev/runtime/local-app';
import type {
  InboxView,
  KitView,
  RecordResult,
  SessionActionResult,
  SessionView,
  TaskItem,
} from '../../src/api/types';
import { Citizen, createApp, during, expectWithin, expectJsonOk, lastCalls, postJson } from '../support/app';

const OFFICER = 'sari@diskopukm.example';

function api<T>(app: LocalApp, name: string, req: unknown = {}, user = OFFICER): T {
  const { result } = app.api<T>(name, req, user);
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.data as T;
}

function officerApp(now?: string): LocalApp {
  const app = createApp(now ? { now } : {});
  app.emu.spreadsheet.editors.push(OFFICER);
  return app;
}

function sessionRow(app: LocalApp, id: string): Record<string, unknown> {
  const row = app.records('Sesi').find((r) => r['ID'] === id);
  if (!row) throw new Error(`no Sesi row ${id}`);
  return row;
}

describe('server clock for the pages', () => {
  it('every answer carries the emulated time and the service zone, for forms and labels', () => {
    const app = officerApp('2028-02-29T23:50:00+07:00');
    const list = during(app, () => app.api<InboxView>('inbox.list', {}, OFFICER).result);
    const ok = list.value;
    expect(ok.ok).toBe(true);
    expect(ok.clock).toEqual({ now: expect.stringMatching(/^2028-02-29T16:5/), offset: 420, zone: 'WIB' });
    expectWithin(ok.clock!.now, list);
    const unknown = during(app, () => app.api('no.such', {}, OFFICER).result);
    expect(unknown.value.ok).toBe(false);
    expectWithin(unknown.value.clock!.now, unknown);
    const stranger = app.api('inbox.list', {}, 'orang@luar.example').result;
    expect(stranger).toEqual({ ok: false, error: expect.any(String) });
  });
});

describe('sidebar inbox', () => {
  it('lists a connected citizen with a masked number, topic and unread count', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '2', '1'); // Konsultasi UKM, Modal
    ani.say('Saya ingin tahu cara mengajukan KUR.');
    ani.say('Usaha saya keripik singkong.');

    const inbox = api<InboxView>(app, 'inbox.list');
    expect(inbox.sessions).toHaveLength(1);
    const item = inbox.sessions[0];
    expect(item).toMatchObject({
      sessionId: id,
      name: 'Ani',
      phone: '0812****7890',
      jenis: 'Konsultasi',
      bidang: 'UKM',
      topic: 'Modal',
      group: 'Konsultasi UKM',
      waiting: true,
      outOfHours: false,
      minutesLeft: 30,
      unread: 2,
    });
    expect(JSON.stringify(inbox)).not.toContain('6281234567890');
  });

  it('filters by group', () => {
    const app = officerApp();
    new Citizen(app, '6281200000001', 'Koperasi').connect('1', '1', '1');
    new Citizen(app, '6281200000002', 'Aduan UKM').connect('2', '2', '3');
    const all = api<InboxView>(app, 'inbox.list', { group: '' });
    expect(all.sessions.map((s) => s.name).sort()).toEqual(['Aduan UKM', 'Koperasi']);
    const complaints = api<InboxView>(app, 'inbox.list', { group: 'Pengaduan UKM' });
    expect(complaints.sessions.map((s) => s.name)).toEqual(['Aduan UKM']);
  });

  it('puts sessions that waited overnight at the top, with the clock not yet running', () => {
    const app = officerApp('2026-11-23T20:00:00+07:00');
    const night = new Citizen(app, '6281200000003', 'Malam');
    night.connect('1', '1', '2');
    app.setNow('2026-11-24T07:05:00+07:00');
    const morning = new Citizen(app, '6281200000004', 'Pagi');
    morning.connect('1', '1', '1');
    morning.say('Halo, saya menunggu.');

    const inbox = api<InboxView>(app, 'inbox.list');
    expect(inbox.sessions.map((s) => s.name)).toEqual(['Malam', 'Pagi']);
    expect(inbox.sessions[0]).toMatchObject({ outOfHours: true, waiting: true, minutesLeft: null });
    expect(inbox.sessions[1]).toMatchObject({ outOfHours: false, minutesLeft: 30 });
  });

  it('reads no sheet when nothing was logged since the last look', () => {
    const app = officerApp();
    new Citizen(app, '6281200000005', 'Budi').connect();
    api<InboxView>(app, 'inbox.list');
    api<InboxView>(app, 'inbox.list');
    const calls = lastCalls(app);
    expect(calls.byMethod['SpreadsheetApp.Range.getValues'] ?? 0).toBe(0);
  });
});

describe('sidebar conversation', () => {
  it('sends the officer reply to the citizen, logs it and sets Respons Pertama', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '2', '1');
    ani.replies();
    app.advanceMinutes(3);

    const res = api<SessionActionResult>(app, 'session.reply', {
      sessionId: id,
      text: 'Selamat pagi Bu Ani, KUR bisa diajukan di bank penyalur.',
    });
    expect(res).toMatchObject({ ok: true, sendStatus: 'terkirim' });
    const got = ani.replies().map((m) => m.text);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('Sari UKM');
    expect(got[0]).toContain('KUR bisa diajukan di bank penyalur');

    const row = sessionRow(app, id);
    expect(row['Status']).toBe('Aktif');
    expect(row['Petugas']).toBe('Sari UKM');
    expect(row['Respons Pertama']).toBeInstanceOf(Date);
    const logged = app.records('Pesan').filter((r) => r['ID Sesi'] === id && r['Pengirim'] === 'Sari UKM');
    expect(logged).toHaveLength(1);
    expect(logged[0]['Arah']).toBe('keluar');

    const inbox = api<InboxView>(app, 'inbox.list');
    expect(inbox.sessions[0]).toMatchObject({ sessionId: id, waiting: false, unread: 0, minutesLeft: 27 });
  });

  it('shows the transcript with media as type and caption, HTML as plain text, without officer copies', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '2', '5');
    const hostile =
      '<img src=x onerror=alert(1)> <script>alert(2)</script> <a href="javascript:alert(3)">klik</a>';
    ani.say(hostile);
    expectJsonOk(
      postJson(
        app,
        cloudMedia(
          ani.sender,
          'image',
          { id: 'MEDIA1', mime_type: 'image/jpeg', caption: 'Foto kemasan' },
          app.now(),
        ),
      ),
    );
    api<SessionActionResult>(app, 'session.reply', { sessionId: id, text: 'Baik, kami lihat.' });

    const view = api<SessionView>(app, 'session.get', { sessionId: id });
    expect(view).toMatchObject({
      sessionId: id,
      phone: '6281234567890',
      name: 'Ani',
      open: true,
      topic: 'Pengemasan',
    });
    const citizen = view.messages.filter((m) => m.from === 'warga');
    expect(citizen.map((m) => m.text)).toContain(hostile);
    expect(citizen.find((m) => m.media)).toMatchObject({ media: 'gambar', text: 'Foto kemasan' });
    const officer = view.messages.filter((m) => m.from === 'petugas');
    expect(officer).toEqual([expect.objectContaining({ sender: 'Sari UKM', text: 'Baik, kami lihat.' })]);
    // Notifications and forwarded copies sent to officers' phones are not part of the conversation.
    expect(view.messages.some((m) => m.text.includes('sesi baru'))).toBe(false);
  });

  it('closes a session for the officer: Ditutup Oleh petugas, the citizen is asked to rate, it leaves the inbox', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '2', '1');
    ani.replies();

    expect(api<SessionActionResult>(app, 'session.close', { sessionId: id })).toEqual({ ok: true });
    expect(sessionRow(app, id)).toMatchObject({ Status: 'Selesai', 'Ditutup Oleh': 'petugas' });
    expect(
      ani
        .replies()
        .map((m) => m.text)
        .join('\n'),
    ).toMatch(/penilaian|menilai|Sangat membantu/i);

    const inbox = api<InboxView>(app, 'inbox.list');
    expect(inbox.sessions).toHaveLength(0);
    expect(inbox.recent.map((r) => r.sessionId)).toEqual([id]);
    const view = api<SessionView>(app, 'session.get', { sessionId: id });
    expect(view).toMatchObject({ open: false, closedBy: 'petugas', closedByLabel: 'Petugas' });

    const again = api<SessionActionResult>(app, 'session.reply', { sessionId: id, text: 'Masih di sana?' });
    expect(again.ok).toBe(false);
    expect(again.error).toMatch(/sudah berakhir/);
    expect(ani.replies()).toHaveLength(0);
  });

  it('does not ask for a second rating when a closed session is closed again', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect();
    api<SessionActionResult>(app, 'session.close', { sessionId: id });
    ani.replies();
    const again = api<SessionActionResult>(app, 'session.close', { sessionId: id });
    expect(again).toEqual({ ok: false, error: expect.stringContaining('sudah berakhir (Petugas)') });
    expect(ani.replies()).toHaveLength(0);
  });

  it('reads a transcript interleaved with another chat in a few blocks', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const budi = new Citizen(app, '6281200000009', 'Budi');
    const id = ani.connect();
    budi.connect();
    for (let i = 0; i < 5; i++) {
      ani.say(`Ani ${i}`);
      budi.say(`Budi ${i}`);
    }
    const view = api<SessionView>(app, 'session.get', { sessionId: id });
    expect(view.messages.filter((m) => m.from === 'warga').map((m) => m.text)).toEqual([
      'halo',
      '1',
      '1',
      '1',
      'Ani 0',
      'Ani 1',
      'Ani 2',
      'Ani 3',
      'Ani 4',
    ]);
    const calls = lastCalls(app);
    // The Sesi row, and the Pesan rows of the session in one block.
    expect(calls.byMethod['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(2);
    expect(calls.byMethod['SpreadsheetApp.TextFinder.findAll']).toBe(1);
  });

  it('shows when the citizen ended the session or the time ran out', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const first = ani.connect();
    ani.say('selesai');
    expect(api<SessionView>(app, 'session.get', { sessionId: first })).toMatchObject({
      open: false,
      closedBy: 'user',
    });

    const budi = new Citizen(app, '6281200000009', 'Budi');
    const second = budi.connect();
    app.advanceMinutes(31);
    app.tick();
    expect(api<SessionView>(app, 'session.get', { sessionId: second })).toMatchObject({
      open: false,
      closedBy: 'waktu habis',
    });
  });

  it('refuses an empty reply and an unknown session with clear messages', () => {
    const app = officerApp();
    const id = new Citizen(app, '6281234567890', 'Ani').connect();
    const empty = api<SessionActionResult>(app, 'session.reply', { sessionId: id, text: '   ' });
    expect(empty).toEqual({ ok: false, error: 'Tulis pesan terlebih dahulu.' });
    const unknown = api<SessionActionResult>(app, 'session.reply', {
      sessionId: 'HK-2611-9999',
      text: 'Halo',
    });
    expect(unknown.ok).toBe(false);
    expect(unknown.error).toContain('HK-2611-9999');
  });

  it('keeps the officer note in Catatan', () => {
    const app = officerApp();
    const id = new Citizen(app, '6281234567890', 'Ani').connect();
    expect(
      api<SessionActionResult>(app, 'session.note', { sessionId: id, note: '=Perlu tindak lanjut' }),
    ).toEqual({
      ok: true,
    });
    expect(sessionRow(app, id)['Catatan']).toBe('=Perlu tindak lanjut');
    expect(api<SessionView>(app, 'session.get', { sessionId: id }).note).toBe('=Perlu tindak lanjut');
  });
});

describe('sidebar records', () => {
  it('logs a phone complaint as a finished Sesi row with the next session number', () => {
    const app = officerApp();
    const botId = new Citizen(app, '6281234567890', 'Ani').connect();
    const res = api<RecordResult>(app, 'manual.log', {
      channel: 'Telepon',
      jenis: 'Pengaduan',
      bidang: 'Koperasi',
      topic: 'SHU',
      name: 'Pak Dadang',
      contact: '0812-3456-7001',
      summary: 'SHU belum dibagikan dua tahun.',
      at: '2026-11-23T08:15',
    });
    expect(res.ok).toBe(true);
    const seq = (id: string): number => Number(id.slice(-4));
    expect(seq(res.id!)).toBe(seq(botId) + 1);
    const row = sessionRow(app, res.id!);
    expect(row).toMatchObject({
      Kanal: 'Telepon',
      Nomor: '6281234567001',
      Nama: 'Pak Dadang',
      Jenis: 'Pengaduan',
      Bidang: 'Koperasi',
      Topik: 'SHU',
      Status: 'Selesai',
      Petugas: 'Sari UKM',
      Catatan: 'SHU belum dibagikan dua tahun.',
    });
    expect((row['Mulai'] as Date).toISOString()).toBe('2026-11-23T01:15:00.000Z');
  });

  it('refuses an incomplete manual log with a message per field', () => {
    const app = officerApp();
    const res = api<RecordResult>(app, 'manual.log', {
      channel: 'WhatsApp',
      jenis: 'Konsultasi',
      bidang: 'UKM',
      topic: 'SHU',
      name: '',
      contact: '',
      summary: ' ',
      at: '2027-01-01T10:00',
    });
    expect(res.ok).toBe(false);
    expect(Object.fromEntries(res.errors.map((e) => [e.field, e.message]))).toEqual({
      channel: expect.stringContaining('Telepon'),
      topic: expect.stringContaining('Modal'),
      name: 'Nama wajib diisi.',
      summary: 'Catatan wajib diisi.',
      at: 'Mulai tidak boleh di masa depan.',
    });
    expect(app.records('Sesi')).toHaveLength(0);
  });

  it('records metrics, Q&A and an evaluation in their sheets', () => {
    const app = officerApp();
    const metrics = api<RecordResult>(app, 'content.metrics.add', {
      date: '2026-11-22',
      platform: 'Instagram',
      contentId: 'KONTEN-2026-W47',
      views: 1200,
      likes: 85,
      comments: 9,
      shares: 4,
      saves: 6,
      liveViewers: null,
      questions: 3,
    });
    expect(metrics.ok).toBe(true);
    const m = app.records('Metrik');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({
      Platform: 'Instagram',
      'ID Konten': 'KONTEN-2026-W47',
      Tayangan: 1200,
      Suka: 85,
      Komentar: 9,
      Dibagikan: 4,
      Disimpan: 6,
      'Penonton Live': '',
      Pertanyaan: 3,
    });
    expect((m[0]['Tanggal'] as Date).toISOString()).toBe('2026-11-21T17:00:00.000Z');

    expect(
      api<RecordResult>(app, 'content.qa.add', {
        platform: 'TikTok',
        contentId: 'KONTEN-2026-W47',
        question: 'Bagaimana cara daftar NIB?',
        answer: 'Lewat OSS.',
      }).ok,
    ).toBe(true);
    expect(app.records('Tanya Jawab')[0]).toMatchObject({
      Platform: 'TikTok',
      Pertanyaan: 'Bagaimana cara daftar NIB?',
    });

    expect(
      api<RecordResult>(app, 'content.evaluation.add', {
        date: '2026-11-26',
        contentId: 'KONTEN-2026-W47',
        notes: 'Live terlalu pendek.',
        followUp: 'Tambah 15 menit.',
      }),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'date', message: 'Tanggal tidak boleh di masa depan.' }],
    });
    expect(
      api<RecordResult>(app, 'content.evaluation.add', {
        date: '2026-11-23',
        contentId: 'KONTEN-2026-W47',
        notes: 'Live terlalu pendek.',
        followUp: 'Tambah 15 menit.',
      }).ok,
    ).toBe(true);
    expect(app.records('Evaluasi')[0]).toMatchObject({
      Catatan: 'Live terlalu pendek.',
      'Tindak Lanjut': 'Tambah 15 menit.',
    });
  });

  it('refuses metrics that are not counts', () => {
    const app = officerApp();
    const res = api<RecordResult>(app, 'content.metrics.add', {
      date: '2026-11-22',
      platform: 'Facebook',
      contentId: 'K1',
      views: -3,
      likes: 1.5,
      comments: null,
      shares: null,
      saves: null,
      liveViewers: null,
      questions: null,
    });
    expect(res.ok).toBe(false);
    expect(res.errors.map((e) => e.field).sort()).toEqual(['likes', 'platform', 'views']);
    expect(app.records('Metrik')).toHaveLength(0);
  });

  it('lists open tasks and marks one done with the time', () => {
    const app = officerApp();
    app.appendRows('Tugas', [
      {
        'ID Konten': 'K1',
        Tugas: 'Merancang desain',
        Tim: 'Pubdisdok',
        'Jatuh Tempo': new Date('2026-11-20T10:00:00+07:00'),
        Status: 'Belum',
        Kode: 'K1:design',
      },
      {
        'ID Konten': 'K1',
        Tugas: 'Menghubungi narasumber',
        Tim: 'Humas',
        'Jatuh Tempo': new Date('2026-11-25T10:00:00+07:00'),
        Status: 'Belum',
        Kode: 'K1:speaker',
      },
      { 'ID Konten': 'K0', Tugas: 'Sudah', Tim: 'Humas', Status: 'Selesai', Kode: 'K0:x' },
    ]);
    const tasks = api<TaskItem[]>(app, 'tasks.list', {});
    expect(tasks.map((t) => [t.task, t.overdue])).toEqual([
      ['Merancang desain', true],
      ['Menghubungi narasumber', false],
    ]);
    expect(api<TaskItem[]>(app, 'tasks.list', { team: 'Humas' }).map((t) => t.key)).toEqual(['K1:speaker']);
    const marked = during(app, () =>
      api<SessionActionResult>(app, 'tasks.done', { row: tasks[0].row, key: tasks[0].key }),
    );
    expect(marked.value).toEqual({ ok: true });
    const done = app.records('Tugas').find((r) => r['Kode'] === 'K1:design')!;
    expect(done['Status']).toBe('Selesai');
    expectWithin(done['Selesai'] as Date, marked);
    expect(api<SessionActionResult>(app, 'tasks.done', { row: 99, key: 'nope' }).ok).toBe(false);
  });
});

describe('sidebar kit and access', () => {
  it('gives the wa.me link with the greeting once the service number is set', () => {
    const app = officerApp();
    expect(api<KitView>(app, 'kit.get')).toMatchObject({
      link: '',
      problem: expect.stringContaining('Nomor Layanan WhatsApp'),
    });
    const sheet = app.records('Pengaturan');
    const row = sheet.findIndex((r) => r['Kunci'] === 'Nomor Layanan WhatsApp');
    app.emu.spreadsheet.getSheetByName('Pengaturan')!.setValues(`B${row + 2}`, [['0812 1000 2000']]);
    app.emu.evictCache();
    const kit = api<KitView>(app, 'kit.get');
    expect(kit.link).toBe(
      'https://wa.me/6281210002000?text=' +
        encodeURIComponent('Halo HALO KOP-UKM, saya ingin berkonsultasi.'),
    );
  });

  it('opens the settings dialog from the sidebar, and the menu opens the sidebar page', () => {
    const app = officerApp();
    expect(api<{ opened: boolean }>(app, 'admin.openSettings')).toEqual({ opened: true });
    app.exec('menuOpenSidebar');
    const shown = app.emu.ui.shown.map((s) => [s.kind, s.title]);
    expect(shown).toEqual([
      ['modalDialog', 'Pengaturan HALO KOP-UKM'],
      ['sidebar', 'HALO KOP-UKM'],
    ]);
    expect(app.emu.ui.shown[1].html).toContain('id="panel-inbox"');
  });

  it('refuses people who cannot edit the spreadsheet', () => {
    const app = officerApp();
    new Citizen(app, '6281234567890', 'Ani').connect();
    const { result } = app.api('inbox.list', {}, 'stranger@example.com');
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/hanya dapat digunakan oleh anggota tim/);
    expect(JSON.stringify(result)).not.toContain('Ani');
  });
});
