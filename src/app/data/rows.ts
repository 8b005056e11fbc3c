// Deleting rows of the product's sheets (the archive job, a citizen's request to delete their
// data) shifts every row below. Whatever points at a row by number is repaired here, in the same
// execution and under the same lock: the live window of conversation states (`Sesi`), the send
// retry queue and the sent-message cache (`Pesan` rows), and the append pointers.

import type { Block } from '../../domain/retention';
import { deletionOrder, shiftRow } from '../../domain/retention';
import type { SheetKey } from '../../store/schema';
import { SHEETS } from '../../store/schema';
import type { Ctx } from '../context';
import { afterSessionRowsDeleted, flushSessionRows } from '../helpdesk/state';
import type { QueuedSend } from '../messaging/sender';
import { OUTBOX_QUEUE_KEY } from '../messaging/sender';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows of recent sends whose `sent:<id>` cache entries may point at shifted rows. */
const SENT_TAIL_ROWS = 500;

/**
 * Deletes rows in contiguous blocks from the bottom up (earlier positions stay valid), keeping at
 * least one row below the header (Sheets refuses to delete every non-frozen row). Returns the
 * blocks deleted; `onDeleted` runs even when a later block fails, with what was deleted.
 */
export function deleteRowsBottomUp(
  sheet: Sheet,
  rows: readonly number[],
  onDeleted?: (done: Block[]) => void,
): Block[] {
  const done: Block[] = [];
  if (rows.length === 0) return done;
  try {
    const max = sheet.getMaxRows();
    if (max < rows.length + 2) sheet.insertRowsAfter(max, rows.length + 2 - max);
    for (const block of deletionOrder(rows)) {
      sheet.deleteRows(block.start, block.count);
      done.push(block);
    }
  } finally {
    if (onDeleted && done.length > 0) onDeleted(done);
  }
  return done;
}

/** Deletes rows of a sheet of the main spreadsheet and repairs what pointed at rows below. */
export function deleteProductRows(ctx: Ctx, key: SheetKey, rows: readonly number[]): number {
  const table = ctx.db.table(key);
  // Row changes staged earlier in this execution go to the rows they were meant for.
  if (key === 'sessions') flushSessionRows(ctx);
  const done = deleteRowsBottomUp(table.sheet, rows, (deleted) => afterRowsDeleted(ctx, key, deleted));
  return done.reduce((n, b) => n + b.count, 0);
}

/** Repairs row references after `deleted` blocks of `key` were removed. Caller holds the lock. */
export function afterRowsDeleted(ctx: Ctx, key: SheetKey, deleted: readonly Block[]): void {
  if (deleted.length === 0) return;
  const def = SHEETS[key];
  if ('systemOwned' in def && def.systemOwned) ctx.db.resetPointer(key);
  // The conversation states moved with their rows: the live window and cached rows follow.
  if (key === 'sessions') afterSessionRowsDeleted(ctx, deleted);
  if (key === 'messages') {
    shiftQueuedRows(ctx, deleted);
    forgetRecentSentRows(ctx);
  }
}

/**
 * After a run that may have deleted `Sesi` rows without the repair (killed between the two): the
 * live window is widened by what could have gone above it, and cached rows are forgotten. Safe to
 * run twice (a wider window only costs a longer read).
 */
export function repairSessionRows(ctx: Ctx, deletedAbove = 0): void {
  ctx.db.resetPointer('sessions');
  afterSessionRowsDeleted(ctx, deletedAbove > 0 ? [{ start: 2, count: deletedAbove }] : []);
}

/** Queued retries remember their `Pesan` row to record the outcome: shift them (0: row gone). */
function shiftQueuedRows(ctx: Ctx, deleted: readonly Block[]): void {
  const queue = ctx.props.getJson<QueuedSend[]>(OUTBOX_QUEUE_KEY);
  if (!queue || queue.length === 0) return;
  let changed = false;
  for (const item of queue) {
    if (!item.row) continue;
    const row = shiftRow(item.row, deleted);
    if (row !== item.row) {
      item.row = row;
      changed = true;
    }
  }
  if (changed) ctx.props.setJson(OUTBOX_QUEUE_KEY, queue);
}

/**
 * Status webhooks find a sent message's row through `sent:<id>` (6 hours in the cache). Those of
 * recent sends are forgotten, so a late status looks the row up by message id instead.
 */
function forgetRecentSentRows(ctx: Ctx): void {
  const table = ctx.db.table('messages');
  const col = table.col('messageId');
  const last = table.sheet.getLastRow();
  if (!col || last < 2) return;
  const from = Math.max(2, last - SENT_TAIL_ROWS + 1);
  const keys = table.sheet
    .getRange(from, col, last - from + 1, 1)
    .getValues()
    .map((v) => String(v[0]).trim())
    .filter((id) => id !== '')
    .map((id) => `sent:${id}`);
  if (keys.length > 0) ctx.cache.removeAll(keys);
}
