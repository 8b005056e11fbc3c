// The account's daily quotas (platform/quota.ts): the digest of what email could not carry (its
// job) and the sidebar's capacity meter of each quota (its handler).

import type { Job } from '../scheduler/job';
import { digestJob } from './mail';

export const JOBS: readonly Job[] = [digestJob];
