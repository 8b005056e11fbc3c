// What the content team records from the sidebar (SOP 001): metrics of a post or live, Q&A,
// evaluation notes, and the tasks of `Tugas` they mark done; plus the publication list the forms
// pick from. Every write runs under the script lock.

import {
  formMoment,
  formText,
  localDateMs,
  METRIC_FIELDS,
  validateEvaluation,
  validateMetrics,
  validateQa,
} from '../../api/forms';
import type {
  ContentItem,
  EvaluationInput,
  MetricsInput,
  QaInput,
  RecordResult,
  SessionActionResult,
  TaskItem,
} from '../../api/types';
import { localDateKey } from '../../domain/time';
import { TASK_STATUS } from '../../domain/types';
import { render } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { cellText, cellTime } from '../../store/cells';
import type { Ctx } from '../context';

const OPEN_TASK: readonly string[] = ['', TASK_STATUS.open];
const CONTENT_LIMIT = 40;
const TASK_LIMIT = 100;

/** `content.metrics.add`: one measurement of a post or live in `Metrik`. */
export function addMetrics(ctx: Ctx, input: MetricsInput): RecordResult {
  const errors = validateMetrics(input, ctx.now, ctx.offset);
  if (errors.length > 0) return { ok: false, errors };
  const rec: Record<string, string | number | Date> = {
    date: new Date(localDateMs(input.date, ctx.offset)!),
    platform: input.platform,
    contentId: formText(input.contentId),
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
    at: new Date(formMoment(input.at, ctx.now, ctx.offset)),
    platform: input.platform,
    contentId: formText(input.contentId),
    question: formText(input.question),
    answer: formText(input.answer),
  };
  return withScriptLock(() => ({ ok: true, errors: [], row: ctx.db.append('qa', [rec]) }));
}

/** `content.evaluation.add`: notes of an evaluation meeting. */
export function addEvaluation(ctx: Ctx, input: EvaluationInput): RecordResult {
  const errors = validateEvaluation(input, ctx.now, ctx.offset);
  if (errors.length > 0) return { ok: false, errors };
  const rec = {
    date: new Date(localDateMs(input.date, ctx.offset)!),
    contentId: formText(input.contentId),
    notes: formText(input.notes),
    followUp: formText(input.followUp),
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
  const wantTeam = formText(team);
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
  const key = formText(req.key);
  const task = formText(req.task);
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
