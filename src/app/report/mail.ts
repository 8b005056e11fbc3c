// The weekly report's email (DESIGN §5): the summary, with the report sheet alone as PDF, to the
// active `Pelaporan` officers and `Email Tim Pelaporan`. It writes no shared sheet, so it runs after
// the script lock is released (the job's `after`, the menu, the sidebar).

import type { WeeklyReport } from '../../domain/report';
import { summaryLines, weekRangeText } from '../../domain/report-text';
import type { MessageKey } from '../../messages/id';
import {
  applyZoneAndLocale,
  createSpreadsheet,
  deleteCreatedFile,
  spreadsheetZone,
} from '../../platform/spreadsheet';
import { activeOfficers, setting } from '../config';
import type { Ctx } from '../context';
import { sendByPriority } from '../quota/mail';
import type { ReportRunResult, WrittenReport } from './sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Blob = GoogleAppsScript.Base.Blob;

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

/**
 * The report sheet alone as PDF: copied into a temporary spreadsheet (the original holds citizens'
 * numbers in other sheets, so the whole file is never exported), converted, then deleted.
 */
export function reportPdf(sheet: Sheet, name: string): Blob {
  const temp = createSpreadsheet(name);
  try {
    // A new file has its creator's zone: the copy shows its dates as the report sheet does.
    applyZoneAndLocale(temp, spreadsheetZone(sheet.getParent()));
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
  const sent = sendByPriority(
    ctx,
    {
      to,
      subject,
      body: pdf ? body : `${body}\n\n${ctx.t('reportEmailNoPdf', { sheetName })}`,
      ...(pdf ? { attachments: [pdf] } : {}),
    },
    'report',
  );
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
