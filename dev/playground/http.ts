// The playground's HTTP server: the product's web app at /exec, the pages (/, /chat, /sidebar,
// /sheets), build/*.html with a google.script.run shim at /ui/<Page>, and the JSON dev API under
// /_dev/ (documented in README.md, "Playground"). Node's http module only.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Assets, loadAssets, type PageName } from './assets';
import { sheetCharts } from './charts';
import { digits } from './conversation';
import { DEFAULTS } from './demo';
import { type EngineFactory, localAppFactory } from './engine';
import { Playground } from './playground';
import { workbookXlsx } from './xlsx';

export interface ServerOptions {
  /** 0 = a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where the state is kept. Default .playground/ */
  dataDir?: string;
  /** Where build/Code.js and build/*.html are. Default build/ */
  buildDir?: string;
  /** Default: LocalApp over buildDir. */
  factory?: EngineFactory;
  /** Real-time clock step (ms); 0 disables the background timer. Default 1000. */
  clockIntervalMs?: number;
  log?: (line: string) => void;
}

export interface RunningPlayground {
  url: string;
  port: number;
  playground: Playground;
  server: Server;
  stop(): Promise<void>;
}

/** Titles and sizes of the pages in build/ (menuSettings opens Settings at 480 × 560). */
const UI_PAGES: Record<string, { title: string; width: number; height: number }> = {
  Sidebar: { title: 'Sidebar', width: 300, height: 700 },
  Settings: { title: 'Pengaturan', width: 480, height: 560 },
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJsonBody(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'Expected a JSON object body');
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

function json(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Sheet values for JSON: Dates as ISO strings. */
function jsonCells(rows: unknown[][]): unknown[][] {
  return rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
}

export async function startPlaygroundServer(opts: ServerOptions): Promise<RunningPlayground> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const buildDir = opts.buildDir ?? join(process.cwd(), 'build');
  const dataDir = opts.dataDir ?? join(process.cwd(), '.playground');
  const assets: Assets = await loadAssets();
  const pg = new Playground({ dataDir, factory: opts.factory ?? localAppFactory(buildDir), log });
  pg.follow();

  const uiPages = (): { name: string; title: string; width: number; height: number }[] =>
    existsSync(buildDir)
      ? readdirSync(buildDir)
          .filter((f) => f.endsWith('.html'))
          .map((f) => f.slice(0, -5))
          .map((name) => ({ name, ...(UI_PAGES[name] ?? { title: name, width: 600, height: 500 }) }))
      : [];

  const state = (base: string): Record<string, unknown> => {
    let officers: { group: string; name: string; whatsapp: string; email: string }[] = [];
    try {
      const s = pg.engine.sheet('Penanggung Jawab');
      const idx = (h: string): number =>
        s.headers.findIndex((x) => String(x).trim().toLowerCase() === h.toLowerCase());
      const [g, n, w, e, a] = ['Grup', 'Nama', 'WhatsApp', 'Email', 'Aktif'].map(idx);
      officers = s.rows
        .filter((r) => a < 0 || r[a] === true)
        .map((r) => ({
          group: String(r[g] ?? ''),
          name: String(r[n] ?? ''),
          whatsapp: String(r[w] ?? ''),
          email: String(r[e] ?? ''),
        }))
        .filter((o) => o.name || o.whatsapp);
    } catch {
      // no officers sheet
    }
    const props = pg.emu.scriptProperties;
    const key = props.get('secret:webhookKey') ?? DEFAULTS.webhookKey;
    return {
      now: new Date(pg.now()).toISOString(),
      offsetMs: pg.offsetMs,
      timeZone: pg.emu.scriptTimeZone,
      generation: pg.generation,
      webhookKey: key,
      webhookUrl: `${base}/exec?key=${encodeURIComponent(key)}`,
      verifyToken: props.get('secret:verifyToken') ?? '',
      phoneNumberId: props.get('secret:phoneNumberId') ?? '',
      provider: props.get('cfg:provider') ?? 'cloud',
      pages: uiPages().map((p) => p.name),
      officers,
    };
  };

  const sheetModel = (name: string): ReturnType<typeof pg.emu.spreadsheet.getSheetByName> & object => {
    const s = pg.emu.spreadsheet.getSheetByName(name);
    if (!s) throw new HttpError(404, `No sheet named "${name}"`);
    return s;
  };

  const page = (res: ServerResponse, name: PageName): void =>
    send(res, 200, assets.pages[name], 'text/html; charset=utf-8');

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    const query = url.search.replace(/^\?/, '');
    const base = `http://${req.headers.host ?? 'localhost'}`;
    const is = (m: string, p: string): boolean => method === m && path === p;

    // ---- the product's web app
    if (path === '/exec') {
      if (method === 'GET') {
        const out = pg.get(query);
        return send(res, out.status, out.body, out.contentType);
      }
      if (method === 'POST') {
        const body = await readBody(req);
        const type = String(req.headers['content-type'] ?? '');
        const out = pg.post(query, body, type);
        return send(res, out.status, out.body, out.contentType);
      }
      throw new HttpError(405, 'GET or POST');
    }

    // ---- pages
    if (method === 'GET') {
      if (path === '/') return page(res, 'home');
      if (path === '/chat') return page(res, 'chat');
      if (path === '/sheets') return page(res, 'sheets');
      if (path === '/sidebar') return page(res, 'sidebar');
      if (path === '/assets/playground.css') return send(res, 200, assets.css, 'text/css; charset=utf-8');
      const asset = /^\/assets\/([a-z]+)\.js$/.exec(path);
      if (asset && assets.scripts[asset[1]] && asset[1] !== 'shim') {
        return send(res, 200, assets.scripts[asset[1]], 'text/javascript; charset=utf-8');
      }
      const ui = /^\/ui\/([A-Za-z0-9_-]+)$/.exec(path);
      if (ui) {
        const file = join(buildDir, `${ui[1]}.html`);
        if (!existsSync(file)) throw new HttpError(404, `build/${ui[1]}.html does not exist (npm run build)`);
        const html = readFileSync(file, 'utf8');
        const shim = `<script>${assets.shim}</script>`;
        const withShim = /<head[^>]*>/i.test(html)
          ? html.replace(/<head[^>]*>/i, (m) => m + shim)
          : shim + html;
        return send(res, 200, withShim, 'text/html; charset=utf-8');
      }
      if (path === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    }

    // ---- dev API
    if (is('GET', '/_dev/state')) return json(res, state(base));
    if (is('GET', '/_dev/ui')) return json(res, { pages: uiPages(), editor: pg.emu.userEmail });
    if (is('GET', '/_dev/outbox')) {
      const to = url.searchParams.get('to');
      const all = pg.engine.outbox();
      return json(
        res,
        to ? all.filter((e) => (e.channel === 'mail' ? e.to === to : digits(e.to) === digits(to))) : all,
      );
    }
    if (is('GET', '/_dev/mails')) {
      return json(
        res,
        pg.emu.mailLog.map((m) => ({
          at: new Date(m.at).toISOString(),
          to: m.to,
          subject: m.subject,
          text: m.body,
        })),
      );
    }
    if (is('GET', '/_dev/inbox')) return json(res, pg.inbox);
    const conv = /^\/_dev\/conversation\/([^/]+)$/.exec(path);
    if (method === 'GET' && conv) return json(res, pg.conversation(conv[1]));
    if (is('GET', '/_dev/sheets')) {
      return json(
        res,
        pg.emu.spreadsheet.sheets.map((s) => ({
          name: s.name,
          rows: s.lastRow(),
          columns: s.lastColumn(),
          hidden: s.hidden,
          charts: s.charts.length,
        })),
      );
    }
    const rowsPath = /^\/_dev\/sheets\/(.+)\/rows$/.exec(path);
    if (method === 'POST' && rowsPath) {
      sheetModel(rowsPath[1]);
      const body = parseJsonBody(await readBody(req));
      const rows = body.rows;
      if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
        throw new HttpError(400, 'Expected {"rows": [{"<header>": <value>}]}');
      }
      pg.engine.appendRows(rowsPath[1], rows as Record<string, unknown>[]);
      pg.scheduleSave();
      const s = pg.engine.sheet(rowsPath[1]);
      return json(res, { appended: rows.length, headers: s.headers, rows: jsonCells(s.rows) });
    }
    const sheetPath = /^\/_dev\/sheets\/(.+)$/.exec(path);
    if (method === 'GET' && sheetPath) {
      const model = sheetModel(sheetPath[1]);
      if (url.searchParams.get('display')) {
        const rows = model.getDisplayValues();
        return json(res, { headers: rows[0] ?? [], rows: rows.slice(1) });
      }
      const s = pg.engine.sheet(sheetPath[1]);
      return json(res, { headers: s.headers, rows: jsonCells(s.rows) });
    }
    const chartPath = /^\/_dev\/charts\/(.+)$/.exec(path);
    if (method === 'GET' && chartPath)
      return json(res, sheetCharts(pg.emu.spreadsheet, sheetModel(chartPath[1])));
    if (is('GET', '/_dev/clock')) return json(res, pg.clock());
    if (is('POST', '/_dev/clock')) {
      const body = parseJsonBody(await readBody(req));
      if (typeof body.set === 'string' || typeof body.set === 'number') {
        if (!Number.isFinite(typeof body.set === 'number' ? body.set : Date.parse(body.set))) {
          throw new HttpError(400, `Invalid time: ${String(body.set)}`);
        }
        return json(res, pg.setClock(body.set));
      }
      if (typeof body.advanceMinutes === 'number' && Number.isFinite(body.advanceMinutes)) {
        return json(res, pg.advanceMinutes(body.advanceMinutes));
      }
      if (body.realTime === true) return json(res, pg.followRealTime());
      throw new HttpError(400, 'Expected {"set": "<ISO time>"}, {"advanceMinutes": n} or {"realTime": true}');
    }
    if (is('POST', '/_dev/media')) {
      // A citizen's attachment on /chat: kept by the fake Meta under a new media id (issue 15).
      const body = parseJsonBody(await readBody(req));
      const mime = typeof body.mime === 'string' && body.mime ? body.mime : 'application/octet-stream';
      if (typeof body.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body.data)) {
        throw new HttpError(400, 'Expected {"mime": "<type>", "data": "<base64>"}');
      }
      const fake = pg.engine.fakeWhatsApp;
      const media = fake.media ?? (fake.media = new Map());
      const id = `PG${Date.now()}${Math.floor(Math.random() * 1e6)}`;
      media.set(id, { mime, data: body.data });
      return json(res, { id, size: Buffer.from(body.data, 'base64').length });
    }
    if (is('POST', '/_dev/tick')) {
      pg.follow();
      const { result, calls } = pg.tick();
      return json(res, { now: new Date(pg.now()).toISOString(), ran: result?.ran ?? [], calls });
    }
    if (is('POST', '/_dev/reset')) {
      pg.reset();
      return json(res, { ok: true, now: new Date(pg.now()).toISOString(), generation: pg.generation });
    }
    if (is('GET', '/_dev/workbook.xlsx')) {
      const buf = await workbookXlsx(pg.emu.spreadsheet);
      const stamp = new Date(pg.now()).toISOString().slice(0, 16).replace(/[:T]/g, '-');
      return send(res, 200, buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
        'Content-Disposition': `attachment; filename="halo-kop-ukm-${stamp}.xlsx"`,
      });
    }
    if (is('GET', '/_dev/calls')) {
      const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get('limit')) || 50));
      return json(res, pg.emu.calls.executions.slice(-limit));
    }
    const run = /^\/_dev\/run\/([A-Za-z_$][\w$]*)$/.exec(path);
    if (method === 'POST' && run) {
      const body = parseJsonBody(await readBody(req));
      const args = Array.isArray(body.args) ? body.args : [];
      pg.follow();
      try {
        const r =
          run[1] === 'api' ? pg.engine.api(String(args[0]), args[1]) : pg.engine.exec(run[1], ...args);
        pg.scheduleSave();
        return json(res, { ok: true, value: r.result ?? null });
      } catch (e) {
        pg.scheduleSave();
        return json(res, { ok: false, error: errorMessage(e) });
      }
    }
    throw new HttpError(404, `Not found: ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500)
        log(
          `playground: ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      if (!res.headersSent) json(res, { error: errorMessage(e) }, status);
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : 'localhost';
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;

  const interval = opts.clockIntervalMs ?? 1000;
  const timer =
    interval > 0
      ? setInterval(() => {
          try {
            pg.follow();
          } catch (e) {
            log(`playground: clock: ${errorMessage(e)}`);
          }
        }, interval)
      : null;

  let stopped = false;
  return {
    url,
    port,
    playground: pg,
    server,
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      pg.saveNow();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
