// Off Google there is no Meta and no Fonnte: this answers the product's outbound requests the way
// they do (message ids, error bodies), turns them into readable outbox entries, and builds inbound
// webhook payloads in the published shapes (test/fixtures/whatsapp/*.json) for a citizen's phone.

import { type FakeMediaOptions, fakeMediaResponse } from './fake-media';

export interface FetchLike {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  payload?: string;
  contentType?: string;
}

export interface FakeResponse {
  status: number;
  body: string;
  bodyBase64?: string;
  headers?: Record<string, string>;
}

export interface Choice {
  id: string;
  title: string;
  description?: string;
}

/** One message the product sent, as a person would read it. */
export interface OutboundMessage {
  provider: 'cloud' | 'fonnte';
  to: string;
  type: string;
  text: string;
  /** Rows or buttons of an interactive message. */
  choices: Choice[];
  /** The full request body sent. */
  body: unknown;
}

let seq = 0;

export function newWamid(prefix = 'out'): string {
  seq += 1;
  return `wamid.${prefix}.${Date.now().toString(36)}.${seq}`;
}

export function isWhatsAppRequest(url: string): 'cloud' | 'fonnte' | null {
  if (/graph\.facebook\.com\/[^/]+\/[^/]+\/messages/.test(url)) return 'cloud';
  if (/api\.fonnte\.com\/send/.test(url)) return 'fonnte';
  return null;
}

/** Parses an outbound request into what the recipient sees (null for non-message requests). */
export function readOutbound(req: FetchLike): OutboundMessage | null {
  const provider = isWhatsAppRequest(req.url);
  if (provider === 'cloud') {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.payload ?? '{}') as Record<string, unknown>;
    } catch {
      return null;
    }
    if (body.status === 'read') return null;
    const type = String(body.type ?? '');
    const to = String(body.to ?? body.recipient ?? '');
    if (type === 'text') {
      return {
        provider,
        to,
        type,
        text: String((body.text as { body?: string })?.body ?? ''),
        choices: [],
        body,
      };
    }
    if (type === 'interactive') {
      const it = body.interactive as {
        type: string;
        body?: { text?: string };
        action?: {
          buttons?: { reply: { id: string; title: string } }[];
          sections?: { rows: Choice[] }[];
        };
      };
      const choices: Choice[] =
        it.type === 'button'
          ? (it.action?.buttons ?? []).map((b) => ({ id: b.reply.id, title: b.reply.title }))
          : (it.action?.sections ?? []).flatMap((s) => s.rows);
      return { provider, to, type: `interactive.${it.type}`, text: it.body?.text ?? '', choices, body };
    }
    if (type === 'template') {
      const t = body.template as { name: string; components?: { parameters?: { text?: string }[] }[] };
      const params = (t.components ?? []).flatMap((c) => (c.parameters ?? []).map((p) => p.text ?? ''));
      return { provider, to, type, text: `[${t.name}] ${params.join(' | ')}`.trim(), choices: [], body };
    }
    return { provider, to, type, text: '', choices: [], body };
  }
  if (provider === 'fonnte') {
    const form = new URLSearchParams(req.payload ?? '');
    const body = Object.fromEntries(form.entries());
    return {
      provider,
      to: form.get('target') ?? '',
      type: 'text',
      text: form.get('message') ?? '',
      choices: [],
      body,
    };
  }
  return null;
}

export interface FakeWhatsAppOptions extends FakeMediaOptions {
  /** Return an error for some requests (failure injection). */
  fail?: (req: FetchLike, msg: OutboundMessage | null) => FakeResponse | null;
}

/** Answers like Meta's Cloud API and Fonnte. */
export function fakeWhatsAppResponse(req: FetchLike, opts: FakeWhatsAppOptions = {}): FakeResponse | null {
  const media = fakeMediaResponse(req, opts);
  if (media) return media;
  const provider = isWhatsAppRequest(req.url);
  if (!provider) return null;
  const msg = readOutbound(req);
  const injected = opts.fail ? opts.fail(req, msg) : null;
  if (injected) return injected;
  if (provider === 'fonnte') {
    return {
      status: 200,
      body: JSON.stringify({ status: true, id: [String(Date.now())], process: 'pending' }),
    };
  }
  if (!msg) return { status: 200, body: JSON.stringify({ success: true }) };
  return {
    status: 200,
    body: JSON.stringify({
      messaging_product: 'whatsapp',
      contacts: [{ input: msg.to, wa_id: msg.to }],
      messages: [{ id: newWamid() }],
    }),
  };
}

export function cloudError(code: number, message: string, status = 400): FakeResponse {
  return {
    status,
    body: JSON.stringify({ error: { message, type: 'OAuthException', code, fbtrace_id: 'Afake' } }),
  };
}

// ---- inbound payloads -------------------------------------------------------------------------

export interface Sender {
  phone: string;
  name: string;
  /** Business-scoped user id (usernames, 2026); phone may then be ''. */
  userId?: string;
}

export const DEFAULT_PHONE_NUMBER_ID = 'PLAYGROUND';

function envelope(value: Record<string, unknown>, phoneNumberId: string): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '6281100000000', phone_number_id: phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

function contactOf(s: Sender): Record<string, unknown> {
  const c: Record<string, unknown> = { profile: { name: s.name }, wa_id: s.phone };
  if (s.userId) c.user_id = s.userId;
  return c;
}

function messageBase(s: Sender, at: number, id?: string): Record<string, unknown> {
  const m: Record<string, unknown> = {
    id: id ?? newWamid('in'),
    timestamp: String(Math.floor(at / 1000)),
  };
  if (s.phone) m.from = s.phone;
  if (s.userId) m.from_user_id = s.userId;
  return m;
}

export function cloudText(
  s: Sender,
  text: string,
  at: number,
  opts: { id?: string; replyTo?: string; phoneNumberId?: string } = {},
): Record<string, unknown> {
  const m: Record<string, unknown> = { ...messageBase(s, at, opts.id), type: 'text', text: { body: text } };
  if (opts.replyTo) m.context = { from: '6281100000000', id: opts.replyTo };
  return envelope({ contacts: [contactOf(s)], messages: [m] }, opts.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID);
}

export function cloudChoice(
  s: Sender,
  choice: Choice,
  kind: 'list_reply' | 'button_reply',
  at: number,
  opts: { id?: string; phoneNumberId?: string } = {},
): Record<string, unknown> {
  const m = {
    ...messageBase(s, at, opts.id),
    type: 'interactive',
    interactive: { type: kind, [kind]: { id: choice.id, title: choice.title } },
  };
  return envelope({ contacts: [contactOf(s)], messages: [m] }, opts.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID);
}

export function cloudMedia(
  s: Sender,
  type: 'image' | 'document' | 'audio' | 'video' | 'sticker',
  media: { id: string; mime_type: string; caption?: string; filename?: string },
  at: number,
  opts: { phoneNumberId?: string } = {},
): Record<string, unknown> {
  const m = { ...messageBase(s, at), type, [type]: media };
  return envelope({ contacts: [contactOf(s)], messages: [m] }, opts.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID);
}

export function cloudStatus(
  messageId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  recipient: string,
  at: number,
  errors: { code: number; title: string }[] = [],
  phoneNumberId = DEFAULT_PHONE_NUMBER_ID,
): Record<string, unknown> {
  const st: Record<string, unknown> = {
    id: messageId,
    status,
    timestamp: String(Math.floor(at / 1000)),
    recipient_id: recipient,
  };
  if (errors.length) st.errors = errors.map((e) => ({ ...e, message: e.title }));
  return envelope({ statuses: [st] }, phoneNumberId);
}

/** Fonnte's webhook body (JSON). */
export function fonnteText(s: Sender, text: string, at: number): Record<string, unknown> {
  return {
    device: '6281100000000',
    sender: s.phone,
    message: text,
    name: s.name,
    timestamp: Math.floor(at / 1000),
  };
}
