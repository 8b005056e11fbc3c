// What the /chat page shows for one phone number: the messages the playground received for the
// product (its inbox, recorded at /exec) and the requests the product sent to WhatsApp (the
// emulator's UrlFetchApp log, in the order they were made), merged in the order they happened.
// Interactive messages keep their buttons and list rows so the page can offer them as taps; read
// receipts mark the inbound message.

/** One UrlFetchApp request (emu.fetchLog). */
export interface SentRequest {
  /** Epoch ms. */
  at: number;
  url: string;
  payload: string;
}

/** One inbound WhatsApp message seen at /exec (Cloud API or Fonnte). */
export interface InboxEntry {
  seq: number;
  /** Emulated time of receipt, epoch ms. */
  at: number;
  from: string;
  name: string;
  id: string;
  type: string;
  text: string;
  choiceId: string;
  /** Requests sent before it arrived: it comes before the requests from this index on. */
  sentBefore: number;
}

export interface ChoiceView {
  id: string;
  title: string;
  description?: string;
}

export interface BubbleView {
  dir: 'in' | 'out';
  at: number;
  kind: string;
  text: string;
  header?: string;
  footer?: string;
  buttons?: ChoiceView[];
  list?: { button: string; sections: { title: string; rows: ChoiceView[] }[] };
  template?: { name: string; params: string[] };
  /** The wamid (outbound: the one the provider answered, when known). */
  id?: string;
  /** Inbound: the product marked it as read. */
  read?: boolean;
}

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function digits(s: string): string {
  return String(s ?? '').replace(/\D/g, '');
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export type Provider = 'cloud' | 'fonnte';

export function providerOf(url: string): Provider | null {
  if (/^https:\/\/graph\.facebook\.com\/[^/]+\/[^/]+\/messages\b/.test(url)) return 'cloud';
  if (/^https:\/\/api\.fonnte\.com\/send\b/.test(url)) return 'fonnte';
  return null;
}

function choices(list: unknown): ChoiceView[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((r) => {
    const c: ChoiceView = { id: str(r.id), title: str(r.title) };
    if (str(r.description)) c.description = str(r.description);
    return c;
  });
}

/** The recipient of a WhatsApp request ('' for read receipts and other requests). */
export function recipientOf(req: SentRequest): string {
  const provider = providerOf(req.url);
  if (provider === 'fonnte') return new URLSearchParams(req.payload).get('target') ?? '';
  if (provider !== 'cloud') return '';
  const p = parseJson(req.payload);
  return isObj(p) ? str(p.to) : '';
}

/** One WhatsApp message the product sent, as a bubble; null for read receipts and other requests. */
export function outboundBubble(req: SentRequest): BubbleView | null {
  const provider = providerOf(req.url);
  if (provider === 'fonnte') {
    const text = new URLSearchParams(req.payload).get('message') ?? '';
    return { dir: 'out', at: req.at, kind: 'text', text };
  }
  const p = provider === 'cloud' ? parseJson(req.payload) : null;
  if (!isObj(p) || p.status === 'read') return null;
  const type = str(p.type);
  const bubble: BubbleView = { dir: 'out', at: req.at, kind: type || 'text', text: '' };
  if (type === 'text' && isObj(p.text)) bubble.text = str(p.text.body);
  if (type === 'interactive' && isObj(p.interactive)) {
    const i = p.interactive;
    if (isObj(i.body)) bubble.text = str(i.body.text);
    if (isObj(i.header)) bubble.header = str(i.header.text);
    if (isObj(i.footer)) bubble.footer = str(i.footer.text);
    const action = isObj(i.action) ? i.action : {};
    if (i.type === 'button' && Array.isArray(action.buttons)) {
      bubble.kind = 'buttons';
      bubble.buttons = action.buttons.filter(isObj).flatMap((b) => choices([b.reply]));
    } else if (i.type === 'list' && Array.isArray(action.sections)) {
      bubble.kind = 'list';
      bubble.list = {
        button: str(action.button),
        sections: action.sections
          .filter(isObj)
          .map((sec) => ({ title: str(sec.title), rows: choices(sec.rows) })),
      };
    }
  }
  if (type === 'template' && isObj(p.template)) {
    const t = p.template;
    const params: string[] = [];
    for (const comp of Array.isArray(t.components) ? t.components.filter(isObj) : []) {
      for (const par of Array.isArray(comp.parameters) ? comp.parameters.filter(isObj) : [])
        params.push(str(par.text));
    }
    bubble.template = { name: str(t.name), params };
    bubble.text = params.join(' · ');
  }
  return bubble;
}

/** Ids of inbound messages the product marked as read (Cloud API). */
function readIds(sent: SentRequest[]): Set<string> {
  const ids = new Set<string>();
  for (const req of sent) {
    if (providerOf(req.url) !== 'cloud') continue;
    const p = parseJson(req.payload);
    if (isObj(p) && p.status === 'read' && str(p.message_id)) ids.add(str(p.message_id));
  }
  return ids;
}

/**
 * The conversation of `number` (any formatting), oldest first. `messageIds` maps the index of a
 * sent request to the message id the provider answered (taps on its buttons quote it).
 */
export function conversation(
  number: string,
  inbox: InboxEntry[],
  sent: SentRequest[],
  messageIds: ReadonlyMap<number, string> = new Map(),
): BubbleView[] {
  const who = digits(number);
  const read = readIds(sent);
  const items: { key: number; seq: number; bubble: BubbleView }[] = [];
  for (const m of inbox) {
    if (digits(m.from) !== who) continue;
    const bubble: BubbleView = { dir: 'in', at: m.at, kind: m.type, text: m.text, id: m.id };
    if (read.has(m.id)) bubble.read = true;
    items.push({ key: m.sentBefore - 0.5, seq: m.seq, bubble });
  }
  sent.forEach((req, i) => {
    if (digits(recipientOf(req)) !== who) return;
    const bubble = outboundBubble(req);
    if (!bubble) return;
    const id = messageIds.get(i);
    if (id) bubble.id = id;
    items.push({ key: i, seq: 0, bubble });
  });
  items.sort((a, b) => a.key - b.key || a.seq - b.seq);
  return items.map((x) => x.bubble);
}

// ---- inbound webhooks as the playground sees them ------------------------------------------------

export type InboundSeen = Omit<InboxEntry, 'seq' | 'at' | 'sentBefore'>;

function cloudInbound(body: Json): InboundSeen[] {
  const out: InboundSeen[] = [];
  for (const entry of Array.isArray(body.entry) ? body.entry.filter(isObj) : []) {
    for (const change of Array.isArray(entry.changes) ? entry.changes.filter(isObj) : []) {
      const value = isObj(change.value) ? change.value : {};
      const contacts = Array.isArray(value.contacts) ? value.contacts.filter(isObj) : [];
      for (const m of Array.isArray(value.messages) ? value.messages.filter(isObj) : []) {
        const from = str(m.from);
        const contact = contacts.find((c) => str(c.wa_id) === from) ?? contacts[0];
        const profile = contact && isObj(contact.profile) ? contact.profile : {};
        const type = str(m.type);
        let text = '';
        let choiceId = '';
        if (type === 'text' && isObj(m.text)) text = str(m.text.body);
        else if (type === 'interactive' && isObj(m.interactive)) {
          const reply = m.interactive.list_reply ?? m.interactive.button_reply;
          if (isObj(reply)) {
            text = str(reply.title);
            choiceId = str(reply.id);
          }
        } else if (type === 'button' && isObj(m.button)) {
          text = str(m.button.text);
          choiceId = str(m.button.payload);
        } else if (isObj(m[type])) text = str((m[type] as Json).caption) || `[${type}]`;
        out.push({ from, name: str(profile.name), id: str(m.id), type, text, choiceId });
      }
    }
  }
  return out;
}

/** The messages in a webhook body posted to /exec (Cloud API JSON, Fonnte JSON or form). */
export function inboundMessages(body: string, contentType: string): InboundSeen[] {
  const json = parseJson(body);
  if (isObj(json) && Array.isArray(json.entry)) return cloudInbound(json);
  let fields: Json | null = isObj(json) ? json : null;
  if (!fields && /x-www-form-urlencoded/i.test(contentType)) {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  if (fields && str(fields.sender) && 'message' in fields) {
    const text = str(fields.message);
    return [
      {
        from: str(fields.sender),
        name: str(fields.name),
        id: str(fields.id),
        type: 'text',
        text,
        choiceId: '',
      },
    ];
  }
  return [];
}
