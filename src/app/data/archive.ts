// DESIGN §7: sessions (`Sesi`) and messages (`Pesan`) older than `Retensi Data (bulan)` move to a
// yearly archive spreadsheet ("HALO KOP-UKM Arsip 2025": same sheets and headers, plus the column
// `ID Batch Arsip`), a batch at a time, resumable across executions. `Rekap Mingguan` and the
// `Laporan …` sheets stay, so reports of archived weeks still open.
//
// Why a crash at any point loses nothing and duplicates nothing
// --------------------------------------------------------------
// The job is a state machine whose state (the cursor) lives in Script Properties and is saved
// before each step has effects that a later step depends on:
//
//   scan ──plan saved──▶ copy ──▶ verify ──▶ delete ──▶ scan …
//
// - scan: reads a window of the source and plans a batch: its rows, their fingerprint, a new batch
//   id. Nothing is written anywhere until the plan is saved (phase `copy`).
// - copy: first removes every archive row carrying this batch id (left by an interrupted copy:
//   never verified, so never relied on), then writes the batch with its id in one setValues. So
//   however often `copy` restarts, the archive holds the batch at most once. If the source rows no
//   longer match the plan's fingerprint (edited by hand since), the archive rows of the batch are
//   removed and the window is planned again: the source was not touched, nothing is lost.
// - verify: reads the batch back from the archive and compares it cell by cell with the source
//   rows (after masking, when on). Only a complete, equal copy moves the phase to `delete`; a
//   difference sends it back to `copy`. Until `delete` is saved the source is untouched, so a crash
//   before it leaves the originals in place and at most an unverified copy that `copy` removes.
// - delete: from `delete` on, the archive copy is the truth and is never removed. The source rows
//   to delete are found again by content: each archived row claims one source row equal to it
//   (preferring its planned position) in a region around the plan. Rows deleted by an interrupted
//   run are simply not found; rows not yet deleted are. So `delete` may restart at any point
//   (between two deleteRows, before the cursor was saved) and deletes each original exactly once,
//   and only rows whose copy is verified in the archive. Then the cursor moves on.
//
// The cursor, the batch counter and the list of archive files are written straight through to
// Script Properties (not buffered until the lock is released, like other state), and sheet writes
// are flushed before the cursor records them: the record of a step is never ahead of the sheets,
// even when an execution is killed rather than failing with an exception.
//
// Only this job and a citizen's deletion (which first settles a batch in flight, under the same
// lock) delete rows of `Sesi` and `Pesan`; the product only appends below. Sessions still open
// (a citizen state points at them) and their messages are never moved, and the states of the
// others are re-pointed at their rows by session id after every deletion.

import { parseAttachment } from '../../domain/media';
import type { Block, Period } from '../../domain/retention';
import {
  cutoffPeriod,
  firstDifference,
  hashRows,
  locateBatchRows,
  maskAddress,
  messageArchiveYear,
  periodStart,
  planBatch,
  retentionMonths,
  sessionArchiveYear,
  toBlocks,
} from '../../domain/retention';
import { formatLocal, MINUTE_MS } from '../../domain/time';
import { render } from '../../messages/id';
import { now } from '../../platform/clock';
import { withScriptLock } from '../../platform/lock';
import type { Props } from '../../platform/props';
import {
  applyZoneAndLocale,
  createSpreadsheet,
  flushSheets,
  openSpreadsheet,
} from '../../platform/spreadsheet';
import { asText, cellText, cellTime } from '../../store/cells';
import { SHEETS } from '../../store/schema';
import { SETTING } from '../../store/settings';
import { headerRow, normaliseHeader } from '../../store/table';
import { forgetConfig, setting } from '../config';
import { Ctx } from '../context';
import { liveConversations } from '../helpdesk/state';
import { archiveAttachments } from '../media/cleanup';
import { type Job, jobKey } from '../scheduler/job';
import { checkCapacity } from './capacity';
import { deleteProductRows, deleteRowsBottomUp, repairSessionRows } from './rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ARCHIVE_CURSOR_KEY = 'arsip:cursor';
export const ARCHIVE_FILES_KEY = 'arsip:files';
const ARCHIVE_SEQ_KEY = 'arsip:seq';
export const BATCH_HEADER = 'ID Batch Arsip';

/** Messages first: a message's session decides, and sessions move after their messages. */
export const ARCHIVED_SHEETS = ['messages', 'sessions'] as const;
export type ArchivedKey = (typeof ARCHIVED_SHEETS)[number];

/** Columns holding a citizen's number or id, masked in the archive when the setting asks. */
const MASKED_COLUMNS: Record<ArchivedKey, readonly string[]> = {
  messages: ['phone'],
  sessions: ['phone', 'userKey'],
};

export interface ArchiveLimits {
  /** Rows read per scan window. */
  windowRows: number;
  /** Rows per batch (one setValues into the archive). */
  batchRows: number;
  /** Batches moved per run: the run holds the script lock, which webhooks wait for. */
  maxBatches: number;
  /** Windows read per run. */
  maxWindows: number;
  /** Wall-clock budget of one run (ms), checked before starting a new step. */
  budgetMs: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  windowRows: 2000,
  batchRows: 1000,
  maxBatches: 3,
  maxWindows: 10,
  budgetMs: 8000,
};

type Phase = 'scan' | 'copy' | 'verify' | 'delete';

interface BatchState {
  id: string;
  year: number;
  /** Planned source rows. */
  blocks: Block[];
  count: number;
  /** Fingerprint of the planned source rows. */
  hash: string;
  nextScan: number;
  attempts: number;
}

interface Cursor {
  v: 1;
  startedAt: number;
  cutoff: Period;
  mask: boolean;
  sheet: ArchivedKey;
  scanRow: number;
  phase: Phase;
  batch: BatchState | null;
  moved: Record<ArchivedKey, number>;
  years: number[];
  /** Attachment files moved into the archive years' Drive folders. */
  files?: number;
}

export interface ArchiveRunResult {
  /** True when the whole cycle is finished (nothing older than the cutoff is left). */
  finished: boolean;
  /** Rows moved in this run. */
  moved: Record<ArchivedKey, number>;
  /** Rows moved since the cycle started. */
  total: Record<ArchivedKey, number>;
  months: number;
}

/** Per-execution memory: rows read in this run, so a batch is not read twice. */
interface Memory {
  batchId?: string;
  source?: unknown[][];
  archived?: unknown[][];
  sheets?: Partial<Record<ArchivedKey, Source>>;
  /** Archive sheets opened in this run, by `year|sheet key`. */
  targets?: Record<string, ArchiveSheet>;
}

/** The archive sheet of a batch, opened once per run; null when the archive or sheet is gone. */
function targetOf(ctx: Ctx, c: Cursor, b: BatchState, memory: Memory): ArchiveSheet | null {
  const k = `${b.year}|${c.sheet}`;
  const known = memory.targets?.[k];
  if (known) return known;
  const archive = openArchive(ctx, b.year, false);
  const target = archive ? archiveSheetOf(archive, c.sheet) : null;
  if (target) memory.targets = { ...memory.targets, [k]: target };
  return target;
}

/** A source sheet with its header row as it is now (not the cached one: no column left behind). */
interface Source {
  sheet: Sheet;
  headers: string[];
  width: number;
  /** Column index (0-based) of a schema key, -1 when missing. */
  index: (key: string) => number;
}

function sourceOf(ctx: Ctx, key: ArchivedKey, memory: Memory): Source {
  const known = memory.sheets?.[key];
  if (known) return known;
  const sheet = ctx.db.table(key).sheet;
  const width = sheet.getLastColumn();
  const raw = width < 1 ? [] : sheet.getRange(1, 1, 1, width).getValues()[0];
  const headers = raw.map((h, i) => (String(h).trim() === '' ? `Kolom ${i + 1}` : String(h)));
  const byHeader = new Map(headers.map((h, i) => [normaliseHeader(h), i]));
  const index = (k: string): number => {
    const col = SHEETS[key].columns.find((c) => c.key === k);
    return col ? (byHeader.get(normaliseHeader(col.header)) ?? -1) : -1;
  };
  const source: Source = { sheet, headers, width: headers.length, index };
  memory.sheets = { ...memory.sheets, [key]: source };
  return source;
}

// ---- The run ------------------------------------------------------------------------------------

/** One run of the archive: scans, copies, verifies and deletes until done or out of budget. */
export function runArchive(ctx: Ctx, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveRunResult {
  const started = now();
  const months = retentionMonths(setting(ctx.config, 'retentionMonths'));
  const cursor = loadCursor(ctx.props) ?? newCursor(ctx, months);
  const before = { ...cursor.moved };
  const memory: Memory = {};
  let open: Set<string> | null = null;
  let batches = 0;
  let windows = 0;
  const result = (finished: boolean): ArchiveRunResult => ({
    finished,
    moved: {
      messages: cursor.moved.messages - before.messages,
      sessions: cursor.moved.sessions - before.sessions,
    },
    total: { ...cursor.moved },
    months,
  });
  for (;;) {
    if (cursor.phase === 'scan') {
      if (batches >= limits.maxBatches || windows >= limits.maxWindows || now() - started > limits.budgetMs) {
        saveCursor(ctx, cursor);
        return result(false);
      }
      open = open ?? openSessionIds(ctx);
      windows++;
      if (scan(ctx, cursor, open, limits, memory) === 'finished') {
        finish(ctx, cursor);
        return result(true);
      }
    } else if (cursor.phase === 'copy') {
      copy(ctx, cursor, memory);
    } else if (cursor.phase === 'verify') {
      verify(ctx, cursor, memory);
    } else {
      remove(ctx, cursor, memory);
      batches++;
    }
  }
}

function newCursor(ctx: Ctx, months: number): Cursor {
  return {
    v: 1,
    startedAt: ctx.now,
    cutoff: cutoffPeriod(ctx.now, ctx.offset, months),
    mask: /^(ya|y|yes|true|1)$/i.test(setting(ctx.config, 'maskArchive').trim()),
    sheet: ARCHIVED_SHEETS[0],
    scanRow: 2,
    phase: 'scan',
    batch: null,
    moved: { messages: 0, sessions: 0 },
    years: [],
  };
}

/*
 * The archive's own state (cursor, batch counter, archive files) is written through to Script
 * Properties at once (`setNow`, `removeNow`), not buffered until the lock is released like other
 * state: each step's record must be durable before the step's effects, even if the execution is
 * killed.
 */
function loadCursor(props: Props): Cursor | null {
  const c = props.getJson<Cursor>(ARCHIVE_CURSOR_KEY);
  return c && c.v === 1 ? c : null;
}

function saveCursor(ctx: Ctx, c: Cursor): void {
  ctx.props.setNow(ARCHIVE_CURSOR_KEY, JSON.stringify(c));
}

function finish(ctx: Ctx, c: Cursor): void {
  ctx.props.removeNow(ARCHIVE_CURSOR_KEY);
  if (c.moved.messages + c.moved.sessions > 0) {
    ctx.log(
      'INFO',
      'arsip',
      ctx.t('archiveDoneLog', {
        count: c.moved.messages,
        sessions: c.moved.sessions,
        title: c.years
          .sort()
          .map((y) => ctx.t('archiveFileName', { year: y }))
          .join(', '),
      }),
    );
    if (c.files) {
      const folder = c.years
        .sort()
        .map((y) => ctx.t('mediaArchiveFolder', { year: y }))
        .join(', ');
      ctx.log('INFO', 'arsip', ctx.t('archiveFilesLog', { files: c.files, folder }));
    }
    // Archiving frees cells: let the capacity level fall back without waiting for its job.
    checkCapacity(ctx);
  }
}

function openSessionIds(ctx: Ctx): Set<string> {
  return new Set(
    liveConversations(ctx)
      .map((u) => u.sessionId.trim().toUpperCase())
      .filter((id) => id !== ''),
  );
}

// ---- scan ---------------------------------------------------------------------------------------

function scan(
  ctx: Ctx,
  c: Cursor,
  open: Set<string>,
  limits: ArchiveLimits,
  memory: Memory,
): 'planned' | 'more' | 'finished' {
  const src = sourceOf(ctx, c.sheet, memory);
  const last = src.sheet.getLastRow();
  if (c.scanRow > last || src.width < 1) return nextSheet(c);
  const n = Math.min(limits.windowRows, last - c.scanRow + 1);
  const values = src.sheet.getRange(c.scanRow, 1, n, src.width).getValues();
  const rule = { cutoff: c.cutoff, offset: ctx.offset, open };
  const cutoffMs = periodStart(c.cutoff, ctx.offset);
  const sessions = c.sheet === 'sessions';
  const idCol = src.index(sessions ? 'id' : 'sessionId');
  const timeCol = src.index(sessions ? 'startedAt' : 'at');
  let earliest = Infinity;
  const years = values.map((v) => {
    const id = idCol < 0 ? '' : cellText(v[idCol]);
    const time = timeCol < 0 ? null : cellTime(v[timeCol]);
    if (time !== null) earliest = Math.min(earliest, time);
    return sessions
      ? sessionArchiveYear({ id, startedAt: time }, rule)
      : messageArchiveYear({ sessionId: id, at: time }, rule);
  });
  const plan = planBatch(years, c.scanRow, limits.batchRows);
  if (plan.year === null || plan.rows.length === 0) {
    // Rows are appended in time order: a window with nothing due that lies wholly after the
    // cutoff means the rest of the sheet is newer still.
    if (earliest !== Infinity && earliest >= cutoffMs) return nextSheet(c);
    c.scanRow = plan.nextScan;
    return 'more';
  }
  const rows = plan.rows.map((r) => values[r - c.scanRow]);
  c.batch = {
    id: nextBatchId(ctx, c.sheet),
    year: plan.year,
    blocks: toBlocks(plan.rows),
    count: rows.length,
    hash: hashRows(rows),
    nextScan: plan.nextScan,
    attempts: 0,
  };
  c.phase = 'copy';
  saveCursor(ctx, c); // the plan is durable before anything is written to the archive
  memory.batchId = c.batch.id;
  memory.source = rows;
  memory.archived = undefined;
  return 'planned';
}

function nextSheet(c: Cursor): 'more' | 'finished' {
  const i = ARCHIVED_SHEETS.indexOf(c.sheet);
  if (i + 1 >= ARCHIVED_SHEETS.length) return 'finished';
  c.sheet = ARCHIVED_SHEETS[i + 1];
  c.scanRow = 2;
  return 'more';
}

/**
 * A batch id never used before, even if Script Properties were lost: the time of planning and a
 * counter (`P-20260301T0200-17`). `copy` removes archive rows carrying the id, so it must be new.
 */
function nextBatchId(ctx: Ctx, key: ArchivedKey): string {
  const seq = Number(ctx.props.get(ARCHIVE_SEQ_KEY) ?? '0') + 1;
  ctx.props.setNow(ARCHIVE_SEQ_KEY, String(seq));
  return `${key === 'sessions' ? 'S' : 'P'}-${formatLocal(ctx.now, ctx.offset, 'yyyyMMddTHHmmss')}-${seq}`;
}

/** The planned source rows, as long as they are unchanged since the plan; null otherwise. */
function plannedSource(c: Cursor, src: Source, memory: Memory): unknown[][] | null {
  const b = c.batch as BatchState;
  if (memory.batchId === b.id && memory.source) return memory.source;
  const rows: unknown[][] = [];
  const last = src.sheet.getLastRow();
  for (const block of b.blocks) {
    if (block.start + block.count - 1 > last) return null;
    rows.push(...src.sheet.getRange(block.start, 1, block.count, src.width).getValues());
  }
  if (hashRows(rows) !== b.hash) return null;
  memory.batchId = b.id;
  memory.source = rows;
  return rows;
}

/** The batch can no longer be moved as planned and nothing was deleted: forget it, plan again. */
function abandonBatch(ctx: Ctx, c: Cursor, memory: Memory): void {
  const b = c.batch as BatchState;
  const target = targetOf(ctx, c, b, memory);
  if (target) deleteRowsBottomUp(target.sheet, findBatch(target, b.id).rows);
  c.batch = null;
  c.phase = 'scan';
  saveCursor(ctx, c);
  memory.batchId = undefined;
}

// ---- copy ---------------------------------------------------------------------------------------

function copy(ctx: Ctx, c: Cursor, memory: Memory): void {
  const b = c.batch as BatchState;
  const src = sourceOf(ctx, c.sheet, memory);
  if (b.attempts >= 3) {
    // The copy never reads back equal: leave these rows in place this cycle, say so, go on.
    ctx.log('GALAT', 'arsip', ctx.t('archiveVerifyFailed', { id: b.id, count: b.count }));
    const lastPlanned = b.blocks[b.blocks.length - 1];
    abandonBatch(ctx, c, memory);
    c.scanRow = lastPlanned.start + lastPlanned.count;
    saveCursor(ctx, c);
    return;
  }
  const source = plannedSource(c, src, memory);
  if (!source) {
    abandonBatch(ctx, c, memory);
    return;
  }
  const archive = openArchive(ctx, b.year, true) as Spreadsheet;
  const target = ensureArchiveSheet(archive, c.sheet, src.headers);
  memory.targets = { ...memory.targets, [`${b.year}|${c.sheet}`]: target };
  // Rows of this batch already in the archive come from an interrupted copy: written, never
  // verified. Removing them first makes the copy idempotent.
  deleteRowsBottomUp(target.sheet, findBatch(target, b.id).rows);
  const toArchive = archiveRow(c, src, target.headers);
  const rows = source.map((v) => [...toArchive(v).map(encode), b.id]);
  const start = target.sheet.getLastRow() + 1;
  const max = target.sheet.getMaxRows();
  if (start + rows.length - 1 > max) target.sheet.insertRowsAfter(max, start + rows.length - 1 - max);
  target.sheet.getRange(start, 1, rows.length, target.headers.length).setValues(rows);
  flushSheets();
  c.phase = 'verify';
  saveCursor(ctx, c);
}

/**
 * Every string is written as text, whatever it looks like (`0812…`, `=…`, `12:30`, `1e5`): the
 * apostrophe keeps it verbatim and is not part of the value. The rest is written as is.
 */
function encode(v: unknown): unknown {
  return typeof v === 'string' && v !== '' ? `'${v}` : v;
}

// ---- verify -------------------------------------------------------------------------------------

function verify(ctx: Ctx, c: Cursor, memory: Memory): void {
  const b = c.batch as BatchState;
  const src = sourceOf(ctx, c.sheet, memory);
  const source = plannedSource(c, src, memory);
  if (!source) {
    abandonBatch(ctx, c, memory);
    return;
  }
  const target = targetOf(ctx, c, b, memory);
  const archived = target ? findBatch(target, b.id).data : [];
  const expected = target ? source.map(archiveRow(c, src, target.headers)) : source;
  if (target && firstDifference(expected, archived) === -1) {
    c.phase = 'delete';
    memory.archived = archived;
  } else {
    b.attempts += 1;
    c.phase = 'copy';
    ctx.log('PERINGATAN', 'arsip', ctx.t('archiveVerifyRetry', { id: b.id }));
  }
  saveCursor(ctx, c);
}

// ---- delete -------------------------------------------------------------------------------------

function remove(ctx: Ctx, c: Cursor, memory: Memory): void {
  const b = c.batch as BatchState;
  const src = sourceOf(ctx, c.sheet, memory);
  const target = targetOf(ctx, c, b, memory);
  if (!target) {
    // The archive file was removed by hand after verification: keep the originals, plan again.
    ctx.log('GALAT', 'arsip', ctx.t('archiveMissing', { id: b.id, year: b.year }));
    c.batch = null;
    c.phase = 'scan';
    saveCursor(ctx, c);
    return;
  }
  const archived =
    memory.batchId === b.id && memory.archived ? memory.archived : findBatch(target, b.id).data;
  const planned = b.blocks.flatMap((blk) => Array.from({ length: blk.count }, (_, i) => blk.start + i));
  const last = src.sheet.getLastRow();
  const lo = Math.max(2, planned[0] - b.count);
  const hi = Math.min(last, planned[planned.length - 1] + b.count);
  const region = hi >= lo ? src.sheet.getRange(lo, 1, hi - lo + 1, src.width).getValues() : [];
  const rows = locateBatchRows(region, lo, archived, planned, archiveRow(c, src, target.headers));
  const deleted = deleteProductRows(ctx, c.sheet, rows);
  // The files of archived messages go to the year's archive folder (idempotent, so a restart of
  // this phase moves nothing twice); their ids, so the archive's links, do not change.
  if (c.sheet === 'messages') c.files = (c.files ?? 0) + moveBatchAttachments(ctx, b, target, archived);
  // Also when nothing was left to delete: a killed run may have deleted rows without repairing
  // the citizen states that point below them (the repair is idempotent).
  if (c.sheet === 'sessions' && deleted === 0) repairSessionRows(ctx, b.count);
  flushSheets(); // the deletions are applied before the cursor says they were
  if (memory.sheets) delete memory.sheets[c.sheet];
  c.moved[c.sheet] += b.count;
  if (!c.years.includes(b.year)) c.years.push(b.year);
  c.scanRow = b.nextScan;
  c.batch = null;
  c.phase = 'scan';
  saveCursor(ctx, c);
  memory.batchId = undefined;
}

/** Moves the files linked in a batch's `Lampiran` cells; says so when some are gone from Drive. */
function moveBatchAttachments(ctx: Ctx, b: BatchState, target: ArchiveSheet, archived: unknown[][]): number {
  const header = normaliseHeader(SHEETS.messages.columns.find((col) => col.key === 'attachment')!.header);
  const i = target.headers
    .filter((h) => h !== BATCH_HEADER)
    .map(normaliseHeader)
    .indexOf(header);
  if (i < 0) return 0;
  const cells = archived.map((row) => row[i]);
  const linked = cells.filter((cell) => (parseAttachment(cellText(cell))?.fileId ?? '') !== '').length;
  if (linked === 0) return 0;
  const moved = archiveAttachments(ctx, cells, b.year);
  if (moved < linked) {
    ctx.log('PERINGATAN', 'arsip', ctx.t('archiveFilesMissing', { missing: linked - moved, id: b.id }));
  }
  return moved;
}

/**
 * Settles a batch in flight before someone else deletes rows of `Sesi`/`Pesan` (a citizen's
 * request): a batch not yet verified is abandoned (its copy removed, the originals stay), a
 * verified one is completed. Caller holds the script lock.
 */
export function settleArchiveBatch(ctx: Ctx): void {
  const c = loadCursor(ctx.props);
  if (!c || !c.batch) return;
  if (c.phase === 'delete') remove(ctx, c, {});
  else if (c.phase === 'copy' || c.phase === 'verify') abandonBatch(ctx, c, {});
}

// ---- The archive spreadsheets --------------------------------------------------------------------

interface ArchiveSheet {
  sheet: Sheet;
  headers: string[];
}

/** Archive spreadsheet ids by year. */
export function archiveFiles(props: Props): Record<string, string> {
  return props.getJson<Record<string, string>>(ARCHIVE_FILES_KEY) ?? {};
}

/** The archive of a year; created (and recorded at once) when `create` and missing. */
export function openArchive(ctx: Ctx, year: number, create: boolean): Spreadsheet | null {
  const files = archiveFiles(ctx.props);
  const id = files[String(year)];
  if (id) {
    try {
      return openSpreadsheet(id);
    } catch (e) {
      if (!create) return null;
      ctx.log(
        'PERINGATAN',
        'arsip',
        ctx.t('archiveReopenFailed', { year, reason: String((e as Error).message ?? e) }),
      );
    }
  }
  if (!create) return null;
  const archive = createSpreadsheet(ctx.t('archiveFileName', { year }));
  // A new file has its creator's zone and locale: the archive reads its dates as the original.
  applyZoneAndLocale(archive, ctx.zoneName);
  files[String(year)] = archive.getId();
  ctx.props.setNow(ARCHIVE_FILES_KEY, JSON.stringify(files));
  shareWithEditors(ctx, archive);
  writeArchiveSetting(ctx, files);
  ctx.log(
    'INFO',
    'arsip',
    ctx.t('archiveCreatedLog', { title: archive.getName(), spreadsheetUrl: archive.getUrl() }),
  );
  return archive;
}

/** The team that edits the spreadsheet may read its archive. */
function shareWithEditors(ctx: Ctx, archive: Spreadsheet): void {
  try {
    const owner = archive.getOwner()?.getEmail().toLowerCase() ?? '';
    const emails = ctx.ss
      .getEditors()
      .map((u) => u.getEmail())
      .filter((e) => e && e.toLowerCase() !== owner);
    if (emails.length > 0) archive.addEditors(emails);
  } catch (e) {
    ctx.log(
      'PERINGATAN',
      'arsip',
      ctx.t('archiveShareFailed', { reason: String((e as Error).message ?? e) }),
    );
  }
}

/** Pengaturan › Arsip lists every archive, one line a year: "2025: https://…". */
function writeArchiveSetting(ctx: Ctx, files: Record<string, string>): void {
  const lines = Object.keys(files)
    .sort()
    .map((year) => {
      try {
        return `${year}: ${openSpreadsheet(files[year]).getUrl()}`;
      } catch {
        return `${year}: -`;
      }
    });
  const value = lines.join('\n');
  const table = ctx.db.table('settings');
  const found = table.readAll().find((r) => cellText(r.rec.key).trim() === SETTING.archiveUrl);
  if (found) ctx.db.update('settings', found.row, { value });
  else ctx.db.append('settings', [{ key: SETTING.archiveUrl, value }]);
  forgetConfig(ctx.cache);
}

function archiveSheetOf(archive: Spreadsheet, key: ArchivedKey): ArchiveSheet | null {
  const sheet = archive.getSheetByName(SHEETS[key].name);
  if (!sheet) return null;
  const headers = headerRow(sheet);
  return headers.includes(BATCH_HEADER) ? { sheet, headers } : null;
}

/** The archive sheet with every source header and the batch column (created on first use). */
function ensureArchiveSheet(archive: Spreadsheet, key: ArchivedKey, source: string[]): ArchiveSheet {
  const name = SHEETS[key].name;
  let sheet = archive.getSheetByName(name);
  if (!sheet) {
    const sheets = archive.getSheets();
    const ours = ARCHIVED_SHEETS.map((k) => SHEETS[k].name as string);
    const blank = sheets.length === 1 && !ours.includes(sheets[0].getName()) && sheets[0].getLastRow() === 0;
    sheet = blank ? sheets[0].setName(name) : archive.insertSheet(name);
  }
  const headers = headerRow(sheet);
  const fresh = headers.length === 0;
  const known = new Set(headers.map(normaliseHeader));
  const missing = [...source, BATCH_HEADER].filter((h) => !known.has(normaliseHeader(h)));
  if (missing.length > 0) {
    const start = headers.length + 1;
    const need = start + missing.length - 1;
    if (need > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), need - sheet.getMaxColumns());
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map(asText)]);
    headers.push(...missing);
    if (fresh) {
      sheet.setFrozenRows(1);
      sheet.getRange(1, 1, 1, headers.length).setFontWeight('bold');
      // The archive counts against its own 10-million-cell limit: no empty columns.
      if (sheet.getMaxColumns() > headers.length) {
        sheet.deleteColumns(headers.length + 1, sheet.getMaxColumns() - headers.length);
      }
    }
  }
  return { sheet, headers };
}

/** The archive rows of a batch (rows and their values without the batch column). */
function findBatch(target: ArchiveSheet, batchId: string): { rows: number[]; data: unknown[][] } {
  const col = target.headers.indexOf(BATCH_HEADER) + 1;
  const last = target.sheet.getLastRow();
  if (col < 1 || last < 2) return { rows: [], data: [] };
  const first = target.sheet
    .getRange(2, col, last - 1, 1)
    .createTextFinder(batchId)
    .matchEntireCell(true)
    .findNext();
  if (!first) return { rows: [], data: [] };
  const from = first.getRow();
  const values = target.sheet.getRange(from, 1, last - from + 1, target.headers.length).getValues();
  const rows: number[] = [];
  const data: unknown[][] = [];
  values.forEach((v, i) => {
    if (String(v[col - 1]) !== batchId) return;
    rows.push(from + i);
    data.push(v.filter((_, j) => j !== col - 1));
  });
  return { rows, data };
}

/**
 * A source row as the archive holds it: in the archive's column order (by header name), without
 * the batch column, numbers masked when the cycle masks them. A value in a source column the
 * archive lacks adds a marker that no archived row has: such a row never verifies and is never
 * found for deletion, so its value cannot be lost.
 */
function archiveRow(
  c: Cursor,
  src: Source,
  archiveHeaders: string[],
): (values: readonly unknown[]) => unknown[] {
  const index = new Map(src.headers.map((h, i) => [normaliseHeader(h), i]));
  const masked = new Set(
    c.mask
      ? MASKED_COLUMNS[c.sheet].map((k) =>
          normaliseHeader(SHEETS[c.sheet].columns.find((col) => col.key === k)?.header ?? ''),
        )
      : [],
  );
  const columns = archiveHeaders
    .filter((h) => h !== BATCH_HEADER)
    .map((h) => {
      const key = normaliseHeader(h);
      return { from: index.get(key), mask: masked.has(key) };
    });
  const inArchive = new Set(archiveHeaders.map(normaliseHeader));
  const extra = src.headers.map((h, i) => ({ h, i })).filter(({ h }) => !inArchive.has(normaliseHeader(h)));
  return (values) => {
    const out: unknown[] = columns.map(({ from, mask }) => {
      const v = from === undefined ? '' : values[from];
      return v === null || v === undefined ? '' : mask ? maskAddress(v) : v;
    });
    for (const { h, i } of extra) {
      const v = values[i];
      if (v !== '' && v !== null && v !== undefined) out.push(`\u0000${h}`);
    }
    return out;
  };
}

// ---- Job and menu -------------------------------------------------------------------------------

/** One archive step now (menu and sidebar): the Indonesian sentence saying how far it got. */
export function archiveNow(): string {
  const result = withScriptLock(() => {
    const ctx = new Ctx();
    const r = runArchive(ctx);
    ctx.props.set(jobKey(archiveJob.name), String(r.finished ? nextMonthlyRun(ctx) : ctx.now));
    ctx.flushLogs();
    return r;
  });
  const vars = { count: result.total.messages, sessions: result.total.sessions, number: result.months };
  const key = !result.finished
    ? 'archiveMenuProgress'
    : result.total.messages + result.total.sessions > 0
      ? 'archiveMenuDone'
      : 'archiveMenuNothing';
  return render(key, vars);
}

/** When the next monthly cycle starts: the 1st of next month, 02:00 local time. */
export function nextMonthlyRun(ctx: Ctx): number {
  const p = cutoffPeriod(ctx.now, ctx.offset, -1);
  return periodStart(p, ctx.offset) + 120 * MINUTE_MS;
}

export const ARCHIVE_JOB = 'arsip';

/** Monthly, and continued at every tick while a cycle is under way. */
export const archiveJob: Job = {
  name: ARCHIVE_JOB,
  intervalMs: 60 * MINUTE_MS,
  run(ctx) {
    const r = runArchive(ctx);
    const total = r.finished
      ? ` (selesai: ${r.total.messages} pesan, ${r.total.sessions} sesi)`
      : ' (berlanjut)';
    return {
      summary: `${r.moved.messages} pesan, ${r.moved.sessions} sesi diarsipkan${total}`,
      nextAt: r.finished ? nextMonthlyRun(ctx) : ctx.now,
    };
  },
};
