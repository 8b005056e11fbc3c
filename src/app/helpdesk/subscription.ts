// Broadcast opt-in and opt-out (DESIGN §3.8): DAFTAR subscribes, BERHENTI unsubscribes, each
// confirmed. Outside an active chat only: during a chat the words go to the officer.

import type { InboundMessage } from '../../channels/types';
import { isSubscribeCommand, isUnsubscribeCommand } from '../../domain/menu';
import { SUBSCRIBER_STATUS } from '../../domain/types';
import { noteSubscriptionChange } from '../broadcast/state';
import type { Ctx } from '../context';
import type { Turn } from '../messaging/turn';
import type { UserState } from './state';

export interface Subscriber {
  row: number;
  status: string;
}

/** Finds a subscriber's row by number or user id (one TextFinder search). */
export function findSubscriber(ctx: Ctx, address: string): Subscriber | null {
  const table = ctx.db.table('subscribers');
  const row = table.findRow('phone', address);
  if (!row) return null;
  return { row, status: String(table.readRow(row).status) };
}

export function handleSubscriptionCommand(
  ctx: Ctx,
  m: InboundMessage,
  state: UserState | null,
  turn: Turn,
): boolean {
  if (m.type !== 'text' || (state && state.phase === 'chat')) return false;
  const subscribe = isSubscribeCommand(m.text);
  const unsubscribe = !subscribe && isUnsubscribeCommand(m.text);
  if (!subscribe && !unsubscribe) return false;
  const address = m.phone || m.userId;
  const existing = findSubscriber(ctx, address);
  const now = new Date(ctx.now);
  let key: 'subscribeOk' | 'subscribeAlready' | 'unsubscribeOk' | 'unsubscribeAlready';
  if (subscribe) {
    if (existing && existing.status === SUBSCRIBER_STATUS.active) key = 'subscribeAlready';
    else {
      key = 'subscribeOk';
      if (existing)
        ctx.db.update('subscribers', existing.row, {
          status: SUBSCRIBER_STATUS.active,
          since: now,
          lastInbound: now,
        });
      else
        ctx.db.append('subscribers', [
          { phone: address, name: m.name, status: SUBSCRIBER_STATUS.active, since: now, lastInbound: now },
        ]);
    }
  } else if (existing && existing.status === SUBSCRIBER_STATUS.active) {
    key = 'unsubscribeOk';
    ctx.db.update('subscribers', existing.row, { status: SUBSCRIBER_STATUS.stopped, since: now });
  } else key = 'unsubscribeAlready';
  // A broadcast under way skips someone who stopped before their turn (and not one who rejoined).
  if (key === 'subscribeOk' || key === 'unsubscribeOk') noteSubscriptionChange(ctx, address, subscribe);
  const sessionId = state?.sessionId ?? '';
  turn.inbound(m, sessionId, 'warga');
  turn.send(
    { kind: 'text', to: address, text: ctx.t(key) },
    { sessionId, phone: address, sender: 'bot', kind: 'siaran' },
  );
  return true;
}
