// The content programme (SOP 001; DESIGN §4): its jobs (the topic rotation, the morning task
// reminders) and its sidebar handlers (speakers, planning, metrics, Q&A, evaluation, tasks).

import type { ApiHandlers } from '../../api/handlers';
import type { Ctx } from '../context';
import type { Job } from '../scheduler/job';
import { planContent, rotationJob } from './plan';
import { addEvaluation, addMetrics, addQa, listContent, listTasks, markTaskDone } from './records';
import { reminderJob } from './reminders';
import { speakersFor } from './speakers';

export const JOBS: readonly Job[] = [rotationJob, reminderJob];

type Names =
  | 'content.speakers'
  | 'content.plan'
  | 'content.metrics.add'
  | 'content.qa.add'
  | 'content.evaluation.add'
  | 'content.list'
  | 'tasks.list'
  | 'tasks.done';

export const HANDLERS: ApiHandlers<Ctx, Names> = {
  'content.speakers': (ctx, req) =>
    speakersFor(ctx, {
      contentId: typeof req.contentId === 'string' ? req.contentId : undefined,
      date: typeof req.date === 'string' ? req.date : undefined,
    }),
  'content.plan': (ctx) => planContent(ctx),
  'content.metrics.add': (ctx, req) => addMetrics(ctx, req),
  'content.qa.add': (ctx, req) => addQa(ctx, req),
  'content.evaluation.add': (ctx, req) => addEvaluation(ctx, req),
  'content.list': (ctx) => listContent(ctx),
  'tasks.list': (ctx, req) => listTasks(ctx, typeof req.team === 'string' ? req.team : ''),
  'tasks.done': (ctx, req) => markTaskDone(ctx, req),
};
