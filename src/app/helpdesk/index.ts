// The WhatsApp help desk's jobs, in the order `tick` runs them: deliveries kept while the lock was
// busy, the 30-minute expiry, send retries, abandoned conversations. Its sidebar is in inbox/.

import type { Job } from '../scheduler/job';
import { backlogJob, cleanupJob, expiryJob, retryJob } from './jobs';

export const JOBS: readonly Job[] = [backlogJob, expiryJob, retryJob, cleanupJob];
