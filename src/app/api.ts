// The one server function behind the sidebar and dialogs: `api(name, request)`. It refuses callers
// who are not editors of the spreadsheet, and answers `{ok, data}` or `{ok: false, error}` with an
// Indonesian message — never an exception the client cannot show.

import { render } from '../messages/id';
import { JAKARTA_OFFSET, zoneLabel } from '../domain/time';
import type { ApiMap, ApiName, ApiResponse, ServerClock } from '../api/types';
import { runSetup } from './admin';
import { SIDEBAR_HANDLERS } from './api-sidebar';
import { CONTENT_HANDLERS } from './content-api';
import { Ctx } from './context';
import { apiReportRun, apiReportWeeks } from './report-job';
import { archiveNow } from './archive';
import { capacityNow } from './capacity';
import { apiPrivacyDelete, apiPrivacyFind } from './privacy';
import { withScriptLock } from '../platform/lock';
import { getSettings, saveSettings } from './settings-api';

type Handler<K extends ApiName> = (ctx: Ctx, req: ApiMap[K]['req']) => ApiMap[K]['res'];
type Handlers = { [K in ApiName]: Handler<K> };

const handlers: Handlers = {
  ...SIDEBAR_HANDLERS,
  ...CONTENT_HANDLERS,
  'settings.get': (ctx) => getSettings(ctx),
  'settings.save': (ctx, req) => saveSettings(ctx, req),
  'report.run': (ctx, req) => apiReportRun(ctx, req),
  'report.weeks': (ctx) => apiReportWeeks(ctx),
  'capacity.get': (ctx) => capacityNow(ctx, withScriptLock),
  'admin.archiveNow': () => ({ message: archiveNow() }),
  'privacy.find': (ctx, req) => apiPrivacyFind(ctx, req.query),
  'privacy.delete': (ctx, req) => apiPrivacyDelete(ctx, req.query, req.confirm),
  'admin.setup': () => {
    const r = runSetup();
    return { createdSheets: r.createdSheets, addedColumns: r.addedColumns };
  },
};

/** Editors of the spreadsheet (and its owner) only. */
export function isEditor(ctx: Ctx): boolean {
  const email = (Session.getActiveUser().getEmail() || '').toLowerCase();
  if (!email) return false;
  const owner = ctx.ss.getOwner();
  if (owner && owner.getEmail().toLowerCase() === email) return true;
  return ctx.ss.getEditors().some((u) => u.getEmail().toLowerCase() === email);
}

/** The server's clock for the pages; the zone falls back to WIB when the settings cannot be read. */
function serverClock(ctx: Ctx): ServerClock {
  let offset = JAKARTA_OFFSET;
  try {
    offset = ctx.offset;
  } catch {
    // settings unreadable: the answer still carries the time
  }
  return { now: new Date(ctx.now).toISOString(), offset, zone: zoneLabel(offset) };
}

export function api(name: string, req: unknown): ApiResponse<unknown> {
  let ctx: Ctx | null = null;
  try {
    ctx = new Ctx();
    if (!isEditor(ctx)) return { ok: false, error: render('apiForbidden') };
    const handler = (handlers as Record<string, Handler<ApiName> | undefined>)[name];
    if (!handler) return { ok: false, error: render('apiUnknown', { name }), clock: serverClock(ctx) };
    const data = handler(ctx, (req ?? {}) as never);
    return { ok: true, data: JSON.parse(JSON.stringify(data ?? null)), clock: serverClock(ctx) };
  } catch (err) {
    console.error(`api ${name}: ${String(err)}`);
    const error = render('apiFailed', { reason: String((err as Error).message ?? err) });
    return ctx ? { ok: false, error, clock: serverClock(ctx) } : { ok: false, error };
  }
}
