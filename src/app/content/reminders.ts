// Morning task reminders (DESIGN §4): each working morning at `Jam Pengingat Tugas`, every team
// with tasks due today (or before the next working morning) or overdue gets ONE email listing them.
// No email when there is nothing; never twice the same day (the day sent is kept in properties).

import { nextReminderAt, reminderDigest, type ReminderTask } from '../../domain/content';
import { dayNameOf, formatLocal, localDateKey, localMinuteOfDay } from '../../domain/time';
import { isGroupName, TASK_STATUS } from '../../domain/types';
import { cellText, cellTime } from '../../store/cells';
import { activeOfficers, settingNumber } from '../config';
import type { Ctx } from '../context';
import { serviceHours } from '../helpdesk/hours';
import { sendOrDigest } from '../quota/mail';
import type { Job } from '../scheduler/job';

export const REMINDER_JOB = 'pengingat-tugas';
/** Local date (`yyyy-mm-dd`) of the last morning the reminders went out. */
export const REMINDER_LAST_KEY = 'reminder:lastDay';

const DONE_STATUSES = [TASK_STATUS.done, TASK_STATUS.cancelled].map((s) => s.toLowerCase());

export function reminderHour(ctx: Ctx): number {
  const h = settingNumber(ctx.config, 'reminderHour', 7);
  return h >= 0 && h < 24 ? h : 7;
}

/** The open tasks of `Tugas` as the reminder sees them. */
export function readReminderTasks(ctx: Ctx): ReminderTask[] {
  const out: ReminderTask[] = [];
  for (const { rec } of ctx.db.table('tasks').readAll()) {
    const t = cellTime(rec.due);
    const text = cellText(rec.due).trim();
    const dueYmd = t !== null ? localDateKey(t, ctx.offset) : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : '';
    const minute = t !== null ? localMinuteOfDay(t, ctx.offset) : 0;
    const status = cellText(rec.status).trim().toLowerCase();
    out.push({
      contentId: cellText(rec.contentId).trim(),
      task: cellText(rec.task).trim(),
      team: cellText(rec.team).trim(),
      dueYmd,
      dueTime: minute > 0 && t !== null ? formatLocal(t, ctx.offset, 'HH:mm') : '',
      done: DONE_STATUSES.includes(status) || cellTime(rec.doneAt) !== null,
    });
  }
  return out;
}

function dueText(t: ReminderTask): string {
  const [y, m, d] = t.dueYmd.split('-');
  return `${dayNameOf(t.dueYmd)}, ${d}/${m}/${y}${t.dueTime ? ` ${t.dueTime}` : ''}`;
}

export interface ReminderRun {
  /** Teams emailed, with how many tasks each. */
  emailed: { team: string; tasks: number; to: string[] }[];
  /** Teams with tasks but nobody to email. */
  unreachable: string[];
}

/** Sends today's reminders. Caller holds the script lock (it reads `Tugas` once). */
export function sendReminders(ctx: Ctx, todayYmd: string): ReminderRun {
  const run: ReminderRun = { emailed: [], unreachable: [] };
  const digest = reminderDigest(readReminderTasks(ctx), todayYmd, serviceHours(ctx));
  const [y, m, d] = todayYmd.split('-');
  const date = `${dayNameOf(todayYmd)}, ${d}/${m}/${y}`;
  for (const [team, { overdue, due }] of digest) {
    const to = isGroupName(team)
      ? [
          ...new Set(
            activeOfficers(ctx.config, team)
              .map((o) => o.email)
              .filter((e) => e !== ''),
          ),
        ]
      : [];
    if (to.length === 0) {
      run.unreachable.push(team);
      ctx.log('PERINGATAN', 'pengingat', ctx.t('reminderNoRecipients', { team }));
      continue;
    }
    const lines = [
      ...overdue.map((t) =>
        ctx.t('reminderLineOverdue', { task: t.task, contentId: t.contentId || '-', due: dueText(t) }),
      ),
      ...due.map((t) =>
        ctx.t('reminderLineDue', { task: t.task, contentId: t.contentId || '-', due: dueText(t) }),
      ),
    ];
    const subject = ctx.t('reminderEmailSubject', { team, date });
    const sent = sendOrDigest(
      ctx,
      {
        to,
        subject,
        body: ctx.t('reminderEmailBody', { team, lines: lines.join('\n'), spreadsheetUrl: ctx.ss.getUrl() }),
      },
      'reminder',
      subject,
    );
    if (sent.ok) run.emailed.push({ team, tasks: lines.length, to });
    else if (!sent.error.quota)
      ctx.log('GALAT', 'pengingat', ctx.t('reminderEmailFailed', { team, reason: sent.error.text }));
  }
  return run;
}

/** The tick job: due at the reminder hour of each working day; an early tick touches no sheet. */
export const reminderJob: Job = {
  name: REMINDER_JOB,
  intervalMs: 3_600_000,
  run(ctx) {
    const hours = serviceHours(ctx);
    const hour = reminderHour(ctx);
    const last = ctx.props.get(REMINDER_LAST_KEY) ?? '';
    const due = nextReminderAt(ctx.now, hour, hours, last);
    if (due > ctx.now) return { summary: 'pengingat belum waktunya', nextAt: due };
    const today = localDateKey(ctx.now, ctx.offset);
    const run = sendReminders(ctx, today);
    // Marked sent even when a team had nobody to email: the warning is in Log Sistem once a day.
    ctx.props.set(REMINDER_LAST_KEY, today);
    return {
      summary: `${run.emailed.length} email pengingat (${run.emailed.map((e) => `${e.team}: ${e.tasks}`).join(', ') || '-'})`,
      nextAt: nextReminderAt(ctx.now, hour, hours, today),
    };
  },
};
