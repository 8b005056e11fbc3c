// When the weekly report runs (DESIGN §5): the `tick` job on `Hari Laporan` at `Jam Laporan`
// (default Monday 07:00 WIB) for the previous Monday–Sunday, and on demand from the menu and the
// sidebar for any week. The job plans its own next time, so an idle tick touches no sheet, catches
// up a missed moment once, and never emails a week twice (the last week done is kept in Script
// Properties).
//
// The job works in two phases. Under tick's script lock it writes the report sheet and the Rekap
// row and marks the week done (`report:lastWeek`) together with its next time (`job:…`): Script
// Properties written under the lock are stored in one call when the lock is released, so both
// are durable before any email leaves. After the lock (the scheduler's `after`) it makes the PDF
// and sends the email, which take seconds and touch no shared sheet.
//
// Marking before sending makes the email at most once per week, by choice. If the execution dies
// between the phases (the six-minute limit, a platform failure), the week stays marked and the job
// does not send it: the sheet and the Rekap row are there, and the team can send it from the menu
// or the sidebar (Laporan mingguan). Marking after sending would instead risk a second email for
// a crash after MailApp succeeded — the one thing the job must never do. An email that fails
// without a crash (quota, service error) is reported by MailApp, so the mark is taken back (only
// if it is still this week's) and the job tries again an hour later, as before.

import type { ReportRunView, ReportWeeksView } from '../../api/types';
import { describeMoment, parseWorkDays } from '../../domain/hours';
import { weekRangeText } from '../../domain/report-text';
import {
  DEFAULT_REPORT_HOUR,
  DEFAULT_REPORT_WEEKDAY,
  isLaterWeek,
  parseReportWeek,
  planReport,
  previousWeek,
  type ReportSchedule,
  type ReportWeek,
  shiftWeek,
  weekContaining,
} from '../../domain/report-week';
import { parseHhMm } from '../../domain/time';
import type { MessageKey } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { cellText } from '../../store/cells';
import { MissingSheetError } from '../../store/db';
import { setting, settingNumber } from '../config';
import type { Ctx } from '../context';
import { type Job, jobKey } from '../scheduler/job';
import { mailWeeklyReport } from './mail';
import { type ReportRunResult, writeWeeklyReport } from './sheet';

const HOUR = 3600000;

/** Script Property: the last week whose report was completed (`2026-W47`). */
export const REPORT_LAST_WEEK_KEY = 'report:lastWeek';

/** `Hari Laporan` and `Jam Laporan` (default Monday 07:00). */
export function reportSchedule(ctx: Ctx): ReportSchedule {
  const days = parseWorkDays(setting(ctx.config, 'reportWeekday'));
  // `7`, or a time typed as `07:00` (Sheets may have turned it into one).
  const hhmm = parseHhMm(setting(ctx.config, 'reportHour'));
  const hour =
    hhmm === null ? settingNumber(ctx.config, 'reportHour', DEFAULT_REPORT_HOUR) : Math.floor(hhmm / 60);
  return {
    weekday: days && days.length === 1 ? days[0] : DEFAULT_REPORT_WEEKDAY,
    hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_REPORT_HOUR,
    offset: ctx.offset,
  };
}

/** Remembers that `week` was reported (never goes back: a re-run of an old week changes nothing). */
export function markReported(ctx: Ctx, week: string): void {
  const last = ctx.props.get(REPORT_LAST_WEEK_KEY);
  if (!last || isLaterWeek(week, last)) ctx.props.set(REPORT_LAST_WEEK_KEY, week);
}

export const REPORT_JOB = 'laporan-mingguan';

export const reportJob: Job = {
  name: REPORT_JOB,
  // After a failure the report is tried again an hour later.
  intervalMs: HOUR,
  run(ctx) {
    const plan = planReport(ctx.now, reportSchedule(ctx), ctx.props.get(REPORT_LAST_WEEK_KEY));
    if (plan.kind === 'baseline') {
      ctx.props.set(REPORT_LAST_WEEK_KEY, plan.done);
      return {
        summary: ctx.t('reportJobBaseline', { next: describeMoment(plan.nextAt, ctx.offset) }),
        nextAt: plan.nextAt,
      };
    }
    if (plan.kind === 'idle') return { summary: '', nextAt: plan.nextAt };
    const week = plan.week.label;
    const before = ctx.props.get(REPORT_LAST_WEEK_KEY);
    const written = writeWeeklyReport(ctx, plan.week);
    // Claimed now, stored when the lock is released: before the email (see the top of this file).
    markReported(ctx, week);
    const summaryOf = (r: ReportRunResult): string =>
      ctx.t('reportJobSummary', {
        week: r.week,
        sessions: r.sessions,
        recipients: r.mailed ? r.recipients : 0,
      });
    return {
      summary: summaryOf(written.result),
      nextAt: plan.nextAt,
      after: () => {
        const result = mailWeeklyReport(ctx, written);
        if (result.recipients > 0 && !result.mailed) retryReportLater(ctx, week, before);
        return summaryOf(result);
      },
    };
  },
};

/**
 * The email of `week` failed without being sent: takes back the job's mark, unless something
 * else has marked a week since (a report sent by hand), and makes the job due again in an hour.
 */
function retryReportLater(ctx: Ctx, week: string, before: string | null): void {
  withScriptLock(() => {
    if (ctx.props.get(REPORT_LAST_WEEK_KEY) === week) {
      if (before === null) ctx.props.remove(REPORT_LAST_WEEK_KEY);
      else ctx.props.set(REPORT_LAST_WEEK_KEY, before);
    }
    ctx.props.set(jobKey(reportJob.name), String(ctx.now + HOUR));
  });
}

/**
 * Runs the report of `week` now (menu, sidebar). Sheets are written under the script lock. A
 * complete week reported by hand counts as done for the job, so it is not emailed again.
 */
export function runReportNow(ctx: Ctx, week: ReportWeek): ReportRunResult {
  const written = withScriptLock(() => writeWeeklyReport(ctx, week));
  // The PDF and the email take seconds: outside the lock, so WhatsApp messages are not kept waiting.
  const result = mailWeeklyReport(ctx, written);
  if (ctx.logs.length) withScriptLock(() => ctx.flushLogs());
  if (week.endMs <= ctx.now && (result.mailed || result.recipients === 0)) markReported(ctx, week.label);
  return result;
}

/** The week a person asked for: empty → the previous week. Throws an Indonesian message. */
export function chosenWeek(ctx: Ctx, text: string | undefined): ReportWeek {
  const previous = previousWeek(ctx.now, ctx.offset);
  const value = (text ?? '').trim();
  if (value === '') return previous;
  const week = parseReportWeek(value, ctx.offset);
  if (!week) throw new Error(ctx.t('reportInvalidWeek', { value, example: previous.label }));
  if (week.startMs > ctx.now) throw new Error(ctx.t('reportFutureWeek', { week: week.label }));
  return week;
}

/** The sentence saying what a report run did (sidebar and menu). */
export function doneText(ctx: Ctx, r: ReportRunResult): string {
  const mail =
    r.recipients === 0
      ? ctx.t('reportMailNone')
      : r.mailed
        ? ctx.t('reportMailSent', { count: r.recipients })
        : r.problems.join(' ');
  return ctx.t('reportDone', { week: r.week, sheetName: r.sheetName, mail });
}

/** `report.run` {week?: 'YYYY-Www'}. */
export function apiReportRun(ctx: Ctx, req: { week?: string }): ReportRunView {
  const week = chosenWeek(ctx, req.week);
  const r = runReportNow(ctx, week);
  return { ...r, message: doneText(ctx, r) };
}

/** `report.weeks`: the last twelve complete weeks, newest first, and whether each has a report. */
export function apiReportWeeks(ctx: Ctx): ReportWeeksView {
  const previous = previousWeek(ctx.now, ctx.offset);
  const reported = new Set<string>();
  try {
    for (const { rec } of ctx.db.table('weekly').readAll())
      reported.add(cellText(rec.week).trim().toUpperCase());
  } catch (e) {
    if (!(e instanceof MissingSheetError)) throw e;
  }
  const overrides = ctx.config.texts as Partial<Record<MessageKey, string>>;
  const current = weekContaining(ctx.now, ctx.offset);
  const weeks = [current, ...Array.from({ length: 12 }, (_, i) => shiftWeek(previous, -i))].map((w) => ({
    week: w.label,
    range: weekRangeText({ week: w }, overrides),
    reported: reported.has(w.label),
    complete: w.endMs <= ctx.now,
    sheetName: ctx.t('reportSheetName', { week: w.label }),
  }));
  return { previous: previous.label, weeks };
}
