// Every scheduled job, in the order `tick` runs them when several are due.

import { cleanupJob, expiryJob, retryJob } from './jobs-helpdesk';
import { reportJob } from './report-job';
import type { Job } from './scheduler';

export const JOBS: readonly Job[] = [expiryJob, retryJob, cleanupJob, reportJob];
