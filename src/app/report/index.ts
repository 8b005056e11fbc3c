// The weekly report (DESIGN §5): its job (Monday 07:00 by default) and its sidebar handlers (run
// a week now, the weeks to choose from).

import type { ApiHandlers } from '../../api/handlers';
import type { Ctx } from '../context';
import type { Job } from '../scheduler/job';
import { apiReportRun, apiReportWeeks, reportJob } from './job';

export const JOBS: readonly Job[] = [reportJob];

export const HANDLERS: ApiHandlers<Ctx, 'report.run' | 'report.weeks'> = {
  'report.run': (ctx, req) => apiReportRun(ctx, req),
  'report.weeks': (ctx) => apiReportWeeks(ctx),
};
