// One turn of the conversation: the inbound message and every reply it causes are logged in
// `Pesan` together, in one append, after the replies were sent (so their ids are known).

import type { InboundMessage, Outbound } from '../../channels/types';
import { DIRECTION } from '../../domain/types';
import type { Ctx } from '../context';
import type { SendMeta, SendOutcome } from './sender';
import { attachQueuedRow, rememberSent, send } from './sender';

type MessageRecord = Record<string, string | Date>;

export class Turn {
  private readonly rows: { record: MessageRecord; messageId: string; queueId: string }[] = [];

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
      },
      messageId: '',
      queueId: '',
    });
  }

  send(out: Outbound, meta: SendMeta): SendOutcome {
    const outcome = send(this.ctx, out, meta);
    this.rows.push({ record: outcome.record, messageId: outcome.messageId, queueId: outcome.queueId });
    return outcome;
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
