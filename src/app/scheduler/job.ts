// A scheduled job: its name, its default interval, an optional due check from Script Properties,
// and its run. Whether a job is due is decided from Script Properties and the clock alone, so an
// idle tick touches no sheet. Each job stores when it is next due under `jobKey(name)`.

import type { Ctx } from '../context';

export interface JobResult {
  /** Short summary for the playground and logs. */
  summary: string;
  /** When the job is next due (epoch ms); omitted: after its interval. */
  nextAt?: number;
  /**
   * Slow work without shared sheet writes, run by `tick` after the lock is released (its own
   * short locked sections, if any, are its business). Returns the job's final summary, or nothing
   * to keep `summary`. An error is caught and logged to Log Sistem, never thrown; the job's next
   * time stays as `run` set it, so a job that must retry decides so itself (see report/job.ts).
   */
  after?: () => string | void;
}

export interface Job {
  name: string;
  /** Default spacing between runs when `run` does not say (ms). */
  intervalMs: number;
  /**
   * Extra due check from properties (e.g. a queue with work waiting), besides the stored time.
   * Must not touch a sheet.
   */
  dueFromProps?: (ctx: Ctx, props: Record<string, string>) => boolean;
  /**
   * Runs under the script lock. Keep one run well under a minute: chunk and continue; put slow
   * work that writes no shared sheet in the result's `after`.
   */
  run: (ctx: Ctx) => JobResult;
}

export const jobKey = (name: string): string => `job:${name}`;

export function isDue(job: Job, ctx: Ctx, props: Record<string, string>): boolean {
  const next = Number(props[jobKey(job.name)] ?? '0');
  if (!(next > 0) || next <= ctx.now) return true;
  return job.dueFromProps ? job.dueFromProps(ctx, props) : false;
}
