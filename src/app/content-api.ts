// The sidebar's server handlers for the content programme and broadcasts (issue 7), registered in
// app/api.ts. Writes run under the script lock inside the functions they call.

import { formatDateLongId } from '../domain/time';
import type { ApiMap, PlanView } from '../api/types';
import { broadcastStatus, broadcastTopics, startBroadcast } from './broadcast';
import { cancelBroadcast } from './broadcast-send';
import { speakersFor } from './content';
import { planContentNow } from './content-jobs';
import type { Ctx } from './context';

type ContentName =
  | 'content.speakers'
  | 'content.plan'
  | 'broadcast.topics'
  | 'broadcast.start'
  | 'broadcast.status'
  | 'broadcast.cancel';

type ContentHandlers = { [K in ContentName]: (ctx: Ctx, req: ApiMap[K]['req']) => ApiMap[K]['res'] };

/** "Rencanakan konten": the rotation now, with one sentence saying what it did. */
export function planContent(ctx: Ctx): PlanView {
  const r = planContentNow(ctx);
  const until = formatDateLongId(r.until);
  const message =
    r.created + r.filled + r.tasksCreated === 0
      ? ctx.t('contentPlanNothing', { date: until })
      : ctx.t('contentPlanResult', {
          date: until,
          created: r.created,
          filled: r.filled,
          noTopic: r.noTopic,
          tasks: r.tasksCreated,
        });
  return {
    publications: r.publications,
    created: r.created,
    filled: r.filled,
    noTopic: r.noTopic,
    tasksCreated: r.tasksCreated,
    until: r.until,
    message,
  };
}

export const CONTENT_HANDLERS: ContentHandlers = {
  'content.speakers': (ctx, req) =>
    speakersFor(ctx, {
      contentId: typeof req.contentId === 'string' ? req.contentId : undefined,
      date: typeof req.date === 'string' ? req.date : undefined,
    }),
  'content.plan': (ctx) => planContent(ctx),
  'broadcast.topics': (ctx) => broadcastTopics(ctx),
  'broadcast.start': (ctx, req) =>
    startBroadcast(ctx, {
      topic: typeof req.topic === 'string' ? req.topic : '',
      body: typeof req.body === 'string' ? req.body : '',
      again: req.again === true,
      preview: req.preview === true,
    }),
  'broadcast.status': (ctx) => broadcastStatus(ctx),
  'broadcast.cancel': (ctx) => cancelBroadcast(ctx),
};
