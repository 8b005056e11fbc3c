// Sending a broadcast, one batch per `tick` (DESIGN §3.8): at most BATCH_MAX sends and
// TIME_BUDGET_MS per run (the scheduler holds the script lock meanwhile), the daily quota, pauses
// on throttling, templates outside the 24-hour window, each outcome written to its `Log Siaran` row.
//
// Guarantee — nobody is sent the same broadcast twice:
// - a recipient is sent to only while its queue row is `menunggu` and the cursor points at it;
// - before each send the index is stored as in flight (`bc:state`, Script Properties, written at
//   once, not buffered until the lock is released), together with the outcomes and the cursor of
//   the sends before it;
// - a run that dies mid-send leaves that one index in flight: the next run records it as
//   `tidak pasti` (it may or may not have arrived) and never re-sends it. So a crash costs at most
//   one uncertain recipient, and never a duplicate;
// - outcomes not yet written to `Log Siaran` are kept with the cursor and written (idempotently)
//   at the start of the next run, so a crash between sending and logging loses no record;
// - only failures that certainly sent nothing (throttling, account refusals) leave the recipient
//   queued for a later try; ambiguous ones (time-out, 5xx) are recorded as `tidak pasti`.

import type { BroadcastStatusView } from '../../api/types';
import type { Outbound, ProviderName } from '../../channels/types';
import {
  BATCH_MAX,
  batchSize,
  classifySend,
  HALT_PAUSE_MS,
  LOG_STATUS,
  outsideWindow,
  parseTemplateShape,
  quotaAfter,
  quotaLeft,
  quotaResumeAt,
  recipientKey,
  templateParams,
  type TemplateShape,
  throttlePauseMs,
  TIME_BUDGET_MS,
} from '../../domain/broadcast';
import { formatLocal, localDateKey } from '../../domain/time';
import type { MessageKey } from '../../messages/id';
import { now as clockNow } from '../../platform/clock';
import { withScriptLock } from '../../platform/lock';
import { activeUserEmail } from '../../platform/user';
import { asText, cellText } from '../../store/cells';
import { setting } from '../config';
import type { Ctx } from '../context';
import { deliver, providerName } from '../messaging/sender';
import type { Job, JobResult } from '../scheduler/job';
import {
  BC_MESSAGE_KEY,
  BC_QUOTA_KEY,
  BC_STOPPED_KEY,
  BC_WINDOW_KEY,
  broadcastDue,
  type BroadcastRun,
  dailyLimit,
  isActive,
  loadQuota,
  loadRun,
  type Outcome,
  type OutcomeReason,
  pushHistory,
  saveRun,
  saveRunNow,
  templateName,
} from './state';
import { broadcastStatus } from './status';

export const BROADCAST_JOB = 'siaran';
const DAY = 24 * 3_600_000;
/** Outcomes are kept in one property until written: their errors are clipped. */
const ERROR_CHARS = 80;

type Range = GoogleAppsScript.Spreadsheet.Range;

interface LogColumns {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  width: number;
  at: number;
  phone: number;
  status: number;
  error: number;
  id: number;
  messageId: number;
}

function logColumns(ctx: Ctx): LogColumns {
  const t = ctx.db.table('broadcastLog');
  return {
    sheet: t.sheet,
    width: t.width,
    at: t.col('at'),
    phone: t.col('phone'),
    status: t.col('status'),
    error: t.col('error'),
    id: t.col('broadcastId'),
    messageId: t.col('messageId'),
  };
}

/** Whether a `Log Siaran` row (values) is a still-queued recipient of this broadcast. */
function queued(cols: LogColumns, row: unknown[], run: BroadcastRun): boolean {
  return (
    cellText(row[cols.id - 1]).trim() === run.id &&
    cellText(row[cols.status - 1]).trim() === LOG_STATUS.pending
  );
}

const REASON_TEXT: Record<OutcomeReason, MessageKey> = {
  stopped: 'broadcastSkipStopped',
  noTemplate: 'broadcastSkipNoTemplate',
  uncertain: 'broadcastUncertain',
  cancelled: 'broadcastCancelledBy',
};

function put(ctx: Ctx, cols: LogColumns, row: unknown[], o: Outcome, vars?: Record<string, string>): void {
  const reason = o.reason ? ctx.t(REASON_TEXT[o.reason], vars) : '';
  const error = [reason, o.error && reason ? `(${o.error})` : o.error].filter(Boolean).join(' ');
  if (cols.status) row[cols.status - 1] = o.status;
  if (cols.error) row[cols.error - 1] = error ? asText(error) : '';
  if (cols.at) row[cols.at - 1] = new Date(o.at);
}

/** Writes outcomes kept from an earlier run to their rows (one read, one write of their span). */
function writeOutcomes(ctx: Ctx, run: BroadcastRun, outcomes: readonly Outcome[]): void {
  if (outcomes.length === 0) return;
  const cols = logColumns(ctx);
  const min = Math.min(...outcomes.map((o) => o.i));
  const max = Math.max(...outcomes.map((o) => o.i));
  const range = cols.sheet.getRange(run.firstRow + min, 1, max - min + 1, cols.width);
  const values = range.getValues();
  for (const o of outcomes) {
    const row = values[o.i - min];
    if (cellText(row[cols.id - 1]).trim() === run.id) put(ctx, cols, row, o);
  }
  range.setValues(values);
}

/** A run that died mid-send: its in-flight index becomes `tidak pasti`; kept outcomes are written. */
function recover(ctx: Ctx, run: BroadcastRun): void {
  if (run.inflight < 0 && run.pending.length === 0) return;
  if (run.inflight >= 0) {
    run.pending.push({
      i: run.inflight,
      status: LOG_STATUS.uncertain,
      error: '',
      reason: 'uncertain',
      at: ctx.now,
    });
    run.uncertain++;
    run.cursor = Math.max(run.cursor, run.inflight + 1);
    run.inflight = -1;
  }
  writeOutcomes(ctx, run, run.pending);
  run.pending = [];
  saveRun(ctx, run);
}

function finish(ctx: Ctx, run: BroadcastRun): JobResult {
  run.status = 'selesai';
  run.finishedAt = ctx.now;
  run.resumeAt = 0;
  saveRunNow(ctx, run);
  pushHistory(ctx, run);
  for (const key of [BC_MESSAGE_KEY, BC_WINDOW_KEY, BC_STOPPED_KEY]) ctx.props.remove(key);
  const vars = {
    id: run.id,
    topic: run.topic,
    sent: run.sent,
    templated: run.templated,
    failed: run.failed,
    skipped: run.skipped,
    uncertain: run.uncertain,
  };
  ctx.log('INFO', 'siaran', ctx.t('broadcastFinished', vars));
  return { summary: `siaran ${run.id} selesai`, nextAt: ctx.now + DAY };
}

function waitForQuota(ctx: Ctx, run: BroadcastRun): JobResult {
  run.status = 'menunggu-kuota';
  run.resumeAt = quotaResumeAt(ctx.now, ctx.offset, setting(ctx.config, 'openTime'));
  saveRun(ctx, run);
  ctx.log(
    'INFO',
    'siaran',
    ctx.t('broadcastQuotaReached', {
      id: run.id,
      max: dailyLimit(ctx),
      time: formatLocal(run.resumeAt, ctx.offset, 'dd/MM/yyyy HH:mm'),
    }),
  );
  return { summary: `siaran ${run.id}: kuota harian habis`, nextAt: run.resumeAt };
}

/** What every send of a batch needs: its `Log Siaran` rows and the broadcast's settings, read once. */
interface Batch {
  cols: LogColumns;
  /** Queue index of the batch's first row. */
  start: number;
  /** The batch's rows of `Log Siaran`, written back in one setValues. */
  values: unknown[][];
  message: { topic: string; body: string };
  /** Recipients who wrote within the last 24 hours (at the start), by recipient key. */
  window: Record<string, number>;
  /** Recipients who sent BERHENTI since the start. */
  stopped: Set<string>;
  provider: ProviderName;
  template: string;
  language: string;
  shape: TemplateShape;
  /** The text sent inside the 24-hour window. */
  text: string;
}

function readBatch(ctx: Ctx, run: BroadcastRun, n: number): { batch: Batch; range: Range } {
  const message = ctx.props.getJson<{ topic: string; body: string }>(BC_MESSAGE_KEY) ?? {
    topic: run.topic,
    body: '',
  };
  const window = ctx.props.getJson<Record<string, number>>(BC_WINDOW_KEY) ?? {};
  const stopped = new Set(ctx.props.getJson<string[]>(BC_STOPPED_KEY) ?? []);
  const provider = providerName(ctx);
  const template = templateName(ctx);
  const language = setting(ctx.config, 'broadcastTemplateLanguage') || 'id';
  const shape = parseTemplateShape(setting(ctx.config, 'broadcastTemplateVariables'));
  const text = ctx.t('broadcastText', { topic: message.topic, body: message.body });
  const cols = logColumns(ctx);
  const start = run.cursor;
  const range = cols.sheet.getRange(run.firstRow + start, 1, n, cols.width);
  const values = range.getValues();
  return {
    batch: { cols, start, values, message, window, stopped, provider, template, language, shape, text },
    range,
  };
}

/** Records a decided recipient on its row and in the run's pending outcomes; the cursor moves on. */
function record(
  ctx: Ctx,
  run: BroadcastRun,
  batch: Batch,
  i: number,
  status: string,
  error: string,
  reason?: OutcomeReason,
): void {
  const o: Outcome = { i, status, error: error.slice(0, ERROR_CHARS), at: clockNow() };
  if (reason) o.reason = reason;
  put(ctx, batch.cols, batch.values[i - batch.start], o);
  run.pending.push(o);
  run.cursor = i + 1;
}

/** What one recipient's turn did: whether a send went out (quota) and whether the batch pauses. */
interface Step {
  used: boolean;
  pause: boolean;
}

/** The message for one recipient: the text inside the 24-hour window, else the template (or none). */
function messageFor(
  batch: Batch,
  address: string,
  key: string,
  now: number,
): { out: Outbound | null; viaTemplate: boolean } {
  const viaTemplate = batch.provider === 'cloud' && outsideWindow(batch.window[key], now);
  if (!viaTemplate) return { out: { kind: 'text', to: address, text: batch.text }, viaTemplate };
  if (!batch.template) return { out: null, viaTemplate };
  return {
    out: {
      kind: 'template',
      to: address,
      name: batch.template,
      language: batch.language,
      params: templateParams(batch.message.topic, batch.message.body, batch.shape),
    },
    viaTemplate,
  };
}

/** The turn of the recipient at queue index `i`: skipped, or sent once and its outcome recorded. */
function sendTo(ctx: Ctx, run: BroadcastRun, batch: Batch, i: number): Step {
  const { cols } = batch;
  const row = batch.values[i - batch.start];
  const address = cellText(row[cols.phone - 1]).trim();
  if (!queued(cols, row, run) || !address) {
    // The row was changed by hand: it is not a queued recipient any more; leave it as it is.
    run.skipped++;
    run.cursor = i + 1;
    return { used: false, pause: false };
  }
  const key = recipientKey(address);
  if (batch.stopped.has(key)) {
    record(ctx, run, batch, i, LOG_STATUS.skipped, '', 'stopped');
    run.skipped++;
    return { used: false, pause: false };
  }
  const { out, viaTemplate } = messageFor(batch, address, key, ctx.now);
  if (!out) {
    record(ctx, run, batch, i, LOG_STATUS.skipped, '', 'noTemplate');
    run.skipped++;
    return { used: false, pause: false };
  }

  // The day's UrlFetch calls keep a fifth for replies and notifications: the broadcast waits.
  if (!ctx.quota.mayFetch('broadcast')) {
    const renews = ctx.quota.state('urlFetch').resetsAt ?? ctx.now + 3600000;
    throttle(ctx, run, Math.max(60000, renews - ctx.now), ctx.t('urlFetchQuotaBroadcast'));
    return { used: false, pause: true };
  }
  // Durable before the send: if this execution dies now, the next run will not send again.
  run.inflight = i;
  saveRunNow(ctx, run);
  const result = deliver(ctx, out, 'broadcast');
  run.inflight = -1;
  const cls = classifySend(result, batch.provider);
  const error = `${result.errorCode || ''} ${result.errorMessage}`.trim();
  if (cls === 'throttled' || cls === 'halted') {
    // Nothing was sent: the recipient stays queued; the broadcast waits.
    throttle(ctx, run, cls === 'halted' ? HALT_PAUSE_MS : null, error);
    return { used: false, pause: true };
  }
  if (cls === 'sent') {
    record(ctx, run, batch, i, viaTemplate ? LOG_STATUS.sentTemplate : LOG_STATUS.sent, '');
    // The id links a later failed status webhook (131047, 131026 …) back to this row.
    if (cols.messageId && result.messageId) row[cols.messageId - 1] = result.messageId;
    run.sent++;
    if (viaTemplate) run.templated++;
    run.throttles = 0;
    return { used: true, pause: false };
  }
  if (cls === 'failed') {
    record(ctx, run, batch, i, LOG_STATUS.failed, error);
    run.failed++;
    run.lastError = error.slice(0, 300);
    return { used: true, pause: false };
  }
  // May have arrived: recorded, never re-sent; wait a little before going on.
  record(ctx, run, batch, i, LOG_STATUS.uncertain, error, 'uncertain');
  run.uncertain++;
  run.lastError = error.slice(0, 300);
  run.throttles++;
  run.status = 'jeda';
  run.resumeAt = ctx.now + throttlePauseMs(run.throttles);
  return { used: true, pause: true };
}

/** Throttled (`haltMs` null: the growing throttle pause) or halted: the broadcast pauses and says why. */
function throttle(ctx: Ctx, run: BroadcastRun, haltMs: number | null, error: string): void {
  run.throttles++;
  const pause = haltMs ?? throttlePauseMs(run.throttles);
  run.status = 'jeda';
  run.resumeAt = ctx.now + pause;
  run.lastError = error.slice(0, 300);
  ctx.log(
    haltMs !== null ? 'GALAT' : 'PERINGATAN',
    'siaran',
    ctx.t('broadcastThrottled', {
      id: run.id,
      minutes: Math.round(pause / 60_000),
      reason: error,
    }),
  );
}

/** One batch of the running broadcast. Caller (the scheduler) holds the script lock. */
export function runBroadcastBatch(ctx: Ctx): JobResult {
  const run = loadRun(ctx);
  if (!isActive(run)) return { summary: 'tidak ada siaran', nextAt: ctx.now + DAY };
  if (run.resumeAt > ctx.now) return { summary: `siaran ${run.id} menunggu`, nextAt: run.resumeAt };
  recover(ctx, run);
  if (run.cursor >= run.total) return finish(ctx, run);

  const today = localDateKey(ctx.now, ctx.offset);
  const limit = dailyLimit(ctx);
  let quota = loadQuota(ctx);
  const n = batchSize(run.total - run.cursor, quotaLeft(quota, today, limit), BATCH_MAX);
  if (n === 0) return waitForQuota(ctx, run);
  run.status = 'berjalan';

  const { batch, range } = readBatch(ctx, run, n);
  const began = clockNow();
  let used = 0;
  let paused = false;
  for (let k = 0; k < n; k++) {
    if (k > 0 && clockNow() - began > TIME_BUDGET_MS) break;
    const step = sendTo(ctx, run, batch, batch.start + k);
    if (step.used) used++;
    if (step.pause) {
      paused = true;
      break;
    }
  }

  // One write of the batch's rows, then the state without the now-written outcomes.
  range.setValues(batch.values);
  run.pending = [];
  quota = quotaAfter(quota, today, used);
  ctx.props.setJson(BC_QUOTA_KEY, quota);
  if (run.cursor >= run.total) return finish(ctx, run);
  if (paused) {
    saveRunNow(ctx, run);
    return { summary: `siaran ${run.id}: ${used} dikirim, dijeda`, nextAt: run.resumeAt };
  }
  if (quotaLeft(quota, today, limit) <= 0) return waitForQuota(ctx, run);
  run.resumeAt = ctx.now;
  saveRunNow(ctx, run);
  return { summary: `siaran ${run.id}: ${used} dikirim, ${run.total - run.cursor} antre`, nextAt: ctx.now };
}

export const broadcastJob: Job = {
  name: BROADCAST_JOB,
  intervalMs: DAY,
  dueFromProps: (ctx, props) => broadcastDue(props, ctx.now),
  run: (ctx) => runBroadcastBatch(ctx),
};

/** `broadcast.cancel`: stops the running broadcast; queued rows are marked `dibatalkan`. */
export function cancelBroadcast(ctx: Ctx): BroadcastStatusView {
  return withScriptLock(() => {
    const run = loadRun(ctx);
    if (!isActive(run)) return broadcastStatus(ctx);
    recover(ctx, run);
    if (run.cursor < run.total) {
      const cols = logColumns(ctx);
      const range = cols.sheet.getRange(run.firstRow + run.cursor, 1, run.total - run.cursor, cols.width);
      const values = range.getValues();
      const by = activeUserEmail() || '-';
      const o: Outcome = { i: 0, status: LOG_STATUS.cancelled, error: '', reason: 'cancelled', at: ctx.now };
      for (const row of values) if (queued(cols, row, run)) put(ctx, cols, row, o, { by });
      range.setValues(values);
    }
    run.status = 'dibatalkan';
    run.finishedAt = ctx.now;
    run.resumeAt = 0;
    saveRun(ctx, run);
    pushHistory(ctx, run);
    for (const key of [BC_MESSAGE_KEY, BC_WINDOW_KEY, BC_STOPPED_KEY]) ctx.props.remove(key);
    ctx.flushLogs();
    return broadcastStatus(ctx);
  });
}
