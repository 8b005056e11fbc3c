// The WhatsApp help desk's jobs, in the order `tick` runs them: deliveries kept while the lock was
// busy, the 30-minute expiry, send retries, abandoned conversations. Its sidebar is in inbox/.

import type { Job } from '../scheduler/job';
import { backlogJob, cleanupJob, expiryJob, migrateJob, retryJob } from './jobs';

export const JOBS: readonly Job[] = [migrateJob, backlogJob, expiryJob, retryJob, cleanupJob];
