// Officers are told (DESIGN §3.3): a new session reaches the active officers of its group by
// WhatsApp and/or email, and what the citizen writes afterwards is forwarded to their phones. The
// ids of those WhatsApp notifications are remembered, so an officer's quoted reply finds its session.

import type { InboundMessage } from '../../channels/types';
import { formatLocal } from '../../domain/time';
import { groupFor, SEND_STATUS } from '../../domain/types';
import type { MessageKey } from '../../messages/id';
import { activeOfficers, setting } from '../config';
import type { Ctx } from '../context';
import { inboundBody, type Turn } from '../messaging/turn';
import { addToDigest, sendByPriority } from '../quota/mail';
import type { UserState } from './state';

/** How long a notification's message id leads back to its session from the cache (then: `Pesan`). */
const NOTIFICATION_SECONDS = 3600;

/** Cache key of a notification sent to an officer: its message id → the session id. */
export const notificationKey = (messageId: string): string => `notif:${messageId}`;

/** What the officers are told: a new session (default), or one handed over to their group. */
export interface OfficerNotice {
  /** The WhatsApp text. */
  whatsapp: MessageKey;
  /** The email body; its subject is always `officerEmailSubject`. */
  email: MessageKey;
  /** More variables of both texts. */
  vars?: Record<string, string>;
}

const NEW_SESSION: OfficerNotice = { whatsapp: 'officerNewSession', email: 'officerEmailBody' };

/** What a notice is about: a conversation's state, or a case's row (handed over after its chat). */
export type NoticeSubject = Pick<
  UserState,
  'sessionId' | 'jenis' | 'bidang' | 'topic' | 'name' | 'firstMessage'
>;

/**
 * DESIGN §3.3: the active officers of the group get the session by WhatsApp and/or email, the
 * email within the day's mail priorities (WhatsApp, else the next digest, when it is held back).
 */
export function notifyOfficers(
  ctx: Ctx,
  state: NoticeSubject,
  turn: Turn,
  notice: OfficerNotice = NEW_SESSION,
): void {
  if (!state.jenis || !state.bidang) return;
  const group = groupFor(state.jenis, state.bidang);
  const officers = activeOfficers(ctx.config, group);
  const how = setting(ctx.config, 'officerNotify').toLowerCase();
  const vars: Record<string, string> = {
    sessionId: state.sessionId,
    jenis: state.jenis,
    bidang: state.bidang,
    topic: state.topic,
    name: state.name || '-',
    time: formatLocal(ctx.now, ctx.offset, 'dd/MM/yyyy HH:mm'),
    firstMessage: state.firstMessage || '-',
    spreadsheetUrl: ctx.ss.getUrl(),
    ...notice.vars,
  };
  if (officers.length === 0) {
    ctx.log('PERINGATAN', 'petugas', `Grup ${group} belum punya petugas aktif (sesi ${state.sessionId}).`);
    return;
  }
  for (const officer of officers) {
    const byWhatsApp = how.includes('whatsapp') && officer.whatsapp !== '';
    let told = false;
    if (byWhatsApp) told = notifyByWhatsApp(ctx, state, officer.whatsapp, ctx.t(notice.whatsapp, vars), turn);
    if (!how.includes('email') || !officer.email) continue;
    // Officer notifications come after the weekly report in the day's email recipients: when the
    // quota holds this one back, WhatsApp carries it (if it did not already), else the digest.
    const sent = sendByPriority(
      ctx,
      {
        to: officer.email,
        subject: ctx.t('officerEmailSubject', vars),
        body: ctx.t(notice.email, vars),
      },
      'officer',
    );
    if (sent.ok) continue;
    if (!sent.error.quota) {
      ctx.log('GALAT', 'email', `Email ke petugas ${officer.name} gagal: ${sent.error.text}`);
      continue;
    }
    if (!told && officer.whatsapp)
      told = notifyByWhatsApp(ctx, state, officer.whatsapp, ctx.t(notice.whatsapp, vars), turn);
    if (!told) {
      addToDigest(ctx, officer.email, ctx.t('digestOfficerLine', vars));
      ctx.log('INFO', 'email', ctx.t('digestKeptLog', { to: officer.name || officer.email }));
    }
  }
}

/** The notice by WhatsApp; true when it went out (or waits in the retry queue). */
function notifyByWhatsApp(ctx: Ctx, state: NoticeSubject, to: string, text: string, turn: Turn): boolean {
  const outcome = turn.send(
    { kind: 'text', to, text },
    { sessionId: state.sessionId, phone: to, sender: 'sistem', kind: 'notifikasi' },
  );
  if (outcome.messageId) rememberNotification(ctx, outcome.messageId, state.sessionId);
  return outcome.status !== SEND_STATUS.failed;
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
