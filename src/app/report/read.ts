// The weekly report's reading (DESIGN §5, SOP 000 V.12): each sheet is read once — of `Sesi` only
// the rows of the week, found from the `Mulai` column scanned from the bottom — and the figures are
// computed by domain/report.ts. `Pesan` is never read: every figure comes from `Sesi`.

import {
  type RecapFigures,
  type ReportMetric,
  type ReportPublication,
  type ReportSession,
  type ReportTask,
  weeklyReport,
  type WeeklyReport,
} from '../../domain/report';
import type { ReportWeek } from '../../domain/report-week';
import { DAY_MS, localMs } from '../../domain/time';
import { cellBool, cellNumber, cellText, cellTime, isDate } from '../../store/cells';
import type { RecordOf } from '../../store/schema';
import type { Row, Table } from '../../store/table';
import type { Ctx } from '../context';

/** `Sesi` is scanned from the bottom in chunks that double: 2,000, 4,000, 8,000 … rows. */
export const SESSION_SCAN_FIRST_CHUNK = 2000;
/** The scan stops at a chunk whose every `Mulai` is this long before the week. */
export const SESSION_SCAN_MARGIN_MS = 31 * DAY_MS;

/** A date or date-time cell as epoch ms; `yyyy-mm-dd` text is midnight in the office's zone. */
export function cellMoment(v: unknown, offset: number): number | null {
  if (isDate(v)) return cellTime(v);
  if (typeof v === 'string') {
    const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}[:.]\d{2}))?\s*$/.exec(v);
    if (m) {
      try {
        return localMs(m[1], m[2] ?? 0, offset);
      } catch {
        return null;
      }
    }
  }
  return cellTime(v);
}

/**
 * Rows of `Sesi` whose `Mulai` falls in the week. Only the `Mulai` column is scanned, from the
 * bottom (sessions are appended in time order; manual entries a little later), and the scan stops
 * at a chunk lying wholly a month before the week.
 */
export function findWeekRows(sessions: Table<'sessions'>, lastRow: number, week: ReportWeek): number[] {
  const rows: number[] = [];
  const floor = week.startMs - SESSION_SCAN_MARGIN_MS;
  sessions.scanColumnUp('startedAt', lastRow, SESSION_SCAN_FIRST_CHUNK, (start, values) => {
    let recent = false;
    let old = false;
    for (let i = values.length - 1; i >= 0; i -= 1) {
      const t = cellMoment(values[i], week.offset);
      if (t === null) continue;
      if (t >= week.startMs && t < week.endMs) rows.push(start + i);
      if (t >= floor) recent = true;
      else old = true;
    }
    return !(old && !recent);
  });
  return rows.sort((a, b) => a - b);
}

function toSession(rec: RecordOf<'sessions'>, offset: number): ReportSession {
  return {
    channel: cellText(rec.channel),
    jenis: cellText(rec.jenis),
    bidang: cellText(rec.bidang),
    topic: cellText(rec.topic),
    status: cellText(rec.status),
    startedAt: cellMoment(rec.startedAt, offset),
    connectedAt: cellMoment(rec.connectedAt, offset),
    firstResponseAt: cellMoment(rec.firstResponseAt, offset),
    endedAt: cellMoment(rec.endedAt, offset),
    closedBy: cellText(rec.closedBy),
    rating: cellNumber(rec.rating),
    outOfHours: cellBool(rec.outOfHours),
  };
}

function readWeekSessions(ctx: Ctx, week: ReportWeek): ReportSession[] {
  const sessions = ctx.db.tableIfExists('sessions');
  if (!sessions || !sessions.col('startedAt')) return [];
  const rows = findWeekRows(sessions, sessions.sheet.getLastRow(), week);
  return sessions.readRows(rows).map(({ rec }) => toSession(rec, week.offset));
}

function toMetric(rec: RecordOf<'metrics'>, offset: number): ReportMetric {
  return {
    date: cellMoment(rec.date, offset),
    platform: cellText(rec.platform),
    contentId: cellText(rec.contentId),
    views: cellNumber(rec.views),
    likes: cellNumber(rec.likes),
    comments: cellNumber(rec.comments),
    shares: cellNumber(rec.shares),
    saves: cellNumber(rec.saves),
    liveViewers: cellNumber(rec.liveViewers),
    questions: cellNumber(rec.questions),
  };
}

export const RECAP_NUMBERS: readonly (keyof RecapFigures)[] = [
  'sessions',
  'consultations',
  'complaints',
  'koperasi',
  'ukm',
  'outOfHours',
  'manual',
  'medianWaitMin',
  'p90WaitMin',
  'medianLengthMin',
  'p90LengthMin',
  'closedByUser',
  'closedByOfficer',
  'closedByTimeout',
  'ratings',
  'responseRate',
  'meanRating',
  'ikm',
  'publications',
  'views',
  'likes',
  'comments',
  'liveViewers',
  'questions',
  'tasksLate',
  'tasksMissing',
];

function toRecap(rec: RecordOf<'weekly'>): Partial<RecapFigures> {
  const out: Record<string, unknown> = { week: weekLabelOf(rec.week) };
  for (const key of RECAP_NUMBERS) {
    const n = cellNumber((rec as Record<string, unknown>)[key]);
    if (n !== null) out[key] = n;
  }
  return out as Partial<RecapFigures>;
}

export function weekLabelOf(v: unknown): string {
  return cellText(v).trim().toUpperCase();
}

export interface ReportData {
  report: WeeklyReport;
  recap: { table: Table<'weekly'> | null; rows: Row<'weekly'>[] };
}

/** Reads every sheet once and computes the figures of `week`. */
export function computeWeeklyReport(ctx: Ctx, week: ReportWeek): ReportData {
  const offset = week.offset;
  const sessions = readWeekSessions(ctx, week);
  const metrics = ctx.db.readSheet('metrics').rows.map(({ rec }) => toMetric(rec, offset));
  const publications: ReportPublication[] = ctx.db.readSheet('calendar').rows.map(({ rec }) => ({
    id: cellText(rec.id),
    publishDate: cellMoment(rec.publishDate, offset),
    theme: cellText(rec.theme),
    topic: cellText(rec.topic),
    status: cellText(rec.status),
  }));
  const tasks: ReportTask[] = ctx.db.readSheet('tasks').rows.map(({ rec }) => ({
    contentId: cellText(rec.contentId),
    task: cellText(rec.task),
    team: cellText(rec.team),
    due: cellMoment(rec.due, offset),
    status: cellText(rec.status),
    doneAt: cellMoment(rec.doneAt, offset),
  }));
  const recap = ctx.db.readSheet('weekly');
  const report = weeklyReport({
    week,
    sessions,
    metrics,
    publications,
    tasks,
    history: recap.rows.map(({ rec }) => toRecap(rec)),
  });
  return { report, recap };
}
