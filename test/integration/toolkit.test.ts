// The officer's toolkit on the built bundle (issue 15): hand-over to another group, the claim of a
// session by the first officer who answers, and quick replies from `Jawaban Cepat`.

import { cloudText } from '../../dev/runtime/whatsapp';
import type { LocalApp } from '../../dev/runtime/local-app';
import type { InboxView, QuickReplyView, SessionActionResult, SessionView } from '../../src/api/types';
import { Citizen, createApp, postJson } from '../support/app';

const BUDI = '6281111111101'; // Konsultasi Koperasi
const SARI = '6281111111102'; // Konsultasi UKM
const DEDI = '6281111111103'; // Pengaduan Koperasi
const RINA = '6281111111104'; // Pengaduan UKM
const SARI_MAIL = 'sari@diskopukm.example';
const BUDI_MAIL = 'budi@diskopukm.example';

function api<T>(app: LocalApp, name: string, req: unknown, user: string): T {
  const { result } = app.api<T>(name, req, user);
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.data as T;
}

function officerApp(): LocalApp {
  const app = createApp();
  app.emu.spreadsheet.editors.push(SARI_MAIL, BUDI_MAIL);
  app.appendRows('Jawaban Cepat', [
    {
      Kode: 'nib',
      Judul: 'Cara mengurus NIB',
      Isi: 'Yth. {nama}, NIB diurus di oss.go.id. Sesi {id}, petugas {petugas}. {tidak_dikenal}',
      Grup: '',
    },
    { Kode: 'koperasi', Judul: 'Syarat pendirian koperasi', Isi: 'Minimal 9 orang anggota.', Grup: '' },
    { Kode: '=1+1', Judul: '<b>hostile</b>', Isi: '=HYPERLINK("http://x")', Grup: '' },
  ]);
  return app;
}

const sesi = (app: LocalApp, id: string) => app.records('Sesi').find((r) => r.ID === id)!;

describe('hand-over', () => {
  it('/alihkan moves the session: Jenis/Bidang corrected, only the new group notified, the citizen told', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1'); // Konsultasi Koperasi
    const connectedAt = (sesi(app, id).Terhubung as Date).getTime();
    ani.replies();
    const budi = new Citizen(app, BUDI, 'Budi Koperasi');
    budi.replies();
    const before = {
      sari: app.messagesTo(SARI).length,
      dedi: app.messagesTo(DEDI).length,
      rina: app.messagesTo(RINA).length,
    };
    app.advanceMinutes(10);
    const [told] = budi.say(`/alihkan ${id} konsul  ukm`);
    expect(told.text).toContain('dialihkan ke *Konsultasi UKM*');
    expect(sesi(app, id)).toMatchObject({ Jenis: 'Konsultasi', Bidang: 'UKM', Dialihkan: 1, Petugas: '' });
    // The 30 minutes are not restarted.
    expect((sesi(app, id).Terhubung as Date).getTime()).toBe(connectedAt);
    const toSari = app.messagesTo(SARI).slice(before.sari);
    expect(toSari).toHaveLength(1);
    expect(toSari[0].text).toContain(id);
    expect(toSari[0].text).toContain('Konsultasi Koperasi');
    expect(app.messagesTo(DEDI)).toHaveLength(before.dedi);
    expect(app.messagesTo(RINA)).toHaveLength(before.rina);
    const [citizen] = ani.replies();
    expect(citizen.text).toContain('Konsultasi UKM');
    // Sari answers by quoting the hand-over notification and now owns the session.
    postJson(
      app,
      cloudText({ phone: SARI, name: 'Sari UKM' }, 'Baik, saya bantu.', app.now(), {
        replyTo: toSari[0].messageId,
      }),
    );
    expect(ani.replies()[0].text).toContain('saya bantu');
    expect(sesi(app, id).Petugas).toBe('Sari UKM');
    // The expiry still runs from the first connection: 20 more minutes end it.
    app.advanceMinutes(20);
    app.tick();
    expect(sesi(app, id)).toMatchObject({ Status: 'Selesai', 'Ditutup Oleh': 'waktu habis' });
    // The weekly report counts it under its final group, with the hand-over.
    const report = app.api<{ sessions: number }>('report.run', { week: '2026-W48' }).result;
    expect(report.ok).toBe(true);
    const mail = app.emu.mailLog.filter((m) => m.subject.includes('2026-W48')).pop()!;
    expect(mail.body).toContain('Sesi yang dialihkan ke grup lain: 1 (1 kali pengalihan)');
  });

  it('tells the officer the groups when the group is unknown, and when it is the same one', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    const budi = new Citizen(app, BUDI, 'Budi Koperasi');
    budi.replies();
    expect(budi.say(`/alihkan ${id} Humas`)[0].text).toContain('Konsultasi UKM, Pengaduan Koperasi');
    expect(budi.say(`/alihkan ${id} Konsultasi Koperasi`)[0].text).toContain('sudah berada');
    expect(budi.say(`/alihkan ${id}`)[0].text).toContain('Format: /alihkan');
    expect(sesi(app, id)).toMatchObject({ Bidang: 'Koperasi' });
  });

  it('from the sidebar, with the restart setting on, the new group gets a full session', () => {
    const app = officerApp();
    app.appendRows('Pengaturan', [{ Kunci: 'Alihkan Mulai Ulang Sesi', Nilai: 'Ya' }]);
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    app.advanceMinutes(25);
    const res = api<SessionActionResult>(
      app,
      'session.handover',
      { sessionId: id, group: 'pengaduan-koperasi' },
      BUDI_MAIL,
    );
    expect(res.ok).toBe(true);
    expect(sesi(app, id)).toMatchObject({ Jenis: 'Pengaduan', Bidang: 'Koperasi', Dialihkan: 1 });
    app.advanceMinutes(10);
    app.tick();
    expect(sesi(app, id).Status).not.toBe('Selesai');
    const bad = app.api<SessionActionResult>(
      'session.handover',
      { sessionId: id, group: 'entah' },
      BUDI_MAIL,
    ).result;
    expect(bad.ok && (bad.data as SessionActionResult).ok).toBe(false);
  });
});

describe('claim', () => {
  it('the first officer who answers owns the session; another officer is warned before replying', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    expect(
      api<SessionActionResult>(app, 'session.reply', { sessionId: id, text: 'Halo' }, BUDI_MAIL).ok,
    ).toBe(true);
    const inbox = api<InboxView>(app, 'inbox.list', {}, SARI_MAIL);
    expect(inbox.me).toBe('Sari UKM');
    expect(inbox.sessions[0].officer).toBe('Budi Koperasi');
    const warned = api<SessionActionResult>(
      app,
      'session.reply',
      { sessionId: id, text: 'Saya juga' },
      SARI_MAIL,
    );
    expect(warned).toMatchObject({ ok: false, claimedBy: 'Budi Koperasi' });
    expect(warned.error).toContain('ditangani oleh Budi Koperasi');
    ani.replies();
    const forced = api<SessionActionResult>(
      app,
      'session.reply',
      { sessionId: id, text: 'Saya juga', force: true },
      SARI_MAIL,
    );
    expect(forced.ok).toBe(true);
    expect(ani.replies()[0].text).toContain('Saya juga');
    expect(sesi(app, id).Petugas).toBe('Budi Koperasi');
  });
});

describe('hand-over of a case after its chat ended', () => {
  it('/alihkan moves an open case: its row, a Tindak Lanjut line, the new group told, the citizen told; reminders follow it', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('2', '1', '1'); // Pengaduan Koperasi
    ani.say('Modal usaha saya ditahan pengurus');
    ani.say('selesai');
    ani.say('4');
    expect(sesi(app, id)).toMatchObject({
      'Status Kasus': 'Diterima',
      Jenis: 'Pengaduan',
      Bidang: 'Koperasi',
    });
    ani.replies();
    const dedi = new Citizen(app, DEDI, 'Dedi Aduan');
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    const budi = new Citizen(app, BUDI, 'Budi Koperasi');
    for (const o of [dedi, rina, budi]) o.replies();

    // It is about a small business, not a cooperative: Dedi hands it to Pengaduan UKM.
    const [done] = dedi.say(`/alihkan ${id} aduan ukm`);
    expect(done.text).toContain(`Kasus *${id}* dialihkan ke *Pengaduan UKM*`);
    expect(sesi(app, id)).toMatchObject({
      Jenis: 'Pengaduan',
      Bidang: 'UKM',
      Dialihkan: 1,
      'Status Kasus': 'Diterima',
    });
    const [notice] = rina.replies();
    expect(notice.text).toContain('kasus dialihkan');
    expect(notice.text).toContain(`ID kasus: *${id}*`);
    expect(notice.text).toContain('Dari: Pengaduan Koperasi (oleh Dedi Aduan)');
    expect(notice.text).toContain('Status: Diterima');
    expect(budi.replies()).toEqual([]);
    const [told] = ani.replies();
    expect(told.text).toContain('kini ditangani oleh petugas Pengaduan UKM');
    const line = app.records('Tindak Lanjut').find((r) => r['ID Sesi'] === id)!;
    expect(line).toMatchObject({
      Petugas: 'Dedi Aduan',
      Status: 'Diterima',
      Catatan: 'Dialihkan dari Pengaduan Koperasi ke Pengaduan UKM.',
    });
    expect(String(line['Dikirim ke Warga'])).not.toMatch(/gagal|tidak/i);

    // The case is the new group's now: Rina may update it, Dedi no longer.
    expect(dedi.say(`/kasus ${id} proses Dicek`)[0].text).not.toContain('Diproses');
    expect(rina.say(`/kasus ${id} proses Sedang kami cek`)[0].text).toContain('Diproses');

    // From the sidebar, an open case can still move; the same group is refused by name.
    const view = api<SessionView>(app, 'session.get', { sessionId: id }, SARI_MAIL);
    expect(view).toMatchObject({ open: false, canHandOver: true });
    const same = api<SessionActionResult>(
      app,
      'session.handover',
      { sessionId: id, group: 'Pengaduan UKM' },
      SARI_MAIL,
    );
    expect(same.ok).toBe(false);
    expect(same.error).toContain('sudah berada di grup Pengaduan UKM');

    // The morning reminders follow the case to its new group.
    app.setNow('2026-11-30T07:00:00+07:00');
    app.tick();
    const reminders = app.emu.mailLog.filter((m) => /Kasus Pengaduan/.test(m.subject));
    expect(reminders.map((m) => m.subject).join('\n')).toMatch(/Kasus Pengaduan UKM/);
    expect(reminders.find((m) => /Pengaduan UKM/.test(m.subject))!.body).toContain(id);
    expect(reminders.filter((m) => /Pengaduan Koperasi/.test(m.subject))).toEqual([]);
  });

  it('an ended session without an open case is not handed over, and the officer is told why', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    ani.say('selesai');
    const budi = new Citizen(app, BUDI, 'Budi Koperasi');
    budi.replies();
    expect(budi.say(`/alihkan ${id} Konsultasi UKM`)[0].text).toContain(
      'sudah berakhir dan tidak memiliki kasus yang masih terbuka',
    );
    expect(sesi(app, id)).toMatchObject({ Bidang: 'Koperasi', Dialihkan: '' });
    const res = api<SessionActionResult>(
      app,
      'session.handover',
      { sessionId: id, group: 'Konsultasi UKM' },
      SARI_MAIL,
    );
    expect(res.error).toContain('tidak dapat dialihkan');
    expect(api<SessionView>(app, 'session.get', { sessionId: id }, SARI_MAIL).canHandOver).toBe(false);
  });
});

describe('claim on the phone', () => {
  it("an officer answering another's session from the phone is warned first; KIRIM or /kirim sends, and the handling officer hears of it", () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    const notification = app.messagesTo(BUDI)[0];
    postJson(
      app,
      cloudText({ phone: BUDI, name: 'Budi' }, 'Selamat pagi', app.now(), {
        replyTo: notification.messageId,
      }),
    );
    expect(sesi(app, id).Petugas).toBe('Budi Koperasi');
    ani.replies();
    const budi = new Citizen(app, BUDI, 'Budi Koperasi');
    budi.replies();

    const sari = new Citizen(app, SARI, 'Sari UKM');
    sari.replies();
    const [warning] = sari.say(`${id} Saya juga bisa bantu`);
    expect(warning.text).toContain(`Sesi *${id}* sedang ditangani oleh *Budi Koperasi*`);
    expect(warning.text).toContain('balas pesan ini dengan *KIRIM*');
    expect(ani.replies()).toEqual([]);

    const warningId = app.messagesTo(SARI).find((m) => m.text === warning.text)!.messageId;
    postJson(app, cloudText({ phone: SARI, name: 'Sari' }, 'kirim', app.now(), { replyTo: warningId }));
    const got = ani.replies();
    expect(got).toHaveLength(1);
    expect(got[0].text).toContain('*Sari UKM* (petugas HALO KOP-UKM):\nSaya juga bisa bantu');
    expect(budi.replies().map((r) => r.text)).toEqual([
      `Sari UKM juga membalas pengguna layanan pada sesi *${id}* yang Anda tangani.`,
    ]);
    // The held message went once: a second KIRIM on the same warning sends nothing more.
    postJson(app, cloudText({ phone: SARI, name: 'Sari' }, 'KIRIM', app.now(), { replyTo: warningId }));
    expect(ani.replies()).toEqual([]);
    expect(
      sari
        .replies()
        .map((r) => r.text)
        .join('\n'),
    ).toContain('tidak ditemukan lagi');

    sari.say(`/kirim ${id} Tambahan dari saya`);
    expect(ani.replies().map((r) => r.text)).toEqual([
      '*Sari UKM* (petugas HALO KOP-UKM):\nTambahan dari saya',
    ]);

    // A quick reply is held the same way.
    const [held] = sari.say(`/j koperasi ${id}`);
    expect(held.text).toContain('sedang ditangani oleh *Budi Koperasi*');
    expect(ani.replies()).toEqual([]);
    // The hold is gone with the cache: the officer is told to send again, nothing reaches the citizen.
    // The last warning (the first one, with the same words, was confirmed above).
    const heldId = app
      .messagesTo(SARI)
      .filter((m) => m.text === held.text)
      .pop()!.messageId;
    app.emu.evictCache();
    const [expired] = (() => {
      postJson(app, cloudText({ phone: SARI, name: 'Sari' }, 'KIRIM', app.now(), { replyTo: heldId }));
      return sari.replies();
    })();
    expect(expired.text).toContain(`Pesan yang ditahan untuk sesi *${id}* tidak ditemukan lagi`);
    expect(ani.replies()).toEqual([]);
    expect(sesi(app, id).Petugas).toBe('Budi Koperasi');
  });
});

describe('quick replies', () => {
  it('/j <kode> quoting a notification sends the text with the variables filled', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    ani.replies();
    const notification = app.messagesTo(BUDI)[0];
    postJson(
      app,
      cloudText({ phone: BUDI, name: 'Budi' }, '/j NIB', app.now(), { replyTo: notification.messageId }),
    );
    const [sent] = ani.replies();
    expect(sent.text).toContain(`Yth. Ani, NIB diurus di oss.go.id. Sesi ${id}, petugas Budi Koperasi.`);
    expect(sent.text).toContain('{tidak_dikenal}');
    expect(sesi(app, id)).toMatchObject({ Status: 'Aktif', Petugas: 'Budi Koperasi' });
  });

  it('/j <kode> <ID> works without quoting; an unknown code answers the officer with the list', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    ani.replies();
    const budi = new Citizen(app, BUDI, 'Budi Koperasi');
    budi.replies();
    budi.say(`/j koperasi ${id}`);
    expect(ani.replies()[0].text).toContain('Minimal 9 orang anggota.');
    const [list] = budi.say(`/j siup ${id}`);
    expect(list.text).toContain('"siup" tidak ada');
    expect(list.text).toContain('• nib – Cara mengurus NIB');
    expect(list.text).toContain('• koperasi – Syarat pendirian koperasi');
    expect(ani.replies()).toHaveLength(0);
  });

  it('the sidebar lists them filled for the session; hostile rows stay text', () => {
    const app = officerApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    const view = api<QuickReplyView>(app, 'quickReplies.list', { sessionId: id, query: 'nib' }, SARI_MAIL);
    expect(view.replies.map((r) => r.code)).toEqual(['nib']);
    expect(view.replies[0].text).toContain('Yth. Ani');
    expect(view.groups).toContain('Pengaduan UKM');
    const all = api<QuickReplyView>(app, 'quickReplies.list', { sessionId: id }, SARI_MAIL);
    const hostile = all.replies.find((r) => r.title === '<b>hostile</b>');
    expect(hostile).toMatchObject({ code: '=1+1', text: '=HYPERLINK("http://x")' });
    const s = api<SessionView>(app, 'session.get', { sessionId: id }, SARI_MAIL);
    expect(s.me).toBe('Sari UKM');
  });
});
