// One time-driven trigger runs `tick`, which runs every registered job that is due. Whether a job
// is due is decided from Script Properties and the clock alone, so an idle tick touches no sheet.
// Each job stores when it is next due (`job:<name>`); a job that has more to do returns `now`.
// Every due job runs inside ONE script lock; work that touches no shared sheet and takes seconds
// (a PDF export, emails) goes in the result's `after`, run once the lock is released so webhook
// executions are not kept waiting behind it.

import { now } from '../../platform/clock';
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

/**
 * Jobs that never wait for the trigger runtime to renew: kept deliveries, session expiry, send
 * retries, the conversations' cleanup and the move of the former state.
 */
const ESSENTIAL = new Set(['pindah-status', 'pesan-tertunda', 'sesi-habis', 'kirim-ulang', 'bersih-bersih']);

export function tick(): TickReport {
  const ctx = new Ctx();
  const props = ctx.props.all();
  let due = jobs.filter((job) => isDue(job, ctx, props));
  const report: TickReport = { ran: [] };
  if (due.length === 0) return report;
  const afters: AfterWork[] = [];
  withScriptLock(() => {
    // Near the day's trigger runtime (90 minutes on a consumer account) only what cannot wait runs.
    if (ctx.quota.triggerTight()) {
      const waiting = due.filter((job) => !ESSENTIAL.has(job.name));
      due = due.filter((job) => ESSENTIAL.has(job.name));
      if (waiting.length > 0 && ctx.quota.firstWarning('trigger', 'tight')) {
        const state = ctx.quota.state('trigger');
        ctx.log(
          'PERINGATAN',
          'kuota',
          ctx.t('triggerQuotaLog', {
            used: Math.round(state.used / 60000),
            max: Math.round(state.limit / 60000),
          }),
        );
      }
    }
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
    // This run's time so far counts toward the day's trigger runtime (stored as the lock is released).
    ctx.quota.noteTriggerRun(now() - ctx.now);
  });
  const afterStart = now();
  runAfters(ctx, afters);
  if (afters.length > 0) {
    ctx.quota.noteTriggerRun(now() - afterStart);
    try {
      ctx.quota.persist();
    } catch (err) {
      console.error(`quota: trigger runtime not stored (${String((err as Error).message ?? err)})`);
    }
  }
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
