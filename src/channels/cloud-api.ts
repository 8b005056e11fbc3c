/**
 * Meta WhatsApp Cloud API: webhook body → normalised events; Outbound → HTTP requests.
 * Pure: no Apps Script globals. Limits and shapes: shared/reference/whatsapp.md.
 */
import type {
  Choice,
  HttpRequest,
  InboundMessage,
  InboundType,
  Outbound,
  ParsedWebhook,
  Provider,
  ProviderConfig,
  SendResult,
  StatusEvent,
  WebhookError,
} from './types';
import {
  arr,
  clip,
  code,
  digits,
  isRecord,
  JsonRecord,
  networkFailure,
  num,
  parseJson,
  rec,
  secondsToMs,
  splitText,
  str,
  truncate,
  uniqueWithin,
} from './util';

/** Meta's documented limits (characters; measured here in UTF-16 code units). */
export const CLOUD_LIMITS = {
  textBody: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  buttonBody: 1024,
  footer: 60,
  header: 60,
  listRows: 10,
  listButton: 20,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listBody: 4096,
} as const;

export const CLOUD_API_BASE = 'https://graph.facebook.com';

/** Graph error codes worth retrying later (throttling, temporary or unknown server errors). */
export const CLOUD_RETRYABLE_CODES: readonly number[] = [
  1, // API unknown
  2, // API service (temporary)
  4, // API too many calls (app-level rate limit)
  80007, // WABA rate limit
  130429, // throughput exceeded
  131000, // something went wrong
  131016, // service unavailable
  131056, // too many messages to the same user (pair rate limit)
  133004, // server temporarily unavailable
];

const KNOWN_TYPES: Record<string, InboundType> = {
  text: 'text',
  interactive: 'interactive',
  button: 'button',
  image: 'image',
  video: 'video',
  audio: 'audio',
  document: 'document',
  sticker: 'sticker',
  location: 'location',
  contacts: 'contacts',
  reaction: 'reaction',
  unsupported: 'unsupported',
  unknown: 'unsupported',
};

function knownType(rawType: string): InboundType | '' {
  return Object.prototype.hasOwnProperty.call(KNOWN_TYPES, rawType) ? KNOWN_TYPES[rawType] : '';
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

function emptyResult(ok: boolean, reason?: string): ParsedWebhook {
  const r: ParsedWebhook = { ok, phoneNumberIds: [], messages: [], statuses: [], errors: [] };
  if (reason !== undefined) r.reason = reason;
  return r;
}

function parseErrors(v: unknown): WebhookError[] {
  return arr(v)
    .filter(isRecord)
    .map((e) => {
      const title = str(e.title);
      const details = str(rec(e.error_data).details);
      return { code: code(e.code), title, message: str(e.message) || details || title };
    });
}

/**
 * Parse a Cloud API webhook POST body. Never throws: an unrecognisable body gives ok: false with
 * a reason; missing parts give partial results. Loops over every entry × change (field
 * 'messages') × message / status / error. Messages without any sender identity (neither `from`
 * nor `from_user_id`) cannot be answered and are skipped, as are statuses without an id.
 */
export function parseCloudWebhook(body: string): ParsedWebhook {
  try {
    return parseCloudWebhookUnsafe(body);
  } catch (e) {
    return emptyResult(false, 'parse failure: ' + String(e));
  }
}

function parseCloudWebhookUnsafe(body: string): ParsedWebhook {
  if (typeof body !== 'string' || body.trim() === '') return emptyResult(false, 'empty body');
  const parsed = parseJson(body);
  if (!parsed.ok) return emptyResult(false, 'malformed JSON');
  const root = parsed.value;
  if (!isRecord(root)) return emptyResult(false, 'not a JSON object');
  if (root.object !== 'whatsapp_business_account') {
    return emptyResult(false, 'unexpected object: ' + clip(str(root.object) || '(none)', 60));
  }
  if (!Array.isArray(root.entry)) return emptyResult(false, 'no entry array');

  const result = emptyResult(true);
  for (const entry of root.entry) {
    for (const change of arr(rec(entry).changes)) {
      const ch = rec(change);
      if (ch.field !== undefined && ch.field !== 'messages') continue;
      if (!isRecord(ch.value)) continue;
      parseValue(ch.value, result);
    }
  }
  return result;
}

function parseValue(value: JsonRecord, out: ParsedWebhook): void {
  const phoneNumberId = str(rec(value.metadata).phone_number_id);
  if (phoneNumberId && out.phoneNumberIds.indexOf(phoneNumberId) < 0) {
    out.phoneNumberIds.push(phoneNumberId);
  }
  const contacts = arr(value.contacts).filter(isRecord);
  for (const m of arr(value.messages)) {
    if (!isRecord(m)) continue;
    const msg = parseMessage(m, contacts);
    if (msg) out.messages.push(msg);
  }
  for (const s of arr(value.statuses)) {
    if (!isRecord(s)) continue;
    const st = parseStatus(s);
    if (st) out.statuses.push(st);
  }
  for (const e of parseErrors(value.errors)) out.errors.push(e);
}

function findContact(contacts: JsonRecord[], from: string, fromUserId: string): JsonRecord {
  for (const c of contacts) {
    if (fromUserId && str(c.user_id) === fromUserId) return c;
    if (from && str(c.wa_id) === from) return c;
  }
  return contacts.length > 0 ? contacts[0] : {};
}

function parseMessage(m: JsonRecord, contacts: JsonRecord[]): InboundMessage | null {
  const from = str(m.from);
  const fromUserId = str(m.from_user_id);
  const contact = findContact(contacts, from, fromUserId);
  const phone = digits(from || str(contact.wa_id));
  const userId = fromUserId || str(contact.user_id);
  const userKey = userId || phone;
  if (!userKey) return null;

  const rawType = str(m.type);
  const type = knownType(rawType) || 'other';
  const msg: InboundMessage = {
    provider: 'cloud',
    id: str(m.id),
    userKey,
    phone,
    userId,
    name: str(rec(contact.profile).name),
    timestamp: secondsToMs(m.timestamp),
    type,
    rawType,
    text: '',
    choiceId: '',
    caption: '',
    mediaId: '',
    mimeType: '',
    filename: '',
    replyToId: str(rec(m.context).id),
    errors: parseErrors(m.errors),
  };
  fillContent(msg, rawType, m);
  if (!msg.id) {
    // Meta always sends an id; keep a deterministic stand-in so dedupe still works.
    msg.id = clip(['cloud-noid', userKey, str(m.timestamp), rawType, msg.text].join(':'), 200);
  }
  return msg;
}

function fillContent(msg: InboundMessage, rawType: string, m: JsonRecord): void {
  const body = rec(m[rawType]);
  if (rawType === 'text') {
    msg.text = str(body.body);
  } else if (rawType === 'interactive') {
    const sub = str(body.type);
    const reply = rec(body[sub]);
    if (sub === 'button_reply' || sub === 'list_reply') {
      msg.choiceId = str(reply.id);
      msg.text = str(reply.title);
    } else {
      // e.g. nfm_reply (flows): body text if any.
      msg.text = str(reply.body) || str(reply.title);
    }
  } else if (rawType === 'button') {
    msg.text = str(body.text);
    msg.choiceId = str(body.payload);
  } else if (MEDIA_TYPES.indexOf(rawType) >= 0) {
    msg.mediaId = str(body.id);
    msg.mimeType = str(body.mime_type);
    msg.caption = str(body.caption);
    msg.filename = str(body.filename);
    msg.text = msg.caption;
  } else if (rawType === 'location') {
    fillLocation(msg, body);
  } else if (rawType === 'contacts') {
    msg.text = arr(m.contacts).filter(isRecord).map(describeContact).filter(Boolean).join('; ');
  } else if (rawType === 'reaction') {
    msg.text = str(body.emoji);
    msg.replyToId = str(body.message_id) || msg.replyToId;
  } else if (rawType === 'system') {
    msg.text = str(body.body);
  } else if (!knownType(rawType)) {
    msg.text = str(body.body) || str(body.text) || str(body.caption);
  }
}

function fillLocation(msg: InboundMessage, body: JsonRecord): void {
  const latitude = num(body.latitude);
  const longitude = num(body.longitude);
  const name = str(body.name);
  const address = str(body.address);
  if (!isNaN(latitude) && !isNaN(longitude)) {
    const loc: InboundMessage['location'] = { latitude, longitude };
    if (name) loc.name = name;
    if (address) loc.address = address;
    msg.location = loc;
  }
  const label = [name, address].filter(Boolean).join(', ');
  msg.text = label || (msg.location ? latitude + ',' + longitude : '');
}

function describeContact(c: JsonRecord): string {
  const n = rec(c.name);
  const name = str(n.formatted_name) || [str(n.first_name), str(n.last_name)].join(' ').trim();
  const phones = arr(c.phones)
    .filter(isRecord)
    .map((p) => str(p.phone) || str(p.wa_id))
    .filter(Boolean);
  if (phones.length === 0) return name;
  return name ? name + ' (' + phones.join(', ') + ')' : phones.join(', ');
}

function parseStatus(s: JsonRecord): StatusEvent | null {
  const id = str(s.id);
  if (!id) return null;
  return {
    id,
    status: str(s.status),
    recipient: str(s.recipient_id),
    recipientUserId: str(s.recipient_user_id),
    timestamp: secondsToMs(s.timestamp),
    errors: parseErrors(s.errors),
  };
}

// ---------------------------------------------------------------------------------------------
// Sending

/**
 * Whether `to` is a phone number (digits with an optional '+', spaces, dashes, parentheses).
 * Anything else (e.g. a business-scoped user id such as 'ID.1234…') is sent in `recipient`,
 * the field Meta added for BSUIDs; `to` keeps phone numbers.
 */
export function isPhoneAddress(to: string): boolean {
  return /^\+?[0-9][0-9 ()-]*$/.test(to.trim());
}

function address(to: string): JsonRecord {
  const t = to.trim();
  return isPhoneAddress(t) ? { to: t } : { recipient: t };
}

function graphUrl(cfg: ProviderConfig): string {
  const base = (cfg.apiBase || CLOUD_API_BASE).replace(/\/+$/, '');
  const v = cfg.graphVersion.trim();
  const version = /^\d/.test(v) ? 'v' + v : v;
  return base + '/' + version + '/' + encodeURIComponent(cfg.phoneNumberId.trim()) + '/messages';
}

function request(cfg: ProviderConfig, payload: JsonRecord): HttpRequest {
  return {
    url: graphUrl(cfg),
    method: 'post',
    headers: { Authorization: 'Bearer ' + cfg.token },
    contentType: 'application/json',
    payload: JSON.stringify(payload),
    muteHttpExceptions: true,
  };
}

function envelope(to: string, type: string): JsonRecord {
  const env: JsonRecord = { messaging_product: 'whatsapp', recipient_type: 'individual' };
  return Object.assign(env, address(to), { type });
}

/** Text messages: one request per ≤ 4096-character part; the reply context on the first only. */
export function buildTextPayloads(to: string, text: string, replyToId?: string): JsonRecord[] {
  if (text.trim() === '') return [];
  return splitText(text, CLOUD_LIMITS.textBody).map((part, i) => {
    const p = envelope(to, 'text');
    if (i === 0 && replyToId) p.context = { message_id: replyToId };
    p.text = { body: part };
    return p;
  });
}

interface CleanChoice {
  id: string;
  title: string;
  description: string;
}

function cleanChoices(choices: Choice[], titleMax: number, idMax: number): CleanChoice[] {
  const titles = uniqueWithin(
    choices.map((c, i) => (c.title || '').trim() || String(i + 1)),
    titleMax,
    truncate,
    ' ',
  );
  const ids = uniqueWithin(
    choices.map((c, i) => c.id || String(i + 1)),
    idMax,
    clip,
    '~',
  );
  return choices.map((c, i) => ({
    id: ids[i],
    title: titles[i],
    description: truncate((c.description || '').trim(), CLOUD_LIMITS.rowDescription),
  }));
}

function decorate(interactive: JsonRecord, header?: string, footer?: string): void {
  const h = (header || '').trim();
  const f = (footer || '').trim();
  if (h) interactive.header = { type: 'text', text: truncate(h, CLOUD_LIMITS.header) };
  if (f) interactive.footer = { text: truncate(f, CLOUD_LIMITS.footer) };
}

/**
 * A menu: 1–3 choices → reply buttons (body ≤ 1024, else a list); 1–10 → a list (body ≤ 4096);
 * more than 10, no choices, an empty button label, or a longer body → the text alone (which the
 * app writes as a numbered menu). Titles are cut with '…' and made unique; ids are cut and made
 * unique (suffix '~2' …) only if the app gave invalid ones.
 */
export function buildMenuPayloads(out: Extract<Outbound, { kind: 'menu' }>): JsonRecord[] {
  const n = out.choices.length;
  const body = out.text;
  const label = (out.buttonLabel || '').trim();
  if (body.trim() === '' || n === 0 || n > CLOUD_LIMITS.listRows) {
    return buildTextPayloads(out.to, body);
  }
  if (n <= CLOUD_LIMITS.buttons && body.length <= CLOUD_LIMITS.buttonBody) {
    const choices = cleanChoices(out.choices, CLOUD_LIMITS.buttonTitle, CLOUD_LIMITS.buttonId);
    const interactive: JsonRecord = { type: 'button' };
    decorate(interactive, out.header, undefined);
    interactive.body = { text: body };
    decorate(interactive, undefined, out.footer);
    interactive.action = {
      buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.title } })),
    };
    const p = envelope(out.to, 'interactive');
    p.interactive = interactive;
    return [p];
  }
  if (label === '' || body.length > CLOUD_LIMITS.listBody) return buildTextPayloads(out.to, body);
  const choices = cleanChoices(out.choices, CLOUD_LIMITS.rowTitle, CLOUD_LIMITS.rowId);
  const section = (out.sectionTitle || '').trim() || label;
  const interactive: JsonRecord = { type: 'list' };
  decorate(interactive, out.header, undefined);
  interactive.body = { text: body };
  decorate(interactive, undefined, out.footer);
  interactive.action = {
    button: truncate(label, CLOUD_LIMITS.listButton),
    sections: [
      {
        title: truncate(section, CLOUD_LIMITS.sectionTitle),
        rows: choices.map((c) =>
          c.description
            ? { id: c.id, title: c.title, description: c.description }
            : { id: c.id, title: c.title },
        ),
      },
    ],
  };
  const p = envelope(out.to, 'interactive');
  p.interactive = interactive;
  return [p];
}

function buildTemplatePayload(out: Extract<Outbound, { kind: 'template' }>): JsonRecord {
  const template: JsonRecord = { name: out.name, language: { code: out.language } };
  if (out.params.length > 0) {
    template.components = [{ type: 'body', parameters: out.params.map((text) => ({ type: 'text', text })) }];
  }
  const p = envelope(out.to, 'template');
  p.template = template;
  return p;
}

function buildReadPayload(out: Extract<Outbound, { kind: 'read' }>): JsonRecord[] {
  if (!out.messageId) return [];
  const p: JsonRecord = {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: out.messageId,
  };
  if (out.typing) p.typing_indicator = { type: 'text' };
  return [p];
}

/** The Graph API request(s) for one outbound message; [] when there is nothing to send. */
export function buildCloudRequests(out: Outbound, cfg: ProviderConfig): HttpRequest[] {
  let payloads: JsonRecord[];
  switch (out.kind) {
    case 'text':
      payloads = buildTextPayloads(out.to, out.text, out.replyToId);
      break;
    case 'menu':
      payloads = buildMenuPayloads(out);
      break;
    case 'template':
      payloads = out.name ? [buildTemplatePayload(out)] : [];
      break;
    case 'read':
      payloads = buildReadPayload(out);
      break;
    default:
      payloads = [];
  }
  return payloads.map((p) => request(cfg, p));
}

/**
 * A Graph API send response. Status 0 means the fetch itself failed (the caller's network
 * error): retryable. Retryable: HTTP 429 and 5xx, and CLOUD_RETRYABLE_CODES; everything else
 * (131047 outside the 24-hour window, 131026, 131049, 131051, 100, 190, 131030 …) is not.
 */
export function parseCloudSendResponse(status: number, body: string): SendResult {
  if (!status) return networkFailure();
  const parsed = parseJson(body || '');
  const root = parsed.ok ? rec(parsed.value) : {};
  const httpRetryable = status === 429 || status >= 500;
  if (isRecord(root.error)) {
    const err = root.error;
    const errorCode = code(err.code);
    const details = str(rec(err.error_data).details);
    const message = str(err.message) || str(err.error_user_msg) || 'HTTP ' + status;
    return {
      ok: false,
      messageId: '',
      errorCode,
      errorMessage: details && message.indexOf(details) < 0 ? message + ': ' + details : message,
      retryable: httpRetryable || CLOUD_RETRYABLE_CODES.indexOf(errorCode) >= 0,
    };
  }
  if (status >= 200 && status < 300) {
    const id = str(rec(arr(root.messages)[0]).id);
    if (id) return { ok: true, messageId: id, errorCode: 0, errorMessage: '', retryable: false };
    if (root.success === true) {
      return { ok: true, messageId: '', errorCode: 0, errorMessage: '', retryable: false };
    }
    // Accepted by HTTP but not understood: do not retry (the message may have gone out).
    return {
      ok: false,
      messageId: '',
      errorCode: 0,
      errorMessage: 'unexpected response: ' + clip(body || '', 200),
      retryable: false,
    };
  }
  return {
    ok: false,
    messageId: '',
    errorCode: status,
    errorMessage: 'HTTP ' + status + (body ? ': ' + clip(body, 200) : ''),
    retryable: httpRetryable,
  };
}

export const cloudApi: Provider = {
  name: 'cloud',
  parseWebhook: (body: string) => parseCloudWebhook(body),
  buildRequests: buildCloudRequests,
  parseSendResponse: parseCloudSendResponse,
};
