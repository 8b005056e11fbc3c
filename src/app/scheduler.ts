// One time-driven trigger runs `tick`, which runs every registered job that is due. Whether a job
// is due is decided from Script Properties and the clock alone, so an idle tick touches no sheet.
// Each job stores when it is next due (`job:<name>`); a job that has more to do returns `now`.

import { withScriptLock } from '../platform/lock';
import { Ctx } from './context';
import { JOBS as jobs } from './jobs';

export interface JobResult {
  /** Short summary for the playground and logs. */
  summary: string;
  /** When the job is next due (epoch ms); omitted: after its interval. */
  nextAt?: number;
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
  /** Runs under the script lock. Keep one run well under a minute: chunk and continue. */
  run: (ctx: Ctx) => JobResult;
}

export const jobKey = (name: string): string => `job:${name}`;

export function isDue(job: Job, ctx: Ctx, props: Record<string, string>): boolean {
  const next = Number(props[jobKey(job.name)] ?? '0');
  if (!(next > 0) || next <= ctx.now) return true;
  return job.dueFromProps ? job.dueFromProps(ctx, props) : false;
}

export interface TickReport {
  ran: { job: string; summary: string; error?: string }[];
}

/** Forget every stored next-run time (after settings changed): all jobs re-plan on next tick. */
export function replanJobs(ctx: Ctx): void {
  for (const job of jobs) ctx.props.remove(jobKey(job.name));
}

export function tick(): TickReport {
  const ctx = new Ctx();
  const props = ctx.props.all();
  const due = jobs.filter((job) => isDue(job, ctx, props));
  const report: TickReport = { ran: [] };
  if (due.length === 0) return report;
  withScriptLock(() => {
    for (const job of due) {
      try {
        const result = job.run(ctx);
        ctx.props.set(jobKey(job.name), String(result.nextAt ?? ctx.now + job.intervalMs));
        report.ran.push({ job: job.name, summary: result.summary });
      } catch (err) {
        // A failing job is retried after its interval, and said so in Log Sistem.
        ctx.props.set(jobKey(job.name), String(ctx.now + job.intervalMs));
        ctx.log('GALAT', `jadwal:${job.name}`, String((err as Error).message ?? err));
        report.ran.push({ job: job.name, summary: '', error: String(err) });
      }
    }
    ctx.flushLogs();
  });
  return report;
}
