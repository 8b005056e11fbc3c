// The data's lifecycle and a citizen's rights (DESIGN §7): the capacity measurement and the yearly
// archive (jobs), and the sidebar handlers of both plus finding and deleting a citizen's data.

import type { ApiHandlers } from '../../api/handlers';
import { withScriptLock } from '../../platform/lock';
import type { Ctx } from '../context';
import type { Job } from '../scheduler/job';
import { archiveJob, archiveNow } from './archive';
import { capacityJob, capacityNow } from './capacity';
import { apiPrivacyDelete, apiPrivacyFind } from './privacy';

export const JOBS: readonly Job[] = [capacityJob, archiveJob];

type Names = 'capacity.get' | 'admin.archiveNow' | 'privacy.find' | 'privacy.delete';

export const HANDLERS: ApiHandlers<Ctx, Names> = {
  'capacity.get': (ctx) => capacityNow(ctx, withScriptLock),
  'admin.archiveNow': () => ({ message: archiveNow() }),
  'privacy.find': (ctx, req) => apiPrivacyFind(ctx, req.query),
  'privacy.delete': (ctx, req) => apiPrivacyDelete(ctx, req.query, req.confirm),
};
