// The WhatsApp help desk on the built bundle (SOP 000 V.1–V.11): menu, routing, 30 minutes,
// rating, officer replies, chat log — as a citizen and an officer experience it.
import { cloudMedia, cloudText } from '../../dev/runtime/whatsapp';
import { Citizen, createApp, KEY, postJson } from '../support/app';

const sesi = (app: ReturnType<typeof createApp>) => app.records('Sesi');
const pesan = (app: ReturnType<typeof createApp>) => app.records('Pesan');

describe('three-step menu', () => {
  it('greets a first message with step 1, as text and as interactive buttons', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const [reply] = ani.say('halo');
    expect(reply.text).toContain('Ketik *1* – Konsultasi');
    expect(reply.text).toContain('Ketik *2* – Pengaduan');
    expect(reply.choices.map((c) => c.title)).toEqual(['Konsultasi', 'Pengaduan']);
    expect(sesi(app)).toHaveLength(1);
    expect(sesi(app)[0]).toMatchObject({ Status: 'Menu', Nomor: '6281234567890', Nama: 'Ani' });
  });

  it('walks Pengaduan → UKM → topic 6 and connects to the Pengaduan UKM officers', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.say('halo');
    expect(ani.say('2')[0].text).toContain('Pengaduan');
    const topics = ani.say(' 2. ')[0];
    expect(topics.choices.map((c) => c.title)).toEqual([
      'Modal',
      'Izin usaha',
      'Sertifikasi',
      'Bahan',
      'Pengemasan',
      'Pasar/Promosi usaha',
      'Pelatihan',
      'Lainnya',
    ]);
    const [connected] = ani.say('6');
    expect(connected.text).toMatch(/HK-2611-\d{4}/);
    expect(connected.text).toContain('30 menit');
    const row = sesi(app)[0];
    expect(row).toMatchObject({
      Jenis: 'Pengaduan',
      Bidang: 'UKM',
      Topik: 'Pasar/Promosi usaha',
      Status: 'Menunggu',
    });
    expect(row.Terhubung).toBeInstanceOf(Date);
    // Rina (Pengaduan UKM) is told by WhatsApp and email; no one else is.
    const toRina = app.messagesTo('6281111111104');
    expect(toRina).toHaveLength(1);
    expect(toRina[0].text).toContain(String(row.ID));
    expect(toRina[0].text).toContain('Pasar/Promosi usaha');
    expect(app.messagesTo('6281111111102')).toHaveLength(0);
    const mail = app.emu.mailLog.filter((m) => m.to === 'rina@diskopukm.example');
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain(String(row.ID));
  });

  it('accepts list rows, option names, 0 to go back and MENU to restart; repeats a step on nonsense', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.say('halo');
    ani.choose('Konsultasi');
    expect(ani.say('entahlah')[0].text).toMatch(/belum kami kenali/);
    expect(ani.say('0')[0].choices.map((c) => c.title)).toEqual(['Konsultasi', 'Pengaduan']);
    ani.say('konsultasi');
    ani.say('koperasi');
    expect(ani.say('MENU')[0].choices.map((c) => c.title)).toEqual(['Konsultasi', 'Pengaduan']);
    ani.say('1');
    ani.say('1');
    const [connected] = ani.choose('SHU');
    expect(connected.text).toContain('SHU');
    expect(sesi(app)[0]).toMatchObject({ Jenis: 'Konsultasi', Bidang: 'Koperasi', Topik: 'SHU' });
  });
});

describe('service hours', () => {
  it('answers outside hours with the hours, keeps the message as a waiting session without a clock', () => {
    const app = createApp({ now: '2026-11-21T20:00:00+07:00' }); // Saturday evening
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const [first] = ani.say('Selamat malam, saya mau tanya izin usaha');
    expect(first.text).toContain('di luar jam layanan');
    expect(first.text).toMatch(/Senin/);
    ani.say('1');
    ani.say('2');
    const [queued] = ani.say('2');
    expect(queued.text).toMatch(/HK-2611-\d{4}/);
    const row = sesi(app)[0];
    expect(row).toMatchObject({ Status: 'Menunggu', 'Di Luar Jam': true, Terhubung: '' });
    // Hours later it has not expired: the 30 minutes start with the first officer reply.
    app.advanceMinutes(600);
    app.tick();
    expect(sesi(app)[0].Status).toBe('Menunggu');
  });

  it('treats a date in Hari Libur as closed', () => {
    const app = createApp({ now: '2026-12-25T09:00:00+07:00' }); // a Friday
    app.appendRows('Hari Libur', [{ Tanggal: '2026-12-25', Keterangan: 'Natal' }]);
    const [reply] = new Citizen(app, '6281234567890', 'Ani').say('halo');
    expect(reply.text).toContain('di luar jam layanan');
  });
});

describe('30-minute consultation and rating', () => {
  it('expires 30 minutes after connecting, tells the citizen and asks for the rating', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '2', '1');
    app.advanceMinutes(29);
    app.tick();
    expect(ani.replies()).toHaveLength(0);
    app.advanceMinutes(1);
    const ran = app.tick().result.ran.map((r) => r.job);
    expect(ran).toContain('sesi-habis');
    const [ended] = ani.replies();
    expect(ended.text).toContain(id);
    expect(ended.text).toContain('batas waktu');
    expect(ended.choices.map((c) => c.title)).toHaveLength(4);
    expect(sesi(app)[0]).toMatchObject({ Status: 'Selesai', 'Ditutup Oleh': 'waktu habis' });
  });

  it('also expires on an incoming webhook when tick has not run', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.connect();
    app.advanceMinutes(31);
    const budi = new Citizen(app, '6281234567891', 'Budi');
    budi.say('halo');
    expect(sesi(app)[0]['Ditutup Oleh']).toBe('waktu habis');
  });

  it('ends when the citizen sends SELESAI and stores the rating as number and label', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.connect();
    ani.say('Bagaimana cara daftar koperasi?');
    const [rate] = ani.say('selesai');
    expect(rate.text).toContain('Sangat membantu');
    expect(sesi(app)[0]).toMatchObject({ Status: 'Selesai', 'Ditutup Oleh': 'user' });
    const [thanks] = ani.say('4');
    expect(thanks.text).toContain('Sangat membantu');
    expect(sesi(app)[0]).toMatchObject({ Penilaian: 4, 'Keterangan Penilaian': 'Sangat membantu' });
    // One rating per session: a later "1" is a new conversation, not a new rating.
    const [menu] = ani.say('1');
    expect(menu.choices.map((c) => c.title)).toEqual(['Konsultasi', 'Pengaduan']);
    expect(sesi(app)[0].Penilaian).toBe(4);
    expect(sesi(app)).toHaveLength(2);
  });

  it('asks an invalid rating again once, then starts a new menu', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.connect();
    ani.say('selesai');
    expect(ani.say('mantap')[0].text).toMatch(/angka \*1\* sampai \*4\*/);
    const [menu] = ani.say('halo lagi');
    expect(menu.choices.map((c) => c.title)).toEqual(['Konsultasi', 'Pengaduan']);
    expect(sesi(app)[0].Penilaian).toBe('');
  });
});

describe('officers', () => {
  it('relays an officer reply quoting the notification; the first one sets Respons Pertama', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '2');
    const notification = app.messagesTo('6281111111101')[0];
    app.advanceMinutes(3);
    const budi = new Citizen(app, '6281111111101', 'Budi Koperasi');
    postJson(
      app,
      cloudText(budi.sender, 'Selamat pagi Bu, SHU dibagi sesuai AD/ART.', app.now(), {
        replyTo: notification.messageId,
      }),
    );
    const [answer] = ani.replies();
    expect(answer.text).toContain('SHU dibagi sesuai AD/ART');
    expect(answer.text).toContain('Budi Koperasi');
    const row = sesi(app)[0];
    expect(row).toMatchObject({ ID: id, Status: 'Aktif', Petugas: 'Budi Koperasi' });
    // Three minutes later, plus the time the executions took (it passes inside them too).
    const waited = (row['Respons Pertama'] as Date).getTime() - (row.Terhubung as Date).getTime();
    expect(waited).toBeGreaterThanOrEqual(3 * 60000);
    expect(waited).toBeLessThan(3 * 60000 + 30_000);
  });

  it('relays a message that starts with the session id and closes with /tutup', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('1', '1', '1');
    const budi = new Citizen(app, '6281111111101', 'Budi Koperasi');
    budi.say(`${id} Baik Bu, silakan kirim dokumennya.`);
    expect(ani.replies()[0].text).toContain('silakan kirim dokumennya');
    budi.say(`${id} /tutup`);
    expect(ani.replies()[0].text).toContain('Petugas telah menutup sesi');
    expect(sesi(app)[0]).toMatchObject({ Status: 'Selesai', 'Ditutup Oleh': 'petugas' });
  });

  it('never sends an officer message to anyone when the session is unknown or closed', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect();
    ani.say('selesai');
    ani.replies();
    const budi = new Citizen(app, '6281111111101', 'Budi Koperasi');
    budi.replies(); // the notification of the new session, read earlier
    const [told] = budi.say(`${id} masih ada pertanyaan?`);
    expect(told.text).toContain('sudah berakhir');
    const [unknown] = budi.say('halo semua');
    expect(unknown.text).toContain('ID sesi tidak ditemukan');
    expect(ani.replies()).toHaveLength(0);
    // Other citizens receive nothing either.
    const to = app
      .outbox()
      .filter((e) => e.channel === 'whatsapp' && (e.body as { status?: string }).status !== 'read')
      .map((e) => e.to);
    expect(new Set(to)).toEqual(new Set(['6281234567890', '6281111111101']));
  });
});

describe('chat log', () => {
  it('logs every message in and out, whole, in any script, with media as type, caption and id', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect();
    const long = 'Saya ingin bertanya 🙏 ' + 'تعاونية '.repeat(2000) + '合作社 — selesai?';
    ani.say(long);
    postJson(
      app,
      cloudMedia(
        ani.sender,
        'image',
        { id: 'MEDIA123', mime_type: 'image/jpeg', caption: 'Foto izin' },
        app.now(),
      ),
    );
    const rows = pesan(app).filter((r) => r['ID Sesi'] === id);
    expect(rows.some((r) => r.Isi === long && r.Arah === 'masuk')).toBe(true);
    const media = rows.find((r) => String(r.Isi).includes('MEDIA123'));
    expect(media).toMatchObject({ Arah: 'masuk', 'Jenis Pesan': 'image' });
    expect(String(media!.Isi)).toContain('Foto izin');
    expect(rows.filter((r) => r.Arah === 'keluar')).toHaveLength(7);
  });

  it('stores text starting with = + - @ as that text, and phone numbers with every digit', () => {
    const app = createApp();
    const ani = new Citizen(app, '081234567890', '=HYPERLINK("http://x","klik")');
    for (const t of ['=1+1', '+6281234567890', '-5', '@admin', '081234567890']) ani.say(t);
    const texts = pesan(app)
      .filter((r) => r.Arah === 'masuk')
      .map((r) => r.Isi);
    expect(texts).toEqual(['=1+1', '+6281234567890', '-5', '@admin', '081234567890']);
    const row = sesi(app)[0];
    expect(row.Nomor).toBe('081234567890');
    expect(row.Nama).toBe('=HYPERLINK("http://x","klik")');
    const sheet = app.emu.spreadsheet.getSheetByName('Pesan')!;
    for (let r = 2; r <= sheet.lastRow(); r++)
      for (let c = 1; c <= sheet.lastColumn(); c++) expect(sheet.formulaAt(r, c)).toBe('');
  });
});

describe('webhook robustness', () => {
  it('handles the same delivery twice only once', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const body = cloudText(ani.sender, 'halo', app.now(), { id: 'wamid.same' });
    postJson(app, body);
    postJson(app, body);
    expect(ani.replies()).toHaveLength(1);
    expect(pesan(app).filter((r) => r['ID Pesan'] === 'wamid.same')).toHaveLength(1);
  });

  it('ignores a wrong or missing key, writing nothing but a log line', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const body = JSON.stringify(cloudText(ani.sender, 'halo', app.now()));
    const queries: Record<string, string>[] = [{}, { key: 'wrong' }, { key: '' }];
    for (const query of queries) {
      const res = app.post(query, body);
      expect(JSON.parse(res.body)).toEqual({ ok: false });
    }
    expect(sesi(app)).toHaveLength(0);
    expect(pesan(app)).toHaveLength(0);
    expect(ani.replies()).toHaveLength(0);
    expect(app.records('Log Sistem')).toHaveLength(1);
  });

  it('answers empty, malformed and huge bodies with small JSON and no sheet writes', () => {
    const app = createApp();
    for (const body of ['', '{', 'null', '[]', '{"object":"page"}', 'x'.repeat(1024 * 1024)]) {
      const res = app.post(KEY, body);
      expect(res.contentType).toBe('application/json');
      expect(res.body.length).toBeLessThan(100);
      expect(JSON.parse(res.body).ok).toBe(true);
    }
    expect(sesi(app)).toHaveLength(0);
  });

  it('answers Meta verification with the challenge only when the token matches', () => {
    const app = createApp();
    const ok = app.get({
      'hub.mode': 'subscribe',
      'hub.verify_token': 'playground',
      'hub.challenge': '1158201444',
    });
    expect(ok.body).toBe('1158201444');
    const bad = app.get({
      'hub.mode': 'subscribe',
      'hub.verify_token': 'nope',
      'hub.challenge': '1158201444',
    });
    expect(bad.body).not.toContain('1158201444');
    expect(app.get({}).body).toBe('HALO KOP-UKM aktif.');
  });
});
