// Planning the content programme (DESIGN §4): the rotation job run by `tick`, and "Rencanakan
// konten" on demand (menu and sidebar). The job stores when the next publication's H-14 comes, so
// ticks in between touch no sheet; missed days are caught up because every run plans all
// publications from today to H-14 ahead.

import type { PlanView } from '../../api/types';
import { formatDateLongId } from '../../domain/time';
import { withScriptLock } from '../../platform/lock';
import type { Ctx } from '../context';
import type { Job } from '../scheduler/job';
import { type RotationResult, runRotation } from './rotation';

export const ROTATION_JOB = 'rotasi-konten';

function summary(r: RotationResult): string {
  return `${r.created} terbitan baru, ${r.filled} diisi, ${r.noTopic} tanpa topik, ${r.tasksCreated} tugas`;
}

export const rotationJob: Job = {
  name: ROTATION_JOB,
  intervalMs: 24 * 3_600_000,
  run(ctx) {
    const r = runRotation(ctx);
    return { summary: summary(r), nextAt: r.nextAt };
  },
};

/** "Rencanakan konten" (menu and sidebar): the rotation now, under the lock. */
export function planContentNow(ctx: Ctx): RotationResult {
  return withScriptLock(() => {
    try {
      return runRotation(ctx);
    } finally {
      ctx.flushLogs();
    }
  });
}

/** "Rencanakan konten": the rotation now, with one sentence saying what it did. */
export function planContent(ctx: Ctx): PlanView {
  const r = planContentNow(ctx);
  const until = formatDateLongId(r.until);
  const message =
    r.created + r.filled + r.tasksCreated === 0
      ? ctx.t('contentPlanNothing', { date: until })
      : ctx.t('contentPlanResult', {
          date: until,
          created: r.created,
          filled: r.filled,
          noTopic: r.noTopic,
          tasks: r.tasksCreated,
        });
  return {
    publications: r.publications,
    created: r.created,
    filled: r.filled,
    noTopic: r.noTopic,
    tasksCreated: r.tasksCreated,
    until: r.until,
    message,
  };
}
