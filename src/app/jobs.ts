// Every scheduled job, in the order `tick` runs them when several are due: each feature's jobs,
// in this order of features.

import * as broadcast from './broadcast';
import * as cases from './cases';
import * as content from './content';
import * as data from './data';
import * as helpdesk from './helpdesk';
import * as media from './media';
import * as quota from './quota';
import * as report from './report';
import type { Job } from './scheduler/job';

export const JOBS: readonly Job[] = [
  ...helpdesk.JOBS,
  ...media.JOBS,
  ...report.JOBS,
  ...content.JOBS,
  ...cases.JOBS,
  ...broadcast.JOBS,
  ...data.JOBS,
  ...quota.JOBS,
];
