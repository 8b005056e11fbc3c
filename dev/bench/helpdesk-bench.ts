// The help desk's hot paths at 1k / 10k / 100k sessions (5× messages): what one execution costs in
// Apps Script service calls, and the estimated time from the cost model.

import type { ExecutionCalls } from '../emulator/index';
import { LocalApp, PLAYGROUND_CONFIG } from '../runtime/local-app';
import type { Sender } from '../runtime/whatsapp';
import { cloudStatus, cloudText } from '../runtime/whatsapp';
import type { Estimate } from './cost-model';
import { estimate } from './cost-model';
import { populateHistory, populateLive } from './populate';

export interface BenchRow {
  operation: string;
  /** Rows of closed history in `Sesi` (5× in `Pesan`). */
  sessions: number;
  /** Citizens with a conversation in progress (live state in `Sesi`). */
  live: number;
  roundTrips: number;
  /** TextFinder searches among the round trips. */
  searches: number;
  cellsRead: number;
  cellsWritten: number;
  properties: number;
  cache: number;
  lock: number;
  urlFetch: number;
  /** Emails sent (MailApp.sendEmail). */
  mail: number;
  /** Estimated seconds on Apps Script, all calls. */
  seconds: number;
  /** Estimated seconds without the sends (UrlFetch, Mail). */
  secondsExcludingSends: number;
  /** The estimate's terms in seconds (dev/bench/cost-model.ts). */
  terms: Pick<Estimate, 'sheetReads' | 'sheetWrites' | 'flush' | 'lock' | 'cache' | 'properties'>;
}

export const EXPIRE_K = 10;
const KEY = { key: PLAYGROUND_CONFIG.webhookKey };
const OFFICERS = [
  {
    Grup: 'Konsultasi Koperasi',
    Nama: 'Budi',
    WhatsApp: '6281111111101',
    Email: 'budi@example.com',
    Aktif: true,
  },
  { Grup: 'Konsultasi UKM', Nama: 'Sari', WhatsApp: '6281111111102', Email: 'sari@example.com', Aktif: true },
];

function row(operation: string, sessions: number, live: number, calls: ExecutionCalls): BenchRow {
  const est = estimate(calls);
  return {
    operation,
    sessions,
    live,
    roundTrips: calls.roundTrips,
    searches: ['findAll', 'findNext', 'findPrevious'].reduce(
      (n, m) => n + (calls.byMethod[`SpreadsheetApp.TextFinder.${m}`] ?? 0),
      0,
    ),
    cellsRead: calls.cellsRead,
    cellsWritten: calls.cellsWritten,
    properties: calls.properties,
    cache: calls.cache,
    lock: calls.lock,
    urlFetch: calls.urlFetch,
    mail: calls.byMethod['MailApp.sendEmail'] ?? 0,
    seconds: round(est.total),
    secondsExcludingSends: round(est.excludingSends),
    terms: {
      sheetReads: round(est.sheetReads),
      sheetWrites: round(est.sheetWrites),
      flush: round(est.flush),
      lock: round(est.lock),
      cache: round(est.cache),
      properties: round(est.properties),
    },
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function say(app: LocalApp, s: Sender, text: string): ExecutionCalls {
  return app.post(KEY, JSON.stringify(cloudText(s, text, app.now())), 'application/json').calls;
}

/** Forgets a citizen's cached conversation (CacheService may drop any entry at any time). */
function evict(app: LocalApp, s: Sender): void {
  const cache = app.emu.cacheStore('script');
  for (const key of [...cache.keys()])
    if (key.startsWith('cv:') && key.endsWith(`:${s.phone}`)) cache.delete(key);
}

/**
 * A fresh app at `sessions` rows of history and `live` conversations in progress, set up and
 * configured, caches warm.
 */
export function benchApp(sessions: number, live = 0): LocalApp {
  const app = new LocalApp({ now: '2026-11-23T09:00:00+07:00', userEmail: 'admin@example.com' });
  app.configure();
  app.setup();
  app.appendRows('Penanggung Jawab', OFFICERS);
  populateHistory(app, sessions);
  if (live > 0) populateLive(app, live);
  // Warm the caches and the job schedule as a running system has them.
  app.tick();
  say(app, { phone: '6281999999999', name: 'Pemanasan' }, 'halo');
  return app;
}

/**
 * One citizen's conversation, step by step, on a cache hit and (the citizen's conversation
 * forgotten by CacheService) on a miss; then a status webhook, an idle tick and an expiry tick.
 */
export function benchHelpdesk(sessions: number, live = 0): BenchRow[] {
  const app = benchApp(sessions, live);
  const rows: BenchRow[] = [];
  const add = (op: string, calls: ExecutionCalls): void => {
    rows.push(row(op, sessions, live, calls));
  };
  const ani: Sender = { phone: '6281234567890', name: 'Ani' };
  add('first message (new citizen)', say(app, ani, 'halo'));
  add('menu step', say(app, ani, '1'));
  evict(app, ani);
  add('menu step (cache miss)', say(app, ani, '0'));
  say(app, ani, '1');
  say(app, ani, '2');
  add('menu step (connect)', say(app, ani, '3'));
  add('chat message', say(app, ani, 'Bagaimana cara mengurus sertifikasi halal?'));
  evict(app, ani);
  add('chat message (cache miss)', say(app, ani, 'Apakah ada biayanya?'));
  add(
    'status webhook (delivered)',
    app.post(
      KEY,
      JSON.stringify(cloudStatus('wamid.x', 'delivered', ani.phone, app.now())),
      'application/json',
    ).calls,
  );
  app.advanceMinutes(1);
  add('idle tick', app.tick().calls);
  // K connected sessions whose 30 minutes end together.
  for (let i = 0; i < EXPIRE_K; i++) {
    const s = { phone: `62813000000${String(i).padStart(2, '0')}`, name: `Warga ${i}` };
    for (const t of ['halo', '1', '1', '1']) say(app, s, t);
  }
  app.advanceMinutes(31);
  add(`tick expiring ${EXPIRE_K + 1} sessions`, app.tick().calls);
  return rows;
}
