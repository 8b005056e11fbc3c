// The inbox's sidebar handlers (app/api.ts): the list, one session with its transcript, the
// officer's reply, close and note, and sessions logged by hand.

import type { ApiHandlers } from '../../api/handlers';
import type { Ctx } from '../context';
import { listInbox } from './list';
import { logManual } from './manual';
import { closeSession, getSession, noteSession, replyToSession } from './session';

type Names = 'inbox.list' | 'session.get' | 'session.reply' | 'session.close' | 'session.note' | 'manual.log';

export const HANDLERS: ApiHandlers<Ctx, Names> = {
  'inbox.list': (ctx, req) => listInbox(ctx, typeof req.group === 'string' ? req.group : ''),
  'session.get': (ctx, req) => getSession(ctx, req.sessionId),
  'session.reply': (ctx, req) => replyToSession(ctx, req.sessionId, req.text),
  'session.close': (ctx, req) => closeSession(ctx, req.sessionId),
  'session.note': (ctx, req) => noteSession(ctx, req.sessionId, req.note),
  'manual.log': (ctx, req) => logManual(ctx, req),
};
