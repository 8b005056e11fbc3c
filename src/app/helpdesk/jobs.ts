// Scheduler jobs of the help desk: session expiry, send retries, abandoned conversations, and the
// row pointers of product-owned sheets.

import { formatLocal } from '../../domain/time';
import { SESSION_STATUS } from '../../domain/types';
import type { Ctx } from '../context';
import { OUTBOX_QUEUE_KEY, retryDueSends } from '../messaging/sender';
import { Turn } from '../messaging/turn';
import type { Job } from '../scheduler/job';
import { backlogWaiting } from './backlog';
import { expireDueSessions } from './session-end';
import {
  advanceWindow,
  clearCell,
  dropOldCounters,
  endConversation,
  EXPIRY_NEXT_KEY,
  hasLegacy,
  liveConversations,
  migrateLegacy,
  staleLiveRows,
  updateSessionRow,
} from './state';
import { processBacklog } from './webhook';

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
/** A menu left unanswered this long is abandoned; a rating question is dropped after this. */
export const ABANDON_AFTER_MS = 24 * HOUR;

export const EXPIRY_JOB = 'sesi-habis';
export const RETRY_JOB = 'kirim-ulang';
export const CLEANUP_JOB = 'bersih-bersih';
export const BACKLOG_JOB = 'pesan-tertunda';

function earliest(raw: string | undefined, pick: (v: unknown) => number[]): number {
  if (!raw) return Infinity;
  try {
    const times = pick(JSON.parse(raw));
    return times.length ? Math.min(...times) : Infinity;
  } catch {
    return Infinity;
  }
}

export const expiryJob: Job = {
  name: EXPIRY_JOB,
  intervalMs: HOUR,
  dueFromProps: (ctx, props) => Number(props[EXPIRY_NEXT_KEY] ?? 'NaN') <= ctx.now,
  run(ctx) {
    const turn = new Turn(ctx);
    const n = expireDueSessions(ctx, turn);
    turn.commit();
    return { summary: `${n} sesi berakhir (waktu habis)` };
  },
};

export const retryJob: Job = {
  name: RETRY_JOB,
  intervalMs: HOUR,
  dueFromProps: (ctx, props) =>
    earliest(props[OUTBOX_QUEUE_KEY], (v) => (v as { nextAt: number }[]).map((i) => i.nextAt)) <= ctx.now,
  run(ctx) {
    const r = retryDueSends(ctx);
    return { summary: `${r.sent} terkirim ulang, ${r.failed} gagal, ${r.waiting} menunggu` };
  },
};

/**
 * Menus never finished and rating questions never answered are closed after a day; leftover live
 * cells of citizens who started again are cleared; the live window then starts at the oldest
 * conversation still open.
 */
export function cleanupAbandoned(ctx: Ctx): number {
  let n = 0;
  const live = liveConversations(ctx);
  const open = live.filter((state) => {
    if (state.phase === 'chat') return true;
    if (ctx.now - Math.max(state.lastInboundAt, state.endedAt) < ABANDON_AFTER_MS) return true;
    if (state.phase === 'menu') {
      state.status = SESSION_STATUS.abandoned;
      updateSessionRow(ctx, state, { status: SESSION_STATUS.abandoned });
    }
    endConversation(ctx, state);
    n++;
    return false;
  });
  for (const row of staleLiveRows(ctx, live)) clearCell(ctx, row);
  advanceWindow(ctx, open);
  const month = (ms: number): string => formatLocal(ms, ctx.offset, 'yyMM');
  dropOldCounters(ctx, month(ctx.now), month(ctx.now - 32 * 86400000));
  return n;
}

export const cleanupJob: Job = {
  name: CLEANUP_JOB,
  intervalMs: HOUR,
  run(ctx) {
    const n = cleanupAbandoned(ctx);
    const sesi = ctx.db.reconcilePointer('sessions');
    const pesan = ctx.db.reconcilePointer('messages');
    if (sesi.moved || pesan.moved) {
      ctx.log(
        'PERINGATAN',
        'penunjuk',
        'Baris yang diketik manual di Sesi/Pesan terdeteksi; penunjuk baris dipindahkan.',
      );
    }
    return { summary: `${n} percakapan ditinggalkan ditutup` };
  },
};

/** Conversation states of the former design (one Script Property per citizen) move into `Sesi`. */
export const migrateJob: Job = {
  name: 'pindah-status',
  intervalMs: 24 * HOUR,
  dueFromProps: (_ctx, props) => hasLegacy(props),
  run(ctx) {
    const left = migrateLegacy(ctx);
    return {
      summary: `status percakapan dipindahkan ke Sesi (${left} tersisa)`,
      ...(left > 0 ? { nextAt: ctx.now } : {}),
    };
  },
};

/** Deliveries kept while the lock was busy (see webhook.ts) are handled at the next tick. */
export const backlogJob: Job = {
  name: BACKLOG_JOB,
  intervalMs: HOUR,
  dueFromProps: (_ctx, props) => backlogWaiting(props),
  run(ctx) {
    const n = processBacklog(ctx);
    return { summary: `${n} pesan tertunda diproses` };
  },
};
