// Officers are told (DESIGN §3.3): a new session reaches the active officers of its group by
// WhatsApp and/or email, and what the citizen writes afterwards is forwarded to their phones. The
// ids of those WhatsApp notifications are remembered, so an officer's quoted reply finds its session.

import type { InboundMessage } from '../../channels/types';
import { formatLocal } from '../../domain/time';
import { groupFor } from '../../domain/types';
import { sendMail } from '../../platform/mail';
import { activeOfficers, setting } from '../config';
import type { Ctx } from '../context';
import { inboundBody, type Turn } from '../messaging/turn';
import type { UserState } from './state';

/** How long a notification's message id leads back to its session (6 hours). */
const NOTIFICATION_SECONDS = 21600;

/** Cache key of a notification sent to an officer: its message id → the session id. */
export const notificationKey = (messageId: string): string => `notif:${messageId}`;

/** DESIGN §3.3: the active officers of the group get the session by WhatsApp and/or email. */
export function notifyOfficers(ctx: Ctx, state: UserState, turn: Turn): void {
  if (!state.jenis || !state.bidang) return;
  const group = groupFor(state.jenis, state.bidang);
  const officers = activeOfficers(ctx.config, group);
  const how = setting(ctx.config, 'officerNotify').toLowerCase();
  const vars = {
    sessionId: state.sessionId,
    jenis: state.jenis,
    bidang: state.bidang,
    topic: state.topic,
    name: state.name || '-',
    time: formatLocal(ctx.now, ctx.offset, 'dd/MM/yyyy HH:mm'),
    firstMessage: state.firstMessage || '-',
    spreadsheetUrl: ctx.ss.getUrl(),
  };
  if (officers.length === 0) {
    ctx.log('PERINGATAN', 'petugas', `Grup ${group} belum punya petugas aktif (sesi ${state.sessionId}).`);
    return;
  }
  for (const officer of officers) {
    if (how.includes('whatsapp') && officer.whatsapp) {
      const outcome = turn.send(
        { kind: 'text', to: officer.whatsapp, text: ctx.t('officerNewSession', vars) },
        { sessionId: state.sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
      );
      if (outcome.messageId) rememberNotification(ctx, outcome.messageId, state.sessionId);
    }
    if (how.includes('email') && officer.email) {
      const sent = sendMail({
        to: officer.email,
        subject: ctx.t('officerEmailSubject', vars),
        body: ctx.t('officerEmailBody', vars),
      });
      if (!sent.ok) ctx.log('GALAT', 'email', `Email ke petugas ${officer.name} gagal: ${sent.error.text}`);
    }
  }
}

export function rememberNotification(ctx: Ctx, messageId: string, sessionId: string): void {
  ctx.cache.putJson(notificationKey(messageId), sessionId, NOTIFICATION_SECONDS);
}

/** Officers on their phones see what the citizen writes: the one who answered, else the group. */
export function forwardToOfficers(ctx: Ctx, state: UserState, m: InboundMessage, turn: Turn): void {
  if (!state.jenis || !state.bidang) return;
  if (!setting(ctx.config, 'officerNotify').toLowerCase().includes('whatsapp')) return;
  const group = activeOfficers(ctx.config, groupFor(state.jenis, state.bidang)).filter((o) => o.whatsapp);
  const handling = group.filter((o) => o.name === state.officer);
  const to = handling.length > 0 ? handling : group;
  const text = ctx.t('officerNewMessage', {
    sessionId: state.sessionId,
    name: state.name || '-',
    text: inboundBody(m),
  });
  for (const officer of to) {
    const outcome = turn.send(
      { kind: 'text', to: officer.whatsapp, text },
      { sessionId: state.sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'terusan' },
    );
    if (outcome.messageId) rememberNotification(ctx, outcome.messageId, state.sessionId);
  }
}
