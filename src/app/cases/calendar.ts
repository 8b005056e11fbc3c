// The case calendar as configured: working days and `Hari Libur` of the service hours, the four
// SP4N-LAPOR! settlement times (Pengaturan), the default category, and deadlines in words.

import type { CaseCategory, WorkCalendar } from '../../domain/cases';
import { addWorkingDays, CASE_CATEGORY, DEFAULT_CASE_DAYS, parseCategory } from '../../domain/cases';
import { dayNameOf, formatDateLongId, isValidYmd, localDateKey, localMs } from '../../domain/time';
import type { SettingKey } from '../../store/settings';
import { setting, settingNumber } from '../config';
import type { Ctx } from '../context';
import { serviceHours } from '../helpdesk/hours';

const DAYS_SETTING: Readonly<Record<CaseCategory, SettingKey>> = {
  Ringan: 'caseDaysLight',
  Normatif: 'caseDaysNormative',
  'Tidak berkadar pengawasan': 'caseDaysNoSupervision',
  'Berkadar pengawasan': 'caseDaysSupervision',
};

export function caseCalendar(ctx: Ctx): WorkCalendar {
  const hours = serviceHours(ctx);
  return { workDays: hours.workDays, holidays: hours.holidays };
}

/** Settlement time of a category in working days (the setting, else SP4N-LAPOR!'s default). */
export function caseDays(ctx: Ctx, category: CaseCategory): number {
  const n = settingNumber(ctx.config, DAYS_SETTING[category], DEFAULT_CASE_DAYS[category]);
  return n >= 1 && n <= 365 ? Math.floor(n) : DEFAULT_CASE_DAYS[category];
}

export function defaultCategory(ctx: Ctx): CaseCategory {
  return parseCategory(setting(ctx.config, 'caseDefaultCategory')) ?? CASE_CATEGORY.normative;
}

export function todayYmd(ctx: Ctx): string {
  return localDateKey(ctx.now, ctx.offset);
}

/** The deadline (`yyyy-mm-dd`) of a case opened at `openedMs` in `category`. */
export function deadlineFor(ctx: Ctx, openedMs: number, category: CaseCategory): string {
  return addWorkingDays(localDateKey(openedMs, ctx.offset), caseDays(ctx, category), caseCalendar(ctx));
}

/** `Senin, 30 November 2026`. */
export function deadlineText(ymd: string): string {
  return isValidYmd(ymd) ? `${dayNameOf(ymd)}, ${formatDateLongId(ymd)}` : '-';
}

/** The deadline as the `Batas Kasus` cell holds it: local midnight of the day. */
export function deadlineCell(ctx: Ctx, ymd: string): Date {
  return new Date(localMs(ymd, '00:00', ctx.offset));
}
