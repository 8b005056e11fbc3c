// Scheduler jobs of the help desk: session expiry, send retries, abandoned conversations, and the
// row pointers of product-owned sheets.

import { expireDueSessions } from './helpdesk/session-end';
import type { Job } from './scheduler/job';
import { EXPIRY_KEY, allUsers, deleteUser, unlinkSession } from './state';
import { OUTBOX_QUEUE_KEY, retryDueSends } from './sender';
import { Turn } from './turn';
import { BACKLOG_PREFIX, processBacklog } from './webhook';
import type { Ctx } from './context';
import { SESSION_STATUS } from '../domain/types';

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
/** A menu left unanswered this long is abandoned; a rating question is dropped after this. */
export const ABANDON_AFTER_MS = 24 * HOUR;

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
  name: 'sesi-habis',
  intervalMs: HOUR,
  dueFromProps: (ctx, props) =>
    earliest(props[EXPIRY_KEY], (v) => Object.values(v as Record<string, number>)) <= ctx.now,
  run(ctx) {
    const turn = new Turn(ctx);
    const n = expireDueSessions(ctx, turn);
    turn.commit();
    return { summary: `${n} sesi berakhir (waktu habis)` };
  },
};

export const retryJob: Job = {
  name: 'kirim-ulang',
  intervalMs: HOUR,
  dueFromProps: (ctx, props) =>
    earliest(props[OUTBOX_QUEUE_KEY], (v) => (v as { nextAt: number }[]).map((i) => i.nextAt)) <= ctx.now,
  run(ctx) {
    const r = retryDueSends(ctx);
    return { summary: `${r.sent} terkirim ulang, ${r.failed} gagal, ${r.waiting} menunggu` };
  },
};

/** Menus never finished and rating questions never answered are closed after a day. */
export function cleanupAbandoned(ctx: Ctx): number {
  let n = 0;
  for (const state of allUsers(ctx.props)) {
    if (state.phase === 'chat') continue;
    if (ctx.now - Math.max(state.lastInboundAt, state.endedAt) < ABANDON_AFTER_MS) continue;
    if (state.phase === 'menu' && state.row) {
      ctx.db.update('sessions', state.row, { status: SESSION_STATUS.abandoned });
    }
    if (state.phase === 'rating') unlinkSession(ctx.props, state.sessionId);
    deleteUser(ctx.props, state);
    n++;
  }
  return n;
}

export const cleanupJob: Job = {
  name: 'bersih-bersih',
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

/** Deliveries kept while the lock was busy (see webhook.ts) are handled at the next tick. */
export const backlogJob: Job = {
  name: 'pesan-tertunda',
  intervalMs: HOUR,
  dueFromProps: (_ctx, props) => Object.keys(props).some((k) => k.startsWith(BACKLOG_PREFIX)),
  run(ctx) {
    const n = processBacklog(ctx);
    return { summary: `${n} pesan tertunda diproses` };
  },
};
