// The staff sidebar's server handlers (issue 5), registered in app/api.ts: inbox and conversation
// (app/inbox.ts), records (app/records.ts), the socialisation kit and opening the settings dialog.

import { isLikelyPhone, waMeLink } from '../domain/phone';
import type { ApiMap, KitView } from '../api/types';
import { menuSettings } from './admin';
import { setting } from './config';
import type { Ctx } from './context';
import { closeSession, getSession, listInbox, noteSession, replyToSession } from './inbox';
import { addEvaluation, addMetrics, addQa, listContent, listTasks, logManual, markTaskDone } from './records';

type SidebarName =
  | 'inbox.list'
  | 'session.get'
  | 'session.reply'
  | 'session.close'
  | 'session.note'
  | 'manual.log'
  | 'content.metrics.add'
  | 'content.qa.add'
  | 'content.evaluation.add'
  | 'content.list'
  | 'tasks.list'
  | 'tasks.done'
  | 'kit.get'
  | 'admin.openSettings';

type SidebarHandlers = { [K in SidebarName]: (ctx: Ctx, req: ApiMap[K]['req']) => ApiMap[K]['res'] };

/** SOP 000 table, step 5: the service's wa.me link with the greeting typed, for the QR code. */
export function socialisationKit(ctx: Ctx): KitView {
  const number = setting(ctx.config, 'serviceNumber');
  const greeting = setting(ctx.config, 'waGreeting') || ctx.t('waMeGreeting');
  const problem = !number
    ? ctx.t('kitNumberMissing')
    : !isLikelyPhone(number)
      ? ctx.t('kitNumberInvalid', { value: number })
      : '';
  return {
    number,
    greeting,
    link: problem ? '' : waMeLink(number, greeting),
    caption: ctx.t('qrCaption'),
    problem,
  };
}

export const SIDEBAR_HANDLERS: SidebarHandlers = {
  'inbox.list': (ctx, req) => listInbox(ctx, typeof req.group === 'string' ? req.group : ''),
  'session.get': (ctx, req) => getSession(ctx, req.sessionId),
  'session.reply': (ctx, req) => replyToSession(ctx, req.sessionId, req.text),
  'session.close': (ctx, req) => closeSession(ctx, req.sessionId),
  'session.note': (ctx, req) => noteSession(ctx, req.sessionId, req.note),
  'manual.log': (ctx, req) => logManual(ctx, req),
  'content.metrics.add': (ctx, req) => addMetrics(ctx, req),
  'content.qa.add': (ctx, req) => addQa(ctx, req),
  'content.evaluation.add': (ctx, req) => addEvaluation(ctx, req),
  'content.list': (ctx) => listContent(ctx),
  'tasks.list': (ctx, req) => listTasks(ctx, typeof req.team === 'string' ? req.team : ''),
  'tasks.done': (ctx, req) => markTaskDone(ctx, req),
  'kit.get': (ctx) => socialisationKit(ctx),
  'admin.openSettings': () => {
    menuSettings();
    return { opened: true };
  },
};
