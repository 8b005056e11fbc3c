// What the sidebar shows of broadcasts (`broadcast.status`, `broadcast.topics`): the running or
// last broadcast with its progress, today's quota and the history, from Script Properties only;
// and the topics of `Bank Topik` with when each was last broadcast.

import type {
  BroadcastState,
  BroadcastStatusView,
  BroadcastSummary,
  BroadcastTopicItem,
} from '../../api/types';
import { percentDone, quotaLeft, remaining } from '../../domain/broadcast';
import { sameName } from '../../domain/content';
import { localDateKey, toIsoLocal } from '../../domain/time';
import type { MessageKey } from '../../messages/id';
import { cellText } from '../../store/cells';
import type { Ctx } from '../context';
import { type BroadcastRun, dailyLimit, isActive, loadHistory, loadQuota, loadRun } from './state';

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
    history: loadHistory(ctx)
      .filter((r) => !run || r.id !== run.id)
      .map((r) => summary(ctx, r)),
  };
}

/** Sends still allowed today. */
export function quotaLeftToday(ctx: Ctx): number {
  return quotaLeft(loadQuota(ctx), localDateKey(ctx.now, ctx.offset), dailyLimit(ctx));
}

/** `broadcast.topics`: the team's `Bank Topik`, with when each was last broadcast. */
export function broadcastTopics(ctx: Ctx): BroadcastTopicItem[] {
  const runs = [loadRun(ctx), ...loadHistory(ctx)].filter((r): r is BroadcastRun => r !== null);
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
