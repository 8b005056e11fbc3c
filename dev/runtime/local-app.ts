// The product off Google: build/Code.js running on one emulated Google. Every call is one
// execution in a fresh V8 context holding only Apps Script globals, as on Google. Used by the
// integration tests, the playground and the benchmark.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutionCalls, ExecutionKind, FetchRequest } from '../emulator/index';
import { GoogleEmulator } from '../emulator/index';
import type { EmulatorOptions, Manifest } from '../emulator/index';
import { loadBundle, webAppEvent } from '../emulator/sandbox';
import { SECRET } from '../../src/store/settings';
import type { FakeWhatsAppOptions, OutboundMessage } from './whatsapp';
import { fakeWhatsAppResponse, readOutbound } from './whatsapp';

export const ROOT = join(__dirname, '..', '..');
export const BUILD_DIR = join(ROOT, 'build');

export interface ConfigureInput {
  provider: 'cloud' | 'fonnte';
  webhookKey: string;
  verifyToken: string;
  phoneNumberId: string;
  token: string;
}

export const PLAYGROUND_CONFIG: ConfigureInput = {
  provider: 'cloud',
  webhookKey: 'playground',
  verifyToken: 'playground',
  phoneNumberId: 'PLAYGROUND',
  token: 'playground-token',
};

/** One request the product sent, as the playground's JSON API shows it. */
export interface OutboxEntry {
  at: string;
  channel: 'whatsapp' | 'mail';
  to: string;
  text: string;
  /** The full request body sent (JSON, or form fields for Fonnte); the mail record for mail. */
  body: unknown;
  /** The message id the provider answered with ('' when none). */
  messageId: string;
}

interface SentRecord {
  at: number;
  url: string;
  payload: string;
  contentType: string;
  status: number;
  response: string;
}

export interface ExecResult<T = unknown> {
  result: T;
  calls: ExecutionCalls;
}

export interface WebResponse {
  status: number;
  contentType: string;
  body: string;
  calls: ExecutionCalls;
}

export interface LocalAppOptions extends EmulatorOptions {
  /** Path of the bundle; default build/Code.js. */
  codePath?: string;
  /** Folder of the built HTML pages (HtmlService files); default build/. */
  htmlDir?: string;
  emulator?: GoogleEmulator;
  fakeWhatsApp?: FakeWhatsAppOptions;
}

export class LocalApp {
  readonly emu: GoogleEmulator;
  private readonly code: string;
  private sent: SentRecord[] = [];
  /** Failure injection and extra endpoints: consulted before the fake WhatsApp answers. */
  fakeWhatsApp: FakeWhatsAppOptions;

  constructor(opts: LocalAppOptions = {}) {
    const codePath = opts.codePath ?? join(BUILD_DIR, 'Code.js');
    this.code = readFileSync(codePath, 'utf8');
    // The project's appsscript.json next to the bundle: its scopes and advanced services apply.
    const manifest = opts.manifest ?? readManifest(join(dirname(codePath), 'appsscript.json'));
    this.emu = opts.emulator ?? new GoogleEmulator({ now: opts.now ?? Date.now(), ...opts, manifest });
    this.fakeWhatsApp = opts.fakeWhatsApp ?? {};
    const htmlDir = opts.htmlDir ?? BUILD_DIR;
    for (const name of ['Sidebar', 'Settings']) {
      try {
        this.emu.htmlFiles[name] = readFileSync(join(htmlDir, `${name}.html`), 'utf8');
      } catch {
        // a page not built yet: HtmlService reports it missing, as Google would
      }
    }
    this.emu.fetchHandler = (req: FetchRequest) => {
      const res = fakeWhatsAppResponse(
        {
          url: req.url,
          method: req.method,
          headers: req.headers,
          payload: req.payload,
          contentType: req.contentType ?? '',
        },
        this.fakeWhatsApp,
      ) ?? { status: 404, body: 'Not Found' };
      this.sent.push({
        at: this.emu.clock.now(),
        url: req.url,
        payload: req.payload,
        contentType: req.contentType ?? '',
        status: res.status,
        response: res.body,
      });
      return res;
    };
  }

  // ---- executions ------------------------------------------------------------------------------

  /** Runs a top-level function of the bundle as one execution; rethrows its error. */
  exec<T = unknown>(fn: string, ...args: unknown[]): ExecResult<T> {
    return this.execAs({}, fn, ...args) as ExecResult<T>;
  }

  execAs<T = unknown>(
    opts: { kind?: ExecutionKind; activeUser?: string; effectiveUser?: string },
    fn: string,
    ...args: unknown[]
  ): ExecResult<T> {
    const sandbox = loadBundle(this.code, this.emu);
    const r = sandbox.runAs(opts, fn, ...args);
    return { result: r.result as T, calls: r.calls };
  }

  /** POST /exec: one doPost execution. */
  post(query: string | Record<string, string>, body: string, contentType = 'application/json'): WebResponse {
    return this.web('doPost', webAppEvent({ method: 'POST', query, body, contentType }));
  }

  /** GET /exec: one doGet execution. */
  get(query: string | Record<string, string> = ''): WebResponse {
    return this.web('doGet', webAppEvent({ method: 'GET', query }));
  }

  private web(fn: 'doGet' | 'doPost', event: unknown): WebResponse {
    const sandbox = loadBundle(this.code, this.emu);
    const r = sandbox.tryRun(fn, event);
    if ('error' in r && r.error !== undefined) {
      // Google shows its own error page (HTML) for an uncaught exception.
      return { status: 200, contentType: 'text/html', body: `Error: ${String(r.error)}`, calls: r.calls };
    }
    const res = r.result as { getContent?: () => string; getMimeType?: () => unknown } | undefined;
    if (res && typeof res.getContent === 'function') {
      const mime = typeof res.getMimeType === 'function' ? String(res.getMimeType()) : 'TEXT';
      return { status: 200, contentType: MIME[mime] ?? mime, body: res.getContent(), calls: r.calls };
    }
    return { status: 200, contentType: 'text/plain', body: textOf(r.result), calls: r.calls };
  }

  /** Runs `tick` as its time-driven trigger would: as the user who installed it (the owner when none is). */
  tick(): ExecResult<{ ran: { job: string; summary: string; error?: string }[] }> {
    const user = this.emu.triggers.find((t) => t.handler === 'tick' && t.eventType === 'CLOCK')?.user;
    return this.execAs({ kind: 'trigger', activeUser: user, effectiveUser: user }, 'tick');
  }

  /** Calls the sidebar's server function as an editor (the owner by default). */
  api<T = unknown>(
    name: string,
    req: unknown = {},
    activeUser = this.emu.userEmail,
  ): ExecResult<{
    ok: boolean;
    data?: T;
    error?: string;
    clock?: { now: string; offset: number; zone: string };
  }> {
    return this.execAs({ kind: 'editor', activeUser }, 'api', name, req);
  }

  /** Stores provider settings and secrets in Script Properties, as the settings dialog does. */
  configure(c: ConfigureInput = PLAYGROUND_CONFIG): void {
    const p = this.emu.scriptProperties;
    p.set(SECRET.provider, c.provider);
    p.set(SECRET.webhookKey, c.webhookKey);
    p.set(SECRET.verifyToken, c.verifyToken);
    p.set(SECRET.phoneNumberId, c.phoneNumberId);
    if (c.provider === 'fonnte') p.set(SECRET.fonnteToken, c.token);
    else p.set(SECRET.accessToken, c.token);
  }

  /** "Siapkan Spreadsheet" from the menu. */
  setup(): ExecResult {
    return this.exec('menuSetup');
  }

  // ---- what happened -----------------------------------------------------------------------------

  /** Every WhatsApp request and email the product sent, oldest first. */
  outbox(): OutboxEntry[] {
    const wa: OutboxEntry[] = this.sent
      .filter((s) => /graph\.facebook\.com|api\.fonnte\.com/.test(s.url))
      .map((s) => {
        const msg = readOutbound({ url: s.url, payload: s.payload, contentType: s.contentType });
        let body: unknown = s.payload;
        try {
          body = s.url.includes('fonnte')
            ? Object.fromEntries(new URLSearchParams(s.payload))
            : JSON.parse(s.payload);
        } catch {
          body = s.payload;
        }
        let messageId = '';
        try {
          const r = JSON.parse(s.response) as { messages?: { id: string }[] };
          messageId = r.messages?.[0]?.id ?? '';
        } catch {
          messageId = '';
        }
        return {
          at: new Date(s.at).toISOString(),
          channel: 'whatsapp' as const,
          to: msg ? msg.to : '',
          text: msg ? msg.text : '',
          body,
          messageId,
        };
      });
    const mail: OutboxEntry[] = this.emu.mailLog.map((m) => ({
      at: new Date(m.at).toISOString(),
      channel: 'mail' as const,
      to: m.to,
      text: `${m.subject}\n\n${m.body}`,
      body: m,
      messageId: '',
    }));
    return [...wa, ...mail].sort((a, b) => a.at.localeCompare(b.at));
  }

  /** WhatsApp messages (not read receipts) sent to one address, oldest first, from index `since`. */
  messagesTo(address: string, since = 0): (OutboundMessage & { messageId: string; index: number })[] {
    const out: (OutboundMessage & { messageId: string; index: number })[] = [];
    this.sent.forEach((s, index) => {
      if (index < since) return;
      const msg = readOutbound({ url: s.url, payload: s.payload, contentType: s.contentType });
      if (!msg || msg.to !== address) return;
      let messageId = '';
      try {
        messageId = (JSON.parse(s.response) as { messages?: { id: string }[] }).messages?.[0]?.id ?? '';
      } catch {
        messageId = '';
      }
      out.push({ ...msg, messageId, index });
    });
    return out;
  }

  /** Number of requests sent so far (a cursor for `messagesTo`). */
  get sentCount(): number {
    return this.sent.length;
  }

  clearOutbox(): void {
    this.sent = [];
    this.emu.mailLog.length = 0;
    this.emu.fetchLog.length = 0;
  }

  /** A sheet as stored: header row and data rows (values as the model holds them). */
  sheet(name: string): { headers: unknown[]; rows: unknown[][] } {
    const sheet = this.emu.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const lastRow = sheet.lastRow();
    const lastCol = sheet.lastColumn();
    const values: unknown[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= lastCol; c++) row.push(sheet.value(r, c));
      values.push(row);
    }
    return { headers: values[0] ?? [], rows: values.slice(1) };
  }

  /** A sheet's rows as objects by header. */
  records(name: string): Record<string, unknown>[] {
    const { headers, rows } = this.sheet(name);
    return rows.map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i]])));
  }

  /** Appends rows as staff would type them (Sheets parses typed input). */
  appendRows(name: string, rows: Record<string, unknown>[]): number {
    const sheet = this.emu.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const headers = this.sheet(name).headers.map((h) => String(h));
    for (const rec of rows) {
      const values = headers.map((h) => (h in rec ? rec[h] : ''));
      for (const k of Object.keys(rec)) {
        if (!headers.includes(k)) throw new Error(`sheet ${name} has no column "${k}"`);
      }
      sheet.appendRow(values);
    }
    // Staff edits of the configuration sheets refresh the cached configuration (onEdit).
    this.emu.evictCache();
    return rows.length;
  }

  // ---- clock -----------------------------------------------------------------------------------------

  now(): number {
    return this.emu.clock.now();
  }

  setNow(at: string | number | Date): void {
    this.emu.clock.set(at);
  }

  advanceMinutes(n: number): void {
    this.emu.clock.advanceMinutes(n);
  }

  // ---- persistence -------------------------------------------------------------------------------

  toJSON(): { emulator: unknown; sent: SentRecord[] } {
    return { emulator: this.emu.toJSON(), sent: this.sent };
  }

  static fromJSON(json: { emulator: unknown; sent?: SentRecord[] }, opts: LocalAppOptions = {}): LocalApp {
    const emu = GoogleEmulator.fromJSON(json.emulator as Parameters<typeof GoogleEmulator.fromJSON>[0]);
    const app = new LocalApp({ ...opts, emulator: emu });
    app.sent = json.sent ?? [];
    return app;
  }
}

/** appsscript.json at `path`, or undefined when there is none. */
export function readManifest(path: string): Manifest | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : undefined;
}

const MIME: Record<string, string> = {
  JSON: 'application/json',
  TEXT: 'text/plain',
  CSV: 'text/csv',
  JAVASCRIPT: 'application/javascript',
  ICAL: 'text/calendar',
  VCARD: 'text/vcard',
};

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
