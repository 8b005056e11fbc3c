// The one server function behind the sidebar and dialogs: `api(name, request)`. It refuses callers
// who are not editors of the spreadsheet, and answers `{ok, data}` or `{ok: false, error}` with an
// Indonesian message — never an exception the client cannot show.

import type { ApiMap, ApiName, ApiResponse } from '../api/types';
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

export function api(name: string, req: unknown): ApiResponse<unknown> {
  try {
    const ctx = new Ctx();
    if (!isEditor(ctx)) return { ok: false, error: render('apiForbidden') };
    const handler = (handlers as Record<string, Handler<ApiName> | undefined>)[name];
    if (!handler) return { ok: false, error: render('apiUnknown', { name }) };
    const data = handler(ctx, (req ?? {}) as never);
    return { ok: true, data: JSON.parse(JSON.stringify(data ?? null)) };
  } catch (err) {
    console.error(`api ${name}: ${String(err)}`);
    return { ok: false, error: render('apiFailed', { reason: String((err as Error).message ?? err) }) };
  }
}
