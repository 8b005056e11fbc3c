/**
 * The one interface between the app layer and a WhatsApp provider (Meta Cloud API, Fonnte).
 * Pure data: providers parse plain strings and build plain request objects; the app does the I/O.
 */

export type ProviderName = 'cloud' | 'fonnte';

export type InboundType =
  | 'text'
  | 'interactive'
  | 'button'
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'reaction'
  | 'unsupported'
  | 'other';

export interface InboundMessage {
  provider: ProviderName;
  /** wamid; Fonnte: a stable synthetic id (see fonnte.ts), at most 200 characters. */
  id: string;
  /** from_user_id when present, else the phone number (digits only); Fonnte groups: the sender. */
  userKey: string;
  /** Digits, '' when absent (usernames). */
  phone: string;
  /** from_user_id / contacts[].user_id, '' when absent. */
  userId: string;
  /** contacts[].profile.name / Fonnte name, '' when absent. */
  name: string;
  /** Epoch ms; 0 when the provider sent none (Fonnte). */
  timestamp: number;
  type: InboundType;
  /** The provider's type string as sent. */
  rawType: string;
  /** What a human would read: body, button/row title, caption, location, emoji …; '' if none. */
  text: string;
  /** Interactive button_reply/list_reply id or template button payload, '' otherwise. */
  choiceId: string;
  caption: string;
  mediaId: string;
  mimeType: string;
  filename: string;
  /** context.id (the message this one replies to) or the reacted message id, '' when absent. */
  replyToId: string;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** e.g. unsupported message type 131051. */
  errors: { code: number; title: string; message: string }[];
}

export interface StatusEvent {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'played' | string;
  recipient: string;
  recipientUserId: string;
  timestamp: number;
  errors: { code: number; title: string; message: string }[];
}

export interface WebhookError {
  code: number;
  title: string;
  message: string;
}

export interface ParsedWebhook {
  /** false: not a recognisable payload (see reason). */
  ok: boolean;
  reason?: string;
  phoneNumberIds: string[];
  messages: InboundMessage[];
  statuses: StatusEvent[];
  errors: WebhookError[];
}

export interface Choice {
  id: string;
  title: string;
  description?: string;
}

export type Outbound =
  | { kind: 'text'; to: string; text: string; replyToId?: string }
  | {
      kind: 'menu';
      to: string;
      text: string;
      choices: Choice[];
      buttonLabel: string;
      sectionTitle: string;
      header?: string;
      footer?: string;
    }
  | { kind: 'template'; to: string; name: string; language: string; params: string[] }
  | {
      kind: 'media';
      to: string;
      mediaType: 'image' | 'document';
      /** Cloud API: an uploaded media id. Fonnte: a URL the gateway can fetch. */
      media: string;
      caption?: string;
      filename?: string;
    }
  | { kind: 'read'; messageId: string; typing?: boolean };

export interface ProviderConfig {
  /** e.g. 'v25.0' (a bare '25.0' is accepted). Unused by Fonnte. */
  graphVersion: string;
  /** Unused by Fonnte. */
  phoneNumberId: string;
  token: string;
  /** Default https://graph.facebook.com; Fonnte https://api.fonnte.com. */
  apiBase?: string;
}

/** Shaped for UrlFetchApp.fetch(url, params): the app passes it on unchanged. */
export interface HttpRequest {
  url: string;
  method: 'post';
  headers: Record<string, string>;
  contentType: string;
  payload: string;
  muteHttpExceptions: true;
}

export interface SendResult {
  ok: boolean;
  messageId: string;
  errorCode: number;
  errorMessage: string;
  retryable: boolean;
}

export interface Provider {
  name: ProviderName;
  parseWebhook(body: string, contentType: string): ParsedWebhook;
  /** [] when the provider cannot do it (Fonnte 'read') or there is nothing to send. */
  buildRequests(out: Outbound, cfg: ProviderConfig): HttpRequest[];
  parseSendResponse(status: number, body: string): SendResult;
}
