// The playground's HTTP server: the product's web app at /exec, the pages (/, /chat, /sidebar,
// /sheets), build/*.html with a google.script.run shim at /ui/<Page>, and the JSON dev API under
// /_dev/ (documented in README.md, "Playground"). Node's http module only; the routes are a table
// (playgroundRoutes) that dispatch tries in order.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SheetModel } from '../emulator/model';
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

/** The pages in build/ (*.html) with their titles and sizes (UI_PAGES, else 600 × 500). */
function uiPages(buildDir: string): { name: string; title: string; width: number; height: number }[] {
  return existsSync(buildDir)
    ? readdirSync(buildDir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => f.slice(0, -5))
        .map((name) => ({ name, ...(UI_PAGES[name] ?? { title: name, width: 600, height: 500 }) }))
    : [];
}

/** GET /_dev/state: the clock, the webhook settings, the pages and the active officers. */
function devState(pg: Playground, buildDir: string, base: string): Record<string, unknown> {
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
    pages: uiPages(buildDir).map((p) => p.name),
    officers,
  };
}

function sheetModel(pg: Playground, name: string): SheetModel {
  const s = pg.emu.spreadsheet.getSheetByName(name);
  if (!s) throw new HttpError(404, `No sheet named "${name}"`);
  return s;
}

// ---- routes ---------------------------------------------------------------------------------------

/** A request as a route's handler sees it. */
interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The decoded path. */
  path: string;
  method: string;
  /** The query string without its "?". */
  query: string;
  /** http://<Host header>, for URLs in answers. */
  base: string;
  /** The capture groups of a RegExp route's path. */
  params: string[];
}

interface Route {
  /** An HTTP method, or '*' for any. */
  method: string;
  /** The decoded path: all of it (a string), or an anchored RegExp whose groups are the params. */
  path: string | RegExp;
  handle(call: Call): void | Promise<void>;
}

function route(method: string, path: string | RegExp, handle: Route['handle']): Route {
  return { method, path, handle };
}

function notFound(method: string, path: string): HttpError {
  return new HttpError(404, `Not found: ${method} ${path}`);
}

/** Hands the request to the first route of its method and path; none is a 404. */
async function dispatch(routes: readonly Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  const method = req.method ?? 'GET';
  for (const r of routes) {
    if (r.method !== '*' && r.method !== method) continue;
    const params = typeof r.path === 'string' ? (r.path === path ? [] : null) : r.path.exec(path)?.slice(1);
    if (!params) continue;
    const query = url.search.replace(/^\?/, '');
    const base = `http://${req.headers.host ?? 'localhost'}`;
    await r.handle({ req, res, url, path, method, query, base, params });
    return;
  }
  throw notFound(method, path);
}

/** The product's web app. */
function webAppRoutes(pg: Playground): Route[] {
  const reply = (res: ServerResponse, out: ReturnType<Playground['get']>): void =>
    send(res, out.status, out.body, out.contentType);
  return [
    route('GET', '/exec', ({ res, query }) => reply(res, pg.get(query))),
    route('POST', '/exec', async ({ req, res, query }) => {
      const body = await readBody(req);
      const type = String(req.headers['content-type'] ?? '');
      reply(res, pg.post(query, body, type));
    }),
    route('*', '/exec', () => {
      throw new HttpError(405, 'GET or POST');
    }),
  ];
}

/** The pages, their assets and build/*.html with the google.script.run shim. */
function pageRoutes(assets: Assets, buildDir: string): Route[] {
  const page =
    (name: PageName): Route['handle'] =>
    ({ res }) =>
      send(res, 200, assets.pages[name], 'text/html; charset=utf-8');
  return [
    route('GET', '/', page('home')),
    route('GET', '/chat', page('chat')),
    route('GET', '/sheets', page('sheets')),
    route('GET', '/sidebar', page('sidebar')),
    route('GET', '/assets/playground.css', ({ res }) =>
      send(res, 200, assets.css, 'text/css; charset=utf-8'),
    ),
    route('GET', /^\/assets\/([a-z]+)\.js$/, ({ res, method, path, params: [name] }) => {
      // The shim is not served: /ui/<Page> inlines it.
      if (!assets.scripts[name] || name === 'shim') throw notFound(method, path);
      send(res, 200, assets.scripts[name], 'text/javascript; charset=utf-8');
    }),
    route('GET', /^\/ui\/([A-Za-z0-9_-]+)$/, ({ res, params: [name] }) => {
      const file = join(buildDir, `${name}.html`);
      if (!existsSync(file)) throw new HttpError(404, `build/${name}.html does not exist (npm run build)`);
      const html = readFileSync(file, 'utf8');
      const shim = `<script>${assets.shim}</script>`;
      const withShim = /<head[^>]*>/i.test(html)
        ? html.replace(/<head[^>]*>/i, (m) => m + shim)
        : shim + html;
      send(res, 200, withShim, 'text/html; charset=utf-8');
    }),
    route('GET', '/favicon.ico', ({ res }) => send(res, 204, '', 'image/x-icon')),
  ];
}

/** The dev API's GET routes: state, messages, sheets, charts, the clock, the workbook, calls. */
function devGetRoutes(pg: Playground, buildDir: string): Route[] {
  return [
    route('GET', '/_dev/state', ({ res, base }) => json(res, devState(pg, buildDir, base))),
    route('GET', '/_dev/ui', ({ res }) => json(res, { pages: uiPages(buildDir), editor: pg.emu.userEmail })),
    route('GET', '/_dev/outbox', ({ res, url }) => {
      const to = url.searchParams.get('to');
      const all = pg.engine.outbox();
      json(
        res,
        to ? all.filter((e) => (e.channel === 'mail' ? e.to === to : digits(e.to) === digits(to))) : all,
      );
    }),
    route('GET', '/_dev/mails', ({ res }) =>
      json(
        res,
        pg.emu.mailLog.map((m) => ({
          at: new Date(m.at).toISOString(),
          to: m.to,
          subject: m.subject,
          text: m.body,
        })),
      ),
    ),
    route('GET', '/_dev/inbox', ({ res }) => json(res, pg.inbox)),
    route('GET', /^\/_dev\/conversation\/([^/]+)$/, ({ res, params: [number] }) =>
      json(res, pg.conversation(number)),
    ),
    route('GET', '/_dev/sheets', ({ res }) =>
      json(
        res,
        pg.emu.spreadsheet.sheets.map((s) => ({
          name: s.name,
          rows: s.lastRow(),
          columns: s.lastColumn(),
          hidden: s.hidden,
          charts: s.charts.length,
        })),
      ),
    ),
    route('GET', /^\/_dev\/sheets\/(.+)$/, ({ res, url, params: [name] }) => {
      const model = sheetModel(pg, name);
      if (url.searchParams.get('display')) {
        const rows = model.getDisplayValues();
        return json(res, { headers: rows[0] ?? [], rows: rows.slice(1) });
      }
      const s = pg.engine.sheet(name);
      json(res, { headers: s.headers, rows: jsonCells(s.rows) });
    }),
    route('GET', /^\/_dev\/charts\/(.+)$/, ({ res, params: [name] }) =>
      json(res, sheetCharts(pg.emu.spreadsheet, sheetModel(pg, name))),
    ),
    route('GET', '/_dev/clock', ({ res }) => json(res, pg.clock())),
    route('GET', '/_dev/workbook.xlsx', async ({ res }) => {
      const buf = await workbookXlsx(pg.emu.spreadsheet);
      const stamp = new Date(pg.now()).toISOString().slice(0, 16).replace(/[:T]/g, '-');
      send(res, 200, buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
        'Content-Disposition': `attachment; filename="halo-kop-ukm-${stamp}.xlsx"`,
      });
    }),
    route('GET', '/_dev/calls', ({ res, url }) => {
      const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get('limit')) || 50));
      json(res, pg.emu.calls.executions.slice(-limit));
    }),
  ];
}

/** The dev API's POST routes: rows appended, the clock set, a tick, a reset, a script function run. */
function devPostRoutes(pg: Playground): Route[] {
  return [
    route('POST', /^\/_dev\/sheets\/(.+)\/rows$/, async ({ req, res, params: [name] }) => {
      sheetModel(pg, name);
      const body = parseJsonBody(await readBody(req));
      const rows = body.rows;
      if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
        throw new HttpError(400, 'Expected {"rows": [{"<header>": <value>}]}');
      }
      pg.engine.appendRows(name, rows as Record<string, unknown>[]);
      pg.scheduleSave();
      const s = pg.engine.sheet(name);
      json(res, { appended: rows.length, headers: s.headers, rows: jsonCells(s.rows) });
    }),
    route('POST', '/_dev/clock', async ({ req, res }) => {
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
    }),
    route('POST', '/_dev/tick', ({ res }) => {
      pg.follow();
      const { result, calls } = pg.tick();
      json(res, { now: new Date(pg.now()).toISOString(), ran: result?.ran ?? [], calls });
    }),
    route('POST', '/_dev/reset', ({ res }) => {
      pg.reset();
      json(res, { ok: true, now: new Date(pg.now()).toISOString(), generation: pg.generation });
    }),
    route('POST', /^\/_dev\/run\/([A-Za-z_$][\w$]*)$/, async ({ req, res, params: [fn] }) => {
      const body = parseJsonBody(await readBody(req));
      const args = Array.isArray(body.args) ? body.args : [];
      pg.follow();
      try {
        const r = fn === 'api' ? pg.engine.api(String(args[0]), args[1]) : pg.engine.exec(fn, ...args);
        pg.scheduleSave();
        json(res, { ok: true, value: r.result ?? null });
      } catch (e) {
        pg.scheduleSave();
        json(res, { ok: false, error: errorMessage(e) });
      }
    }),
  ];
}

/** Every route, in the order they are tried; anything else is a 404. */
function playgroundRoutes(pg: Playground, assets: Assets, buildDir: string): Route[] {
  return [
    ...webAppRoutes(pg),
    ...pageRoutes(assets, buildDir),
    ...devGetRoutes(pg, buildDir),
    ...devPostRoutes(pg),
  ];
}

export async function startPlaygroundServer(opts: ServerOptions): Promise<RunningPlayground> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const buildDir = opts.buildDir ?? join(process.cwd(), 'build');
  const dataDir = opts.dataDir ?? join(process.cwd(), '.playground');
  const assets: Assets = await loadAssets();
  const pg = new Playground({ dataDir, factory: opts.factory ?? localAppFactory(buildDir), log });
  pg.follow();
  const routes = playgroundRoutes(pg, assets, buildDir);

  const server = createServer((req, res) => {
    dispatch(routes, req, res).catch((e: unknown) => {
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
