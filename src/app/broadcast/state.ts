// Broadcasts (SOP 000 broadcast; DESIGN §3.8): the broadcast team starts one from the sidebar; it
// is sent by `tick` in small batches (send.ts). This module holds its state; the sidebar's
// operations are start (start.ts), status and topics (status.ts) and cancel (send.ts).
//
// The queue is `Log Siaran` itself: starting writes one row per recipient (`menunggu`) in one
// append, so the recipient list is a snapshot that later edits of `Pelanggan Siaran` cannot shift.
// The cursor (index of the next queued row), the counters and the outcomes not yet written back
// live in Script Properties (`bc:state`).

import type { BroadcastState } from '../../api/types';
import { ACTIVE_BROADCAST_STATES, type QuotaDay, recipientKey } from '../../domain/broadcast';
import { utf8Length } from '../../domain/text';
import { setting, settingNumber } from '../config';
import type { Ctx } from '../context';

export const BC_STATE_KEY = 'bc:state';
export const BC_MESSAGE_KEY = 'bc:msg';
export const BC_WINDOW_KEY = 'bc:window';
export const BC_STOPPED_KEY = 'bc:stopped';
export const BC_QUOTA_KEY = 'bc:quota';
export const BC_HISTORY_KEY = 'bc:history';

const HISTORY_SIZE = 10;
/** A property value holds about 9 KB; keep room. */
export const PROP_BUDGET = 8000;

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

// ---- Opt-out while a broadcast runs (helpdesk/subscription.ts) ----

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

export function pushHistory(ctx: Ctx, run: BroadcastRun): void {
  const slim: BroadcastRun = { ...run, pending: [] };
  const list = [slim, ...loadHistory(ctx).filter((r) => r.id !== run.id)].slice(0, HISTORY_SIZE);
  while (list.length > 1 && utf8Length(JSON.stringify(list)) > PROP_BUDGET) list.pop();
  ctx.props.setJson(BC_HISTORY_KEY, list);
}

/** Recent finished broadcasts, newest first (slim: without their pending outcomes). */
export function loadHistory(ctx: Ctx): BroadcastRun[] {
  return ctx.props.getJson<BroadcastRun[]>(BC_HISTORY_KEY) ?? [];
}

export function templateName(ctx: Ctx): string {
  return setting(ctx.config, 'broadcastTemplate');
}
