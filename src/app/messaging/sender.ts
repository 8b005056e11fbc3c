// The one sender: every WhatsApp message the product sends (bot replies, officer replies from the
// sidebar or relayed from a phone, notifications, broadcasts) goes out here. A send that fails for
// a passing reason is queued and retried with backoff by `tick`; it never blocks the webhook and
// is never lost. Permanent failures are recorded on the message (`Status Kirim`) and logged.

import { providerFor } from '../../channels';
import type { Outbound, ProviderConfig, ProviderName, SendResult } from '../../channels/types';
import { utf8Length } from '../../domain/text';
import type { SendStatus } from '../../domain/types';
import { DIRECTION, SEND_STATUS } from '../../domain/types';
import type { MessageKey } from '../../messages/id';
import { fetchRequest } from '../../platform/http';
import type { FetchPriority } from '../../platform/quota';
import { SECRET } from '../../store/settings';
import { setting } from '../config';
import type { Ctx } from '../context';

export const OUTBOX_QUEUE_KEY = 'q:outbox';
export const MAX_SEND_ATTEMPTS = 6;
/** The retry queue's share of the Script Properties store (its budget is 50 KB in all). */
export const OUTBOX_MAX_BYTES = 12 * 1024;
/**
 * A sent message's `Pesan` row, for its failed status (which comes within minutes); later ones
 * find the row by id. Short, so a busy day's many entries go before the conversations.
 */
const SENT_CACHE_SECONDS = 1800;

export interface SendMeta {
  sessionId: string;
  /** The recipient's number as logged in `Pesan`. */
  phone: string;
  /** Who sent it: 'bot', 'sistem' or the officer's name. */
  sender: string;
  /** Kind logged in `Jenis Pesan`. */
  kind: string;
}

export interface SendOutcome {
  ok: boolean;
  status: SendStatus;
  messageId: string;
  error: string;
  /** Id in the retry queue ('' when not queued): attach its `Pesan` row with attachQueuedRow. */
  queueId: string;
  /** The `Pesan` record to append for this message. */
  record: Record<string, string | Date>;
}

export interface QueuedSend {
  id: string;
  out: Outbound;
  meta: SendMeta;
  attempts: number;
  nextAt: number;
  /** Row of the message in `Pesan`, once logged. */
  row: number;
  lastError: string;
}

export function providerName(ctx: Ctx): ProviderName {
  return ctx.props.get(SECRET.provider) === 'fonnte' ? 'fonnte' : 'cloud';
}

export function providerConfig(ctx: Ctx): ProviderConfig {
  const fonnte = providerName(ctx) === 'fonnte';
  return {
    graphVersion: setting(ctx.config, 'graphVersion'),
    phoneNumberId: ctx.props.get(SECRET.phoneNumberId) ?? '',
    token: (fonnte ? ctx.props.get(SECRET.fonnteToken) : ctx.props.get(SECRET.accessToken)) ?? '',
  };
}

/** The text of an outbound message as logged. */
export function outboundText(out: Outbound): string {
  switch (out.kind) {
    case 'text':
    case 'menu':
      return out.text;
    case 'template':
      return `[template ${out.name}] ${out.params.join(' | ')}`;
    case 'read':
      return '';
    case 'media':
      return [`[${out.mediaType}]`, out.caption ?? '', out.filename ? `(${out.filename})` : '']
        .filter(Boolean)
        .join(' ');
  }
}

/** What a send counts as when the day's UrlFetch calls run short (platform/quota.ts). */
export function fetchPriority(out: Outbound, meta?: Pick<SendMeta, 'kind'>): FetchPriority {
  if (out.kind === 'read') return 'receipt';
  return meta && (meta.kind === 'notifikasi' || meta.kind === 'terusan') ? 'notify' : 'reply';
}

/** A send refused before the UrlFetch quota: nothing went out. */
export const QUOTA_ERROR = 'kuota UrlFetch harian';

/**
 * Sends once. Does not log or queue: see `send`. A send that no longer fits the day's UrlFetch
 * calls for its priority is not made (`retryable`: it waits for the quota to renew; a read
 * receipt is simply left out), and said once a day in Log Sistem.
 */
export function deliver(ctx: Ctx, out: Outbound, priority: FetchPriority = fetchPriority(out)): SendResult {
  if (!ctx.quota.mayFetch(priority)) {
    noteFetchQuota(ctx, priority);
    return {
      ok: false,
      messageId: '',
      errorCode: 0,
      errorMessage: QUOTA_ERROR,
      retryable: priority !== 'receipt',
    };
  }
  const provider = providerFor(providerName(ctx));
  const requests = provider.buildRequests(out, providerConfig(ctx));
  let last: SendResult = { ok: true, messageId: '', errorCode: 0, errorMessage: '', retryable: false };
  for (const req of requests) {
    const res = fetchRequest(req);
    last =
      res.status === 0
        ? { ok: false, messageId: '', errorCode: 0, errorMessage: res.error ?? 'network', retryable: true }
        : provider.parseSendResponse(res.status, res.body);
    if (!last.ok) return last;
  }
  return last;
}

/**
 * Sends a message and returns its `Pesan` record; a passing failure queues it for retry.
 * The caller appends the record (batched with the turn's other rows) and then calls
 * `rememberSent` with the row, inside the script lock.
 */
export function send(ctx: Ctx, out: Outbound, meta: SendMeta): SendOutcome {
  const result = deliver(ctx, out, fetchPriority(out, meta));
  let status: SendStatus = SEND_STATUS.sent;
  let error = '';
  let queueId = '';
  if (!result.ok) {
    // A provider's error text goes into `Status Kirim`: never with a secret in it (DESIGN §7).
    error = ctx.withoutSecrets(`${result.errorCode || ''} ${result.errorMessage}`.trim());
    if (result.retryable) queueId = enqueue(ctx, { out, meta, attempts: 1, lastError: error });
    if (queueId) {
      status = SEND_STATUS.queued;
      ctx.log('PERINGATAN', 'kirim', `Pengiriman ke sesi ${meta.sessionId || '-'} ditunda: ${error}`);
    } else if (result.retryable) {
      status = SEND_STATUS.failed;
      error = `${error}; ${ctx.t('outboxFull')}`;
      ctx.log('GALAT', 'kirim', `Pengiriman ke sesi ${meta.sessionId || '-'} gagal: ${error}`);
    } else {
      status = SEND_STATUS.failed;
      ctx.log('GALAT', 'kirim', `Pengiriman ke sesi ${meta.sessionId || '-'} gagal: ${error}`);
    }
  }
  return {
    ok: result.ok,
    status,
    messageId: result.messageId,
    error,
    queueId,
    record: messageRecord(
      ctx,
      out,
      meta,
      result.messageId,
      status === SEND_STATUS.sent ? status : `${status}: ${error}`,
    ),
  };
}

export function messageRecord(
  ctx: Ctx,
  out: Outbound,
  meta: SendMeta,
  messageId: string,
  sendStatus: string,
): Record<string, string | Date> {
  return {
    at: new Date(ctx.now),
    sessionId: meta.sessionId,
    direction: DIRECTION.out,
    phone: meta.phone,
    type: meta.kind,
    body: outboundText(out),
    messageId,
    sendStatus,
    sender: meta.sender,
  };
}

/** Remembers where a sent message is logged, for its status webhooks and retries. */
export function rememberSent(ctx: Ctx, messageId: string, row: number): void {
  if (messageId) ctx.cache.putJson(`sent:${messageId}`, row, SENT_CACHE_SECONDS);
}

export function sentRow(ctx: Ctx, messageId: string): number | null {
  return ctx.cache.getJson<number>(`sent:${messageId}`);
}

function queue(ctx: Ctx): QueuedSend[] {
  return ctx.props.getJson<QueuedSend[]>(OUTBOX_QUEUE_KEY) ?? [];
}

/**
 * Queues a send for retry; '' when the queue is full (it lives in Script Properties, whose store
 * must stay small whatever the traffic: at most OUTBOX_MAX_BYTES).
 */
function enqueue(ctx: Ctx, item: Omit<QueuedSend, 'id' | 'nextAt' | 'row'>): string {
  const q = queue(ctx);
  const id = `${ctx.now}-${q.length}-${Math.floor(Math.random() * 1e6)}`;
  const nextAt = item.lastError.startsWith(QUOTA_ERROR)
    ? quotaRenewsAt(ctx)
    : ctx.now + backoffMs(item.attempts);
  const next = [...q, { ...item, id, nextAt, row: 0 }];
  if (utf8Length(JSON.stringify(next)) > OUTBOX_MAX_BYTES) return '';
  ctx.props.setJson(OUTBOX_QUEUE_KEY, next);
  return id;
}

/** When the day's UrlFetch calls are renewed (or in an hour, when unknown). */
function quotaRenewsAt(ctx: Ctx): number {
  return Math.max(ctx.now + 60000, ctx.quota.state('urlFetch').resetsAt ?? ctx.now + 3600000);
}

/** Once per quota window and priority, in Log Sistem: what the UrlFetch quota now holds back. */
function noteFetchQuota(ctx: Ctx, priority: FetchPriority): void {
  if (!ctx.quota.firstWarning('urlFetch', priority)) return;
  const state = ctx.quota.state('urlFetch');
  ctx.log(
    priority === 'reply' ? 'GALAT' : 'PERINGATAN',
    'kuota',
    ctx.t('urlFetchQuotaLog', {
      used: state.used,
      max: state.limit,
      detail: ctx.t(FETCH_DETAIL[priority]),
    }),
  );
}

const FETCH_DETAIL: Record<FetchPriority, MessageKey> = {
  receipt: 'urlFetchQuotaReceipts',
  broadcast: 'urlFetchQuotaBroadcast',
  notify: 'urlFetchQuotaNotify',
  reply: 'urlFetchQuotaReply',
};

/** Attaches the `Pesan` row of a queued send, so a later retry can update its status. */
export function attachQueuedRow(ctx: Ctx, queueId: string, row: number): void {
  const q = queue(ctx);
  const item = q.find((i) => i.id === queueId);
  if (!item) return;
  item.row = row;
  ctx.props.setJson(OUTBOX_QUEUE_KEY, q);
}

/** 1, 2, 4, 8, 16 minutes … */
export function backoffMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60000;
}

export function queuedSends(ctx: Ctx): QueuedSend[] {
  return queue(ctx);
}

export function nextRetryAt(ctx: Ctx): number | null {
  const q = queue(ctx);
  return q.length === 0 ? null : Math.min(...q.map((i) => i.nextAt));
}

/** The tick job: retries due sends; updates their `Status Kirim`. Caller holds the lock. */
export function retryDueSends(ctx: Ctx): { sent: number; failed: number; waiting: number } {
  const q = queue(ctx);
  const keep: QueuedSend[] = [];
  let sent = 0;
  let failed = 0;
  for (const item of q) {
    if (item.nextAt > ctx.now) {
      keep.push(item);
      continue;
    }
    const result = deliver(ctx, item.out, fetchPriority(item.out, item.meta));
    if (!result.ok && result.errorMessage === QUOTA_ERROR) {
      // Waits for the quota to renew; not an attempt.
      keep.push({ ...item, nextAt: quotaRenewsAt(ctx) });
      continue;
    }
    if (result.ok) {
      sent++;
      if (item.row) {
        ctx.db.update('messages', item.row, { sendStatus: SEND_STATUS.sent, messageId: result.messageId });
        rememberSent(ctx, result.messageId, item.row);
      }
      continue;
    }
    const error = ctx.withoutSecrets(`${result.errorCode || ''} ${result.errorMessage}`.trim());
    const attempts = item.attempts + 1;
    if (result.retryable && attempts < MAX_SEND_ATTEMPTS) {
      keep.push({ ...item, attempts, nextAt: ctx.now + backoffMs(attempts), lastError: error });
      continue;
    }
    failed++;
    if (item.row) ctx.db.update('messages', item.row, { sendStatus: `gagal: ${error}` });
    ctx.log(
      'GALAT',
      'kirim',
      `Pesan untuk sesi ${item.meta.sessionId || '-'} gagal setelah ${attempts} percobaan: ${error}`,
    );
  }
  ctx.props.setJson(OUTBOX_QUEUE_KEY, keep);
  return { sent, failed, waiting: keep.length };
}
