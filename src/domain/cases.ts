/**
 * Complaints followed to their resolution (issue 14, DESIGN §8; SOP 000 "pencatatan dan
 * pelaporan hasil"): a case's status, its SP4N-LAPOR! category and settlement time in working
 * days, the commands officers (`/kasus …`) and citizens (`STATUS <ID>`) type, and the weekly
 * figures. Pure: dates are `yyyy-mm-dd` in the office's zone, times epoch ms.
 */
import { addDays, isValidYmd, weekdayOf } from './time';

/** `Sesi.Status Kasus`: Diterima → Diproses → Selesai, or Ditolak (with a reason). */
export const CASE_STATUS = {
  received: 'Diterima',
  inProgress: 'Diproses',
  resolved: 'Selesai',
  rejected: 'Ditolak',
} as const;
export type CaseStatus = (typeof CASE_STATUS)[keyof typeof CASE_STATUS];
export const CASE_STATUSES: readonly CaseStatus[] = Object.values(CASE_STATUS);

/** SP4N-LAPOR!'s complaint categories (`Sesi.Kategori Kasus`). */
export const CASE_CATEGORY = {
  light: 'Ringan',
  normative: 'Normatif',
  noSupervision: 'Tidak berkadar pengawasan',
  supervision: 'Berkadar pengawasan',
} as const;
export type CaseCategory = (typeof CASE_CATEGORY)[keyof typeof CASE_CATEGORY];
export const CASE_CATEGORIES: readonly CaseCategory[] = Object.values(CASE_CATEGORY);

/** SP4N-LAPOR!'s published settlement times, in working days (settings may change them). */
export const DEFAULT_CASE_DAYS: Readonly<Record<CaseCategory, number>> = {
  Ringan: 2,
  Normatif: 5,
  'Tidak berkadar pengawasan': 14,
  'Berkadar pengawasan': 60,
};

/** The working calendar: ISO weekdays worked (1 = Monday) and closed dates. */
export interface WorkCalendar {
  workDays: readonly number[];
  holidays: readonly string[];
}

export function isCaseStatus(v: unknown): v is CaseStatus {
  return typeof v === 'string' && (CASE_STATUSES as readonly string[]).includes(v);
}

export function isCaseCategory(v: unknown): v is CaseCategory {
  return typeof v === 'string' && (CASE_CATEGORIES as readonly string[]).includes(v);
}

/** Open: the office still owes the citizen an answer. */
export function isCaseOpen(status: unknown): boolean {
  return status === CASE_STATUS.received || status === CASE_STATUS.inProgress;
}

function isWorkDay(ymd: string, cal: WorkCalendar): boolean {
  return cal.workDays.includes(weekdayOf(ymd)) && !cal.holidays.includes(ymd);
}

/** Longest search for working days (a year of holidays cannot stop it; no work days can). */
const MAX_SCAN_DAYS = 3660;

/**
 * The deadline of a case opened on `openedYmd` with `days` working days: the `days`-th working
 * day after the opening date (the opening day itself does not count, as SP4N-LAPOR! counts from
 * the day after the complaint is received). `days` ≤ 0 → the opening date.
 */
export function addWorkingDays(openedYmd: string, days: number, cal: WorkCalendar): string {
  if (!isValidYmd(openedYmd)) throw new RangeError(`invalid date: ${openedYmd}`);
  if (cal.workDays.length === 0) throw new RangeError('no work days');
  let ymd = openedYmd;
  let left = Math.max(0, Math.floor(days));
  for (let i = 0; left > 0; i++) {
    if (i > MAX_SCAN_DAYS) throw new RangeError('no working day found');
    ymd = addDays(ymd, 1);
    if (isWorkDay(ymd, cal)) left--;
  }
  return ymd;
}

/** Working days after `fromYmd` up to and including `toYmd` (0 when `toYmd` ≤ `fromYmd`). */
export function workingDaysAfter(fromYmd: string, toYmd: string, cal: WorkCalendar): number {
  let n = 0;
  for (let ymd = addDays(fromYmd, 1); ymd <= toYmd; ymd = addDays(ymd, 1)) if (isWorkDay(ymd, cal)) n++;
  return n;
}

/**
 * Working days left on `todayYmd` until `deadlineYmd`: 0 on the deadline's day, positive
 * before, negative after (−1 the first working day past the deadline).
 */
export function workingDaysLeft(todayYmd: string, deadlineYmd: string, cal: WorkCalendar): number {
  if (todayYmd <= deadlineYmd) return workingDaysAfter(todayYmd, deadlineYmd, cal);
  return -workingDaysAfter(deadlineYmd, todayYmd, cal);
}

/** Resolved on time: on or before the deadline's day. */
export function resolvedOnTime(resolvedYmd: string, deadlineYmd: string): boolean {
  return resolvedYmd <= deadlineYmd;
}

/** Overdue by its whole duration again: the case goes to `Pelaporan`. */
export function needsEscalation(daysLeft: number, duration: number): boolean {
  return daysLeft <= -Math.max(1, duration);
}

/** What an officer does to a case. */
export type CaseAction = 'proses' | 'selesai' | 'tolak' | 'kategori';

export type TransitionError = 'unknown' | 'closed' | 'empty' | 'category';

/**
 * The status after an action, or why it is refused: no update on an unknown case, none on a
 * resolved or rejected one (no resolving a rejected case), a resolution or rejection needs text.
 */
export function transition(
  current: unknown,
  action: CaseAction,
  text: string,
): { ok: true; status: CaseStatus } | { ok: false; error: TransitionError } {
  if (!isCaseStatus(current)) return { ok: false, error: 'unknown' };
  if (!isCaseOpen(current)) return { ok: false, error: 'closed' };
  if (action === 'kategori') {
    return parseCategory(text) ? { ok: true, status: current } : { ok: false, error: 'category' };
  }
  if ((action === 'selesai' || action === 'tolak') && !text.trim()) return { ok: false, error: 'empty' };
  const status =
    action === 'proses'
      ? CASE_STATUS.inProgress
      : action === 'selesai'
        ? CASE_STATUS.resolved
        : CASE_STATUS.rejected;
  return { ok: true, status };
}

/** `ringan`, `normatif`, `tidak berkadar (pengawasan)`, `berkadar (pengawasan)`, or 1–4. */
export function parseCategory(text: string): CaseCategory | null {
  const t = text.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  if (!t) return null;
  if (t === '1' || t === 'ringan') return CASE_CATEGORY.light;
  if (t === '2' || t === 'normatif') return CASE_CATEGORY.normative;
  if (t === '3' || /^tidak berkadar( pengawasan)?$/.test(t) || t === 'tanpa pengawasan')
    return CASE_CATEGORY.noSupervision;
  if (t === '4' || /^berkadar( pengawasan)?$/.test(t) || t === 'pengawasan') return CASE_CATEGORY.supervision;
  return null;
}

const CASE_ID = /^HK-\d{4}-\d{4,}$/i;
const ACTIONS: Readonly<Record<string, CaseAction>> = {
  proses: 'proses',
  diproses: 'proses',
  selesai: 'selesai',
  tolak: 'tolak',
  ditolak: 'tolak',
  kategori: 'kategori',
};

export type CaseCommand =
  | { kind: 'update'; id: string; action: CaseAction; text: string }
  | { kind: 'followUp'; id: string }
  | { kind: 'usage' };

/**
 * An officer's `/kasus <ID> proses|selesai|tolak|kategori <text>`; null when the message is not
 * a `/kasus` command, `usage` when it is one but cannot be read. The text is kept whole.
 */
export function parseCaseCommand(message: string): CaseCommand | null {
  const m = /^\s*\/kasus\b\s*([\s\S]*)$/i.exec(message);
  if (!m) return null;
  const parts = /^(\S+)\s+(\S+)\s*([\s\S]*)$/.exec(m[1].trim());
  if (!parts || !CASE_ID.test(parts[1])) return { kind: 'usage' };
  const verb = parts[2].toLowerCase();
  if (/^(tindak-?lanjut|tl)$/.test(verb) || (verb === 'tindak' && /^lanjut\b/i.test(parts[3]))) {
    return { kind: 'followUp', id: parts[1].toUpperCase() };
  }
  const action = ACTIONS[verb];
  if (!action) return { kind: 'usage' };
  return { kind: 'update', id: parts[1].toUpperCase(), action, text: parts[3].trim() };
}

/** A citizen's `STATUS <ID>` or `CEK <ID>`: the id (upper case), or null. */
export function parseStatusCommand(message: string): string | null {
  const m = /^\s*(?:status|cek)\s*[:#]?\s*(HK-\d{4}-\d{4,})\s*[.!?]?\s*$/i.exec(message);
  return m ? m[1].toUpperCase() : null;
}

/** A case as the weekly figures need it. */
export interface CaseFact {
  bidang: string;
  category: string;
  status: string;
  /** When the case was opened (the chat's end), ms. */
  openedAt: number;
  /** `yyyy-mm-dd` deadline, '' when unknown. */
  deadline: string;
  /** When it was resolved or rejected, ms; 0 when open. */
  closedAt: number;
  /** The citizen's `NILAI <ID> 1–4` (`Sesi.Penilaian Kasus`); null or absent when not rated. */
  rating?: number | null;
}

/** Case ratings (apart from the chat's rating): counted in the week their case was closed. */
export interface CaseRatingFigures {
  count: number;
  /** Mean of 1–4, two decimals; null without ratings. */
  mean: number | null;
  /** Ratings per level: index 0 = 1 (Tidak membantu) … index 3 = 4 (Sangat membantu). */
  byLevel: [number, number, number, number];
}

/** A rating read from a cell: an integer 1–4, else null. */
export function caseRatingOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : null;
}

/** The figures of the given ratings (values outside 1–4 are ignored). */
export function caseRatingFigures(ratings: readonly unknown[]): CaseRatingFigures {
  const byLevel: [number, number, number, number] = [0, 0, 0, 0];
  let sum = 0;
  let count = 0;
  for (const r of ratings) {
    const n = caseRatingOf(r);
    if (n === null) continue;
    byLevel[n - 1]++;
    sum += n;
    count++;
  }
  return { count, mean: count ? Math.round((sum / count) * 100) / 100 : null, byLevel };
}

export interface CaseFigures {
  opened: number;
  resolved: number;
  resolvedOnTime: number;
  /** Percentage of resolved cases resolved on time, null when none was resolved. */
  onTimePct: number | null;
  /** Median working days from opening to resolution, null when none was resolved. */
  medianDaysToResolve: number | null;
  openAtEnd: number;
  overdueAtEnd: number;
  byBidang: Record<string, { opened: number; resolved: number; openAtEnd: number; overdueAtEnd: number }>;
  byCategory: Record<string, { opened: number; resolved: number; openAtEnd: number; overdueAtEnd: number }>;
  /** Ratings of the cases resolved or rejected within the week. */
  ratings: CaseRatingFigures;
}

/**
 * The week's figures of cases: opened and resolved within [fromMs, toMs), open and overdue at
 * the week's end (`endYmd`, its last day). `ymdOf` turns a time into the office's local date.
 */
export function caseFigures(
  facts: readonly CaseFact[],
  fromMs: number,
  toMs: number,
  endYmd: string,
  cal: WorkCalendar,
  ymdOf: (ms: number) => string,
): CaseFigures {
  const zero = (): { opened: number; resolved: number; openAtEnd: number; overdueAtEnd: number } => ({
    opened: 0,
    resolved: 0,
    openAtEnd: 0,
    overdueAtEnd: 0,
  });
  const out: CaseFigures = {
    opened: 0,
    resolved: 0,
    resolvedOnTime: 0,
    onTimePct: null,
    medianDaysToResolve: null,
    openAtEnd: 0,
    overdueAtEnd: 0,
    byBidang: {},
    byCategory: {},
    ratings: caseRatingFigures([]),
  };
  const days: number[] = [];
  const rated: unknown[] = [];
  for (const f of facts) {
    if (!f.openedAt || f.openedAt >= toMs) continue;
    const b = (out.byBidang[f.bidang || '-'] ??= zero());
    const c = (out.byCategory[f.category || '-'] ??= zero());
    const bump = (k: 'opened' | 'resolved' | 'openAtEnd' | 'overdueAtEnd'): void => {
      out[k]++;
      b[k]++;
      c[k]++;
    };
    if (f.openedAt >= fromMs) bump('opened');
    const resolvedInWeek =
      f.status === CASE_STATUS.resolved && f.closedAt >= fromMs && f.closedAt < toMs && f.closedAt > 0;
    if (resolvedInWeek) {
      bump('resolved');
      const resolvedYmd = ymdOf(f.closedAt);
      if (f.deadline && resolvedOnTime(resolvedYmd, f.deadline)) out.resolvedOnTime++;
      days.push(workingDaysAfter(ymdOf(f.openedAt), resolvedYmd, cal));
    }
    if (f.closedAt > 0 && f.closedAt >= fromMs && f.closedAt < toMs && f.rating != null) rated.push(f.rating);
    const openAtEnd = isCaseOpen(f.status) || (f.closedAt >= toMs && f.closedAt > 0);
    if (openAtEnd) {
      bump('openAtEnd');
      if (f.deadline && f.deadline <= endYmd) bump('overdueAtEnd');
    }
  }
  out.ratings = caseRatingFigures(rated);
  if (out.resolved > 0) {
    out.onTimePct = Math.round((out.resolvedOnTime / out.resolved) * 1000) / 10;
    days.sort((a, b) => a - b);
    const mid = Math.floor(days.length / 2);
    out.medianDaysToResolve = days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
  }
  return out;
}
