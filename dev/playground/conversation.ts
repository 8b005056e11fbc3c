// What the /chat page shows for one phone number: the messages the playground received for the
// product (its inbox, recorded at /exec) and the requests the product sent to WhatsApp (the
// emulator's outbox), merged in the order they happened. Interactive messages keep their buttons
// and list rows so the page can offer them as taps; read receipts mark the inbound message.

export interface OutboxEntry {
  at: string | number;
  channel: 'whatsapp' | 'mail' | string;
  to: string;
  text: string;
  body: unknown;
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
  /** Length of the outbox when it arrived: it comes before outbox entries from this index on. */
  outboxBefore: number;
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
  /** Inbound: the wamid; outbound: the wamid answered to the product, when known. */
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

export function toMs(at: string | number): number {
  if (typeof at === 'number') return at;
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? ms : 0;
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** The Cloud API JSON message inside an outbox body (the body itself, or a request's payload). */
export function cloudPayload(body: unknown): Json | null {
  let b: unknown = typeof body === 'string' ? parseJson(body) : body;
  if (isObj(b) && !('messaging_product' in b) && 'payload' in b) {
    b = typeof b.payload === 'string' ? parseJson(b.payload) : b.payload;
  }
  return isObj(b) && 'messaging_product' in b ? b : null;
}

function choices(list: unknown): ChoiceView[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((r) => {
    const c: ChoiceView = { id: str(r.id), title: str(r.title) };
    if (str(r.description)) c.description = str(r.description);
    return c;
  });
}

/** One outbound WhatsApp request as a bubble; null for read receipts and typing indicators. */
export function outboundBubble(entry: OutboxEntry): BubbleView | null {
  const at = toMs(entry.at);
  const p = cloudPayload(entry.body);
  if (!p) return { dir: 'out', at, kind: 'text', text: entry.text };
  if (p.status === 'read') return null;
  const type = str(p.type);
  const bubble: BubbleView = { dir: 'out', at, kind: type || 'text', text: entry.text };
  const wamid = isObj(entry.body) ? str((entry.body as Json).wamid) : '';
  if (wamid) bubble.id = wamid;
  if (type === 'text' && isObj(p.text)) bubble.text = str(p.text.body);
  if (type === 'interactive' && isObj(p.interactive)) {
    const i = p.interactive;
    if (isObj(i.body)) bubble.text = str(i.body.text);
    if (isObj(i.header)) bubble.header = str(i.header.text);
    if (isObj(i.footer)) bubble.footer = str(i.footer.text);
    const action = isObj(i.action) ? i.action : {};
    if (i.type === 'button' && Array.isArray(action.buttons)) {
      bubble.kind = 'buttons';
      bubble.buttons = action.buttons
        .filter(isObj)
        .map((b) => choices([b.reply])[0])
        .filter(Boolean);
    } else if (i.type === 'list' && Array.isArray(action.sections)) {
      bubble.kind = 'list';
      bubble.list = {
        button: str(action.button),
        sections: action.sections.filter(isObj).map((s) => ({ title: str(s.title), rows: choices(s.rows) })),
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
    if (!bubble.text) bubble.text = params.join(' · ');
  }
  return bubble;
}

/** Ids of inbound messages the product marked as read. */
function readIds(outbox: OutboxEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const e of outbox) {
    const p = e.channel === 'whatsapp' ? cloudPayload(e.body) : null;
    if (p && p.status === 'read' && str(p.message_id)) ids.add(str(p.message_id));
  }
  return ids;
}

/** The conversation of `number` (any formatting), oldest first. */
export function conversation(number: string, inbox: InboxEntry[], outbox: OutboxEntry[]): BubbleView[] {
  const who = digits(number);
  const read = readIds(outbox);
  const items: { key: number; seq: number; bubble: BubbleView }[] = [];
  for (const m of inbox) {
    if (digits(m.from) !== who) continue;
    const bubble: BubbleView = { dir: 'in', at: m.at, kind: m.type, text: m.text, id: m.id };
    if (read.has(m.id)) bubble.read = true;
    items.push({ key: m.outboxBefore - 0.5, seq: m.seq, bubble });
  }
  outbox.forEach((e, i) => {
    if (e.channel !== 'whatsapp' || digits(e.to) !== who) return;
    const bubble = outboundBubble(e);
    if (bubble) items.push({ key: i, seq: 0, bubble });
  });
  items.sort((a, b) => a.key - b.key || a.seq - b.seq);
  return items.map((x) => x.bubble);
}

// ---- inbound webhooks as the playground sees them ------------------------------------------------

export type InboundSeen = Omit<InboxEntry, 'seq' | 'at' | 'outboxBefore'>;

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
