/**
 * Fonnte (Indonesian WhatsApp gateway on a paired phone): webhook body → normalised events;
 * Outbound → HTTP requests. Pure: no Apps Script globals.
 *
 * Fonnte sends one message per POST, with no message id and no published literal sample, so the
 * parser accepts JSON and form-encoded bodies and any missing field. The synthetic id is built
 * from sender + timestamp + content (see fonnteMessageId). When Fonnte sends no timestamp the id
 * holds '0' there and `timestamp` is 0: the app substitutes the receive time, and de-duplication
 * then rests on sender + content, which the app should only trust within a short window (Fonnte
 * retries an unacknowledged webhook once a minute, 15 times).
 */
import type {
  HttpRequest,
  InboundMessage,
  InboundType,
  Outbound,
  ParsedWebhook,
  Provider,
  ProviderConfig,
  SendResult,
  StatusEvent,
} from './types';
import {
  arr,
  clip,
  digits,
  fnv1a,
  isRecord,
  networkFailure,
  num,
  parseJson,
  rec,
  splitText,
  str,
} from './util';

export const FONNTE_API_BASE = 'https://api.fonnte.com';
export const FONNTE_COUNTRY_CODE = '62';
/** WhatsApp's own limit is about 65 000 characters; longer texts are split like Cloud texts. */
export const FONNTE_TEXT_MAX = 60000;

const MEDIA_BY_EXTENSION: Record<string, InboundType> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
  heic: 'image',
  mp4: 'video',
  '3gp': 'video',
  mov: 'video',
  mkv: 'video',
  avi: 'video',
  webm: 'video',
  mp3: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  m4a: 'audio',
  aac: 'audio',
  wav: 'audio',
  amr: 'audio',
};

type Fields = Record<string, string>;

function emptyResult(ok: boolean, reason?: string): ParsedWebhook {
  const r: ParsedWebhook = { ok, phoneNumberIds: [], messages: [], statuses: [], errors: [] };
  if (reason !== undefined) r.reason = reason;
  return r;
}

/** Decode one form component: '+' is a space, %xx are UTF-8 bytes; bad escapes stay as sent. */
export function decodeFormComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Parse an application/x-www-form-urlencoded body; the first value of a repeated key wins. */
export function parseForm(body: string): Fields {
  const out: Fields = {};
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeFormComponent(eq < 0 ? pair : pair.slice(0, eq)).trim();
    const value = eq < 0 ? '' : decodeFormComponent(pair.slice(eq + 1));
    if (key && !Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
  }
  return out;
}

/** Encode fields as application/x-www-form-urlencoded. */
export function encodeForm(fields: Fields): string {
  return Object.keys(fields)
    .map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(fields[k]))
    .join('&');
}

function fieldsFromJson(v: unknown): Fields | null {
  if (!isRecord(v)) return null;
  const out: Fields = {};
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (Array.isArray(x)) out[k] = x.map(str).filter(Boolean).join(', ');
    else out[k] = str(x);
  }
  return out;
}

/** JSON when the body is a JSON object, else form fields; null when neither. */
function readFields(body: string): Fields | null {
  const trimmed = body.trim();
  if (trimmed.charAt(0) === '{') {
    const parsed = parseJson(trimmed);
    return parsed.ok ? fieldsFromJson(parsed.value) : null;
  }
  return trimmed.indexOf('=') > 0 ? parseForm(trimmed) : null;
}

/** Fonnte timestamps: Unix seconds, or ms when large enough; 0 when absent/invalid. */
export function fonnteTimestamp(v: string): number {
  const n = num(v);
  if (isNaN(n) || n <= 0) return 0;
  return n >= 1e11 ? Math.round(n) : Math.round(n * 1000);
}

/**
 * A stable synthetic id (≤ 200 characters): 'fonnte:<sender>:<timestamp>:<length>:<fnv1a>:<first
 * 40 characters>', computed over the raw sender, timestamp and content fields (message, button
 * text, location, poll choices, url). The same delivery (Fonnte's retries) gives the same id;
 * any difference in content gives a different one.
 */
export function fonnteMessageId(f: Fields): string {
  const content = [f.message, f.text, f.location, f.pollname, f.choices, f.url]
    .map((x) => x || '')
    .join('\u0001');
  const sender = clip((f.sender || '').trim(), 60);
  const ts = (f.timestamp || '').trim() || '0';
  const head = clip((f.message || f.text || '').replace(/\s+/g, ' '), 40);
  return clip(['fonnte', sender, clip(ts, 20), String(content.length), fnv1a(content), head].join(':'), 200);
}

function isGroup(sender: string): boolean {
  return /@g\.us$/i.test(sender);
}

function parseLocation(v: string): { latitude: number; longitude: number } | null {
  const parts = v.split(',');
  if (parts.length !== 2) return null;
  const latitude = num(parts[0]);
  const longitude = num(parts[1]);
  if (isNaN(latitude) || isNaN(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

function extensionOf(f: Fields): string {
  const ext = (f.extension || '').trim().replace(/^\./, '').toLowerCase();
  if (ext) return ext;
  const m = /\.([a-z0-9]{1,5})$/i.exec((f.filename || '').trim());
  return m ? m[1].toLowerCase() : '';
}

function parseMessage(f: Fields): InboundMessage {
  const sender = (f.sender || '').trim();
  const group = isGroup(sender);
  const phone = digits((group ? f.member || '' : sender).replace(/@.*$/, ''));
  const userKey = group ? sender : phone;
  const message = f.message || '';
  const buttonText = f.text || '';
  const msg: InboundMessage = {
    provider: 'fonnte',
    id: fonnteMessageId(f),
    userKey,
    phone,
    userId: '',
    name: (f.name || '').trim(),
    timestamp: fonnteTimestamp(f.timestamp || ''),
    type: 'text',
    rawType: 'text',
    text: message || buttonText,
    choiceId: '',
    caption: '',
    mediaId: '',
    mimeType: '',
    filename: (f.filename || '').trim(),
    replyToId: '',
    errors: [],
  };
  const url = (f.url || '').trim();
  const ext = extensionOf(f);
  const loc = f.location ? parseLocation(f.location) : null;
  if (url || ext) {
    const known = Object.prototype.hasOwnProperty.call(MEDIA_BY_EXTENSION, ext);
    msg.type = known ? MEDIA_BY_EXTENSION[ext] : 'document';
    msg.rawType = ext || 'file';
    msg.mediaId = url;
    msg.caption = message;
  } else if (loc) {
    msg.type = 'location';
    msg.rawType = 'location';
    msg.location = loc;
    msg.text = message || loc.latitude + ',' + loc.longitude;
  } else if (f.choices) {
    msg.type = 'interactive';
    msg.rawType = 'poll';
    msg.text = f.choices;
    msg.choiceId = f.choices;
  } else if (!message && buttonText) {
    msg.type = 'button';
    msg.rawType = 'button';
  } else if (!message) {
    msg.type = 'other';
    msg.rawType = '';
  }
  return msg;
}

/** A message-status webhook (Fonnte's separate "webhookstatus" URL): id + state/status. */
function parseStatus(f: Fields): StatusEvent {
  return {
    id: f.id,
    status: (f.state || f.status || '').trim().toLowerCase(),
    recipient: digits(f.target || ''),
    recipientUserId: '',
    timestamp: fonnteTimestamp(f.timestamp || ''),
    errors: [],
  };
}

/**
 * Parse a Fonnte webhook body (JSON or form-encoded, told apart by the body itself: the content
 * type Apps Script reports is not needed). Never throws. A body with a `sender` is one
 * incoming message; a body with an `id` and a `state`/`status` but no sender is a status update;
 * anything else is ok: false. `phoneNumberIds` holds the receiving `device` when present.
 */
export function parseFonnteWebhook(body: string): ParsedWebhook {
  try {
    if (typeof body !== 'string' || body.trim() === '') return emptyResult(false, 'empty body');
    const f = readFields(body);
    if (!f) return emptyResult(false, 'unreadable body');
    const result = emptyResult(true);
    const device = digits(f.device || '');
    if (device) result.phoneNumberIds.push(device);
    if ((f.sender || '').trim()) {
      result.messages.push(parseMessage(f));
    } else if (f.id && (f.state || f.status)) {
      result.statuses.push(parseStatus(f));
    } else {
      return emptyResult(false, 'no sender');
    }
    return result;
  } catch (e) {
    return emptyResult(false, 'parse failure: ' + String(e));
  }
}

// ---------------------------------------------------------------------------------------------
// Sending

/** Phone-like targets are reduced to digits (Fonnte applies countryCode to a leading 0). */
function target(to: string): string {
  const t = to.trim();
  return /^\+?[0-9][0-9 ()-]*$/.test(t) ? digits(t) : t;
}

function sendRequest(cfg: ProviderConfig, to: string, message: string): HttpRequest {
  const base = (cfg.apiBase || FONNTE_API_BASE).replace(/\/+$/, '');
  return {
    url: base + '/send',
    method: 'post',
    headers: { Authorization: cfg.token },
    contentType: 'application/x-www-form-urlencoded',
    payload: encodeForm({ target: target(to), message, countryCode: FONNTE_COUNTRY_CODE }),
    muteHttpExceptions: true,
  };
}

function textRequests(cfg: ProviderConfig, to: string, text: string): HttpRequest[] {
  if (text.trim() === '') return [];
  return splitText(text, FONNTE_TEXT_MAX).map((part) => sendRequest(cfg, to, part));
}

/**
 * Fonnte requests. Menus are sent as their text only (the app writes the numbered menu; buttons
 * and lists are not available on Fonnte). Templates do not exist: the parameters are sent as
 * plain text, one per line ([] when there are none). 'read' is not supported: [].
 * `replyToId`, `header` and `footer` are ignored.
 */
export function buildFonnteRequests(out: Outbound, cfg: ProviderConfig): HttpRequest[] {
  switch (out.kind) {
    case 'text':
    case 'menu':
      return textRequests(cfg, out.to, out.text);
    case 'template':
      return textRequests(cfg, out.to, out.params.join('\n'));
    default:
      return [];
  }
}

/**
 * Fonnte answers HTTP 200 with {status: true, id: [...], process, …} or {status: false, reason}.
 * Retryable: status 0 (network), HTTP 429/5xx, and reasons that name a passing condition (rate
 * limit, "try again", timeout, busy, disconnected device, server error). Not retryable: quota or
 * package exhausted/expired (needs a top-up by a person), invalid token, invalid target, and
 * anything unknown, so that the app logs it instead of retrying blindly.
 */
export function parseFonnteSendResponse(status: number, body: string): SendResult {
  if (!status) return networkFailure();
  const parsed = parseJson(body || '');
  const root = parsed.ok ? rec(parsed.value) : {};
  if (status >= 200 && status < 300 && root.status === true) {
    const ids = arr(root.id).map(str).filter(Boolean);
    const messageId = ids[0] || str(root.id);
    return { ok: true, messageId, errorCode: 0, errorMessage: '', retryable: false };
  }
  if (status < 200 || status >= 300) {
    return {
      ok: false,
      messageId: '',
      errorCode: status,
      errorMessage: 'HTTP ' + status + (body ? ': ' + clip(body, 200) : ''),
      retryable: status === 429 || status >= 500,
    };
  }
  const reason = str(root.reason) || str(root.detail) || 'unexpected response: ' + clip(body, 200);
  return {
    ok: false,
    messageId: '',
    errorCode: 0,
    errorMessage: reason,
    retryable: isTransientReason(reason),
  };
}

const PERMANENT = /quota|insufficient|package|expired|invalid|unknown user|not registered/;
const TRANSIENT = new RegExp(
  [
    'rate.?limit',
    'limit exceeded',
    'too many',
    'try again',
    'later',
    'time(d)? ?out',
    'busy',
    'disconnect',
    'server',
    'unavailable',
  ].join('|'),
);

/** Whether a Fonnte failure reason names a passing condition (see parseFonnteSendResponse). */
export function isTransientReason(reason: string): boolean {
  const r = reason.toLowerCase();
  return !PERMANENT.test(r) && TRANSIENT.test(r);
}

export const fonnte: Provider = {
  name: 'fonnte',
  parseWebhook: parseFonnteWebhook,
  buildRequests: buildFonnteRequests,
  parseSendResponse: parseFonnteSendResponse,
};
