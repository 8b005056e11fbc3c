// Broadcasts (DESIGN §3.8) on the built bundle in the emulator: the broadcast team starts one from
// the sidebar; `tick` sends it in batches over many executions, with templates outside the 24-hour
// window, throttling pauses, failures recorded, the daily quota, opt-outs, and an execution killed
// mid-send — and every subscriber receives it at most once (exactly once when nothing failed).

import type { LocalApp } from '../../dev/runtime/local-app';
import type { FakeResponse, FetchLike, OutboundMessage } from '../../dev/runtime/whatsapp';
import type { BroadcastStartResult, BroadcastStatusView, BroadcastTopicItem } from '../../src/api/types';
import { cloudStatus } from '../../dev/runtime/whatsapp';
import { Citizen, createApp, during, expectWithin } from '../support/app';

const START = '2026-11-23T09:00:00+07:00';
const HOUR = 3_600_000;
const TOPIC = 'Pendaftaran NIB gratis';
const BODY = 'Daftarkan usaha Anda di OSS.\nGratis, cukup dengan KTP.';

function phone(i: number): string {
  return `62812${String(10_000_000 + i)}`;
}

function api<T>(app: LocalApp, name: string, req: unknown = {}): T {
  const { result } = app.api<T>(name, req);
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.data as T;
}

function settings(app: LocalApp, values: Record<string, string>): void {
  app.appendRows(
    'Pengaturan',
    Object.entries(values).map(([Kunci, Nilai]) => ({ Kunci, Nilai })),
  );
}

/** `n` active subscribers; those in `recent` wrote 2 hours before the start, the others long ago. */
function subscribers(app: LocalApp, n: number, recent: (i: number) => boolean = () => false): string[] {
  const now = app.now();
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      Nomor: phone(i),
      Nama: `Pelanggan ${i}`,
      Status: 'Aktif',
      Sejak: new Date(now - 30 * 24 * HOUR),
      'Pesan Terakhir': new Date(recent(i) ? now - 2 * HOUR : now - 10 * 24 * HOUR),
    });
  }
  app.appendRows('Pelanggan Siaran', rows);
  return rows.map((r) => r.Nomor);
}

interface Tally {
  attempts: Map<string, number>;
  delivered: Map<string, number>;
  messages: Map<string, OutboundMessage>;
  n: number;
}

/** Counts broadcast requests per recipient; `inject` may answer one with an error instead. */
function tally(app: LocalApp, inject: (n: number, to: string) => FakeResponse | null = () => null): Tally {
  const t: Tally = { attempts: new Map(), delivered: new Map(), messages: new Map(), n: 0 };
  app.fakeWhatsApp.fail = (_req: FetchLike, msg: OutboundMessage | null) => {
    if (!msg || !msg.text.includes(TOPIC)) return null;
    t.n++;
    t.attempts.set(msg.to, (t.attempts.get(msg.to) ?? 0) + 1);
    const injected = inject(t.n, msg.to);
    if (!injected) {
      t.delivered.set(msg.to, (t.delivered.get(msg.to) ?? 0) + 1);
      t.messages.set(msg.to, msg);
    }
    return injected;
  };
  return t;
}

function graphError(code: number, message: string, status = 400): FakeResponse {
  return { status, body: JSON.stringify({ error: { code, message, type: 'OAuthException' } }) };
}

/** Runs tick every minute until the broadcast is no longer running (or `maxTicks`). */
function tickUntilDone(app: LocalApp, maxTicks = 500): { ticks: number; status: BroadcastStatusView } {
  let status = api<BroadcastStatusView>(app, 'broadcast.status');
  let ticks = 0;
  while (status.active && ticks < maxTicks) {
    app.advanceMinutes(1);
    const ran = app.tick().result.ran.find((r) => r.job === 'siaran');
    if (ran?.error) throw new Error(ran.error);
    ticks++;
    status = api<BroadcastStatusView>(app, 'broadcast.status');
  }
  return { ticks, status };
}

/** Requests per recipient as the emulator's UrlFetch log saw them (independent of the tally). */
function fetchLogCounts(app: LocalApp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const req of app.emu.fetchLog) {
    if (!/graph\.facebook\.com/.test(req.url)) continue;
    const body = JSON.parse(req.payload) as {
      to?: string;
      type?: string;
      text?: { body?: string };
      template?: unknown;
    };
    const text = body.type === 'text' ? (body.text?.body ?? '') : JSON.stringify(body.template ?? '');
    if (!body.to || !text.includes(TOPIC)) continue;
    counts.set(body.to, (counts.get(body.to) ?? 0) + 1);
  }
  return counts;
}

function logRows(app: LocalApp) {
  return app.records('Log Siaran');
}

describe('a broadcast to 2,000 subscribers', () => {
  it('reaches each exactly once over many executions, with a throttle and a failure in the middle', () => {
    const app = createApp({ now: START });
    settings(app, { 'Nama Template Siaran': 'info_halo', 'Batas Siaran per Hari': '0' });
    const phones = subscribers(app, 2000, (i) => i % 100 === 0);
    app.tick(); // the other jobs' first runs, so that the batch below runs alone
    const THROTTLED_AT = 700;
    const UNDELIVERABLE = phones[1234];
    let throttledTo = '';
    const t = tally(app, (n, to) => {
      if (n === THROTTLED_AT) {
        throttledTo = to;
        return graphError(130429, 'Rate limit hit');
      }
      if (to === UNDELIVERABLE) return graphError(131026, 'Message undeliverable');
      return null;
    });

    const start = api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    expect(start).toMatchObject({
      ok: true,
      started: true,
      recipients: 2000,
      outsideWindow: 1980,
      templateName: 'info_halo',
    });
    expect(start.warnings).toEqual([]);
    expect(start.status.current).toMatchObject({
      status: 'berjalan',
      total: 2000,
      remaining: 2000,
      percent: 0,
    });
    // The queue is a snapshot in Log Siaran: one row per recipient.
    expect(logRows(app)).toHaveLength(2000);
    expect(logRows(app).every((r) => r['Status'] === 'menunggu')).toBe(true);

    // One batch: at most 50 sends, fewer when its 12-second budget runs out first (each send takes
    // its time: ~0.3 s on the emulated clock), and a handful of sheet calls.
    app.advanceMinutes(1);
    const first = app.tick();
    expect(first.result.ran.map((r) => r.job)).toEqual(['siaran']);
    expect(t.n).toBeGreaterThan(20);
    expect(t.n).toBeLessThanOrEqual(50);
    expect(first.calls.endedAt! - first.calls.startedAt).toBeLessThan(15_000);
    const sheetCalls = Object.entries(first.calls.byMethod)
      .filter(([m]) => m.startsWith('Spreadsheet'))
      .reduce((a, [, n]) => a + n, 0);
    expect(sheetCalls).toBeLessThanOrEqual(6);
    expect(first.calls.byMethod['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(first.calls.byMethod['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(first.calls.byMethod['UrlFetchApp.fetch']).toBe(t.n);

    const { ticks, status } = tickUntilDone(app);
    expect(ticks).toBeGreaterThanOrEqual(40);
    expect(status.active).toBe(false);
    expect(status.current).toMatchObject({
      status: 'selesai',
      total: 2000,
      sent: 1999,
      templated: 1979,
      failed: 1,
      skipped: 0,
      uncertain: 0,
      remaining: 0,
      percent: 100,
    });
    expect(status.current!.lastError).toContain('131026');

    // Exactly once: every subscriber but the undeliverable one got one successful request.
    for (const p of phones) expect(t.delivered.get(p) ?? 0).toBe(p === UNDELIVERABLE ? 0 : 1);
    expect(t.attempts.get(throttledTo)).toBe(2);
    expect(t.attempts.get(UNDELIVERABLE)).toBe(1);
    const logged = fetchLogCounts(app);
    expect(logged.size).toBe(2000);
    for (const p of phones) expect(logged.get(p)).toBe(p === throttledTo ? 2 : 1);

    // Free text inside the 24-hour window, the approved template outside it.
    expect(t.messages.get(phones[100])!.type).toBe('text');
    expect(t.messages.get(phones[100])!.text).toContain(BODY);
    const templated = t.messages.get(phones[101])!;
    expect(templated.type).toBe('template');
    expect(templated.text).toBe(
      `[info_halo] ${TOPIC} | Daftarkan usaha Anda di OSS. Gratis, cukup dengan KTP.`,
    );

    // Log Siaran: one row per send with its outcome.
    const rows = logRows(app);
    expect(rows).toHaveLength(2000);
    const byStatus = new Map<string, number>();
    for (const r of rows) byStatus.set(String(r['Status']), (byStatus.get(String(r['Status'])) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ terkirim: 20, 'terkirim (template)': 1979, gagal: 1 });
    const failed = rows.find((r) => r['Status'] === 'gagal')!;
    expect(String(failed['Nomor'])).toBe(UNDELIVERABLE);
    expect(String(failed['Kesalahan'])).toContain('131026');
    expect(
      rows.every((r) => r['Topik'] === TOPIC && String(r['ID Siaran']).startsWith('SIARAN-20261123-')),
    ).toBe(true);

    // The throttle was logged; later ticks send nothing more.
    const system = app.records('Log Sistem').map((r) => String(r['Pesan']));
    expect(system.some((m) => m.includes('dijeda 1 menit') && m.includes('130429'))).toBe(true);
    expect(system.some((m) => m.includes('selesai: 1999 terkirim'))).toBe(true);
    const before = t.n;
    for (let i = 0; i < 3; i++) {
      app.advanceMinutes(5);
      app.tick();
    }
    expect(t.n).toBe(before);
  });
});

describe('broadcast rules', () => {
  it('stops at the daily quota and resumes the next morning, without repeating anyone', () => {
    const app = createApp({ now: START });
    settings(app, { 'Nama Template Siaran': 'info_halo', 'Batas Siaran per Hari': '120' });
    const phones = subscribers(app, 300);
    const t = tally(app);
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });

    let day1 = tickUntilDone(app, 10);
    expect(t.n).toBe(120);
    expect(day1.status.current).toMatchObject({ status: 'menunggu-kuota', sent: 120, remaining: 180 });
    expect(day1.status.current!.resumeAt).toBe('2026-11-24T07:00:00+07:00');
    expect(day1.status.sentToday).toBe(120);
    // Ticks during the night send nothing.
    app.setNow('2026-11-24T06:59:00+07:00');
    app.tick();
    expect(t.n).toBe(120);
    app.setNow('2026-11-24T07:00:00+07:00');
    day1 = tickUntilDone(app, 10);
    expect(t.n).toBe(240);
    app.setNow('2026-11-25T07:00:00+07:00');
    const done = tickUntilDone(app, 10);
    expect(done.status.current).toMatchObject({ status: 'selesai', sent: 300 });
    for (const p of phones) expect(t.attempts.get(p)).toBe(1);
  });

  it('skips recipients outside the window when no template is configured, with the reason', () => {
    const app = createApp({ now: START });
    const phones = subscribers(app, 10, (i) => i < 3);
    const t = tally(app);
    const preview = api<BroadcastStartResult>(app, 'broadcast.start', {
      topic: TOPIC,
      body: BODY,
      preview: true,
    });
    expect(preview).toMatchObject({
      ok: true,
      started: false,
      recipients: 10,
      outsideWindow: 7,
      templateName: '',
    });
    expect(preview.warnings[0]).toContain('7 pelanggan');
    expect(logRows(app)).toHaveLength(0);

    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    const { status } = tickUntilDone(app);
    expect(status.current).toMatchObject({ status: 'selesai', sent: 3, skipped: 7 });
    expect([...t.attempts.keys()].sort()).toEqual(phones.slice(0, 3));
    const skipped = logRows(app).filter((r) => r['Status'] === 'dilewati');
    expect(skipped).toHaveLength(7);
    expect(String(skipped[0]['Kesalahan'])).toContain('Nama Template Siaran belum diisi');
  });

  it('sends free text to someone who chatted within 24 hours (from Pesan), and skips who stopped mid-way', () => {
    const app = createApp({ now: '2026-11-23T07:30:00+07:00' });
    settings(app, { 'Nama Template Siaran': 'info_halo' });
    const phones = subscribers(app, 120);
    // Subscriber 5 chatted with the help desk this morning; subscriber 110 stops after the first batch.
    new Citizen(app, phones[5], 'Pelanggan 5').say('halo');
    app.setNow(START);
    const t = tally(app);
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    app.advanceMinutes(1);
    app.tick();
    expect(t.n).toBeGreaterThan(0);
    expect(t.n).toBeLessThanOrEqual(50);
    new Citizen(app, phones[110], 'Pelanggan 110').say('BERHENTI');
    const { status } = tickUntilDone(app);
    expect(status.current).toMatchObject({ status: 'selesai', sent: 119, skipped: 1 });
    expect(t.messages.get(phones[5])!.type).toBe('text');
    expect(t.messages.get(phones[6])!.type).toBe('template');
    expect(t.attempts.has(phones[110])).toBe(false);
    const row = logRows(app).find((r) => String(r['Nomor']) === phones[110])!;
    expect(row).toMatchObject({ Status: 'dilewati' });
    expect(String(row['Kesalahan'])).toContain('Berhenti berlangganan');
  });

  it('with Fonnte sends the text to everyone: there is no 24-hour window or template', () => {
    const app = createApp({ now: START, config: { provider: 'fonnte' } });
    const phones = subscribers(app, 70);
    const sent = new Map<string, string>();
    app.fakeWhatsApp.fail = (_req, msg) => {
      if (msg && msg.text.includes(TOPIC)) sent.set(msg.to, msg.text);
      return null;
    };
    const start = api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    expect(start).toMatchObject({ ok: true, recipients: 70, outsideWindow: 0, warnings: [] });
    const { status } = tickUntilDone(app);
    expect(status.current).toMatchObject({ status: 'selesai', sent: 70, templated: 0 });
    expect([...sent.keys()].sort()).toEqual([...phones].sort());
    expect(sent.get(phones[0])).toContain('*BERHENTI* untuk berhenti');
  });

  it('refuses a second broadcast while one runs, and a repeated topic unless asked', () => {
    const app = createApp({ now: START });
    settings(app, { 'Nama Template Siaran': 'info_halo' });
    subscribers(app, 60);
    tally(app);
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    const again = api<BroadcastStartResult>(app, 'broadcast.start', { topic: 'Lain', body: 'Isi' });
    expect(again).toMatchObject({ ok: false, started: false });
    expect(again.error).toContain('masih berjalan');
    tickUntilDone(app);
    const repeat = api<BroadcastStartResult>(app, 'broadcast.start', {
      topic: TOPIC.toUpperCase(),
      body: BODY,
    });
    expect(repeat.ok).toBe(false);
    expect(repeat.error).toContain('sudah disiarkan');
    const forced = api<BroadcastStartResult>(app, 'broadcast.start', {
      topic: TOPIC,
      body: BODY,
      again: true,
    });
    expect(forced).toMatchObject({ ok: true, started: true, recipients: 60 });
    const status = api<BroadcastStatusView>(app, 'broadcast.status');
    expect(status.history[0]).toMatchObject({ topic: TOPIC, status: 'selesai', sent: 60 });
    const empty = api<BroadcastStartResult>(app, 'broadcast.start', { topic: ' ', body: BODY });
    expect(empty.error).toContain('topik');
  });

  it('lists Bank Topik for choosing, with when each topic was last broadcast', () => {
    const app = createApp({ now: START });
    app.appendRows('Bank Topik', [
      { Topik: TOPIC, Tema: 'UKM', Keterangan: 'Isi siap kirim', Status: 'Tersedia' },
      { Topik: 'RAT', Tema: 'Koperasi', Keterangan: '', Status: 'Dipakai' },
    ]);
    subscribers(app, 5);
    tally(app);
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: 'Isi siap kirim' });
    const topics = api<BroadcastTopicItem[]>(app, 'broadcast.topics');
    expect(topics).toEqual([
      expect.objectContaining({
        topic: TOPIC,
        theme: 'UKM',
        description: 'Isi siap kirim',
        lastBroadcast: expect.stringMatching(/^2026-11-23T09:0\d:\d\d\+07:00$/),
      }),
      expect.objectContaining({ topic: 'RAT', status: 'Dipakai', lastBroadcast: '' }),
    ]);
  });

  it('can be cancelled: queued rows say so and nothing more is sent', () => {
    const app = createApp({ now: START });
    settings(app, { 'Nama Template Siaran': 'info_halo' });
    subscribers(app, 120);
    const t = tally(app);
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    app.advanceMinutes(1);
    app.tick();
    const sent = t.n;
    expect(sent).toBeGreaterThan(0);
    const cancelled = api<BroadcastStatusView>(app, 'broadcast.cancel');
    expect(cancelled.active).toBe(false);
    expect(cancelled.current).toMatchObject({ status: 'dibatalkan', sent, remaining: 120 - sent });
    app.advanceMinutes(1);
    app.tick();
    expect(t.n).toBe(sent);
    const rows = logRows(app).filter((r) => r['Status'] === 'dibatalkan');
    expect(rows).toHaveLength(120 - sent);
    expect(String(rows[0]['Kesalahan'])).toContain('Dibatalkan oleh admin@diskopukm.example');
  });

  it('halts on an account error (expired token) and keeps the recipient queued until fixed', () => {
    const app = createApp({ now: START });
    settings(app, { 'Nama Template Siaran': 'info_halo' });
    const phones = subscribers(app, 80);
    let broken = true;
    const t = tally(app, (n) =>
      broken && n === 30 ? graphError(190, 'Error validating access token', 401) : null,
    );
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    app.advanceMinutes(1);
    // Both batches of the hour before the error: the first may end on its time budget.
    const ticked = during(app, () => {
      app.tick();
      if (t.n < 30) {
        app.advanceMinutes(1);
        app.tick();
      }
    });
    let status = api<BroadcastStatusView>(app, 'broadcast.status');
    expect(status.current).toMatchObject({ status: 'jeda', sent: 29, failed: 0, remaining: 51 });
    expect(status.current!.lastError).toContain('190');
    // An hour after the tick that met the error.
    const resumeAt = Date.parse(status.current!.resumeAt);
    expectWithin(resumeAt, { from: Math.floor(ticked.from / 1000) * 1000 + HOUR, to: ticked.to + HOUR });
    broken = false;
    app.setNow(resumeAt);
    status = tickUntilDone(app).status;
    expect(status.current).toMatchObject({ status: 'selesai', sent: 80 });
    for (const p of phones) expect(t.delivered.get(p)).toBe(1);
  });
});

describe('an execution killed in the middle of a send', () => {
  it('never re-sends: the one in flight is recorded as uncertain, everyone else gets it once', () => {
    const app = createApp({ now: START });
    settings(app, { 'Nama Template Siaran': 'info_halo' });
    const phones = subscribers(app, 150);
    let crashAt = Infinity;
    let crashed = '';
    const t = tally(app, (n, to) => {
      if (n === crashAt) {
        crashed = to;
        // WhatsApp accepts the message (the tally counts it delivered); the answer takes so long
        // that the execution runs out of its 6 minutes (emulated time) before the fetch returns.
        app.emu.clock.advance(6 * 60_000);
      }
      return null;
    });
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    app.advanceMinutes(1);
    app.tick(); // the first batch
    crashAt = t.n + 10;
    app.advanceMinutes(1);
    let killed: unknown = null;
    try {
      app.tick();
    } catch (e) {
      killed = e;
    }

    expect(String(killed)).toContain('Exceeded maximum execution time');
    expect(t.n).toBe(crashAt);

    const { status } = tickUntilDone(app);
    expect(status.current).toMatchObject({
      status: 'selesai',
      total: 150,
      sent: 149,
      uncertain: 1,
      failed: 0,
    });
    const counts = fetchLogCounts(app);
    for (const p of phones) expect(counts.get(p)).toBe(1);
    for (const p of phones) expect(t.delivered.get(p)).toBe(1);
    const row = logRows(app).find((r) => String(r['Nomor']) === crashed)!;
    expect(row['Status']).toBe('tidak pasti');
    expect(String(row['Kesalahan'])).toMatch(/tidak dikirim ulang/i);
    // The outcomes of the sends of that batch made before the crash were not lost.
    const sentRows = logRows(app).filter((r) => String(r['Status']).startsWith('terkirim'));
    expect(sentRows).toHaveLength(149);
  });
});

describe('a failure reported later by a status webhook', () => {
  it('lands on the subscriber’s Log Siaran row (131047: outside the 24-hour window)', () => {
    const app = createApp({ now: START });
    settings(app, { 'Nama Template Siaran': 'info_halo' });
    const [first, second] = subscribers(app, 2, () => true);
    api<BroadcastStartResult>(app, 'broadcast.start', { topic: TOPIC, body: BODY });
    app.advanceMinutes(1);
    app.tick();
    const sent = app.messagesTo(first).find((m) => m.text.includes(TOPIC))!;
    expect(sent.messageId).not.toBe('');
    const status = cloudStatus(sent.messageId, 'failed', first, app.now(), [
      { code: 131047, title: 'Re-engagement message' },
    ]);
    app.post({ key: 'playground' }, JSON.stringify(status), 'application/json');
    const rows = logRows(app);
    const failed = rows.find((r) => r['Nomor'] === first)!;
    expect(failed['Status']).toBe('gagal');
    expect(String(failed['Kesalahan'])).toContain('131047');
    expect(rows.find((r) => r['Nomor'] === second)!['Status']).toMatch(/^terkirim/);
  });
});
