// The webhook against Meta's published payloads, Fonnte, usernames, send failures and retries.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NetworkError } from '../../dev/emulator/index';
import { cloudError, cloudStatus, cloudText } from '../../dev/runtime/whatsapp';
import { Citizen, createApp, KEY, postJson } from '../support/app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'whatsapp');
const META_NUMBER_ID = '106540352242922';
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

describe('published WhatsApp Cloud API payloads', () => {
  const inbound = readdirSync(FIXTURES).filter((f) => /^cloud-(?!send|status|errors).*\.json$/.test(f));

  it.each(inbound)('%s: answered, logged in Pesan with its type, never crashing', (file) => {
    const app = createApp({ config: { phoneNumberId: META_NUMBER_ID } });
    const payload = fixture(file);
    const res = postJson(app, payload);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    const change = (
      payload.entry as { changes: { value: { messages: { id: string; type: string }[] } }[] }[]
    )[0].changes[0].value;
    const msg = change.messages[0];
    const row = app.records('Pesan').find((r) => r['ID Pesan'] === msg.id);
    expect(row).toBeDefined();
    expect(row).toMatchObject({ Arah: 'masuk', Nomor: '16505551234' });
    expect(String(row!['Jenis Pesan'])).toBe(msg.type);
    expect(app.records('Log Sistem').filter((r) => r.Tingkat === 'GALAT')).toHaveLength(0);
  });

  it('delivered, read and sent statuses touch no sheet', () => {
    const app = createApp({ config: { phoneNumberId: META_NUMBER_ID } });
    for (const f of ['cloud-status-sent.json', 'cloud-status-delivered.json', 'cloud-status-read.json']) {
      const res = postJson(app, fixture(f));
      expect(JSON.parse(res.body).ok).toBe(true);
      expect(res.calls.roundTrips).toBe(0);
    }
  });

  it('a failed status and a system-level error are logged', () => {
    const app = createApp({ config: { phoneNumberId: META_NUMBER_ID } });
    postJson(app, fixture('cloud-status-failed.json'));
    postJson(app, fixture('cloud-errors-system-level.json'));
    const log = app.records('Log Sistem').map((r) => String(r.Pesan));
    expect(log.some((l) => l.includes('131049'))).toBe(true);
    expect(log.some((l) => l.includes('130429'))).toBe(true);
  });

  it('handles several entries, changes and messages in one POST, and ignores extra fields', () => {
    const app = createApp({ config: { phoneNumberId: META_NUMBER_ID } });
    const text = fixture('cloud-text.json') as {
      entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[];
    };
    const a = JSON.parse(JSON.stringify(text.entry[0]));
    const b = JSON.parse(JSON.stringify(text.entry[0]));
    a.changes[0].value.messages[0].id = 'wamid.batch.1';
    b.changes[0].value.messages[0].id = 'wamid.batch.2';
    b.changes[0].value.messages.push({
      ...b.changes[0].value.messages[0],
      id: 'wamid.batch.3',
      future_field: { x: 1 },
    });
    const res = postJson(app, { ...text, entry: [a, b], extra: true });
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    const ids = app
      .records('Pesan')
      .filter((r) => r.Arah === 'masuk')
      .map((r) => r['ID Pesan']);
    expect(ids).toEqual(['wamid.batch.1', 'wamid.batch.2', 'wamid.batch.3']);
  });

  it('ignores a payload for another business phone number', () => {
    const app = createApp(); // configured for PLAYGROUND
    postJson(app, fixture('cloud-text.json'));
    expect(app.records('Pesan')).toHaveLength(0);
  });
});

describe('failed sends', () => {
  it('records a failed status (131047) on the message it belongs to', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const [greeting] = ani.say('halo');
    postJson(
      app,
      cloudStatus(greeting.messageId, 'failed', ani.address, app.now(), [
        { code: 131047, title: 'Re-engagement message' },
      ]),
    );
    const row = app.records('Pesan').find((r) => r['ID Pesan'] === greeting.messageId);
    expect(String(row!['Status Kirim'])).toContain('131047');
  });

  it('queues a rate-limited send (130429), retries it with backoff from tick, and never loses it', () => {
    const app = createApp();
    let failures = 1;
    app.fakeWhatsApp = {
      fail: (_req, msg) =>
        msg && msg.to === '6281234567890' && failures-- > 0
          ? cloudError(130429, 'Rate limit hit', 429)
          : null,
    };
    const ani = new Citizen(app, '6281234567890', 'Ani');
    expect(ani.say('halo')).toHaveLength(1); // the attempt that failed
    const row = () => app.records('Pesan').find((r) => r.Arah === 'keluar' && r.Nomor === '6281234567890')!;
    expect(String(row()['Status Kirim'])).toMatch(/^antre/);
    app.advanceMinutes(1);
    app.tick();
    const retried = ani.replies();
    expect(retried).toHaveLength(1);
    expect(retried[0].text).toContain('Konsultasi');
    expect(row()['Status Kirim']).toBe('terkirim');
  });

  it('a network failure is queued too; a permanent error (131026) is recorded and not retried', () => {
    const app = createApp();
    let mode: 'network' | 'permanent' = 'network';
    const original = app.emu.fetchHandler;
    app.emu.fetchHandler = (req) => {
      if (
        req.url.includes('graph.facebook.com') &&
        req.payload.includes('6281234567890') &&
        !req.payload.includes('"read"')
      ) {
        if (mode === 'network') throw NetworkError.unavailable(req.url);
        return cloudError(131026, 'Message Undeliverable');
      }
      return original(req);
    };
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.say('halo');
    mode = 'permanent';
    app.advanceMinutes(1);
    app.tick();
    app.advanceMinutes(60);
    app.tick();
    const status = app
      .records('Pesan')
      .filter((r) => r.Arah === 'keluar')
      .map((r) => String(r['Status Kirim']));
    expect(status[0]).toContain('131026');
    expect(app.records('Log Sistem').some((r) => String(r.Pesan).includes('131026'))).toBe(true);
    const attempts = app.emu.fetchLog.filter(
      (r) => r.payload.includes('6281234567890') && !r.payload.includes('"read"'),
    );
    expect(attempts).toHaveLength(2);
  });
});

describe('Fonnte and usernames', () => {
  it('runs the menu over Fonnte with numbered text (JSON and form-encoded webhooks)', () => {
    const app = createApp({ config: { provider: 'fonnte', token: 'fonnte-token' } });
    const ani = new Citizen(app, '6281234567890', 'Ani', undefined, 'fonnte');
    const [menu] = ani.say('halo');
    expect(menu.provider).toBe('fonnte');
    expect(menu.text).toContain('Ketik *1* – Konsultasi');
    const form = new URLSearchParams({
      device: '6281100000000',
      sender: '6281234567890',
      message: '2',
      name: 'Ani',
      timestamp: String(Math.floor(app.now() / 1000) + 5),
    });
    const res = app.post(KEY, form.toString(), 'application/x-www-form-urlencoded');
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    expect(ani.replies()[0].text).toContain('Pengaduan');
    const sent = app.emu.fetchLog.find((r) => r.url.includes('api.fonnte.com'))!;
    expect(sent.headers.Authorization ?? sent.headers.authorization).toBe('fonnte-token');
  });

  it('keys a username user (no phone number) by user id and answers to the user id', () => {
    const app = createApp();
    const user = new Citizen(app, '', 'Pengguna Baru', 'ID.1234567890');
    const id = user.connect('1', '2', '1');
    expect(id).toMatch(/^HK-/);
    expect(app.records('Sesi')[0]).toMatchObject({ Nomor: 'ID.1234567890', 'ID Pengguna': 'ID.1234567890' });
  });
});

describe('texts', () => {
  it('uses a text override from Pengaturan ("Teks: <key>")', () => {
    const app = createApp();
    app.appendRows('Pengaturan', [
      { Kunci: 'Teks: connected', Nilai: 'Tersambung ke {jenis} {bidang}, sesi {sessionId}.' },
    ]);
    const ani = new Citizen(app, '6281234567890', 'Ani');
    ani.say('halo');
    ani.say('1');
    ani.say('1');
    expect(ani.say('1')[0].text).toMatch(/^Tersambung ke Konsultasi Koperasi, sesi HK-2611-\d{4}\.$/);
  });
});

describe('lock held too long by another execution', () => {
  it('keeps the delivery and handles it at the next tick instead of losing it', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    // Another execution (a long job) holds the script lock past doPost's wait.
    const holder = app.emu.beginExecution('longJob', { kind: 'trigger' });
    const globals = app.emu.globals(undefined, holder) as { LockService: GoogleAppsScript.Lock.LockService };
    globals.LockService.getScriptLock().waitLock(1000);
    const res = postJson(app, cloudText(ani.sender, 'halo', app.now()));
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, queued: true });
    expect(app.records('Pesan')).toHaveLength(0);
    // The citizen is told at once, briefly; no menu yet.
    expect(ani.replies().map((r) => r.text)).toEqual([expect.stringMatching(/^Mohon maaf, sistem kami/)]);
    expect(app.records('Antrean Masuk').filter((r) => r.Isi !== '')).toHaveLength(1);
    app.emu.endExecution(holder);
    app.advanceMinutes(1);
    expect(app.tick().result.ran.map((r) => r.job)).toContain('pesan-tertunda');
    expect(
      app
        .records('Pesan')
        .filter((r) => r.Arah === 'masuk')
        .map((r) => r.Isi),
    ).toEqual(['halo']);
    expect(ani.replies()[0].choices.map((c) => c.title)).toEqual(['Konsultasi', 'Pengaduan']);
    expect(app.records('Antrean Masuk').filter((r) => r.Isi !== '')).toHaveLength(0);
    // Said in Log Sistem (by tick: the lock was busy), and told to the reporting team once.
    const log = app.records('Log Sistem').map((r) => String(r.Pesan));
    expect(log.some((l) => /pesan tertunda diproses ulang.*kunci/i.test(l))).toBe(true);
    expect(app.emu.mailLog.filter((m) => /Gangguan sistem/.test(m.subject))).toHaveLength(1);
  });

  // Script Properties allow 9 KB a value counted in UTF-8 bytes (the emulator refuses more with
  // "Argument too large: value"): a delivery of emoji (4 bytes, 2 JavaScript characters) and
  // Javanese script (3 bytes, 1 character) is cut by bytes, so every message is kept.
  it('keeps a delivery heavy in 4-byte and 3-byte characters whole, in chunks under 9 KB', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const texts = [
      '😀'.repeat(1200),
      '🙏🏽'.repeat(600),
      'ꦲꦤꦕꦫꦏ'.repeat(460),
      Array(600).fill('مرحبا').join(' '),
    ];
    const delivery = cloudText(ani.sender, texts[0], app.now(), { id: 'wamid.big0' }) as {
      entry: { changes: { value: { messages: unknown[] } }[] }[];
    };
    const messages = delivery.entry[0].changes[0].value.messages;
    texts.slice(1).forEach((t, i) => {
      const more = cloudText(ani.sender, t, app.now(), { id: `wamid.big${i + 1}` }) as typeof delivery;
      messages.push(...more.entry[0].changes[0].value.messages);
    });
    const holder = app.emu.beginExecution('longJob', { kind: 'trigger' });
    const globals = app.emu.globals(undefined, holder) as { LockService: GoogleAppsScript.Lock.LockService };
    globals.LockService.getScriptLock().waitLock(1000);
    // Antrean Masuk unavailable too: the delivery goes to Script Properties, in chunks.
    const sheet = app.emu.spreadsheet.getSheetByName('Antrean Masuk')!;
    sheet.name = 'Antrean Masuk (dipindah)';
    const res = postJson(app, delivery);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, queued: true });
    const kept = [...app.emu.scriptProperties].filter(([k]) => k.startsWith('q:in:') && k !== 'q:in:waiting');
    expect(kept.length).toBeGreaterThan(1);
    for (const [, v] of kept) expect(Buffer.byteLength(v, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    sheet.name = 'Antrean Masuk';
    app.emu.endExecution(holder);
    app.advanceMinutes(1);
    app.tick();
    const inbound = app.records('Pesan').filter((r) => r.Arah === 'masuk');
    expect(inbound.map((r) => r.Isi)).toEqual(texts);
  });
});
