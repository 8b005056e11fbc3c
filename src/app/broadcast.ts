// Broadcasts (SOP 000 broadcast; DESIGN §3.8): the broadcast team starts one from the sidebar; it
// is sent by `tick` in small batches (broadcast-send.ts). This module holds its state and the
// sidebar's operations: start, status, cancel, topics.
//
// The queue is `Log Siaran` itself: starting writes one row per recipient (`menunggu`) in one
// append, so the recipient list is a snapshot that later edits of `Pelanggan Siaran` cannot shift.
// The cursor (index of the next queued row), the counters and the outcomes not yet written back
// live in Script Properties (`bc:state`).

import {
  LOG_STATUS,
  outsideWindow,
  percentDone,
  quotaLeft,
  type QuotaDay,
  recipientKey,
  remaining,
  WINDOW_MS,
  ACTIVE_BROADCAST_STATES,
} from '../domain/broadcast';
import { sameName } from '../domain/content';
import { formatLocal, localDateKey, toIsoLocal } from '../domain/time';
import type { MessageKey } from '../messages/id';
import { withScriptLock } from '../platform/lock';
import { utf8Length } from '../platform/cache';
import { cellText, cellTime } from '../store/cells';
import type {
  BroadcastStartInput,
  BroadcastStartResult,
  BroadcastState,
  BroadcastStatusView,
  BroadcastSummary,
  BroadcastTopicItem,
} from '../api/types';
import { setting, settingNumber } from './config';
import type { Ctx } from './context';
import { providerName } from './sender';
import { liveConversations } from './helpdesk/state';
import { DIRECTION, SUBSCRIBER_STATUS } from '../domain/types';

export const BC_STATE_KEY = 'bc:state';
export const BC_MESSAGE_KEY = 'bc:msg';
export const BC_WINDOW_KEY = 'bc:window';
export const BC_STOPPED_KEY = 'bc:stopped';
export const BC_QUOTA_KEY = 'bc:quota';
export const BC_HISTORY_KEY = 'bc:history';

/** WhatsApp allows 4,096 characters; the catalogue's frame around the body takes the rest. */
export const MAX_BODY = 3500;
const HISTORY_SIZE = 10;
/** A property value holds about 9 KB; keep room. */
const PROP_BUDGET = 8000;

/** Why a recipient was skipped or is uncertain (rendered from the catalogue when written). */
export type OutcomeReason = 'stopped' | 'noTemplate' | 'uncertain' | 'cancelled';

/** One decided recipient whose outcome is not yet written to `Log Siaran` (kept small). */
export interface Outcome {
  /** Index in the queue. */
  i: number;
  status: string;
  /** The provider's error, clipped. */
  error: string;
  reason?: OutcomeReason;
  at: number;
}

export interface BroadcastRun {
  v: 1;
  id: string;
  topic: string;
  status: BroadcastState;
  startedAt: number;
  startedBy: string;
  finishedAt: number;
  /** `Log Siaran` row of queue index 0. */
  firstRow: number;
  total: number;
  /** Index of the next recipient not yet decided. */
  cursor: number;
  /** Index whose send is under way (-1: none). Saved before the send, cleared after. */
  inflight: number;
  pending: Outcome[];
  sent: number;
  templated: number;
  failed: number;
  skipped: number;
  uncertain: number;
  /** Consecutive pauses for throttling (for the back-off). */
  throttles: number;
  /** Not before this time (pause, quota). */
  resumeAt: number;
  lastError: string;
}

export function loadRun(ctx: Ctx): BroadcastRun | null {
  return ctx.props.getJson<BroadcastRun>(BC_STATE_KEY);
}

export function saveRun(ctx: Ctx, run: BroadcastRun): void {
  ctx.props.setJson(BC_STATE_KEY, run);
}

/**
 * Saves the run and stores it at once. Inside the script lock `ctx.props` buffers writes until
 * the lock is released; the in-flight marker must be durable before the send it guards, so that an
 * execution killed mid-send (time limit) cannot lead to a second send.
 */
export function saveRunNow(ctx: Ctx, run: BroadcastRun): void {
  ctx.props.setNow(BC_STATE_KEY, JSON.stringify(run));
}

export function isActive(run: BroadcastRun | null): run is BroadcastRun {
  return run !== null && ACTIVE_BROADCAST_STATES.includes(run.status);
}

/** For the scheduler: a running broadcast with its pause over. Reads properties only. */
export function broadcastDue(props: Record<string, string>, now: number): boolean {
  const raw = props[BC_STATE_KEY];
  if (!raw) return false;
  try {
    const run = JSON.parse(raw) as BroadcastRun;
    return isActive(run) && run.resumeAt <= now;
  } catch {
    return false;
  }
}

export function dailyLimit(ctx: Ctx): number {
  return settingNumber(ctx.config, 'broadcastDailyLimit', 250);
}

export function loadQuota(ctx: Ctx): QuotaDay | null {
  return ctx.props.getJson<QuotaDay>(BC_QUOTA_KEY);
}

// ---- Opt-out while a broadcast runs (subscription.ts) ----

/** BERHENTI during a broadcast: the recipient is skipped if not yet sent. DAFTAR undoes it. */
export function noteSubscriptionChange(ctx: Ctx, address: string, subscribed: boolean): void {
  if (!isActive(loadRun(ctx))) return;
  const key = recipientKey(address);
  const stopped = ctx.props.getJson<string[]>(BC_STOPPED_KEY) ?? [];
  const next = subscribed ? stopped.filter((k) => k !== key) : [...stopped.filter((k) => k !== key), key];
  // Bounded: beyond the budget the oldest opt-outs fall off (they are in Pelanggan Siaran anyway).
  while (next.length > 0 && utf8Length(JSON.stringify(next)) > PROP_BUDGET) next.shift();
  ctx.props.setJson(BC_STOPPED_KEY, next);
}

// ---- Start ----

export interface Recipient {
  address: string;
  key: string;
  lastInbound: number;
}

/** Active subscribers, each number once, in sheet order. */
export function activeSubscribers(ctx: Ctx): Recipient[] {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const { rec } of ctx.db.table('subscribers').readAll()) {
    const address = cellText(rec.phone).trim();
    if (!address || !sameName(cellText(rec.status), SUBSCRIBER_STATUS.active)) continue;
    const key = recipientKey(address);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ address, key, lastInbound: cellTime(rec.lastInbound) ?? 0 });
  }
  return out;
}

/** Rows of `Pesan` read per step when looking back over the last 24 hours. */
const TAIL_BLOCK = 500;
const TAIL_MAX_BLOCKS = 40;

/**
 * The last inbound message time of every recipient who wrote within the last 24 hours, computed
 * once at the start: from `Pelanggan Siaran.Pesan Terakhir`, the conversation states, and the tail
 * of `Pesan` (read backwards until a block is older than 24 hours).
 */
export function recentInbound(ctx: Ctx, recipients: readonly Recipient[]): Map<string, number> {
  const since = ctx.now - WINDOW_MS;
  const wanted = new Set(recipients.map((r) => r.key));
  const last = new Map<string, number>();
  const note = (key: string, at: number): void => {
    if (!wanted.has(key) || !(at > since)) return;
    if (!(last.get(key)! >= at)) last.set(key, at);
  };
  for (const r of recipients) note(r.key, r.lastInbound);
  for (const u of liveConversations(ctx)) note(recipientKey(u.phone || u.userId), u.lastInboundAt);
  const table = ctx.db.table('messages');
  let end = table.sheet.getLastRow();
  for (let n = 0; n < TAIL_MAX_BLOCKS && end >= 2; n++) {
    const start = Math.max(2, end - TAIL_BLOCK + 1);
    let newest = 0;
    for (const { rec } of table.readBlock(start, end - start + 1)) {
      const at = cellTime(rec.at) ?? 0;
      newest = Math.max(newest, at);
      if (cellText(rec.direction).trim() === DIRECTION.in) note(recipientKey(cellText(rec.phone)), at);
    }
    if (newest <= since) break;
    end = start - 1;
  }
  return last;
}

/** The in-window map as stored: most recent first, cut to fit one property. */
function windowProp(map: Map<string, number>): Record<string, number> {
  const entries = [...map.entries()].sort((a, b) => b[1] - a[1]);
  const out: Record<string, number> = {};
  let size = 2;
  for (const [key, at] of entries) {
    size += key.length + 20;
    if (size > PROP_BUDGET) break;
    out[key] = at;
  }
  return out;
}

function history(ctx: Ctx): BroadcastRun[] {
  return ctx.props.getJson<BroadcastRun[]>(BC_HISTORY_KEY) ?? [];
}

export function templateName(ctx: Ctx): string {
  return setting(ctx.config, 'broadcastTemplate');
}

function who(): string {
  try {
    return Session.getActiveUser().getEmail() || '-';
  } catch {
    return '-';
  }
}

function refuse(ctx: Ctx, key: MessageKey, vars?: Record<string, string | number>): BroadcastStartResult {
  return {
    ok: false,
    error: ctx.t(key, vars),
    started: false,
    recipients: 0,
    outsideWindow: 0,
    templateName: templateName(ctx),
    warnings: [],
    status: broadcastStatus(ctx),
  };
}

/** `broadcast.start`: snapshots the active subscribers into `Log Siaran` and queues the broadcast. */
export function startBroadcast(ctx: Ctx, req: BroadcastStartInput): BroadcastStartResult {
  const topic = typeof req.topic === 'string' ? req.topic.trim() : '';
  const body = typeof req.body === 'string' ? req.body.trim() : '';
  if (!topic) return refuse(ctx, 'broadcastTopicRequired');
  if (!body) return refuse(ctx, 'broadcastBodyRequired');
  if (body.length > MAX_BODY || topic.length > 200) {
    return refuse(ctx, 'broadcastBodyTooLong', { count: body.length, max: MAX_BODY });
  }
  return withScriptLock(() => {
    const current = loadRun(ctx);
    if (isActive(current)) {
      return refuse(ctx, 'broadcastAlreadyRunning', {
        topic: current.topic,
        done: current.total - remaining(current),
        total: current.total,
      });
    }
    const before = [current, ...history(ctx)].find((r) => r && sameName(r.topic, topic));
    if (before && !req.again) {
      return refuse(ctx, 'broadcastRepeatTopic', {
        topic,
        date: formatLocal(before.startedAt, ctx.offset, 'dd/MM/yyyy'),
      });
    }
    const recipients = activeSubscribers(ctx);
    if (recipients.length === 0) return refuse(ctx, 'broadcastNoSubscribers');
    const cloud = providerName(ctx) === 'cloud';
    const inWindow = cloud ? recentInbound(ctx, recipients) : new Map<string, number>();
    const outside = cloud ? recipients.filter((r) => outsideWindow(inWindow.get(r.key), ctx.now)).length : 0;
    const template = templateName(ctx);
    const warnings =
      outside > 0 && !template ? [ctx.t('broadcastNoTemplateWarning', { count: outside })] : [];
    const result: BroadcastStartResult = {
      ok: true,
      error: '',
      started: false,
      recipients: recipients.length,
      outsideWindow: outside,
      templateName: template,
      warnings,
      status: broadcastStatus(ctx),
    };
    if (req.preview) return result;

    const id = `SIARAN-${formatLocal(ctx.now, ctx.offset, 'yyyyMMdd-HHmmss')}`;
    const firstRow = ctx.db.append(
      'broadcastLog',
      recipients.map((r) => ({ topic, phone: r.address, status: LOG_STATUS.pending, broadcastId: id })),
    );
    const by = who();
    const run: BroadcastRun = {
      v: 1,
      id,
      topic,
      status: 'berjalan',
      startedAt: ctx.now,
      startedBy: by,
      finishedAt: 0,
      firstRow,
      total: recipients.length,
      cursor: 0,
      inflight: -1,
      pending: [],
      sent: 0,
      templated: 0,
      failed: 0,
      skipped: 0,
      uncertain: 0,
      throttles: 0,
      resumeAt: ctx.now,
      lastError: '',
    };
    ctx.props.setJson(BC_MESSAGE_KEY, { topic, body });
    ctx.props.setJson(BC_WINDOW_KEY, windowProp(inWindow));
    ctx.props.setJson(BC_STOPPED_KEY, []);
    if (current) pushHistory(ctx, current);
    saveRun(ctx, run);
    ctx.log(
      'INFO',
      'siaran',
      ctx.t('broadcastStarted', { id, topic, by, total: run.total, template: outside }),
    );
    for (const w of warnings) ctx.log('PERINGATAN', 'siaran', w);
    ctx.flushLogs();
    return { ...result, started: true, status: broadcastStatus(ctx) };
  });
}

export function pushHistory(ctx: Ctx, run: BroadcastRun): void {
  const slim: BroadcastRun = { ...run, pending: [] };
  const list = [slim, ...history(ctx).filter((r) => r.id !== run.id)].slice(0, HISTORY_SIZE);
  while (list.length > 1 && utf8Length(JSON.stringify(list)) > PROP_BUDGET) list.pop();
  ctx.props.setJson(BC_HISTORY_KEY, list);
}

// ---- Status ----

const STATUS_LABEL: Record<BroadcastState, MessageKey> = {
  berjalan: 'broadcastStatusRunning',
  jeda: 'broadcastStatusPaused',
  'menunggu-kuota': 'broadcastStatusQuota',
  selesai: 'broadcastStatusDone',
  dibatalkan: 'broadcastStatusCancelled',
};

function summary(ctx: Ctx, run: BroadcastRun): BroadcastSummary {
  return {
    id: run.id,
    topic: run.topic,
    status: run.status,
    statusLabel: ctx.t(STATUS_LABEL[run.status]),
    startedAt: toIsoLocal(run.startedAt, ctx.offset),
    startedBy: run.startedBy,
    finishedAt: run.finishedAt ? toIsoLocal(run.finishedAt, ctx.offset) : '',
    total: run.total,
    sent: run.sent,
    templated: run.templated,
    failed: run.failed,
    skipped: run.skipped,
    uncertain: run.uncertain,
    remaining: remaining(run),
    percent: percentDone(run),
  };
}

/** `broadcast.status`: progress from properties only (no sheet is read). */
export function broadcastStatus(ctx: Ctx): BroadcastStatusView {
  const run = loadRun(ctx);
  const today = localDateKey(ctx.now, ctx.offset);
  const quota = loadQuota(ctx);
  return {
    current: run
      ? {
          ...summary(ctx, run),
          resumeAt: isActive(run) && run.resumeAt > ctx.now ? toIsoLocal(run.resumeAt, ctx.offset) : '',
          lastError: run.lastError,
        }
      : null,
    active: isActive(run),
    dailyLimit: dailyLimit(ctx),
    sentToday: quota && quota.day === today ? quota.count : 0,
    history: history(ctx)
      .filter((r) => !run || r.id !== run.id)
      .map((r) => summary(ctx, r)),
  };
}

/** Sends still allowed today. */
export function quotaLeftToday(ctx: Ctx): number {
  return quotaLeft(loadQuota(ctx), localDateKey(ctx.now, ctx.offset), dailyLimit(ctx));
}

// ---- Topics ----

/** `broadcast.topics`: the team's `Bank Topik`, with when each was last broadcast. */
export function broadcastTopics(ctx: Ctx): BroadcastTopicItem[] {
  const runs = [loadRun(ctx), ...history(ctx)].filter((r): r is BroadcastRun => r !== null);
  return ctx.db
    .table('topics')
    .readAll()
    .map(({ row, rec }) => {
      const topic = cellText(rec.topic).trim();
      const last = runs.find((r) => sameName(r.topic, topic));
      return {
        row,
        topic,
        theme: cellText(rec.theme).trim(),
        description: cellText(rec.description).trim(),
        status: cellText(rec.status).trim(),
        lastBroadcast: last ? toIsoLocal(last.startedAt, ctx.offset) : '',
      };
    })
    .filter((t) => t.topic !== '');
}
