// Cloud API webhook payloads as Meta posts them (shapes of test/fixtures/whatsapp/cloud-text.json,
// cloud-interactive-list-reply.json, cloud-interactive-button-reply.json), built by the chat page
// for a citizen's phone. Pure: no DOM.

export interface Citizen {
  name: string;
  /** Digits, international format without "+", e.g. 6281234500001. */
  phone: string;
}

export interface ChoiceReply {
  id: string;
  title: string;
  description?: string;
}

/** The playground's business number (display only). */
export const BUSINESS_NUMBER = '6281100000000';
const WABA_ID = '102290129340398';

let counter = 0;

/** A fresh inbound message id in Meta's style. */
export function newInboundId(now: number): string {
  counter += 1;
  const raw =
    `HALO${now.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 10)}`.toUpperCase();
  return `wamid.HBgL${raw}`;
}

type Json = Record<string, unknown>;

function envelope(c: Citizen, message: Json, phoneNumberId: string): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: BUSINESS_NUMBER, phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: c.name }, wa_id: c.phone }],
              messages: [message],
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

function base(c: Citizen, nowMs: number, id: string): Json {
  return { from: c.phone, id, timestamp: String(Math.floor(nowMs / 1000)) };
}

export function textWebhook(
  c: Citizen,
  text: string,
  nowMs: number,
  phoneNumberId: string,
  id = newInboundId(nowMs),
): Json {
  return envelope(c, { ...base(c, nowMs, id), type: 'text', text: { body: text } }, phoneNumberId);
}

/** An attachment (image, document, audio, video) with the media id the fake Meta serves. */
export function mediaWebhook(
  c: Citizen,
  type: 'image' | 'document' | 'audio' | 'video',
  media: { id: string; mime_type: string; caption?: string; filename?: string },
  nowMs: number,
  phoneNumberId: string,
): Json {
  const id = newInboundId(nowMs);
  return envelope(c, { ...base(c, nowMs, id), type, [type]: media }, phoneNumberId);
}

/** A tap on a list row (list_reply) or a reply button (button_reply) of the message `contextId`. */
export function choiceWebhook(
  c: Citizen,
  kind: 'list_reply' | 'button_reply',
  choice: ChoiceReply,
  nowMs: number,
  phoneNumberId: string,
  contextId = '',
  id = newInboundId(nowMs),
): Json {
  const reply: Json = { id: choice.id, title: choice.title };
  if (kind === 'list_reply' && choice.description) reply.description = choice.description;
  const message: Json = {};
  if (contextId) message.context = { from: BUSINESS_NUMBER, id: contextId };
  Object.assign(message, base(c, nowMs, id), {
    type: 'interactive',
    interactive: { type: kind, [kind]: reply },
  });
  return envelope(c, message, phoneNumberId);
}

/** "0812-3450-0001", "+62 812 3450 0001" → "6281234500001"; '' when it is not a phone number. */
export function normalisePhone(input: string): string {
  let d = input.replace(/\D/g, '');
  if (d.startsWith('0')) d = '62' + d.slice(1);
  else if (d.startsWith('8')) d = '62' + d;
  return d.length >= 9 && d.length <= 15 ? d : '';
}
