// The rotation job of the content programme (DESIGN §4), run by `tick`. It stores when the next
// publication's H-14 comes, so ticks in between touch no sheet; missed days are caught up because
// every run plans all publications from today to H-14 ahead.

import { withScriptLock } from '../platform/lock';
import type { Ctx } from './context';
import { type RotationResult, runRotation } from './content';
import type { Job } from './scheduler/job';

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
