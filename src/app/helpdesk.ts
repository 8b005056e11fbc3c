// The WhatsApp help desk (SOP 000 V.1–V.11): a citizen's message goes through the three-step
// menu, connects to the responsible group, chats for at most 30 minutes, and rates the service.
// Every function here runs inside the script lock, called by the webhook or the scheduler.

import { isMenuCapable } from '../channels';
import type { InboundMessage, Outbound } from '../channels/types';
import type { ServiceHours } from '../domain/hours';
import { isWithinServiceHours, outOfHoursVars, parseWorkDays } from '../domain/hours';
import { initialMenu, isEndCommand, menuChoices, menuInput, menuText } from '../domain/menu';
import { parseRating, ratingChoices, ratingLabel } from '../domain/rating';
import { formatSessionId } from '../domain/session';
import { formatLocal } from '../domain/time';
import type { ClosedBy } from '../domain/types';
import { groupFor } from '../domain/types';
import type { MessageKey } from '../messages/id';
import { CLOSED_BY_LABELS, MEDIA_LABELS } from '../messages/id';
import { activeOfficers, officerByPhone, setting, settingNumber } from './config';
import type { Ctx } from './context';
import { providerName } from './sender';
import type { UserState } from './state';
import {
  deleteUser,
  linkSession,
  loadUser,
  nextSessionSeq,
  rememberId,
  saveUser,
  scheduleExpiry,
  unscheduleExpiry,
  expirySchedule,
} from './state';
import { inboundBody, Turn } from './turn';
import { handleOfficerMessage } from './officer';
import { handleSubscriptionCommand } from './subscription';

const DEDUPE_SECONDS = 6 * 3600;
const FONNTE_DEDUPE_SECONDS = 120;

export function serviceHours(ctx: Ctx): ServiceHours {
  return {
    workDays: parseWorkDays(setting(ctx.config, 'workDays')) ?? [1, 2, 3, 4, 5],
    open: setting(ctx.config, 'openTime'),
    close: setting(ctx.config, 'closeTime'),
    holidays: ctx.config.holidays,
    offset: ctx.offset,
  };
}

export function sessionMinutes(ctx: Ctx): number {
  const n = settingNumber(ctx.config, 'sessionMinutes', 30);
  return n > 0 ? n : 30;
}

/** The address to send to: the business-scoped user id for username users, else the number. */
export function addressOf(state: Pick<UserState, 'phone' | 'userId'>): string {
  return state.phone || state.userId;
}

/** Cache key remembering an inbound message id for de-duplication. */
export function seenKey(m: InboundMessage): string {
  return `seen:${m.id}`.slice(0, 240);
}

/** True when this delivery was already handled (Meta re-delivers; Fonnte has no ids). */
export function seenBefore(ctx: Ctx, m: InboundMessage, state: UserState | null): boolean {
  if (state && state.lastIds.includes(m.id)) return true;
  const key = seenKey(m);
  if (ctx.cache.getJson<number>(key) !== null) return true;
  ctx.cache.putJson(key, 1, m.provider === 'fonnte' && !m.timestamp ? FONNTE_DEDUPE_SECONDS : DEDUPE_SECONDS);
  return false;
}

/** Handles one inbound message. The caller holds the script lock and commits the turn. */
export function handleInbound(ctx: Ctx, m: InboundMessage, turn: Turn): void {
  const officer = officerByPhone(ctx.config, m.phone);
  if (officer) {
    if (seenBefore(ctx, m, null)) return;
    handleOfficerMessage(ctx, officer, m, turn);
    return;
  }
  let state = loadUser(ctx.props, m.userKey);
  if (seenBefore(ctx, m, state)) return;
  if (state) {
    rememberId(state, m.id);
    state.lastInboundAt = ctx.now;
    if (m.name) state.name = m.name.slice(0, 200);
  }
  if (handleSubscriptionCommand(ctx, m, state, turn)) {
    if (state) saveUser(ctx.props, state);
    return;
  }
  if (state && state.phase === 'rating') {
    if (handleRating(ctx, state, m, turn)) return;
    state = null; // an unrelated message after the rating question starts a new menu
  }
  if (!state) {
    startConversation(ctx, m, turn);
    return;
  }
  if (state.phase === 'menu') handleMenu(ctx, state, m, turn);
  else handleChat(ctx, state, m, turn);
}

function newState(ctx: Ctx, m: InboundMessage): UserState {
  const yymm = formatLocal(ctx.now, ctx.offset, 'yyMM');
  const sessionId = formatSessionId(nextSessionSeq(ctx.props, yymm), ctx.now, ctx.offset);
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
    status: 'Menu',
    channel: 'WhatsApp',
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
    lastIds: [m.id],
  };
}

function startConversation(ctx: Ctx, m: InboundMessage, turn: Turn): void {
  const state = newState(ctx, m);
  if (isQuestion(m)) state.firstMessage = firstWords(m.text);
  state.row = ctx.db.append('sessions', [
    {
      id: state.sessionId,
      channel: state.channel,
      phone: state.phone || state.userId,
      name: state.name,
      status: 'Menu',
      startedAt: new Date(ctx.now),
      userKey: state.userKey,
      outOfHours: state.outOfHours,
    },
  ]);
  linkSession(ctx.props, state.sessionId, state.userKey);
  turn.inbound(m, state.sessionId, 'warga');
  let text = menuText(state.menu, { greeting: true, overrides: overrides(ctx) });
  if (state.outOfHours) {
    const vars = outOfHoursVars(ctx.now, serviceHours(ctx), overrides(ctx));
    text = `${ctx.t('outOfHours', vars)}\n\n${menuText(state.menu, { overrides: overrides(ctx) })}`;
  }
  sendMenu(ctx, state, text, turn);
  saveUser(ctx.props, state);
}

/** A message worth showing officers as the citizen's first words (not "halo" or a menu number). */
function isQuestion(m: InboundMessage): boolean {
  return m.type === 'text' && m.text.trim().split(/\s+/).length > 3;
}

/** What the state keeps of the first message (Script Properties values are limited to 9 KB). */
const FIRST_MESSAGE_MAX = 1000;

function firstWords(text: string): string {
  return text.length > FIRST_MESSAGE_MAX ? `${text.slice(0, FIRST_MESSAGE_MAX)}…` : text;
}

function overrides(ctx: Ctx): Partial<Record<MessageKey, string>> {
  return ctx.config.texts as Partial<Record<MessageKey, string>>;
}

/** A question with choices: numbered text always, plus an interactive list/buttons where possible. */
function sendChoices(
  ctx: Ctx,
  state: UserState,
  text: string,
  turn: Turn,
  choices: { id: string; title: string }[],
  ui: { buttonLabel: string; sectionTitle: string; kind: string },
): void {
  const to = addressOf(state);
  const out: Outbound = isMenuCapable(providerName(ctx))
    ? { kind: 'menu', to, text, choices, buttonLabel: ui.buttonLabel, sectionTitle: ui.sectionTitle }
    : { kind: 'text', to, text };
  turn.send(out, {
    sessionId: state.sessionId,
    phone: state.phone || state.userId,
    sender: 'bot',
    kind: ui.kind,
  });
}

function sendMenu(ctx: Ctx, state: UserState, text: string, turn: Turn): void {
  sendChoices(ctx, state, text, turn, menuChoices(state.menu), {
    buttonLabel: ctx.t('menuListButton'),
    sectionTitle: 'HALO KOP-UKM',
    kind: 'menu',
  });
}

function sendText(state: UserState, text: string, turn: Turn, kind = 'teks'): void {
  turn.send(
    { kind: 'text', to: addressOf(state), text },
    { sessionId: state.sessionId, phone: state.phone || state.userId, sender: 'bot', kind },
  );
}

function handleMenu(ctx: Ctx, state: UserState, m: InboundMessage, turn: Turn): void {
  turn.inbound(m, state.sessionId, 'warga');
  if (!state.firstMessage && isQuestion(m)) state.firstMessage = firstWords(m.text);
  const outcome = menuInput(state.menu, { text: m.text, choiceId: m.choiceId });
  if (outcome.kind === 'ask') {
    state.menu = outcome.state;
    sendMenu(ctx, state, menuText(state.menu, { invalid: outcome.invalid, overrides: overrides(ctx) }), turn);
    saveUser(ctx.props, state);
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
  state.status = 'Menunggu';
  const becameOutOfHours = !state.outOfHours && !open;
  state.outOfHours = state.outOfHours || !open;
  const minutes = sessionMinutes(ctx);
  if (open) {
    // The 30 minutes start now; out of hours they start with the first officer reply.
    state.connectedAt = ctx.now;
    scheduleExpiry(ctx.props, state.userKey, ctx.now + minutes * 60000);
  }
  ctx.db.update(
    'sessions',
    state.row,
    {
      jenis: state.jenis,
      bidang: state.bidang,
      topic,
      status: state.status,
      connectedAt: state.connectedAt ? new Date(state.connectedAt) : '',
      ...(becameOutOfHours ? { outOfHours: true } : {}),
    },
    { startedAt: new Date(state.startedAt) },
  );
  const vars = { sessionId: state.sessionId, jenis, bidang, topic, minutes };
  const text = open
    ? ctx.t('connected', vars)
    : ctx.t('queuedOutOfHours', { ...vars, ...outOfHoursVars(ctx.now, hours, overrides(ctx)) });
  sendText(state, text, turn, 'terhubung');
  notifyOfficers(ctx, state, turn);
  saveUser(ctx.props, state);
}

/** DESIGN §3.3: the active officers of the group get the session by WhatsApp and/or email. */
function notifyOfficers(ctx: Ctx, state: UserState, turn: Turn): void {
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
      try {
        MailApp.sendEmail({
          to: officer.email,
          subject: ctx.t('officerEmailSubject', vars),
          body: ctx.t('officerEmailBody', vars),
          name: 'HALO KOP-UKM',
        });
      } catch (e) {
        ctx.log('GALAT', 'email', `Email ke petugas ${officer.name} gagal: ${String(e)}`);
      }
    }
  }
}

export function rememberNotification(ctx: Ctx, messageId: string, sessionId: string): void {
  ctx.cache.putJson(`notif:${messageId}`, sessionId, 21600);
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
  saveUser(ctx.props, state);
}

/** Officers on their phones see what the citizen writes: the one who answered, else the group. */
function forwardToOfficers(ctx: Ctx, state: UserState, m: InboundMessage, turn: Turn): void {
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

/** SOP V.9–V.11: ends the session, tells the citizen, and asks for the rating. */
export function endSession(ctx: Ctx, state: UserState, closedBy: ClosedBy, turn: Turn): void {
  state.phase = 'rating';
  state.status = 'Selesai';
  state.endedAt = ctx.now;
  state.ratingRetries = 0;
  unscheduleExpiry(ctx.props, state.userKey);
  ctx.db.update(
    'sessions',
    state.row,
    {
      status: 'Selesai',
      endedAt: new Date(ctx.now),
      closedBy,
      ...(state.officer ? { officer: state.officer } : {}),
    },
    {
      startedAt: new Date(state.startedAt),
      connectedAt: state.connectedAt ? new Date(state.connectedAt) : '',
      firstResponseAt: state.firstResponseAt ? new Date(state.firstResponseAt) : '',
    },
  );
  const vars = { sessionId: state.sessionId, minutes: sessionMinutes(ctx) };
  const ended =
    closedBy === 'waktu habis'
      ? ctx.t('sessionTimeout', vars)
      : closedBy === 'petugas'
        ? ctx.t('sessionEndedByOfficer', vars)
        : ctx.t('sessionEndedByUser', vars);
  sendRatingQuestion(
    ctx,
    state,
    `${ended}\n\n${ctx.t('ratingQuestion', { ...vars, choices: ratingLines() })}`,
    turn,
  );
  saveUser(ctx.props, state);
  if (closedBy !== 'petugas' && state.officer) {
    const officer = ctx.config.officers.find((o) => o.name === state.officer && o.whatsapp);
    if (officer) {
      turn.send(
        {
          kind: 'text',
          to: officer.whatsapp,
          text: ctx.t('officerSessionEnded', {
            sessionId: state.sessionId,
            closedBy: CLOSED_BY_LABELS[closedBy],
          }),
        },
        { sessionId: state.sessionId, phone: officer.whatsapp, sender: 'sistem', kind: 'notifikasi' },
      );
    }
  }
}

function ratingLines(): string {
  return ratingChoices()
    .map((c, i) => `*${i + 1}* – ${c.title}`)
    .join('\n');
}

function sendRatingQuestion(ctx: Ctx, state: UserState, text: string, turn: Turn): void {
  sendChoices(ctx, state, text, turn, ratingChoices(), {
    buttonLabel: ctx.t('ratingListButton'),
    sectionTitle: 'Penilaian',
    kind: 'penilaian',
  });
}

/** Returns false when the message is not a rating and should start a new conversation. */
function handleRating(ctx: Ctx, state: UserState, m: InboundMessage, turn: Turn): boolean {
  const rating = parseRating({ text: m.text, choiceId: m.choiceId });
  if (rating === null) {
    if (state.ratingRetries >= 1) {
      // Asked again once already: stop asking; this message starts a new menu.
      deleteUser(ctx.props, state);
      return false;
    }
    turn.inbound(m, state.sessionId, 'warga');
    state.ratingRetries += 1;
    sendRatingQuestion(ctx, state, ctx.t('ratingInvalid', { choices: ratingLines() }), turn);
    saveUser(ctx.props, state);
    return true;
  }
  turn.inbound(m, state.sessionId, 'warga');
  const label = ratingLabel(rating);
  ctx.db.update('sessions', state.row, { rating, ratingLabel: label });
  sendText(state, ctx.t('ratingThanks', { label, sessionId: state.sessionId }), turn, 'penilaian');
  deleteUser(ctx.props, state);
  return true;
}

/** Ends every connected session whose time is up (run by tick and on every webhook). */
export function expireDueSessions(ctx: Ctx, turn: Turn): number {
  const schedule = expirySchedule(ctx.props);
  let n = 0;
  for (const [userKey, at] of Object.entries(schedule)) {
    if (at > ctx.now) continue;
    const state = loadUser(ctx.props, userKey);
    if (!state || state.phase !== 'chat') {
      unscheduleExpiry(ctx.props, userKey);
      continue;
    }
    endSession(ctx, state, 'waktu habis', turn);
    n++;
  }
  return n;
}

/** The earliest scheduled expiry, or null: lets tick and the webhook skip work cheaply. */
export function nextExpiryAt(ctx: Ctx): number | null {
  const times = Object.values(expirySchedule(ctx.props));
  return times.length === 0 ? null : Math.min(...times);
}

export function mediaLabel(type: string): string {
  return MEDIA_LABELS[type] ?? type;
}
