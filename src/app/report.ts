// The weekly report (DESIGN §5, SOP 000 V.12): reads each sheet once — of `Sesi` only the rows of
// the week, found from the `Mulai` column scanned from the bottom — computes the figures
// (domain/report.ts), writes the sheet `Laporan 2026-W47` with tables and native charts, keeps one
// `Rekap Mingguan` row per week, and emails the summary with the sheet as PDF to `Pelaporan`.
// `Pesan` is never read: every figure comes from `Sesi`.

import {
  type RecapFigures,
  type ReportMetric,
  type ReportPublication,
  type ReportSession,
  type ReportTask,
  weeklyReport,
  type WeeklyReport,
} from '../domain/report';
import { CHART_SIZE, reportLayout, type ReportLayout } from '../domain/report-layout';
import { summaryLines, weekRangeText } from '../domain/report-text';
import {
  DEFAULT_REPORT_HOUR,
  DEFAULT_REPORT_WEEKDAY,
  isLaterWeek,
  type ReportSchedule,
  type ReportWeek,
} from '../domain/report-week';
import { parseWorkDays } from '../domain/hours';
import { DAY_MS, localMs, parseHhMm } from '../domain/time';
import type { MessageKey } from '../messages/id';
import { cellBool, cellNumber, cellText, cellTime, isDate } from '../store/cells';
import { MissingSheetError } from '../store/db';
import type { RecordOf, SheetKey } from '../store/schema';
import { SHEETS } from '../store/schema';
import type { Changes, Row } from '../store/table';
import { Table } from '../store/table';
import { activeOfficers, setting, settingNumber } from './config';
import type { Ctx } from './context';
import { sendMail } from '../platform/mail';
import { createSpreadsheet, deleteCreatedFile, flushSheets } from '../platform/spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Blob = GoogleAppsScript.Base.Blob;

/** Script Property: the last week whose report was completed (`2026-W47`). */
export const REPORT_LAST_WEEK_KEY = 'report:lastWeek';

/** `Sesi` is scanned from the bottom in chunks that double: 2,000, 4,000, 8,000 … rows. */
export const SESSION_SCAN_FIRST_CHUNK = 2000;
/** The scan stops at a chunk whose every `Mulai` is this long before the week. */
export const SESSION_SCAN_MARGIN_MS = 31 * DAY_MS;
/** Matching rows closer than this are read in one block (fewer round trips, a few extra cells). */
const BLOCK_GAP_ROWS = 200;
/** Rows of a sheet made by `insertSheet` (Google's default grid is 1,000 × 26). */
const NEW_SHEET_ROWS = 1000;
const MAX_BLOCKS = 8;

export interface ReportRunOptions {
  /** Send the email (default true). */
  email?: boolean;
}

export interface ReportRunResult {
  week: string;
  sheetName: string;
  sessions: number;
  complaints: number;
  recipients: number;
  mailed: boolean;
  attachedPdf: boolean;
  /** Indonesian texts of what went wrong without stopping the report (PDF, email). */
  problems: string[];
}

// ---- Settings --------------------------------------------------------------------------------

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

/** Active `Pelaporan` officers and `Email Tim Pelaporan`, without duplicates. */
export function reportRecipients(ctx: Ctx): string[] {
  const emails = [
    ...activeOfficers(ctx.config, 'Pelaporan').map((o) => o.email),
    ...setting(ctx.config, 'reportEmails').split(/[,;\s]+/),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of emails) {
    const email = raw.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    out.push(email);
  }
  return out;
}

// ---- Reading ---------------------------------------------------------------------------------

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

function table<K extends SheetKey>(ctx: Ctx, key: K): Table<K> | null {
  try {
    return ctx.db.table(key);
  } catch (e) {
    if (e instanceof MissingSheetError) return null;
    throw e;
  }
}

/**
 * Every row of a small sheet (Metrik, Kalender Konten, Tugas, Rekap Mingguan) with its header in
 * one read: `getDataRange().getValues()`. A missing sheet has no rows.
 */
export function readSmallSheet<K extends SheetKey>(
  ctx: Ctx,
  key: K,
): { table: Table<K> | null; rows: Row<K>[] } {
  const sheet = ctx.ss.getSheetByName(SHEETS[key].name);
  if (!sheet) return { table: null, rows: [] };
  const values = sheet.getDataRange().getValues();
  const t = new Table(
    key,
    sheet,
    (values[0] ?? []).map((h) => String(h)),
  );
  const rows = values.slice(1).map((v, i) => ({ row: i + 2, rec: t.toRecord(v) }));
  return { table: t, rows };
}

function readAll<K extends SheetKey>(ctx: Ctx, key: K): Row<K>[] {
  return readSmallSheet(ctx, key).rows;
}

/**
 * Rows of `Sesi` whose `Mulai` falls in the week. Only the `Mulai` column is scanned, from the
 * bottom (sessions are appended in time order; manual entries a little later), and the scan stops
 * at a chunk lying wholly a month before the week.
 */
export function findWeekRows(sheet: Sheet, col: number, lastRow: number, week: ReportWeek): number[] {
  const rows: number[] = [];
  const floor = week.startMs - SESSION_SCAN_MARGIN_MS;
  let end = lastRow;
  let size = SESSION_SCAN_FIRST_CHUNK;
  while (end >= 2) {
    const start = Math.max(2, end - size + 1);
    const values = sheet.getRange(start, col, end - start + 1, 1).getValues();
    let recent = false;
    let old = false;
    for (let i = values.length - 1; i >= 0; i -= 1) {
      const t = cellMoment(values[i][0], week.offset);
      if (t === null) continue;
      if (t >= week.startMs && t < week.endMs) rows.push(start + i);
      if (t >= floor) recent = true;
      else old = true;
    }
    if (old && !recent) break;
    end = start - 1;
    size *= 2;
  }
  return rows.sort((a, b) => a - b);
}

/** Groups sorted row numbers into at most `MAX_BLOCKS` blocks `[first, count]`. */
export function rowBlocks(rows: readonly number[]): [number, number][] {
  if (rows.length === 0) return [];
  let gap = BLOCK_GAP_ROWS;
  for (;;) {
    const blocks: [number, number][] = [];
    let first = rows[0];
    let last = rows[0];
    for (const row of rows.slice(1)) {
      if (row - last <= gap) last = row;
      else {
        blocks.push([first, last - first + 1]);
        first = row;
        last = row;
      }
    }
    blocks.push([first, last - first + 1]);
    if (blocks.length <= MAX_BLOCKS) return blocks;
    gap *= 4;
  }
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
  const sessions = table(ctx, 'sessions');
  if (!sessions) return [];
  const col = sessions.col('startedAt');
  if (!col) return [];
  const last = sessions.sheet.getLastRow();
  const wanted = new Set(findWeekRows(sessions.sheet, col, last, week));
  const out: ReportSession[] = [];
  for (const [first, count] of rowBlocks([...wanted])) {
    for (const { row, rec } of sessions.readBlock(first, count)) {
      if (wanted.has(row)) out.push(toSession(rec, week.offset));
    }
  }
  return out;
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

const RECAP_NUMBERS: readonly (keyof RecapFigures)[] = [
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

function weekLabelOf(v: unknown): string {
  return cellText(v).trim().toUpperCase();
}

interface ReportData {
  report: WeeklyReport;
  recap: { table: Table<'weekly'> | null; rows: Row<'weekly'>[] };
}

/** Reads every sheet once and computes the figures of `week`. */
export function computeWeeklyReport(ctx: Ctx, week: ReportWeek): ReportData {
  const offset = week.offset;
  const sessions = readWeekSessions(ctx, week);
  const metrics = readAll(ctx, 'metrics').map(({ rec }) => toMetric(rec, offset));
  const publications: ReportPublication[] = readAll(ctx, 'calendar').map(({ rec }) => ({
    id: cellText(rec.id),
    publishDate: cellMoment(rec.publishDate, offset),
    theme: cellText(rec.theme),
    topic: cellText(rec.topic),
    status: cellText(rec.status),
  }));
  const tasks: ReportTask[] = readAll(ctx, 'tasks').map(({ rec }) => ({
    contentId: cellText(rec.contentId),
    task: cellText(rec.task),
    team: cellText(rec.team),
    due: cellMoment(rec.due, offset),
    status: cellText(rec.status),
    doneAt: cellMoment(rec.doneAt, offset),
  }));
  const recap = readSmallSheet(ctx, 'weekly');
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

// ---- Writing ---------------------------------------------------------------------------------

/** Display text of a cell: an apostrophe keeps Sheets from reading it as a number, date or formula. */
function asCell(value: string | number): string | number {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/**
 * Writes the report sheet, replacing an earlier one of the same week (deleted and created again,
 * so old rows and charts never linger). One setValues for all tables.
 */
export function writeReportSheet(ctx: Ctx, name: string, layout: ReportLayout): Sheet {
  const ss = ctx.ss;
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  const rows = layout.values.length;
  // A new sheet has 1,000 rows and 26 columns; grow it only when the report needs more.
  const needRows = Math.max(rows, ...layout.charts.map((c) => c.anchorRow + 20));
  if (needRows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, needRows - NEW_SHEET_ROWS);
  const block = sheet.getRange(1, 1, rows, layout.width);
  block.setValues(layout.values.map((r) => r.map(asCell)));
  block.setFontWeights(layout.weights);
  block.setBackgrounds(layout.backgrounds);
  sheet.setColumnWidth(1, layout.columnWidths[0]);
  sheet.setColumnWidths(2, layout.width - 1, layout.columnWidths[1]);
  for (const plan of layout.charts) {
    const builder = plan.kind === 'line' ? sheet.newChart().asLineChart() : sheet.newChart().asColumnChart();
    builder
      .addRange(sheet.getRange(plan.row, plan.col, plan.numRows, plan.numCols))
      .setPosition(plan.anchorRow, plan.anchorCol, 0, 0)
      .setOption('title', plan.title)
      .setOption('width', CHART_SIZE.width)
      .setOption('height', CHART_SIZE.height)
      .setOption('legend', { position: 'bottom' });
    if (plan.stacked) builder.setOption('isStacked', true);
    sheet.insertChart(builder.build());
  }
  return sheet;
}

function recapRecord(report: WeeklyReport, sheetName: string, now: number): Changes<'weekly'> {
  const r = report.recap;
  const rec: Record<string, string | number | Date | null> = {};
  for (const key of RECAP_NUMBERS) rec[key] = r[key];
  return {
    ...(rec as Changes<'weekly'>),
    week: r.week,
    from: new Date(report.week.startMs),
    to: new Date(report.week.endMs - DAY_MS),
    ikmBand: r.ikmBand,
    reportSheet: sheetName,
    generatedAt: new Date(now),
  };
}

/**
 * One row per week: updates the week's row when there is one, else appends (one call either way).
 * Caller holds the lock.
 */
export function saveRecap(
  ctx: Ctx,
  report: WeeklyReport,
  sheetName: string,
  recap: ReportData['recap'],
): void {
  const rec = recapRecord(report, sheetName, ctx.now);
  const t = recap.table ?? ctx.db.table('weekly');
  const existing = recap.rows.find((r) => weekLabelOf(r.rec.week) === report.week.label);
  if (existing) t.update(existing.row, rec);
  else t.sheet.appendRow(t.toValues(rec));
}

// ---- PDF and email ---------------------------------------------------------------------------

/**
 * The report sheet alone as PDF: copied into a temporary spreadsheet (the original holds citizens'
 * numbers in other sheets, so the whole file is never exported), converted, then deleted.
 */
export function reportPdf(sheet: Sheet, name: string): Blob {
  const temp = createSpreadsheet(name);
  try {
    const copy = sheet.copyTo(temp).setName(name);
    for (const other of temp.getSheets()) {
      if (other.getSheetId() !== copy.getSheetId()) temp.deleteSheet(other);
    }
    return temp.getAs('application/pdf').setName(`${name}.pdf`);
  } finally {
    // Cleaning up must never cost the finished PDF: a failure here leaves a temporary file only.
    try {
      deleteCreatedFile(temp.getId());
    } catch (err) {
      console.warn(`reportPdf: temporary spreadsheet ${temp.getId()} not deleted: ${String(err)}`);
    }
  }
}

function emailBody(ctx: Ctx, report: WeeklyReport, sheetName: string): { subject: string; body: string } {
  const overrides = ctx.config.texts as Partial<Record<MessageKey, string>>;
  const range = weekRangeText(report, overrides);
  return {
    subject: ctx.t('reportEmailSubject', { week: report.week.label, range }),
    body: ctx.t('reportEmailBody', {
      week: report.week.label,
      range,
      summary: summaryLines(report, overrides).join('\n'),
      sheetName,
      spreadsheetUrl: ctx.ss.getUrl(),
    }),
  };
}

// ---- The run ---------------------------------------------------------------------------------

export interface WrittenReport {
  report: WeeklyReport;
  sheet: Sheet;
  result: ReportRunResult;
}

/** The report sheet and the Rekap row of `week`. Caller holds the script lock. */
export function writeWeeklyReport(ctx: Ctx, week: ReportWeek): WrittenReport {
  const { report, recap } = computeWeeklyReport(ctx, week);
  const sheetName = ctx.t('reportSheetName', { week: week.label });
  const overrides = ctx.config.texts as Partial<Record<MessageKey, string>>;
  const sheet = writeReportSheet(ctx, sheetName, reportLayout(report, ctx.now, overrides));
  saveRecap(ctx, report, sheetName, recap);
  flushSheets();
  const result: ReportRunResult = {
    week: week.label,
    sheetName,
    sessions: report.sessions.total,
    complaints: report.sessions.complaints,
    recipients: 0,
    mailed: false,
    attachedPdf: false,
    problems: [],
  };
  return { report, sheet, result };
}

/**
 * Emails the written report to Pelaporan with the sheet as PDF. Needs no lock (it writes no shared
 * sheet), so the menu and the sidebar run it after releasing the lock.
 */
export function mailWeeklyReport(ctx: Ctx, written: WrittenReport): ReportRunResult {
  const { report, sheet, result } = written;
  const week = report.week.label;
  const sheetName = result.sheetName;
  const to = reportRecipients(ctx);
  result.recipients = to.length;
  if (to.length === 0) {
    result.problems.push(ctx.t('reportMailNone'));
    ctx.log('PERINGATAN', 'laporan', ctx.t('reportMailNone'));
    return result;
  }
  let pdf: Blob | null = null;
  try {
    pdf = reportPdf(sheet, sheetName);
  } catch (e) {
    const text = ctx.t('reportPdfFailed', { week, reason: String((e as Error).message ?? e) });
    result.problems.push(text);
    ctx.log('PERINGATAN', 'laporan', text);
  }
  const { subject, body } = emailBody(ctx, report, sheetName);
  const sent = sendMail({
    to,
    subject,
    body: pdf ? body : `${body}\n\n${ctx.t('reportEmailNoPdf', { sheetName })}`,
    ...(pdf ? { attachments: [pdf] } : {}),
  });
  if (sent.ok) {
    result.mailed = true;
    result.attachedPdf = pdf !== null;
  } else {
    const text = ctx.t('reportMailFailed', { week, reason: sent.error.message });
    result.problems.push(text);
    ctx.log('GALAT', 'laporan', text);
  }
  return result;
}

/** The report of `week`: sheet, Rekap row and (by default) the email. Caller holds the script lock. */
export function runWeeklyReport(ctx: Ctx, week: ReportWeek, opts: ReportRunOptions = {}): ReportRunResult {
  const written = writeWeeklyReport(ctx, week);
  return opts.email === false ? written.result : mailWeeklyReport(ctx, written);
}

/** Remembers that `week` was reported (never goes back: a re-run of an old week changes nothing). */
export function markReported(ctx: Ctx, week: string): void {
  const last = ctx.props.get(REPORT_LAST_WEEK_KEY);
  if (!last || isLaterWeek(week, last)) ctx.props.set(REPORT_LAST_WEEK_KEY, week);
}
