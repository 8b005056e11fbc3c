// The one server function behind the sidebar and dialogs: `api(name, request)`. It refuses callers
// who are not editors of the spreadsheet, and answers `{ok, data}` or `{ok: false, error}` with an
// Indonesian message — never an exception the client cannot show.

import type { ApiMap, ApiName, ApiResponse, ServerClock } from '../api/types';
import { JAKARTA_OFFSET, zoneLabel } from '../domain/time';
import { render } from '../messages/id';
import { activeUserEmail } from '../platform/user';
import * as admin from './admin';
import * as broadcast from './broadcast';
import * as content from './content';
import { Ctx } from './context';
import * as data from './data';
import * as inbox from './inbox';
import * as report from './report';

type Handler<K extends ApiName> = (ctx: Ctx, req: ApiMap[K]['req']) => ApiMap[K]['res'];
type Handlers = { [K in ApiName]: Handler<K> };

/** Every feature's sidebar handlers: each API name is answered by the feature that owns it. */
const handlers: Handlers = {
  ...inbox.HANDLERS,
  ...content.HANDLERS,
  ...broadcast.HANDLERS,
  ...report.HANDLERS,
  ...data.HANDLERS,
  ...admin.HANDLERS,
};

/** Editors of the spreadsheet (and its owner) only. */
export function isEditor(ctx: Ctx): boolean {
  const email = activeUserEmail().toLowerCase();
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
