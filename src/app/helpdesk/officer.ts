// Officers answer from the sidebar or from their phones (SOP: "standby di akun WhatsApp").
// Both go through `officerReply` / `officerClose`. A message from an officer's number is relayed
// only to the citizen of the session it names (a quoted notification or a leading session id):
// never to anyone else, and the officer is told when nothing was sent.

import type { InboundMessage } from '../../channels/types';
import { parseAttachment } from '../../domain/media';
import { parseSessionId } from '../../domain/session';
import { SEND_STATUS, SESSION_STATUS } from '../../domain/types';
import { CLOSED_BY_LABELS } from '../../messages/id';
import { cellText } from '../../store/cells';
import type { RecordOf } from '../../store/schema';
import { handleCaseCommand } from '../cases/phone';
import type { Officer } from '../config';
import type { Ctx } from '../context';
import type { MediaItem } from '../media/queue';
import { enqueueMedia, mediaKey } from '../media/queue';
import type { SendOutcome } from '../messaging/sender';
import { providerName } from '../messaging/sender';
import type { Turn } from '../messaging/turn';
import { hasMedia } from '../messaging/turn';
import { sessionMinutes } from './hours';
import { notificationKey, rememberNotification } from './notify';
import { endSession } from './session-end';
import type { UserState } from './state';
import { addressOf, conversationOfSession, saveUser, scheduleExpiry, updateSessionRow } from './state';

const CLOSE_COMMAND = /^\s*\/?(tutup|tutup sesi|selesai)\s*[.!]?\s*$/i;
/** `/kirim …`: send although another officer handles the session. */
const FORCE_PREFIX = /^\s*\/kirim\b\s*/i;
/** `KIRIM` quoting a claim warning: send the message it held. */
const CONFIRM_SEND = /^\s*kirim\s*[.!]?\s*$/i;
/** A message held by a claim warning lives as long as a notification (six hours). */
const HOLD_SECONDS = 21600;
const holdKey = (warningId: string): string => `hold:${warningId}`;

interface HeldReply {
  sessionId: string;
  text: string;
  /** Media an officer sent (the inbound message id): stored, sent on once confirmed. */
  mediaMessageId?: string;
  /** Its file name and type as the officer sent it (the stored file is named by session). */
  filename?: string;
  mime?: string;
}

export type ReplyError = 'unknown' | 'closed' | 'empty';

export interface ReplyResult {
  ok: boolean;
  error?: ReplyError;
  send?: SendOutcome;
  state?: UserState;
}

/** The open session of an id, or why there is none. */
export function openSession(ctx: Ctx, sessionId: string): { state?: UserState; error?: ReplyError } {
  const state = conversationOfSession(ctx, sessionId);
  if (!state || state.sessionId.toUpperCase() !== sessionId.toUpperCase()) return { error: 'unknown' };
  if (state.phase !== 'chat') return { error: 'closed', state };
  return { state };
}

/** Sends an officer's answer to the citizen; the first one sets `Respons Pertama`. */
export function officerReply(
  ctx: Ctx,
  sessionId: string,
  officerName: string,
  text: string,
  turn: Turn,
): ReplyResult {
  if (!text.trim()) return { ok: false, error: 'empty' };
  const { state, error } = openSession(ctx, sessionId);
  if (error || !state) return { ok: false, error: error ?? 'unknown' };
  const send = turn.send(
    { kind: 'text', to: addressOf(state), text: ctx.t('officerReplyToCitizen', { name: officerName, text }) },
    { sessionId: state.sessionId, phone: state.phone || state.userId, sender: officerName, kind: 'teks' },
  );
  if (state.firstResponseAt && !state.officer) {
    // Claim (issue 15): after a hand-over the first officer of the new group who answers owns it.
    state.officer = officerName;
    ctx.db.update('sessions', state.row, { officer: officerName });
  }
  if (!state.firstResponseAt) {
    state.firstResponseAt = ctx.now;
    state.status = SESSION_STATUS.active;
    state.officer = officerName;
    if (!state.connectedAt) {
      // Out of hours the 30 minutes start when an officer first answers.
      state.connectedAt = ctx.now;
      scheduleExpiry(ctx, ctx.now + sessionMinutes(ctx) * 60000);
    }
    updateSessionRow(
      ctx,
      state,
      {
        status: state.status,
        connectedAt: new Date(state.connectedAt),
        firstResponseAt: new Date(state.firstResponseAt),
        officer: officerName,
      },
      { endedAt: '', closedBy: '' },
    );
  }
  saveUser(ctx, state);
  return { ok: true, send, state };
}

/** An officer closes the session (`Ditutup Oleh` = petugas). */
export function officerClose(ctx: Ctx, sessionId: string, officerName: string, turn: Turn): ReplyResult {
  const { state, error } = openSession(ctx, sessionId);
  if (error || !state) return { ok: false, error: error ?? 'unknown' };
  if (!state.officer) state.officer = officerName;
  endSession(ctx, state, 'petugas', turn);
  return { ok: true, state };
}

/** A WhatsApp message from an officer's number. */
export function handleOfficerMessage(ctx: Ctx, officer: Officer, m: InboundMessage, turn: Turn): void {
  if (handleCaseCommand(ctx, officer, m, turn)) return;
  const text = m.text;
  let sessionId = parseSessionId(text) ?? '';
  let body = text;
  if (sessionId) {
    body = text.replace(new RegExp(`^\\s*${sessionId}\\s*[:\\-–]?\\s*`, 'i'), '');
    if (body === text) body = text.replace(new RegExp(sessionId, 'i'), '').trim();
  } else if (m.replyToId) {
    sessionId = quotedSessionId(ctx, m);
  }
  turn.inbound(m, sessionId, officer.name);
  const tell = (
    key:
      | 'officerRelayNoSession'
      | 'officerRelayUnknownSession'
      | 'officerRelaySessionClosed'
      | 'officerRelayFailed'
      | 'officerMediaQueued'
      | 'officerClaimHoldExpired',
    vars: Record<string, string> = {},
  ): void => {
    turn.send(
      { kind: 'text', to: officer.whatsapp, text: ctx.t(key, { sessionId, ...vars }) },
      { sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
    );
  };
  if (!sessionId) return tell('officerRelayNoSession');
  sessionId = sessionId.toUpperCase();
  if (CLOSE_COMMAND.test(body)) {
    const res = officerClose(ctx, sessionId, officer.name, turn);
    if (!res.ok) return explain(res);
    turn.send(
      {
        kind: 'text',
        to: officer.whatsapp,
        text: ctx.t('officerSessionEnded', { sessionId, closedBy: CLOSED_BY_LABELS.petugas }),
      },
      { sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
    );
    return;
  }
  if (hasMedia(m)) {
    // Media quoting a notification: the `lampiran` job downloads it and sends it on (media/forward.ts)
    // — stored but held, with a warning, when another officer handles the session.
    const { state, error } = openSession(ctx, sessionId);
    if (error) return explain({ ok: false, error });
    const owner = state?.officer ?? '';
    if (owner && owner !== officer.name) {
      turn.holdMedia(m.id);
      const held = { sessionId, text: '', mediaMessageId: m.id, filename: m.filename, mime: m.mimeType };
      holdWithWarning(ctx, officer, owner, held, turn);
      return;
    }
    return tell('officerMediaQueued');
  }
  let relayText = m.type === 'text' || m.type === 'interactive' ? body : '';
  // Claim (issue 15): a session another officer handles is not answered twice by accident. The
  // message is held and the officer warned; `KIRIM` quoting the warning, or `/kirim …`, sends it.
  let forced = false;
  const force = FORCE_PREFIX.exec(relayText);
  if (force) {
    relayText = relayText.slice(force[0].length);
    forced = true;
  } else if (m.replyToId && CONFIRM_SEND.test(relayText)) {
    const held = ctx.cache.getJson<HeldReply>(holdKey(m.replyToId));
    if (held && held.sessionId === sessionId && held.mediaMessageId) {
      ctx.cache.remove(holdKey(m.replyToId));
      if (!releaseHeldMedia(ctx, held, officer)) return tell('officerClaimHoldExpired');
      const owner = openSession(ctx, sessionId).state?.officer ?? '';
      if (owner && owner !== officer.name) tellOwner(ctx, owner, officer, sessionId, turn);
      return tell('officerMediaQueued');
    }
    if (held && held.sessionId === sessionId) {
      relayText = held.text;
      forced = true;
      ctx.cache.remove(holdKey(m.replyToId));
    } else if (!held && isClaimWarning(ctx, m.replyToId)) {
      return tell('officerClaimHoldExpired');
    }
  }
  if (!relayText.trim()) return tell('officerRelayNoSession');
  const res = replyUnlessClaimed(ctx, officer, sessionId, relayText, forced, turn);
  if (res.held) return;
  if (!res.ok) return explain(res);
  if (res.send && res.send.status === SEND_STATUS.failed)
    tell('officerRelayFailed', { reason: res.send.error });

  function explain(res: ReplyResult): void {
    if (res.error === 'closed') {
      tell('officerRelaySessionClosed', { closedBy: CLOSED_BY_LABELS.petugas });
    } else tell('officerRelayUnknownSession');
  }
}

/**
 * An officer's answer from the phone (a reply or a quick reply). When another officer handles the
 * session the message is held, not sent: the officer is warned and may confirm (`KIRIM` quoting
 * the warning, or `/kirim …`). A confirmed answer is sent and the handling officer told.
 */
export function replyUnlessClaimed(
  ctx: Ctx,
  officer: Officer,
  sessionId: string,
  text: string,
  forced: boolean,
  turn: Turn,
): ReplyResult & { held?: boolean } {
  const owner = openSession(ctx, sessionId).state?.officer ?? '';
  if (owner && owner !== officer.name && text.trim()) {
    if (!forced) {
      holdWithWarning(ctx, officer, owner, { sessionId, text }, turn);
      return { ok: false, held: true };
    }
    tellOwner(ctx, owner, officer, sessionId, turn);
  }
  return officerReply(ctx, sessionId, officer.name, text, turn);
}

/** Warns the officer that `owner` handles the session and keeps what they sent under the warning's id. */
function holdWithWarning(ctx: Ctx, officer: Officer, owner: string, held: HeldReply, turn: Turn): void {
  const sessionId = held.sessionId;
  const key = held.mediaMessageId ? 'officerClaimWarningMedia' : 'officerClaimWarning';
  const warning = turn.send(
    { kind: 'text', to: officer.whatsapp, text: ctx.t(key, { sessionId, owner }) },
    { sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
  );
  if (!warning.messageId) return;
  ctx.cache.putJson(holdKey(warning.messageId), held, HOLD_SECONDS);
  rememberNotification(ctx, warning.messageId, sessionId);
}

/**
 * Lets held media go: still queued, it is sent on once downloaded; already stored, the job sends
 * it on from Drive. False when there is nothing left to send (no queued item, no stored file).
 */
function releaseHeldMedia(ctx: Ctx, held: HeldReply, officer: Officer): boolean {
  const messageId = held.mediaMessageId ?? '';
  const key = mediaKey(messageId);
  const queued = ctx.props.getJson<MediaItem>(key);
  if (queued) {
    ctx.props.setJson(key, { ...queued, held: false });
    return true;
  }
  const logged = loggedMessage(ctx, messageId);
  if (!logged) return false;
  const { row, rec } = logged;
  const fileId = parseAttachment(cellText(rec.attachment))?.fileId ?? '';
  if (!fileId) return false;
  enqueueMedia(ctx.props, {
    row,
    sessionId: cellText(rec.sessionId),
    messageId,
    provider: providerName(ctx),
    mediaId: '',
    mime: held.mime ?? '',
    filename: held.filename ?? '',
    type: cellText(rec.type),
    sender: officer.name,
    fileId,
    attempts: 0,
    nextAt: ctx.now,
  });
  return true;
}

/** Whether a message the product sent (found in `Pesan`) was a claim warning. */
function isClaimWarning(ctx: Ctx, messageId: string): boolean {
  const logged = loggedMessage(ctx, messageId);
  if (!logged) return false;
  const body = cellText(logged.rec.body);
  return (['officerClaimWarning', 'officerClaimWarningMedia'] as const).some((key) => {
    // The warning's words before the session id (the catalogue's, or the office's own text).
    const head = ctx.t(key, { sessionId: '\u0000', owner: '\u0000' }).split('\u0000')[0];
    return head !== '' && body.startsWith(head);
  });
}

/** The officer who handles a session hears that another one answered too (on WhatsApp). */
function tellOwner(ctx: Ctx, owner: string, by: Officer, sessionId: string, turn: Turn): void {
  const to = ctx.config.officers.find((o) => o.active && o.name === owner && o.whatsapp);
  if (!to || to.whatsapp === by.whatsapp) return;
  turn.send(
    { kind: 'text', to: to.whatsapp, text: ctx.t('officerClaimJoined', { officer: by.name, sessionId }) },
    { sessionId, phone: to.whatsapp, sender: 'sistem', kind: 'notifikasi' },
  );
}

/** The session of the notification an officer's message quotes, or ''. */
export function quotedSessionId(ctx: Ctx, m: InboundMessage): string {
  if (!m.replyToId) return '';
  return ctx.cache.getJson<string>(notificationKey(m.replyToId)) ?? sessionOfLoggedMessage(ctx, m.replyToId);
}

/** A message logged in `Pesan`, found by its id (one exact-match search); null when unknown. */
function loggedMessage(ctx: Ctx, messageId: string): { row: number; rec: RecordOf<'messages'> } | null {
  const table = ctx.db.table('messages');
  const row = table.findRow('messageId', messageId);
  return row ? { row, rec: table.readRow(row) } : null;
}

/** The session of a message the product sent earlier, found in `Pesan` by its id. */
function sessionOfLoggedMessage(ctx: Ctx, messageId: string): string {
  const logged = loggedMessage(ctx, messageId);
  return logged ? String(logged.rec.sessionId) : '';
}
