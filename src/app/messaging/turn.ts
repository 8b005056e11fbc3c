// One turn of the conversation: the inbound message and every reply it causes are logged in
// `Pesan` together, in one append, after the replies were sent (so their ids are known).

import type { InboundMessage, Outbound } from '../../channels/types';
import { ATTACHMENT_PENDING, MEDIA_TYPES } from '../../domain/media';
import { DIRECTION } from '../../domain/types';
import type { Ctx } from '../context';
import { enqueueMedia } from '../media/queue';
import type { SendMeta, SendOutcome } from './sender';
import { attachQueuedRow, rememberSent, send } from './sender';

type MessageRecord = Record<string, string | Date>;

export class Turn {
  private readonly rows: {
    record: MessageRecord;
    messageId: string;
    queueId: string;
    media?: InboundMessage;
    held?: boolean;
  }[] = [];

  constructor(private readonly ctx: Ctx) {}

  inbound(m: InboundMessage, sessionId: string, sender: string): void {
    this.rows.push({
      record: {
        at: new Date(m.timestamp || this.ctx.now),
        sessionId,
        direction: DIRECTION.in,
        phone: m.phone || m.userId,
        type: m.rawType || m.type,
        body: inboundBody(m),
        messageId: m.id,
        sendStatus: '',
        sender,
        ...(hasMedia(m) ? { attachment: ATTACHMENT_PENDING } : {}),
      },
      messageId: '',
      queueId: '',
      ...(hasMedia(m) ? { media: m } : {}),
    });
  }

  send(out: Outbound, meta: SendMeta): SendOutcome {
    const outcome = send(this.ctx, out, meta);
    this.rows.push({ record: outcome.record, messageId: outcome.messageId, queueId: outcome.queueId });
    return outcome;
  }

  /** The attachment of this inbound message is stored but not sent on (a claim warning holds it). */
  holdMedia(messageId: string): void {
    for (const r of this.rows) if (r.media && r.media.id === messageId) r.held = true;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Appends every row (one setValues). The caller holds the script lock. */
  commit(): void {
    if (this.rows.length === 0) return;
    const first = this.ctx.db.append(
      'messages',
      this.rows.map((r) => r.record),
    );
    this.rows.forEach((r, i) => {
      if (r.messageId) rememberSent(this.ctx, r.messageId, first + i);
      if (r.queueId) attachQueuedRow(this.ctx, r.queueId, first + i);
      if (r.media)
        queueDownload(
          this.ctx,
          r.media,
          String(r.record.sessionId),
          first + i,
          String(r.record.sender),
          r.held,
        );
    });
    this.rows.length = 0;
  }
}

/** The whole message as logged: text, or type + caption + media id for media. */
export function inboundBody(m: InboundMessage): string {
  const parts: string[] = [];
  switch (m.type) {
    case 'text':
    case 'interactive':
    case 'button':
      return m.text;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      parts.push(`[${m.rawType || m.type}]`);
      if (m.caption) parts.push(m.caption);
      if (m.filename) parts.push(`(${m.filename})`);
      if (m.mediaId) parts.push(`media:${m.mediaId}`);
      return parts.join(' ');
    case 'reaction':
      return `[reaksi] ${m.text}${m.replyToId ? ` → ${m.replyToId}` : ''}`;
    case 'location':
      return `[lokasi] ${m.text}`;
    default:
      parts.push(`[${m.rawType || m.type}]`);
      if (m.text) parts.push(m.text);
      for (const e of m.errors) parts.push(`(${e.code} ${e.title})`);
      return parts.join(' ');
  }
}

/** Inbound media with something to download (Cloud API media id, Fonnte URL). */
export function hasMedia(m: InboundMessage): boolean {
  return MEDIA_TYPES.includes(m.type) && !!m.mediaId;
}

/** Queues the attachment of a logged message for the `lampiran` job (no call now: see media/queue.ts). */
function queueDownload(
  ctx: Ctx,
  m: InboundMessage,
  sessionId: string,
  row: number,
  sender: string,
  held = false,
): void {
  enqueueMedia(ctx.props, {
    ...(held ? { held } : {}),
    row,
    sessionId,
    messageId: m.id,
    provider: m.provider,
    mediaId: m.mediaId,
    mime: m.mimeType,
    filename: m.filename,
    type: m.rawType || m.type,
    sender,
    attempts: 0,
    nextAt: ctx.now,
  });
}
