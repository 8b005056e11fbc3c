// The help desk's hot paths at 1k / 10k / 100k sessions (5× messages): what one execution costs in
// Apps Script service calls, and the estimated time from the cost model.

import type { ExecutionCalls } from '../emulator/index';
import { LocalApp, PLAYGROUND_CONFIG } from '../runtime/local-app';
import type { Sender } from '../runtime/whatsapp';
import { cloudStatus, cloudText } from '../runtime/whatsapp';
import { estimate } from './cost-model';
import { populateHistory } from './populate';

export interface BenchRow {
  operation: string;
  sessions: number;
  roundTrips: number;
  cellsRead: number;
  cellsWritten: number;
  properties: number;
  cache: number;
  lock: number;
  urlFetch: number;
  mail: number;
  /** Estimated seconds on Apps Script, all calls. */
  seconds: number;
  /** Estimated seconds without the sends (UrlFetch, Mail). */
  secondsExcludingSends: number;
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

function row(operation: string, sessions: number, calls: ExecutionCalls): BenchRow {
  const est = estimate(calls);
  return {
    operation,
    sessions,
    roundTrips: calls.roundTrips,
    cellsRead: calls.cellsRead,
    cellsWritten: calls.cellsWritten,
    properties: calls.properties,
    cache: calls.cache,
    lock: calls.lock,
    urlFetch: calls.urlFetch,
    mail: calls.mail,
    seconds: round(est.total),
    secondsExcludingSends: round(est.excludingSends),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function say(app: LocalApp, s: Sender, text: string): ExecutionCalls {
  return app.post(KEY, JSON.stringify(cloudText(s, text, app.now())), 'application/json').calls;
}

/** A fresh app at `sessions` rows of history, set up and configured, caches warm. */
export function benchApp(sessions: number): LocalApp {
  const app = new LocalApp({ now: '2026-11-23T09:00:00+07:00', userEmail: 'admin@example.com' });
  app.configure();
  app.setup();
  app.appendRows('Penanggung Jawab', OFFICERS);
  populateHistory(app, sessions);
  // Warm the caches and the job schedule as a running system has them.
  app.tick();
  say(app, { phone: '6281999999999', name: 'Pemanasan' }, 'halo');
  return app;
}

export function benchHelpdesk(sessions: number): BenchRow[] {
  const app = benchApp(sessions);
  const rows: BenchRow[] = [];
  const ani: Sender = { phone: '6281234567890', name: 'Ani' };
  say(app, ani, 'halo');
  rows.push(row('menu step', sessions, say(app, ani, '1')));
  say(app, ani, '2');
  rows.push(row('menu step (connect)', sessions, say(app, ani, '3')));
  rows.push(row('chat message', sessions, say(app, ani, 'Bagaimana cara mengurus sertifikasi halal?')));
  rows.push(
    row(
      'status webhook (delivered)',
      sessions,
      app.post(
        KEY,
        JSON.stringify(cloudStatus('wamid.x', 'delivered', ani.phone, app.now())),
        'application/json',
      ).calls,
    ),
  );
  app.advanceMinutes(1);
  rows.push(row('idle tick', sessions, app.tick().calls));
  // K connected sessions whose 30 minutes end together.
  for (let i = 0; i < EXPIRE_K; i++) {
    const s = { phone: `62813000000${String(i).padStart(2, '0')}`, name: `Warga ${i}` };
    for (const t of ['halo', '1', '1', '1']) say(app, s, t);
  }
  app.advanceMinutes(31);
  rows.push(row(`tick expiring ${EXPIRE_K + 1} sessions`, sessions, app.tick().calls));
  return rows;
}
