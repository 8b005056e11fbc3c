// Broadcasts (SOP 000; DESIGN §3.8): the batch job that sends them (the daily quota, the pauses on
// throttling) and the sidebar handlers that start, follow and cancel them.

import type { ApiHandlers } from '../../api/handlers';
import type { Ctx } from '../context';
import type { Job } from '../scheduler/job';
import { broadcastJob, cancelBroadcast } from './send';
import { startBroadcast } from './start';
import { broadcastStatus, broadcastTopics } from './status';

export const JOBS: readonly Job[] = [broadcastJob];

type Names = 'broadcast.topics' | 'broadcast.start' | 'broadcast.status' | 'broadcast.cancel';

export const HANDLERS: ApiHandlers<Ctx, Names> = {
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
