// One time-driven trigger runs `tick`, which runs every registered job that is due. Whether a job
// is due is decided from Script Properties and the clock alone, so an idle tick touches no sheet.
// Each job stores when it is next due (`job:<name>`); a job that has more to do returns `now`.
// Every due job runs inside ONE script lock; work that touches no shared sheet and takes seconds
// (a PDF export, emails) goes in the result's `after`, run once the lock is released so webhook
// executions are not kept waiting behind it.

import { withScriptLock } from '../../platform/lock';
import { Ctx } from '../context';
import { JOBS as jobs } from '../jobs';
import { isDue, type Job, jobKey } from './job';

export interface TickReport {
  ran: { job: string; summary: string; error?: string }[];
}

/** Forget every stored next-run time (after settings changed): all jobs re-plan on next tick. */
export function replanJobs(ctx: Ctx): void {
  for (const job of jobs) ctx.props.remove(jobKey(job.name));
}

type Ran = TickReport['ran'][number];

interface AfterWork {
  job: Job;
  ran: Ran;
  after: () => string | void;
}

export function tick(): TickReport {
  const ctx = new Ctx();
  const props = ctx.props.all();
  const due = jobs.filter((job) => isDue(job, ctx, props));
  const report: TickReport = { ran: [] };
  if (due.length === 0) return report;
  const afters: AfterWork[] = [];
  withScriptLock(() => {
    for (const job of due) {
      try {
        const result = job.run(ctx);
        ctx.props.set(jobKey(job.name), String(result.nextAt ?? ctx.now + job.intervalMs));
        const ran: Ran = { job: job.name, summary: result.summary };
        report.ran.push(ran);
        if (result.after) afters.push({ job, ran, after: result.after });
      } catch (err) {
        // A failing job is retried after its interval, and said so in Log Sistem.
        ctx.props.set(jobKey(job.name), String(ctx.now + job.intervalMs));
        ctx.log('GALAT', `jadwal:${job.name}`, String((err as Error).message ?? err));
        report.ran.push({ job: job.name, summary: '', error: String(err) });
      }
    }
    ctx.flushLogs();
  });
  runAfters(ctx, afters);
  return report;
}

/**
 * The jobs' `after` work, outside the lock, in job order. Failures are logged, never thrown (the
 * other jobs' work still runs); what was logged goes to Log Sistem in one short locked section, or
 * to the console when the lock cannot be had (each entry was printed there by `ctx.log` already).
 */
function runAfters(ctx: Ctx, afters: AfterWork[]): void {
  for (const { job, ran, after } of afters) {
    try {
      const summary = after();
      if (typeof summary === 'string') ran.summary = summary;
    } catch (err) {
      ctx.log('GALAT', `jadwal:${job.name}`, String((err as Error).message ?? err));
      ran.error = String(err);
    }
  }
  if (ctx.logs.length === 0) return;
  try {
    withScriptLock(() => ctx.flushLogs());
  } catch (err) {
    console.error(`Log Sistem not written (${String((err as Error).message ?? err)})`);
  }
}
