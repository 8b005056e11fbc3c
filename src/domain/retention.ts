/**
 * DESIGN §7 and the 10-million-cell limit: pure rules of the data lifecycle. How full the
 * spreadsheet is and when to warn; which rows of `Sesi` and `Pesan` are old enough to move to the
 * yearly archive; how a batch is planned, verified and found again after a crash; masking of
 * numbers in the archive; and which cells belong to one citizen (the right to see and delete).
 * No Apps Script globals here: times are epoch ms plus a fixed UTC offset in minutes.
 */

import { isLikelyPhone, maskPhone, normalizePhone } from './phone';
import { localParts } from './time';

// ---- Capacity ------------------------------------------------------------------------------------

/** A spreadsheet holds at most 10 million cells, counted on the grid (max rows × max columns). */
export const CELL_LIMIT = 10_000_000;

/** Percent of the limit at which the reporting team is warned, then warned again urgently. */
export const CAPACITY_THRESHOLDS = { warning: 70, critical: 85 } as const;

/** A level drops back only this many percent below its threshold (no warning ping-pong). */
export const CAPACITY_HYSTERESIS = 2;

export type CapacityLevel = 'ok' | 'warning' | 'critical';

const LEVEL_RANK: Record<CapacityLevel, number> = { ok: 0, warning: 1, critical: 2 };

export interface GridSize {
  rows: number;
  columns: number;
}

/** Cells a spreadsheet uses against the limit: every sheet's grid, filled or not. */
export function gridCells(sheets: readonly GridSize[]): number {
  return sheets.reduce((sum, s) => sum + Math.max(0, s.rows) * Math.max(0, s.columns), 0);
}

/** Percent of the limit, one decimal. */
export function capacityPercent(cells: number, limit = CELL_LIMIT): number {
  return Math.round((cells / limit) * 1000) / 10;
}

export function capacityLevel(percent: number): CapacityLevel {
  if (percent >= CAPACITY_THRESHOLDS.critical) return 'critical';
  if (percent >= CAPACITY_THRESHOLDS.warning) return 'warning';
  return 'ok';
}

/**
 * The level to remember after a measurement, and whether to tell the team: once per crossing of a
 * threshold upwards. A level is kept until the use falls clearly below it (after archiving),
 * so that hovering around 70 % does not send a warning every hour.
 */
export function capacityTransition(
  previous: CapacityLevel,
  percent: number,
): { level: CapacityLevel; notify: boolean } {
  const measured = capacityLevel(percent);
  if (LEVEL_RANK[measured] > LEVEL_RANK[previous]) return { level: measured, notify: true };
  let level = previous;
  while (level !== 'ok' && percent < thresholdOf(level) - CAPACITY_HYSTERESIS) {
    level = level === 'critical' ? 'warning' : 'ok';
  }
  return { level, notify: false };
}

function thresholdOf(level: Exclude<CapacityLevel, 'ok'>): number {
  return CAPACITY_THRESHOLDS[level];
}

export function isCapacityLevel(v: unknown): v is CapacityLevel {
  return v === 'ok' || v === 'warning' || v === 'critical';
}

// ---- Retention: which rows are old enough -------------------------------------------------------

export const DEFAULT_RETENTION_MONTHS = 12;

/**
 * Reports of the last 12 weeks can be made again from the sidebar, from `Sesi`: whatever the
 * setting says, at least this many months stay in the spreadsheet.
 */
export const MIN_RETENTION_MONTHS = 3;

/** `Retensi Data (bulan)`: a whole number of months, at least 3; the default when unreadable. */
export function retentionMonths(value: number | string | null | undefined): number {
  const n =
    typeof value === 'number'
      ? value
      : Number(
          String(value ?? '')
            .trim()
            .replace(',', '.'),
        );
  if (!isFinite(n) || String(value ?? '').trim() === '') return DEFAULT_RETENTION_MONTHS;
  return Math.min(600, Math.max(MIN_RETENTION_MONTHS, Math.floor(n)));
}

/** A local calendar month as one number, `yyyymm` (2025-03 → 202503). */
export type Period = number;

export function periodOf(ms: number, offset: number): Period {
  const p = localParts(ms, offset);
  return p.year * 100 + p.month;
}

/**
 * "Older than N months" counts whole months: rows of local months before this period move.
 * On 2026-03-15 with 12 months the cutoff is 2025-03: February 2025 and earlier are archived.
 */
export function cutoffPeriod(now: number, offset: number, months: number): Period {
  const p = localParts(now, offset);
  const index = p.year * 12 + (p.month - 1) - months;
  return Math.floor(index / 12) * 100 + (index % 12) + 1;
}

/** Start (epoch ms) of a period in local time. */
export function periodStart(period: Period, offset: number): number {
  const year = Math.floor(period / 100);
  const month = period % 100;
  return Date.UTC(year, month - 1, 1) - offset * 60000;
}

/** The period a session id was issued in (`HK-2502-0042` → 202502), or null. */
export function sessionIdPeriod(id: string): Period | null {
  const m = /^\s*HK-(\d{2})(\d{2})-\d{4,}\s*$/i.exec(id);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return (2000 + Number(m[1])) * 100 + month;
}

export interface SessionFacts {
  id: string;
  /** `Mulai` (epoch ms), or null when empty. */
  startedAt: number | null;
}

export interface MessageFacts {
  sessionId: string;
  /** `Waktu` (epoch ms), or null when empty. */
  at: number | null;
}

/** Everything the eligibility rules need besides the row. */
export interface RetentionRule {
  cutoff: Period;
  offset: number;
  /** Session ids of conversations still open (a citizen state points at them): never moved. */
  open: ReadonlySet<string>;
}

/**
 * The year of the archive a session goes to, or null when it stays. A session's period is the
 * one in its id (so that it and its messages always agree), else the month it started.
 */
export function sessionArchiveYear(s: SessionFacts, rule: RetentionRule): number | null {
  const id = s.id.trim().toUpperCase();
  if (id && rule.open.has(id)) return null;
  const period = sessionIdPeriod(id) ?? (s.startedAt === null ? null : periodOf(s.startedAt, rule.offset));
  return period !== null && period < rule.cutoff ? Math.floor(period / 100) : null;
}

/**
 * The year of the archive a message goes to, or null when it stays: a message of a session moves
 * with its session (same period rule, same year); a message without a session by its own time.
 */
export function messageArchiveYear(m: MessageFacts, rule: RetentionRule): number | null {
  const sid = m.sessionId.trim().toUpperCase();
  if (sid && rule.open.has(sid)) return null;
  const fromId = sid ? sessionIdPeriod(sid) : null;
  const period = fromId ?? (m.at === null ? null : periodOf(m.at, rule.offset));
  return period !== null && period < rule.cutoff ? Math.floor(period / 100) : null;
}

// ---- Batches ------------------------------------------------------------------------------------

/** A run of consecutive sheet rows. */
export interface Block {
  start: number;
  count: number;
}

export interface BatchPlan {
  /** Archive year of every row in the batch (null: nothing to move in this window). */
  year: number | null;
  /** Sheet rows of the batch, ascending. */
  rows: number[];
  /**
   * Where the next window starts once the batch rows are deleted: after every row this window
   * settled (rows that stay, and rows moved), before the first row left for a later batch.
   */
  nextScan: number;
}

/**
 * Plans one batch from a window of rows starting at sheet row `firstRow`: `years[i]` is the
 * archive year of row `firstRow + i`, or null when it stays. The batch takes rows of the year of
 * the first due row (one archive file per batch), at most `maxRows` of them in at most
 * `maxBlocks` contiguous blocks.
 */
export function planBatch(
  years: readonly (number | null)[],
  firstRow: number,
  maxRows: number,
  maxBlocks = 50,
): BatchPlan {
  const rows: number[] = [];
  let year: number | null = null;
  let blocks = 0;
  let settled = years.length;
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (y === null) continue;
    if (year === null) year = y;
    const extendsBlock = rows.length > 0 && rows[rows.length - 1] === firstRow + i - 1;
    const fits = y === year && rows.length < maxRows && (extendsBlock || blocks < maxBlocks);
    if (!fits) {
      settled = Math.min(settled, i);
      if (rows.length >= maxRows || (!extendsBlock && blocks >= maxBlocks)) break;
      continue;
    }
    if (!extendsBlock) blocks++;
    rows.push(firstRow + i);
  }
  const movedBefore = rows.filter((r) => r < firstRow + settled).length;
  return { year, rows, nextScan: firstRow + settled - movedBefore };
}

/** Consecutive rows as blocks, ascending (`[2,3,4,9]` → 2+3, 9+1). */
export function toBlocks(rows: readonly number[]): Block[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: Block[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else out.push({ start: r, count: 1 });
  }
  return out;
}

/** Blocks in the order to delete them: from the bottom up, so earlier positions stay valid. */
export function deletionOrder(rows: readonly number[]): Block[] {
  return toBlocks(rows).reverse();
}

/** Where a row is after `deleted` blocks were removed; 0 when the row itself was removed. */
export function shiftRow(row: number, deleted: readonly Block[]): number {
  let shift = 0;
  for (const b of deleted) {
    if (row >= b.start && row < b.start + b.count) return 0;
    if (b.start < row) shift += b.count;
  }
  return row - shift;
}

/** Row numbers for people: `2–4, 9` (at most `max` ranges, then `…`). */
export function formatRowRanges(rows: readonly number[], max = 12): string {
  const blocks = toBlocks(rows);
  const parts = blocks
    .slice(0, max)
    .map((b) => (b.count === 1 ? String(b.start) : `${b.start}–${b.start + b.count - 1}`));
  if (blocks.length > max) parts.push('…');
  return parts.join(', ');
}

// ---- Verification: comparing what was written with what was read back ---------------------------

/** One cell in a comparable form: dates as their time, empty as '', numbers and text as is. */
export function comparableCell(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const t = (v as Date).getTime();
    return isNaN(t) ? '' : `d:${t}`;
  }
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  return `s:${String(v)}`;
}

/** A whole row as one comparable key. */
export function rowKey(values: readonly unknown[]): string {
  return JSON.stringify(values.map(comparableCell));
}

/** Index of the first row that differs (lengths included), or -1 when every row is equal. */
export function firstDifference(
  expected: readonly (readonly unknown[])[],
  actual: readonly (readonly unknown[])[],
): number {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (i >= expected.length || i >= actual.length) return i;
    if (rowKey(expected[i]) !== rowKey(actual[i])) return i;
  }
  return -1;
}

/**
 * Finds the rows of a verified batch in the source again, by content: `region` are the source
 * rows read around the batch (`regionStart` is the sheet row of region[0]), `batch` the rows as
 * archived (already transformed, e.g. masked, by `transform`). Each archived row claims at most
 * one source row, preferring the row at its planned position. Returns the sheet rows to delete.
 */
export function locateBatchRows(
  region: readonly (readonly unknown[])[],
  regionStart: number,
  batch: readonly (readonly unknown[])[],
  planned: readonly number[],
  transform: (row: readonly unknown[]) => readonly unknown[] = (r) => r,
): number[] {
  const wanted = new Map<string, number>();
  for (const row of batch) {
    const k = rowKey(row);
    wanted.set(k, (wanted.get(k) ?? 0) + 1);
  }
  const keyAt = (row: number): string | null => {
    const i = row - regionStart;
    return i >= 0 && i < region.length ? rowKey(transform(region[i])) : null;
  };
  const found = new Set<number>();
  const claim = (row: number): void => {
    const k = keyAt(row);
    if (k === null || found.has(row)) return;
    const left = wanted.get(k) ?? 0;
    if (left <= 0) return;
    wanted.set(k, left - 1);
    found.add(row);
  };
  for (const row of planned) claim(row);
  for (let i = 0; i < region.length; i++) claim(regionStart + i);
  return [...found].sort((a, b) => a - b);
}

// ---- Masking in the archive ---------------------------------------------------------------------

/**
 * A citizen's address as the archive shows it when `Samarkan Nomor di Arsip` is on: numbers as
 * `0812****7890`; a WhatsApp user id keeps only its first 3 characters.
 */
export function maskAddress(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (typeof value === 'number') return maskPhone(value);
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return value;
  if (isLikelyPhone(text)) return maskPhone(text);
  if (/^\S+$/.test(text) && text.length > 3)
    return text.slice(0, 3) + '*'.repeat(Math.min(8, text.length - 3));
  return value;
}

/**
 * Every run that reads as a phone number (`+…`, `0…` or `62…`, 8–15 digits, spaces and dashes
 * allowed) masked; session ids, dates and other figures stay.
 */
export function maskNumbersInText(text: string): string {
  return text.replace(/(?<![\w-])(?:\+\d|0|62)[\d\s\-().]{6,20}\d(?![\w-])/g, (m) => {
    const digits = m.replace(/\D/g, '');
    return digits.length >= 8 && digits.length <= 15 ? maskPhone(m) : m;
  });
}

// ---- A citizen's identity (the right to see and delete one's data) -----------------------------

export interface CitizenQuery {
  kind: 'phone' | 'userId';
  /** A normalised number (`62812…`) or the user id as given. */
  key: string;
}

/** A request typed by staff: a number in any format, or a WhatsApp user id. Null when empty. */
export function parseCitizenQuery(input: string | number | null | undefined): CitizenQuery | null {
  const text = String(input ?? '').trim();
  if (text === '') return null;
  if (typeof input === 'number' || isLikelyPhone(text)) {
    const key = normalizePhone(text);
    return key.length >= 8 ? { kind: 'phone', key } : null;
  }
  return text.length >= 3 ? { kind: 'userId', key: text } : null;
}

/**
 * Does a cell hold one of these addresses? Numbers match in any format (`0812…`, `+62 812…`,
 * `62812…`, a number that lost its leading 0); user ids match exactly.
 */
export function cellMatchesAddress(cell: unknown, addresses: ReadonlySet<string>): boolean {
  if (cell === null || cell === undefined || cell === '') return false;
  // A text cell may keep the apostrophe that forced it to stay text.
  const text = String(cell).trim().replace(/^'/, '');
  if (text === '') return false;
  if (addresses.has(text)) return true;
  if (!/^\+?[\d\s\-().]+$/.test(text)) return false;
  const digits = normalizePhone(text);
  if (digits.length < 8) return false;
  if (addresses.has(digits)) return true;
  // Sheets turned `0812…` into the number 812…: the leading zero is gone.
  return /^8\d{7,12}$/.test(digits) && addresses.has('62' + digits);
}

/** A short fingerprint of rows (FNV-1a over their comparable keys): "have these rows changed?". */
export function hashRows(rows: readonly (readonly unknown[])[]): string {
  let h = 0x811c9dc5;
  for (const row of rows) {
    const key = rowKey(row) + '\n';
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return `${rows.length}:${h.toString(16).padStart(8, '0')}`;
}

/**
 * A line for `Log Sistem` and the execution log: phone numbers masked (an error a provider echoes
 * may name the recipient) and known secret values (tokens, webhook key) replaced.
 */
export function redactLogText(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = maskNumbersInText(text);
  for (const s of secrets) {
    if (s && s.length >= 6) out = out.split(s).join('***');
  }
  return out;
}
