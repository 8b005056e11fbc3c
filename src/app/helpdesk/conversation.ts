// The WhatsApp help desk (SOP 000 V.1–V.11): a citizen's message goes through the three-step
// menu, connects to the responsible group, chats for at most 30 minutes, and rates the service.
// Every function here runs inside the script lock, called by the webhook or the scheduler.

import type { InboundMessage } from '../../channels/types';
import { liveCell } from '../../domain/conversation-cell';
import { isWithinServiceHours, outOfHoursVars } from '../../domain/hours';
import { initialMenu, isEndCommand, menuInput, menuText } from '../../domain/menu';
import { parseRating, ratingLabel } from '../../domain/rating';
import { formatSessionId } from '../../domain/session';
import { formatLocal } from '../../domain/time';
import { SESSION_STATUS, WHATSAPP } from '../../domain/types';
import type { MessageKey } from '../../messages/id';
import { handleCitizenCaseCommand } from '../cases/citizen';
import { officerByPhone } from '../config';
import type { Ctx } from '../context';
import type { Turn } from '../messaging/turn';
import { serviceHours, sessionMinutes } from './hours';
import { forwardToOfficers, notifyOfficers } from './notify';
import { handleOfficerMessage, quotedSessionId } from './officer';
import { handleOfficerCommand } from './officer-commands';
import { ratingLines, sendMenu, sendRatingQuestion, sendText } from './replies';
import { endSession } from './session-end';
import type { Found, UserState } from './state';
import {
  endConversation,
  findConversation,
  nextSessionSeq,
  rememberId,
  rememberUser,
  saveUser,
  scheduleExpiry,
  updateSessionRow,
} from './state';
import { handleSubscriptionCommand } from './subscription';

const OFFICER_DEDUPE_SECONDS = 6 * 3600;
/** Fonnte sends the same retry once a minute; without its timestamp an id only holds this long. */
const FONNTE_DEDUPE_MS = 120000;

/**
 * The id a message is de-duplicated by: its own, except a Fonnte message without a timestamp
 * (sender + text only), which counts as the same message within two minutes.
 */
export function dedupeId(ctx: Ctx, m: InboundMessage): string {
  return m.provider === 'fonnte' && !m.timestamp ? `${m.id}@${Math.floor(ctx.now / FONNTE_DEDUPE_MS)}` : m.id;
}

/** Cache key remembering an officer's inbound message id (citizens' ids live in their state). */
export function seenKey(id: string): string {
  return `seen:${id}`.slice(0, 240);
}

/**
 * True when a citizen's delivery was already handled (Meta re-delivers): its id is among the
 * recent ids of the live conversation, or of the one that just ended (both cache and `Sesi`).
 */
export function seenBefore(id: string, found: Found): boolean {
  return (found.state !== null && found.state.lastIds.includes(id)) || found.doneIds.includes(id);
}

/** An officer's message: the cache, else its id among the logged messages (one search). */
function officerSeenBefore(ctx: Ctx, id: string, loggedId: string): boolean {
  const key = seenKey(id);
  if (ctx.cache.getJson<number>(key) !== null) return true;
  ctx.cache.putJson(key, 1, OFFICER_DEDUPE_SECONDS);
  return ctx.db.table('messages').findRow('messageId', loggedId) !== null;
}

/** Handles one inbound message. The caller holds the script lock and commits the turn. */
export function handleInbound(ctx: Ctx, m: InboundMessage, turn: Turn, payloadIds: string[] = []): void {
  const id = dedupeId(ctx, m);
  const officer = officerByPhone(ctx.config, m.phone);
  if (officer) {
    if (officerSeenBefore(ctx, id, m.id)) return;
    if (!handleOfficerCommand(ctx, officer, m, turn, () => quotedSessionId(ctx, m)))
      handleOfficerMessage(ctx, officer, m, turn);
    return;
  }
  const found = findConversation(ctx, m.userKey, payloadIds.length ? payloadIds : [id]);
  if (seenBefore(id, found)) return;
  let state = found.state;
  if (state) {
    rememberId(state, id);
    state.lastInboundAt = ctx.now;
    if (m.name) state.name = m.name.slice(0, 200);
  }
  if (handleSubscriptionCommand(ctx, m, state, turn) || handleCitizenCaseCommand(ctx, m, turn)) {
    if (state) saveUser(ctx, state);
    return;
  }
  if (state && state.phase === 'rating') {
    if (handleRating(ctx, state, m, turn)) return;
    // An unrelated message after the rating question starts a new menu (in a new row; the old
    // row's cell is left to the cleanup job, so this turn stays one write of `Sesi`).
    state = null;
  }
  if (!state) {
    startConversation(ctx, m, id, turn);
    return;
  }
  if (state.phase === 'menu') handleMenu(ctx, state, m, turn);
  else handleChat(ctx, state, m, turn);
}

function newState(ctx: Ctx, m: InboundMessage, id: string): UserState {
  const yymm = formatLocal(ctx.now, ctx.offset, 'yyMM');
  const sessionId = formatSessionId(nextSessionSeq(ctx, yymm), ctx.now, ctx.offset);
  return {
    v: 1,
    userKey: m.userKey,
    phone: m.phone,
    userId: m.userId,
    name: m.name.slice(0, 200),
    phase: 'menu',
    menu: initialMenu(),
    sessionId,
    row: 0,
    status: SESSION_STATUS.menu,
    channel: WHATSAPP,
    startedAt: ctx.now,
    connectedAt: 0,
    firstResponseAt: 0,
    endedAt: 0,
    jenis: '',
    bidang: '',
    topic: '',
    outOfHours: !isWithinServiceHours(ctx.now, serviceHours(ctx)),
    officer: '',
    firstMessage: '',
    ratingRetries: 0,
    lastInboundAt: ctx.now,
    lastIds: [id],
  };
}

function startConversation(ctx: Ctx, m: InboundMessage, id: string, turn: Turn): void {
  const state = newState(ctx, m, id);
  if (isQuestion(m)) state.firstMessage = firstWords(m.text);
  // The new row carries the state: one write of `Sesi` for the whole turn.
  state.row = ctx.db.append('sessions', [
    {
      id: state.sessionId,
      channel: state.channel,
      phone: state.phone || state.userId,
      name: state.name,
      status: SESSION_STATUS.menu,
      startedAt: new Date(ctx.now),
      userKey: state.userKey,
      outOfHours: state.outOfHours,
      state: liveCell(state.userKey, state),
    },
  ]);
  rememberUser(ctx, state);
  turn.inbound(m, state.sessionId, 'warga');
  let text = menuText(state.menu, { greeting: true, overrides: overrides(ctx) });
  if (state.outOfHours) {
    const vars = outOfHoursVars(ctx.now, serviceHours(ctx), overrides(ctx));
    text = `${ctx.t('outOfHours', vars)}\n\n${menuText(state.menu, { overrides: overrides(ctx) })}`;
  }
  sendMenu(ctx, state, text, turn);
}

/** A message worth showing officers as the citizen's first words (not "halo" or a menu number). */
function isQuestion(m: InboundMessage): boolean {
  return m.type === 'text' && m.text.trim().split(/\s+/).length > 3;
}

/** What the state keeps of the first message (the state is cached: keep it small). */
const FIRST_MESSAGE_MAX = 1000;

function firstWords(text: string): string {
  return text.length > FIRST_MESSAGE_MAX ? `${text.slice(0, FIRST_MESSAGE_MAX)}…` : text;
}

function overrides(ctx: Ctx): Partial<Record<MessageKey, string>> {
  return ctx.config.texts as Partial<Record<MessageKey, string>>;
}

function handleMenu(ctx: Ctx, state: UserState, m: InboundMessage, turn: Turn): void {
  turn.inbound(m, state.sessionId, 'warga');
  if (!state.firstMessage && isQuestion(m)) state.firstMessage = firstWords(m.text);
  const outcome = menuInput(state.menu, { text: m.text, choiceId: m.choiceId });
  if (outcome.kind === 'ask') {
    state.menu = outcome.state;
    sendMenu(ctx, state, menuText(state.menu, { invalid: outcome.invalid, overrides: overrides(ctx) }), turn);
    saveUser(ctx, state);
    return;
  }
  connect(ctx, state, outcome.jenis, outcome.bidang, outcome.topik, turn);
}

/** SOP V.8: after the topic the session is connected to its group, whose officers are told. */
function connect(
  ctx: Ctx,
  state: UserState,
  jenis: UserState['jenis'] & string,
  bidang: UserState['bidang'] & string,
  topic: string,
  turn: Turn,
): void {
  const hours = serviceHours(ctx);
  const open = isWithinServiceHours(ctx.now, hours);
  state.phase = 'chat';
  state.jenis = jenis as UserState['jenis'];
  state.bidang = bidang as UserState['bidang'];
  state.topic = topic;
  state.status = SESSION_STATUS.waiting;
  const becameOutOfHours = !state.outOfHours && !open;
  state.outOfHours = state.outOfHours || !open;
  const minutes = sessionMinutes(ctx);
  if (open) {
    // The 30 minutes start now; out of hours they start with the first officer reply.
    state.connectedAt = ctx.now;
    scheduleExpiry(ctx, ctx.now + minutes * 60000);
  }
  updateSessionRow(ctx, state, {
    jenis: state.jenis,
    bidang: state.bidang,
    topic,
    status: state.status,
    connectedAt: state.connectedAt ? new Date(state.connectedAt) : '',
    ...(becameOutOfHours ? { outOfHours: true } : {}),
  });
  const vars = { sessionId: state.sessionId, jenis, bidang, topic, minutes };
  const text = open
    ? ctx.t('connected', vars)
    : ctx.t('queuedOutOfHours', { ...vars, ...outOfHoursVars(ctx.now, hours, overrides(ctx)) });
  sendText(state, text, turn, 'terhubung');
  notifyOfficers(ctx, state, turn);
  saveUser(ctx, state);
}

function handleChat(ctx: Ctx, state: UserState, m: InboundMessage, turn: Turn): void {
  turn.inbound(m, state.sessionId, 'warga');
  if (m.type === 'text' && isEndCommand(m.text)) {
    endSession(ctx, state, 'user', turn);
    return;
  }
  if (!state.firstMessage && m.type === 'text') state.firstMessage = firstWords(m.text);
  forwardToOfficers(ctx, state, m, turn);
  if (m.type === 'unsupported' || m.type === 'other') {
    sendText(state, ctx.t('unsupportedMessage'), turn);
  }
  saveUser(ctx, state);
}

/** Returns false when the message is not a rating and should start a new conversation. */
function handleRating(ctx: Ctx, state: UserState, m: InboundMessage, turn: Turn): boolean {
  const rating = parseRating({ text: m.text, choiceId: m.choiceId });
  if (rating === null) {
    if (state.ratingRetries >= 1) {
      // Asked again once already: stop asking; this message starts a new menu.
      return false;
    }
    turn.inbound(m, state.sessionId, 'warga');
    state.ratingRetries += 1;
    sendRatingQuestion(ctx, state, ctx.t('ratingInvalid', { choices: ratingLines() }), turn);
    saveUser(ctx, state);
    return true;
  }
  turn.inbound(m, state.sessionId, 'warga');
  const label = ratingLabel(rating);
  updateSessionRow(ctx, state, { rating, ratingLabel: label });
  sendText(state, ctx.t('ratingThanks', { label, sessionId: state.sessionId }), turn, 'penilaian');
  endConversation(ctx, state);
  return true;
}
