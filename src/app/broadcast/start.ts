// Starting a broadcast (`broadcast.start`): the active subscribers are snapshotted into `Log
// Siaran` (one row each, `menunggu`), with who wrote within the last 24 hours (Cloud API: the rest
// get the approved template), and the run is queued for the scheduler (send.ts).

import { MAX_BROADCAST_BODY } from '../../api/forms';
import type { BroadcastStartInput, BroadcastStartResult } from '../../api/types';
import { LOG_STATUS, outsideWindow, recipientKey, remaining, WINDOW_MS } from '../../domain/broadcast';
import { sameName } from '../../domain/content';
import { formatLocal } from '../../domain/time';
import { DIRECTION, SUBSCRIBER_STATUS } from '../../domain/types';
import type { MessageKey } from '../../messages/id';
import { withScriptLock } from '../../platform/lock';
import { activeUserEmail } from '../../platform/user';
import { cellText, cellTime } from '../../store/cells';
import type { Ctx } from '../context';
import { liveConversations } from '../helpdesk/state';
import { providerName } from '../messaging/sender';
import {
  BC_MESSAGE_KEY,
  BC_STOPPED_KEY,
  BC_WINDOW_KEY,
  type BroadcastRun,
  isActive,
  loadHistory,
  loadRun,
  PROP_BUDGET,
  pushHistory,
  saveRun,
  templateName,
} from './state';
import { broadcastStatus } from './status';

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

function who(): string {
  return activeUserEmail() || '-';
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
  if (body.length > MAX_BROADCAST_BODY || topic.length > 200) {
    return refuse(ctx, 'broadcastBodyTooLong', { count: body.length, max: MAX_BROADCAST_BODY });
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
    const before = [current, ...loadHistory(ctx)].find((r) => r && sameName(r.topic, topic));
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
