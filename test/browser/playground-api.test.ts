// The playground's JSON API and web app, over HTTP (no browser): the contract README.md documents
// under "Playground". Each test talks to a server on a free port with its state in a temp folder.

import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textWebhook, choiceWebhook } from '../../dev/playground/client/webhook';
import { startPlayground, type StartedPlayground } from './support/playground';

const MONDAY_TEN = '2026-11-23T10:00:00+07:00';

jest.setTimeout(60_000);

interface OutboxEntry {
  at: string;
  channel: string;
  to: string;
  text: string;
  body: unknown;
}

let dataDir: string;
let pg: StartedPlayground;

async function call<T = unknown>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(pg.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function webhook(payload: unknown, key = 'playground'): Promise<Response> {
  return fetch(`${pg.url}/exec?key=${key}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
}

async function nowMs(): Promise<number> {
  return Date.parse((await call<{ now: string }>('/_dev/clock')).now);
}

async function say(phone: string, text: string, name = 'Warga Uji'): Promise<void> {
  const res = await webhook(textWebhook({ name, phone }, text, await nowMs(), 'PLAYGROUND'));
  expect(res.status).toBe(200);
}

async function outboxTo(phone: string): Promise<OutboxEntry[]> {
  return call<OutboxEntry[]>(`/_dev/outbox?to=${phone}`);
}

/** Menu to a connected session: Konsultasi → Koperasi → the "SHU" row. */
async function connect(phone: string, name: string): Promise<string> {
  await say(phone, 'halo', name);
  await say(phone, '1', name);
  await say(phone, '1', name);
  const payload = choiceWebhook(
    { name, phone },
    'list_reply',
    { id: 'topik:Koperasi:2', title: 'SHU' },
    await nowMs(),
    'PLAYGROUND',
  );
  await webhook(payload);
  const last = (await outboxTo(phone)).pop();
  const id = /HK-\d{4}-\d{4}/.exec(last?.text ?? '')?.[0];
  if (!id) throw new Error(`not connected: ${last?.text}`);
  return id;
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'halo-playground-api-'));
  pg = await startPlayground({ port: 0, dataDir });
  await call('/_dev/clock', { set: MONDAY_TEN });
});

afterEach(async () => {
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a fresh playground is set up, configured with the documented defaults and has demo officers', async () => {
  const sheets = await call<{ name: string }[]>('/_dev/sheets');
  expect(sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(['Pengaturan', 'Penanggung Jawab', 'Sesi', 'Pesan']),
  );
  const officers = await call<{ headers: string[]; rows: unknown[][] }>('/_dev/sheets/Penanggung Jawab');
  const groups = officers.rows.map((r) => r[officers.headers.indexOf('Grup')]);
  expect(groups).toEqual(
    expect.arrayContaining(['Konsultasi Koperasi', 'Konsultasi UKM', 'Pengaduan Koperasi', 'Pengaduan UKM']),
  );
  const state = await call<Record<string, unknown>>('/_dev/state');
  expect(state).toMatchObject({
    provider: 'cloud',
    verifyToken: 'playground',
    phoneNumberId: 'PLAYGROUND',
    webhookKey: 'playground',
  });
});

test("GET /exec answers Meta's verification handshake only with the right verify token", async () => {
  const ok = await fetch(
    `${pg.url}/exec?hub.mode=subscribe&hub.verify_token=playground&hub.challenge=1158201444`,
  );
  expect(await ok.text()).toBe('1158201444');
  const wrong = await fetch(
    `${pg.url}/exec?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=1158201444`,
  );
  expect(await wrong.text()).not.toContain('1158201444');
});

// guides/content#redirects: the output is not served from /exec but from a one-time URL it
// redirects to; a client must follow redirects to read it.
test('/exec answers 302 to a one-time echo URL; following it reads the output once, as a client does', async () => {
  const payload = textWebhook({ name: 'Rudi', phone: '6281234500009' }, 'halo', await nowMs(), 'PLAYGROUND');
  const raw = await fetch(`${pg.url}/exec?key=playground`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
    redirect: 'manual',
  });
  expect(raw.status).toBe(302);
  const location = raw.headers.get('location')!;
  expect(location).toMatch(new RegExp(`^${pg.url}/macros/echo\\?user_content_key=[\\w-]+&lib=`));
  const page = await raw.text();
  expect(page).toContain('Moved Temporarily');
  expect(page).not.toContain('"ok"');
  const first = await fetch(location);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toBe('application/json');
  expect(await first.json()).toEqual({ ok: true });
  expect((await fetch(location)).status).toBe(404);
  // A client that follows redirects (fetch does, turning the POST into a GET) reads the output.
  const followed = await webhook(payload);
  expect(followed.redirected).toBe(true);
  expect(await followed.json()).toEqual({ ok: true });
});

test('a message posted to /exec is answered with the menu, which /_dev/outbox shows as sent to that number', async () => {
  const res = await webhook(
    textWebhook({ name: 'Siti', phone: '6281234500001' }, 'halo', await nowMs(), 'PLAYGROUND'),
  );
  expect(await res.json()).toEqual({ ok: true });
  const out = await outboxTo('6281234500001');
  expect(out).toHaveLength(1);
  expect(out[0]).toMatchObject({ channel: 'whatsapp', to: '6281234500001' });
  expect(out[0].text).toContain('Selamat datang');
  expect(out[0].body).toMatchObject({
    messaging_product: 'whatsapp',
    to: '6281234500001',
    type: 'interactive',
  });
  // The clock follows real time from where it was set.
  expect(Date.parse(out[0].at) - Date.parse(MONDAY_TEN)).toBeGreaterThanOrEqual(0);
  expect(Date.parse(out[0].at) - Date.parse(MONDAY_TEN)).toBeLessThan(180_000);
  // /chat shows the menu with its buttons, and the message id a tap would quote.
  const conv = await call<{ items: { dir: string; id?: string; buttons?: { title: string }[] }[] }>(
    '/_dev/conversation/6281234500001',
  );
  expect(conv.items.map((b) => b.dir)).toEqual(['in', 'out']);
  expect(conv.items[1].buttons?.map((b) => b.title)).toEqual(['Konsultasi', 'Pengaduan']);
  expect(conv.items[1].id).toMatch(/^wamid\./);
});

test('a webhook with a wrong key is answered and ignored', async () => {
  const res = await webhook(
    textWebhook({ name: 'Siti', phone: '6281234500009' }, 'halo', await nowMs(), 'PLAYGROUND'),
    'salah',
  );
  expect(res.status).toBe(200);
  expect(await outboxTo('6281234500009')).toEqual([]);
});

test('a connected session ends after 30 emulated minutes when the clock moves: tick runs every minute', async () => {
  const id = await connect('6281234500002', 'Budi');
  const moved = await call<{ now: string; ticks: number }>('/_dev/clock', { advanceMinutes: 31 });
  const elapsed = Date.parse(moved.now) - Date.parse(MONDAY_TEN);
  expect(elapsed).toBeGreaterThanOrEqual(31 * 60_000);
  expect(elapsed).toBeLessThan(31 * 60_000 + 180_000);
  expect(moved.ticks).toBe(31);
  const texts = (await outboxTo('6281234500002')).map((e) => e.text);
  expect(texts.some((t) => t.includes(id) && t.includes('berakhir'))).toBe(true);
  const sesi = await call<{ headers: string[]; rows: unknown[][] }>('/_dev/sheets/Sesi');
  const row = sesi.rows.find((r) => r[sesi.headers.indexOf('ID')] === id);
  expect(row?.[sesi.headers.indexOf('Ditutup Oleh')]).toBe('waktu habis');
});

test('POST /_dev/tick runs tick now and answers what ran', async () => {
  const res = await call<{ now: string; ran: unknown[] }>('/_dev/tick', {});
  expect(Array.isArray(res.ran)).toBe(true);
  const calls = await call<{ name: string; kind: string }[]>('/_dev/calls?limit=1');
  expect(calls[0]).toMatchObject({ name: 'tick', kind: 'trigger' });
});

test('rows appended through the API are stored as if staff typed them', async () => {
  await call('/_dev/sheets/Hari Libur/rows', {
    rows: [{ Tanggal: '2026-12-25', Keterangan: 'Hari Raya Natal' }],
  });
  const libur = await call<{ headers: string[]; rows: unknown[][] }>('/_dev/sheets/Hari Libur');
  expect(libur.rows).toHaveLength(1);
  // A typed date becomes a date (midnight in Jakarta), returned as an ISO time.
  expect(libur.rows[0][libur.headers.indexOf('Tanggal')]).toBe('2026-12-24T17:00:00.000Z');
  expect(libur.rows[0][libur.headers.indexOf('Keterangan')]).toBe('Hari Raya Natal');
});

test('the sidebar bridge runs the bundle api as an editor', async () => {
  const res = await call<{ ok: boolean; value: { ok: boolean; data: { provider: string } } }>(
    '/_dev/run/api',
    {
      args: ['settings.get', {}],
    },
  );
  expect(res.ok).toBe(true);
  expect(res.value).toMatchObject({ ok: true, data: { provider: 'cloud' } });
});

test('the state survives a restart of the server', async () => {
  const id = await connect('6281234500003', 'Dewi');
  await pg.stop();
  pg = await startPlayground({ port: 0, dataDir });
  const sesi = await call<{ headers: string[]; rows: unknown[][] }>('/_dev/sheets/Sesi');
  expect(sesi.rows.map((r) => r[sesi.headers.indexOf('ID')])).toContain(id);
  const conv = await call<{ items: { dir: string; text: string }[] }>('/_dev/conversation/6281234500003');
  expect(conv.items.filter((b) => b.dir === 'in').map((b) => b.text)).toEqual(['halo', '1', '1', 'SHU']);
  // The clock kept its place (it follows real time from where it was).
  expect((await nowMs()) - Date.parse(MONDAY_TEN)).toBeLessThan(60_000);
});

test('a saved state that cannot be read is kept aside and the playground starts fresh', async () => {
  await pg.stop();
  writeFileSync(join(dataDir, 'state.json'), '{"version": 1, "engine": {"emulator": {"version": 99}}}');
  pg = await startPlayground({ port: 0, dataDir });
  expect(
    (await call<{ rows: unknown[][] }>('/_dev/sheets/Penanggung Jawab')).rows.length,
  ).toBeGreaterThanOrEqual(4);
  expect(readdirSync(dataDir).some((f) => f.startsWith('state.json.unreadable-'))).toBe(true);
});

test('POST /_dev/reset gives a freshly set-up spreadsheet and an empty outbox, and keeps the clock', async () => {
  await connect('6281234500004', 'Eka');
  await call('/_dev/clock', { advanceMinutes: 5 });
  const before = await nowMs();
  await call('/_dev/reset', {});
  expect(await call('/_dev/outbox')).toEqual([]);
  expect((await call<{ rows: unknown[][] }>('/_dev/sheets/Sesi')).rows).toEqual([]);
  expect(
    (await call<{ rows: unknown[][] }>('/_dev/sheets/Penanggung Jawab')).rows.length,
  ).toBeGreaterThanOrEqual(4);
  // The clock is kept: it only moved on by the time the setup execution took (time passes inside
  // executions on the emulator, and one lasts at most 6 minutes).
  const moved = (await nowMs()) - before;
  expect(moved).toBeGreaterThanOrEqual(0);
  expect(moved).toBeLessThan(6 * 60_000 + 10_000);
  expect((await call<{ items: unknown[] }>('/_dev/conversation/6281234500004')).items).toEqual([]);
});

test('GET /_dev/workbook.xlsx holds every sheet with its headers, formulas as formulas', async () => {
  await call('/_dev/sheets/Metrik/rows', {
    rows: [{ Platform: 'Instagram', Tayangan: '=120*10', Suka: '45' }],
  });
  const res = await fetch(`${pg.url}/_dev/workbook.xlsx`);
  expect(res.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const names = (await call<{ name: string }[]>('/_dev/sheets')).map((s) => s.name);
  expect(wb.worksheets.map((w) => w.name)).toEqual(names);
  const sesi = await call<{ headers: string[] }>('/_dev/sheets/Sesi');
  expect((wb.getWorksheet('Sesi')?.getRow(1).values as unknown[]).slice(1)).toEqual(sesi.headers);
  const metrik = wb.getWorksheet('Metrik');
  const headers = (metrik?.getRow(1).values as unknown[]).slice(1);
  const views = metrik?.getRow(2).getCell(headers.indexOf('Tayangan') + 1);
  expect(views?.value).toMatchObject({ formula: '120*10', result: 1200 });
  expect(metrik?.getRow(2).getCell(headers.indexOf('Suka') + 1).value).toBe(45);
});
