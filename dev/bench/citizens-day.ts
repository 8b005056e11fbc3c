// A day of many distinct citizens (issue 13): `npx tsx dev/bench/citizens-day.ts [--citizens=10000]`
// runs the built bundle on a fresh emulated spreadsheet (a consumer account): every citizen sends
// a first message (Meta batches ten a delivery), the minute trigger runs, then a new citizen and
// the first citizen of the day walk the menu to a session id. It prints what the store, the
// quotas and those walks cost. With `--url=http://127.0.0.1:8080` it drives a running playground
// (`npm start`) instead, through its webhook and /_dev API.

import { LocalApp, PLAYGROUND_CONFIG } from '../runtime/local-app';
import type { Sender } from '../runtime/whatsapp';
import { cloudText } from '../runtime/whatsapp';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const citizens = Number(arg('citizens') ?? 10000);
const url = arg('url');
const KEY = PLAYGROUND_CONFIG.webhookKey;

const phoneOf = (i: number): string => `62857${String(i).padStart(8, '0')}`;

/** One delivery with the first message of `count` citizens from `from`. */
function batch(now: number, from: number, count: number, text = 'halo'): Record<string, unknown> {
  type Value = { contacts: unknown[]; messages: unknown[] };
  const valueOf = (p: Record<string, unknown>): Value =>
    (p as { entry: { changes: { value: Value }[] }[] }).entry[0].changes[0].value;
  const all = Array.from({ length: count }, (_, k) =>
    cloudText({ phone: phoneOf(from + k), name: `Warga ${from + k}` }, text, now, {
      id: `wamid.day.${from + k}`,
    }),
  );
  for (const p of all.slice(1)) {
    valueOf(all[0]).contacts.push(...valueOf(p).contacts);
    valueOf(all[0]).messages.push(...valueOf(p).messages);
  }
  return all[0];
}

interface Driver {
  now(): number;
  post(payload: unknown): Promise<void>;
  tick(): Promise<void>;
  /** The texts sent to `phone` since `since` (an index into the outbox). */
  repliesTo(phone: string): Promise<string[]>;
  lastRoundTrips(): Promise<number>;
  props(): Promise<[string, string][]>;
  summary(): Promise<Record<string, unknown>>;
}

function localDriver(): Driver {
  const app = new LocalApp({ now: '2026-11-23T08:00:00+07:00', userEmail: 'admin@contoh.go.id' });
  app.configure();
  app.setup();
  return {
    now: () => app.now(),
    post: async (p) => void app.post({ key: KEY }, JSON.stringify(p), 'application/json'),
    tick: async () => {
      app.advanceMinutes(3);
      app.tick();
    },
    repliesTo: async (phone) => app.messagesTo(phone).map((m) => m.text),
    lastRoundTrips: async () => app.emu.calls.last?.roundTrips ?? 0,
    props: async () => [...app.emu.scriptProperties],
    summary: async () => ({
      sessions: app.records('Sesi').filter((r) => r.ID !== '').length,
      urlFetch: app.emu.quotaUsage(app.emu.userEmail).urlfetch,
      errors: app.records('Log Sistem').filter((r) => r.Tingkat === 'GALAT').length,
    }),
  };
}

function httpDriver(base: string): Driver {
  const json = async (path: string, init?: RequestInit): Promise<unknown> =>
    (await fetch(base + path, init)).json();
  let clock = Date.now();
  return {
    now: () => clock,
    post: async (p) => {
      await fetch(`${base}/exec?key=${KEY}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(p),
      });
    },
    tick: async () => {
      const r = (await json('/_dev/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMinutes: 3 }),
      })) as { now: string };
      clock = Date.parse(r.now);
    },
    repliesTo: async (phone) =>
      ((await json(`/_dev/outbox?to=${phone}`)) as { text: string }[]).map((m) => m.text),
    lastRoundTrips: async () =>
      ((await json('/_dev/calls?limit=1')) as { roundTrips: number }[])[0]?.roundTrips ?? 0,
    props: async () =>
      Object.entries(
        ((await json('/_dev/state')) as { properties?: Record<string, string> }).properties ?? {},
      ),
    summary: async () => ({
      sessions: ((await json('/_dev/sheets/Sesi')) as { rows: unknown[] }).rows.length,
    }),
  };
}

async function walk(d: Driver, s: Sender, steps: string[]): Promise<{ id: string; roundTrips: number[] }> {
  const roundTrips: number[] = [];
  for (const text of steps) {
    await d.post(cloudText(s, text, d.now()));
    roundTrips.push(await d.lastRoundTrips());
  }
  const all = (await d.repliesTo(s.phone)).join('\n');
  const ids = all.match(/HK-\d{4}-\d{4,}/g) ?? [];
  return { id: ids[ids.length - 1] ?? '(none)', roundTrips };
}

async function main(): Promise<void> {
  const d = url ? httpDriver(url.replace(/\/$/, '')) : localDriver();
  const started = Date.now();
  const first: Sender = { phone: phoneOf(0), name: 'Warga pertama' };
  await d.post(cloudText(first, 'halo', d.now()));
  for (let i = 1; i < citizens; i += 10) {
    await d.post(batch(d.now(), i, Math.min(10, citizens - i)));
    if ((i - 1) % 500 === 0) await d.tick();
    if ((i - 1) % 2000 === 0) process.stderr.write(`${i} citizens…\n`);
  }
  const late = await walk(d, { phone: '6281299999999', name: 'Warga terakhir' }, ['halo', '1', '2', '3']);
  const again = await walk(d, first, ['1', '1', '1']);
  const props = await d.props();
  const bytes = props.reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  const largest = Math.max(0, ...props.map(([, v]) => Buffer.byteLength(v)));
  console.log(
    JSON.stringify(
      {
        citizens,
        ...(await d.summary()),
        newCitizen: late,
        firstCitizenOfTheDay: again,
        scriptProperties: {
          keys: props.length,
          bytes,
          largestValue: largest,
          perCitizenKeys: props.filter(([k]) => /^(u|s):/.test(k)).length,
        },
        wallSeconds: Math.round((Date.now() - started) / 1000),
      },
      null,
      2,
    ),
  );
}

void main();
