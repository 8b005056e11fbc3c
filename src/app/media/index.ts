// Attachments (issue 15): the download queue's job, and serving stored files to the sidebar.

import type { ApiHandlers } from '../../api/handlers';
import type { Ctx } from '../context';
import type { Job } from '../scheduler/job';
import { mediaJob } from './job';
import { sendFileToSession } from './send';
import { serveMedia } from './serve';

export const JOBS: readonly Job[] = [mediaJob];

export const HANDLERS: ApiHandlers<Ctx, 'media.get' | 'session.sendFile'> = {
  'media.get': (ctx, req) => serveMedia(ctx, req.sessionId, req.fileId),
  'session.sendFile': (ctx, req) => sendFileToSession(ctx, req),
};
