// Complaints followed to their resolution (issue 14, DESIGN §8): its job (the morning deadline
// reminders and escalations) and its sidebar handlers (the Kasus tab). The help desk calls into
// open.ts (a case at the chat's end), phone.ts (`/kasus`) and citizen.ts (`STATUS`).

import type { Job } from '../scheduler/job';
import { caseReminderJob } from './reminders';
import { CASE_HANDLERS } from './sidebar';

export const JOBS: readonly Job[] = [caseReminderJob];

export const HANDLERS = CASE_HANDLERS;
