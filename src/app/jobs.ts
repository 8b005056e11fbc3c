// Every scheduled job, in the order `tick` runs them when several are due.

import { archiveJob } from './archive';
import { broadcastJob } from './broadcast-send';
import { capacityJob } from './capacity';
import { rotationJob } from './content-jobs';
import { backlogJob, cleanupJob, expiryJob, migrateJob, retryJob } from './jobs-helpdesk';
import { reminderJob } from './reminders';
import { reportJob } from './report-job';
import type { Job } from './scheduler/job';

export const JOBS: readonly Job[] = [
  migrateJob,
  backlogJob,
  expiryJob,
  retryJob,
  cleanupJob,
  reportJob,
  rotationJob,
  reminderJob,
  broadcastJob,
  capacityJob,
  archiveJob,
];
