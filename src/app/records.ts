// What officers record from the sidebar: consultations and complaints that came another way
// (DESIGN §4 "Recording", §5: the weekly report counts them), and the content programme's
// metrics, Q&A, evaluation notes and tasks (SOP 001). Every write runs under the script lock.

import { isWithinServiceHours } from '../domain/hours';
import { isLikelyPhone, normalizePhone } from '../domain/phone';
import { formatSessionId, sessionPeriod } from '../domain/session';
import { localDateKey } from '../domain/time';
import { render } from '../messages/id';
import { withScriptLock } from '../platform/lock';
import { cellText, cellTime } from '../store/cells';
import type {
  ContentItem,
  EvaluationInput,
  ManualLogInput,
  MetricsInput,
  QaInput,
  RecordResult,
  SessionActionResult,
  TaskItem,
} from '../api/types';
import type { Ctx } from './context';
import { serviceHours } from './helpdesk/hours';
import { currentOfficer } from './inbox';
import {
  localDateMs,
  localDateTimeMs,
  METRIC_FIELDS,
  validateEvaluation,
  validateManual,
  validateMetrics,
  validateQa,
} from '../api/forms';
import { nextSessionSeq } from './helpdesk/state';
import { SESSION_STATUS, TASK_STATUS } from '../domain/types';

const OPEN_TASK: readonly string[] = ['', TASK_STATUS.open];
const CONTENT_LIMIT = 40;
const TASK_LIMIT = 100;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** A local date-time from a form, or now when empty (validated before). */
function momentOf(ctx: Ctx, text: string | undefined): number {
  return (text && localDateTimeMs(text, ctx.offset)) || ctx.now;
}

/** `manual.log`: a `Sesi` row with a new id from the bot's own counter, already finished. */
export function logManual(ctx: Ctx, input: ManualLogInput): RecordResult {
  const errors = validateManual(input, ctx.now, ctx.offset);
  if (errors.length > 0) return { ok: false, errors };
  const at = momentOf(ctx, input.at);
  const contact = str(input.contact);
  const officer = currentOfficer(ctx);
  const outOfHours = !isWithinServiceHours(at, serviceHours(ctx));
  return withScriptLock(() => {
    const id = formatSessionId(nextSessionSeq(ctx, sessionPeriod(ctx.now, ctx.offset)), ctx.now, ctx.offset);
    const row = ctx.db.append('sessions', [
      {
        id,
        channel: input.channel,
        phone: isLikelyPhone(contact) ? normalizePhone(contact) : contact,
        name: str(input.name),
        jenis: input.jenis,
        bidang: input.bidang,
        topic: input.topic,
        status: SESSION_STATUS.ended,
        startedAt: new Date(at),
        endedAt: new Date(at),
        officer,
        note: str(input.summary),
        outOfHours,
      },
    ]);
    return { ok: true, errors: [], id, row };
  });
}

/** `content.metrics.add`: one measurement of a post or live in `Metrik`. */
export function addMetrics(ctx: Ctx, input: MetricsInput): RecordResult {
  const errors = validateMetrics(input, ctx.now, ctx.offset);
  if (errors.length > 0) return { ok: false, errors };
  const rec: Record<string, string | number | Date> = {
    date: new Date(localDateMs(input.date, ctx.offset)!),
    platform: input.platform,
    contentId: str(input.contentId),
  };
  for (const f of METRIC_FIELDS)
    rec[f] = input[f] === null || input[f] === undefined ? '' : (input[f] as number);
  return withScriptLock(() => ({ ok: true, errors: [], row: ctx.db.append('metrics', [rec]) }));
}

/** `content.qa.add`: a question from the question box or comments, with its answer. */
export function addQa(ctx: Ctx, input: QaInput): RecordResult {
  const errors = validateQa(input, ctx.now, ctx.offset);
  if (errors.length > 0) return { ok: false, errors };
  const rec = {
    at: new Date(momentOf(ctx, input.at)),
    platform: input.platform,
    contentId: str(input.contentId),
    question: str(input.question),
    answer: str(input.answer),
  };
  return withScriptLock(() => ({ ok: true, errors: [], row: ctx.db.append('qa', [rec]) }));
}

/** `content.evaluation.add`: notes of an evaluation meeting. */
export function addEvaluation(ctx: Ctx, input: EvaluationInput): RecordResult {
  const errors = validateEvaluation(input, ctx.now, ctx.offset);
  if (errors.length > 0) return { ok: false, errors };
  const rec = {
    date: new Date(localDateMs(input.date, ctx.offset)!),
    contentId: str(input.contentId),
    notes: str(input.notes),
    followUp: str(input.followUp),
  };
  return withScriptLock(() => ({ ok: true, errors: [], row: ctx.db.append('evaluations', [rec]) }));
}

/** `content.list`: recent and coming publications of `Kalender Konten`, for pickers. */
export function listContent(ctx: Ctx): ContentItem[] {
  return ctx.db
    .table('calendar')
    .readAll()
    .filter(({ rec }) => cellText(rec.id).trim() !== '')
    .map(({ rec }) => {
      const t = cellTime(rec.publishDate);
      return {
        id: cellText(rec.id).trim(),
        publishDate: t === null ? cellText(rec.publishDate) : localDateKey(t, ctx.offset),
        theme: cellText(rec.theme),
        topic: cellText(rec.topic),
        format: cellText(rec.format),
        status: cellText(rec.status),
      };
    })
    .sort((a, b) => b.publishDate.localeCompare(a.publishDate))
    .slice(0, CONTENT_LIMIT);
}

/** `tasks.list`: open tasks of `Tugas` (of one team when given), earliest due first. */
export function listTasks(ctx: Ctx, team: string): TaskItem[] {
  const wantTeam = str(team);
  return ctx.db
    .table('tasks')
    .readAll()
    .filter(({ rec }) => OPEN_TASK.includes(cellText(rec.status).trim()) && cellText(rec.task).trim() !== '')
    .filter(({ rec }) => !wantTeam || cellText(rec.team) === wantTeam)
    .map(({ row, rec }) => {
      const due = cellTime(rec.due);
      return {
        row,
        key: cellText(rec.key),
        contentId: cellText(rec.contentId),
        task: cellText(rec.task),
        team: cellText(rec.team),
        due: due === null ? '' : new Date(due).toISOString(),
        overdue: due !== null && due < ctx.now,
      };
    })
    .sort((a, b) => (a.due || '9').localeCompare(b.due || '9'))
    .slice(0, TASK_LIMIT);
}

/** `tasks.done`: marks a task done with the time. The row is checked against the task's code. */
export function markTaskDone(
  ctx: Ctx,
  req: { row: number; key: string; task?: string },
): SessionActionResult {
  const key = str(req.key);
  const task = str(req.task);
  return withScriptLock(() => {
    const table = ctx.db.table('tasks');
    let row = Number(req.row);
    const matches = (r: number): boolean => {
      if (!(r >= 2)) return false;
      const rec = table.readRow(r);
      return key ? cellText(rec.key) === key : cellText(rec.task).trim() === task && task !== '';
    };
    if (!matches(row)) {
      const found = table.findRow('key', key);
      if (!found) return { ok: false, error: render('sidebarTaskNotFound') };
      row = found;
    }
    ctx.db.update('tasks', row, { status: TASK_STATUS.done, doneAt: new Date(ctx.now) });
    return { ok: true };
  });
}
