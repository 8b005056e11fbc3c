// A busy day of the minute `tick` on the emulator: how much trigger runtime it uses against the
// daily budget (developers.google.com/apps-script/guides/services/quotas: trigger total runtime
// 90 min / day on a consumer account, 6 h on Workspace). Time passes inside executions on the
// emulator (dev/emulator/cost.ts), and it counts each trigger run's duration toward the trigger
// owner's quota, so the figure is the emulator's own `quotaUsage(owner).triggerRuntime`.
//
// The day (Monday 2026-11-23, Asia/Jakarta): `citizens` citizens arrive evenly between 07:00 and
// 16:30; each goes from "halo" through the menu to an officer and writes one message; half close
// with "selesai" and a rating 10 minutes later, the others abandon the chat (the session expires
// after 30 minutes). A broadcast to `subscribers` subscribers starts at 09:00. The weekly report
// runs at 07:00 over `history` sessions of earlier weeks. Every minute of the 24 hours, `tick`
// runs as its trigger would.

import { LocalApp, PLAYGROUND_CONFIG } from '../runtime/local-app';
import type { Sender } from '../runtime/whatsapp';
import { cloudText } from '../runtime/whatsapp';
import { populateHistory } from './populate';

export interface DayOptions {
  citizens?: number;
  subscribers?: number;
  history?: number;
}

export interface DayJobRow {
  /** The jobs that ran in those ticks ('(idle)' when none). */
  jobs: string;
  ticks: number;
  seconds: number;
}

export interface DayResult {
  citizens: number;
  subscribers: number;
  ticks: number;
  /** Trigger runtime of the day, minutes (the owner's quota usage). */
  triggerMinutes: number;
  /** The consumer account's daily trigger budget, minutes. */
  budgetMinutes: number;
  /** The longest tick, seconds. */
  longestTickSeconds: number;
  /** Ticks that failed (their error). */
  failures: string[];
  byJobs: DayJobRow[];
  /** Web app executions (not trigger runtime) and their total, minutes. */
  webhooks: number;
  webhookMinutes: number;
}

const OWNER = 'admin@example.com';
const KEY = { key: PLAYGROUND_CONFIG.webhookKey };
const DAY = Date.parse('2026-11-23T00:00:00+07:00');
const MINUTE = 60_000;
const OFFICERS = [
  ['Konsultasi Koperasi', 'Budi', '6281111111101'],
  ['Konsultasi UKM', 'Sari', '6281111111102'],
  ['Pengaduan Koperasi', 'Dedi', '6281111111103'],
  ['Pengaduan UKM', 'Rina', '6281111111104'],
  ['Pelaporan', 'Tim Pelaporan', ''],
].map(([Grup, Nama, WhatsApp]) => ({
  Grup,
  Nama,
  WhatsApp,
  Email: `${Nama.split(' ')[0].toLowerCase()}@example.com`,
  Aktif: true,
}));

export function benchBusyDay(opts: DayOptions = {}): DayResult {
  const citizens = opts.citizens ?? 1000;
  const subscribers = opts.subscribers ?? 2000;
  const app = new LocalApp({ now: DAY - 2 * 60 * MINUTE, userEmail: OWNER });
  app.configure();
  app.setup();
  app.appendRows('Penanggung Jawab', OFFICERS);
  app.appendRows('Pengaturan', [{ Kunci: 'Nama Template Siaran', Nilai: 'info_halo' }]);
  app.appendRows(
    'Pelanggan Siaran',
    Array.from({ length: subscribers }, (_, i) => ({
      Nomor: `62815${String(10_000_000 + i)}`,
      Nama: `Pelanggan ${i}`,
      Status: 'Aktif',
      Sejak: new Date(DAY - 30 * 86_400_000),
      'Pesan Terakhir': new Date(DAY - 10 * 86_400_000),
    })),
  );
  populateHistory(app, opts.history ?? 10_000);
  // The evening before: the jobs' first runs, as a running system has them behind it.
  for (let i = 0; i < 3; i++) {
    app.advanceMinutes(1);
    app.tick();
  }

  // What happens at each minute of the day (webhook executions).
  const events = new Map<number, Array<() => void>>();
  const at = (minute: number, fn: () => void): void => {
    const list = events.get(minute) ?? [];
    list.push(fn);
    events.set(minute, list);
  };
  let webhooks = 0;
  let webhookMs = 0;
  const say = (s: Sender, text: string): void => {
    const r = app.post(KEY, JSON.stringify(cloudText(s, text, app.now())), 'application/json');
    webhooks++;
    webhookMs += (r.calls.endedAt ?? r.calls.startedAt) - r.calls.startedAt;
  };
  const span = (16 * 60 + 30 - 7 * 60) / Math.max(1, citizens);
  for (let i = 0; i < citizens; i++) {
    const s: Sender = { phone: `62812${String(10_000_000 + i)}`, name: `Warga ${i}` };
    const arrive = Math.floor(7 * 60 + i * span);
    const jenis = i % 2 ? '1' : '2';
    const bidang = i % 3 ? '1' : '2';
    at(arrive, () => ['halo', jenis, bidang, '1'].forEach((t) => say(s, t)));
    at(arrive + 2, () => say(s, 'Bagaimana cara mendapatkan pinjaman modal usaha?'));
    if (i % 2 === 0) at(arrive + 12, () => ['selesai', '5'].forEach((t) => say(s, t)));
  }
  at(9 * 60, () => {
    const r = app.api('broadcast.start', {
      topic: 'Pendaftaran NIB gratis',
      body: 'Daftarkan usaha Anda di OSS.',
    });
    if (!r.result.ok) throw new Error(`broadcast.start: ${String(r.result.error)}`);
  });

  app.emu.resetQuotas();
  const byJobs = new Map<string, DayJobRow>();
  const failures: string[] = [];
  let longest = 0;
  let ticks = 0;
  for (let minute = 0; minute < 24 * 60; minute++) {
    const t = DAY + minute * MINUTE;
    if (app.now() < t) app.setNow(t);
    const r = app.tick();
    ticks++;
    const ms = (r.calls.endedAt ?? r.calls.startedAt) - r.calls.startedAt;
    longest = Math.max(longest, ms);
    const ran = r.result.ran;
    for (const j of ran) if (j.error) failures.push(`${new Date(t).toISOString()} ${j.job}: ${j.error}`);
    const jobs = ran.map((j) => j.job).join(' + ') || '(idle)';
    const row = byJobs.get(jobs) ?? { jobs, ticks: 0, seconds: 0 };
    row.ticks++;
    row.seconds += ms / 1000;
    byJobs.set(jobs, row);
    for (const fn of events.get(minute) ?? []) fn();
  }
  const usage = app.emu.quotaUsage(OWNER);
  return {
    citizens,
    subscribers,
    ticks,
    triggerMinutes: round(usage.triggerRuntime.used / MINUTE),
    budgetMinutes: 90,
    longestTickSeconds: round(longest / 1000),
    failures,
    byJobs: [...byJobs.values()]
      .map((r) => ({ ...r, seconds: round(r.seconds) }))
      .sort((a, b) => b.seconds - a.seconds),
    webhooks,
    webhookMinutes: round(webhookMs / MINUTE),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
