// Test support: a LocalApp with the product set up and configured, officers in place, and citizens
// that chat through the webhook exactly as WhatsApp would deliver their messages.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigureInput, ExecResult, WebResponse } from '../../dev/runtime/local-app';
import { BUILD_DIR, LocalApp, PLAYGROUND_CONFIG } from '../../dev/runtime/local-app';
import type { Choice, OutboundMessage, Sender } from '../../dev/runtime/whatsapp';

export type Reply = OutboundMessage & { messageId: string; index: number };
import { cloudChoice, cloudText, fonnteText } from '../../dev/runtime/whatsapp';

export const MONDAY_MORNING = '2026-11-23T09:00:00+07:00';

export const OFFICERS = [
  {
    Grup: 'Konsultasi Koperasi',
    Nama: 'Budi Koperasi',
    WhatsApp: '6281111111101',
    Email: 'budi@diskopukm.example',
    Aktif: true,
  },
  {
    Grup: 'Konsultasi UKM',
    Nama: 'Sari UKM',
    WhatsApp: '6281111111102',
    Email: 'sari@diskopukm.example',
    Aktif: true,
  },
  {
    Grup: 'Pengaduan Koperasi',
    Nama: 'Dedi Aduan',
    WhatsApp: '6281111111103',
    Email: 'dedi@diskopukm.example',
    Aktif: true,
  },
  {
    Grup: 'Pengaduan UKM',
    Nama: 'Rina Aduan',
    WhatsApp: '6281111111104',
    Email: 'rina@diskopukm.example',
    Aktif: true,
  },
  { Grup: 'Pelaporan', Nama: 'Tim Pelaporan', WhatsApp: '', Email: 'lapor@diskopukm.example', Aktif: true },
];

export interface TestAppOptions {
  now?: string;
  config?: Partial<ConfigureInput>;
  officers?: Record<string, unknown>[];
  setup?: boolean;
  /** Deploy the web app (default true); false: ScriptApp.getService().getUrl() is null. */
  deploy?: boolean;
  /** Whose quotas apply (default consumer): see `app.emu.quotaUsage(user)`. */
  accountType?: 'consumer' | 'workspace';
}

export function requireBuild(): void {
  if (!existsSync(join(BUILD_DIR, 'Code.js'))) {
    throw new Error('build/Code.js is missing: run `npm run build` (npm test builds first).');
  }
}

export function createApp(opts: TestAppOptions = {}): LocalApp {
  requireBuild();
  const app = new LocalApp({
    now: opts.now ?? MONDAY_MORNING,
    userEmail: 'admin@diskopukm.example',
    deploy: opts.deploy,
    accountType: opts.accountType,
  });
  app.configure({ ...PLAYGROUND_CONFIG, ...opts.config });
  if (opts.setup !== false) {
    app.setup();
    const officers = opts.officers ?? OFFICERS;
    if (officers.length) app.appendRows('Penanggung Jawab', officers);
  }
  return app;
}

export const KEY = { key: PLAYGROUND_CONFIG.webhookKey };

export function postJson(app: LocalApp, payload: unknown, query: Record<string, string> = KEY): WebResponse {
  return app.post(query, JSON.stringify(payload), 'application/json');
}

/** A citizen's phone: sends messages through the webhook, reads the bot's replies. */
export class Citizen {
  private cursor = 0;
  readonly sender: Sender;

  constructor(
    readonly app: LocalApp,
    phone: string,
    name = 'Warga',
    userId?: string,
    readonly provider: 'cloud' | 'fonnte' = 'cloud',
  ) {
    this.sender = { phone, name, userId };
  }

  get address(): string {
    return this.sender.phone || this.sender.userId || '';
  }

  /** Sends a text; returns the messages the product sent to this citizen in reply. */
  say(text: string, opts: { id?: string } = {}): Reply[] {
    const body =
      this.provider === 'fonnte'
        ? fonnteText(this.sender, text, this.app.now())
        : cloudText(this.sender, text, this.app.now(), { id: opts.id });
    const res = postJson(this.app, body);
    expectJsonOk(res);
    return this.replies();
  }

  /** Taps a row or button of the last interactive message (by title or id). */
  choose(titleOrId: string): Reply[] {
    const last = [...this.app.messagesTo(this.address)].reverse().find((m) => m.choices.length > 0);
    if (!last) throw new Error('no interactive message to choose from');
    const choice: Choice | undefined = last.choices.find((c) => c.id === titleOrId || c.title === titleOrId);
    if (!choice) throw new Error(`no choice "${titleOrId}" in ${JSON.stringify(last.choices)}`);
    const kind = last.type === 'interactive.button' ? 'button_reply' : 'list_reply';
    expectJsonOk(postJson(this.app, cloudChoice(this.sender, choice, kind, this.app.now())));
    return this.replies();
  }

  /** Messages sent to this citizen since the last call. */
  replies(): Reply[] {
    const msgs = this.app.messagesTo(this.address, this.cursor);
    this.cursor = this.app.sentCount;
    return msgs;
  }

  /** Goes from "halo" to a connected session; returns the session id. */
  connect(jenis: '1' | '2' = '1', bidang: '1' | '2' = '1', topic = '1'): string {
    this.say('halo');
    this.say(jenis);
    this.say(bidang);
    const replies = this.say(topic);
    const text = replies.map((r) => r.text).join('\n');
    const id = /HK-\d{4}-\d{4,}/.exec(text);
    if (!id) throw new Error(`not connected: ${text}`);
    return id[0];
  }
}

export function expectJsonOk(res: WebResponse): void {
  const body = JSON.parse(res.body) as { ok?: boolean };
  if (body.ok !== true) throw new Error(`webhook answered ${res.body}`);
}

export function lastCalls(app: LocalApp): ExecResult['calls'] {
  const last = app.emu.calls.last;
  if (!last) throw new Error('no execution yet');
  return last;
}

/**
 * Runs `fn` (one or more executions) and gives the emulated times around it: time passes inside an
 * execution (every service call advances the clock), so what it stamps lies in [from, to].
 */
export function during<T>(app: LocalApp, fn: () => T): { value: T; from: number; to: number } {
  const from = app.now();
  const value = fn();
  return { value, from, to: app.now() };
}

/** Expects an ISO time, Date or epoch ms within [from, to]. */
export function expectWithin(at: string | number | Date, span: { from: number; to: number }): void {
  const ms = typeof at === 'number' ? at : new Date(at).getTime();
  expect(ms).toBeGreaterThanOrEqual(span.from);
  expect(ms).toBeLessThanOrEqual(span.to);
}
