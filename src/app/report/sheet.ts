// The weekly report's sheet (`Laporan 2026-W47`: tables and native charts laid out by layout.ts)
// and its `Rekap Mingguan` row, one per week. Written under the script lock.

import type { ReportRunView } from '../../api/types';
import type { WeeklyReport } from '../../domain/report';
import type { ReportWeek } from '../../domain/report-week';
import { DAY_MS } from '../../domain/time';
import type { MessageKey } from '../../messages/id';
import { flushSheets } from '../../platform/spreadsheet';
import type { Changes } from '../../store/table';
import type { Ctx } from '../context';
import { CHART_SIZE, reportLayout, type ReportLayout } from './layout';
import { computeWeeklyReport, RECAP_NUMBERS, type ReportData, weekLabelOf } from './read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows of a sheet made by `insertSheet` (Google's default grid is 1,000 × 26). */
const NEW_SHEET_ROWS = 1000;

/** What a run of the report produced (`report.run` adds the sentence to show). */
export type ReportRunResult = Omit<ReportRunView, 'message'>;

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
  else t.appendRecord(rec);
}

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
