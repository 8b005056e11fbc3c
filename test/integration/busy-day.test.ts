// A busy day on a free account (issue 13): thousands of distinct citizens write on one day. The
// conversation states live in `Sesi` (one cell per session), so Script Properties stay small
// whatever the traffic, and every citizen keeps their place in the menu.
import type { LocalApp } from '../../dev/runtime/local-app';
import { cloudText } from '../../dev/runtime/whatsapp';
import { Citizen, createApp, lastCalls, postJson } from '../support/app';

const STORE_BUDGET = 50 * 1024;

/** Bytes of the Script Properties store, as Google counts them (keys and values, UTF-8). */
function storeBytes(app: LocalApp): { total: number; largest: number; keys: string[] } {
  let total = 0;
  let largest = 0;
  for (const [k, v] of app.emu.scriptProperties) {
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
    largest = Math.max(largest, Buffer.byteLength(v));
  }
  return { total, largest, keys: [...app.emu.scriptProperties.keys()] };
}

/** Rows of `Sesi` holding a session (the sheet grows by 500 empty rows at a time). */
const sessions = (app: LocalApp): Record<string, unknown>[] => app.records('Sesi').filter((r) => r.ID !== '');

const phoneOf = (i: number): string => `62857${String(i).padStart(8, '0')}`;

/** One webhook delivery carrying the first message of several citizens (Meta batches them). */
function batch(app: LocalApp, from: number, count: number, text = 'halo'): Record<string, unknown> {
  const payloads = Array.from({ length: count }, (_, k) =>
    cloudText({ phone: phoneOf(from + k), name: `Warga ${from + k}` }, text, app.now(), {
      id: `wamid.busy.${from + k}.${text}`,
    }),
  );
  type Value = { contacts: unknown[]; messages: unknown[] };
  const valueOf = (p: Record<string, unknown>): Value =>
    (p as { entry: { changes: { value: Value }[] }[] }).entry[0].changes[0].value;
  const first = payloads[0];
  const value = valueOf(first);
  for (const p of payloads.slice(1)) {
    value.contacts.push(...valueOf(p).contacts);
    value.messages.push(...valueOf(p).messages);
  }
  return first;
}

/** A citizen walks the menu to a connected session: returns the session id and each step's calls. */
function walk(c: Citizen, steps: string[]): { id: string; roundTrips: number[] } {
  const roundTrips: number[] = [];
  let text = '';
  for (const s of steps) {
    text = c
      .say(s)
      .map((r) => r.text)
      .join('\n');
    roundTrips.push(lastCalls(c.app).roundTrips);
  }
  const id = /HK-\d{4}-\d{4,}/.exec(text);
  if (!id) throw new Error(`not connected: ${text}`);
  return { id: id[0], roundTrips };
}

describe('a busy day: thousands of distinct citizens', () => {
  jest.setTimeout(400000);

  it('5,000 citizens: Script Properties stay under 50 KB, every menu keeps its place', () => {
    const app = createApp();
    const first = new Citizen(app, phoneOf(0), 'Warga pertama');
    first.say('halo');
    let peak = 0;
    // Deliveries of five first messages each (Meta batches them; it keeps the test short), and
    // between them citizens who walk on, connect and chat, and the minute trigger, as on a real day.
    for (let i = 1; i < 5000; i += 5) {
      expect(JSON.parse(postJson(app, batch(app, i, Math.min(5, 5000 - i))).body)).toEqual({ ok: true });
      if ((i - 1) % 50 === 0) {
        const c = new Citizen(app, phoneOf(i), `Warga ${i}`);
        c.say('1');
        if ((i - 1) % 100 === 0) {
          c.say('2');
          c.say('3');
          c.say('Bagaimana cara mendapatkan izin usaha mikro?');
        }
      }
      if ((i - 1) % 250 === 0) {
        app.advanceMinutes(5);
        app.tick();
        peak = Math.max(peak, storeBytes(app).total);
      }
    }
    const store = storeBytes(app);
    peak = Math.max(peak, store.total);
    expect(peak).toBeLessThan(STORE_BUDGET);
    expect(store.largest).toBeLessThan(9 * 1024);
    expect(store.keys.filter((k) => /^(u|s):/.test(k))).toEqual([]);
    expect(sessions(app)).toHaveLength(5000);

    // A new citizen walks the menu to a session id: each step at most 3 round trips on a cache
    // hit, 4 on a miss (the first message, whose conversation is searched for once).
    const late = new Citizen(app, '6281299999999', 'Warga terakhir');
    const w = walk(late, ['halo', '1', '2', '3']);
    expect(w.id).toMatch(/^HK-/);
    expect(w.roundTrips[0]).toBeLessThanOrEqual(4);
    for (const n of w.roundTrips.slice(1)) expect(n).toBeLessThanOrEqual(3);

    // The first citizen of the day (hours ago, long out of the cache) goes on from the menu.
    const again = walk(first, ['1', '1', '1']);
    expect(again.id).toMatch(/^HK-/);
    expect(sessions(app).filter((r) => r.Nomor === phoneOf(0))).toHaveLength(1);
    expect(app.records('Log Sistem').filter((r) => r.Tingkat === 'GALAT')).toEqual([]);
  });

  // The "done when": 10,000 distinct citizens write on one day (a consumer account: its
  // 20,000 UrlFetch calls a day are spent on replies first, the read receipts stop at 60 %).
  it('10,000 citizens on one day: afterwards a new citizen and the first one of the day reach a session; the store stays under 50 KB', () => {
    const app = createApp();
    const first = new Citizen(app, phoneOf(0), 'Warga pertama');
    first.say('halo');
    for (let i = 1; i < 10000; i += 10) {
      expect(JSON.parse(postJson(app, batch(app, i, Math.min(10, 10000 - i))).body)).toEqual({ ok: true });
      if ((i - 1) % 500 === 0) {
        app.advanceMinutes(3);
        app.tick();
      }
    }
    expect(sessions(app)).toHaveLength(10000);
    for (const i of [1, 4321, 9999]) expect(app.messagesTo(phoneOf(i))).toHaveLength(1);
    const late = walk(new Citizen(app, '6281299999999', 'Warga terakhir'), ['halo', '1', '2', '3']);
    expect(late.id).toMatch(/^HK-/);
    expect(late.roundTrips[0]).toBeLessThanOrEqual(4);
    for (const n of late.roundTrips.slice(1)) expect(n).toBeLessThanOrEqual(3);
    expect(walk(first, ['1', '1', '1']).id).toMatch(/^HK-/);
    expect(storeBytes(app).total).toBeLessThan(STORE_BUDGET);
    expect(storeBytes(app).keys.filter((k) => /^(u|s):/.test(k))).toEqual([]);
    expect(app.emu.quotaUsage(app.emu.userEmail).urlfetch.used).toBeLessThan(20000);
    expect(app.records('Log Sistem').filter((r) => r.Tingkat === 'GALAT')).toEqual([]);
    const said = app.records('Log Sistem').map((r) => String(r.Pesan));
    expect(said.some((l) => /Kuota UrlFetch terpakai .*centang biru/.test(l))).toBe(true);
  });

  it('batched deliveries (10 citizens a webhook): the same, and no welcome menu twice', () => {
    const app = createApp();
    for (let i = 0; i < 3000; i += 10) postJson(app, batch(app, i, 10));
    for (let i = 0; i < 10; i++) expect(app.messagesTo(phoneOf(i))).toHaveLength(1);
    // Re-deliveries of a batch change nothing: no second welcome menu, no second session.
    postJson(app, batch(app, 0, 10));
    for (let i = 0; i < 10; i++) expect(app.messagesTo(phoneOf(i))).toHaveLength(1);
    expect(sessions(app)).toHaveLength(3000);
    expect(app.records('Pesan').filter((r) => r.Arah === 'masuk')).toHaveLength(3000);
    expect(storeBytes(app).total).toBeLessThan(STORE_BUDGET);
  });
});
