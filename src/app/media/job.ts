// The `lampiran` job (issue 15): downloads queued attachments into Drive and writes the link to
// `Pesan.Lampiran`. Cloud API: `GET /<version>/<media-id>` with the token gives a URL (and the
// size), fetched again with the token; Fonnte: the attachment's URL. A file over `Batas Unduh
// Lampiran (MB)` is noted "terlalu besar" and not downloaded; a media id Meta no longer knows
// (ids expire after 30 days) is logged; anything else is retried with backoff.

import {
  ATTACHMENT_EXPIRED,
  driveLink,
  formatSize,
  MEDIA_MAX_ATTEMPTS,
  mediaBackoffMs,
  mediaFileName,
} from '../../domain/media';
import { render } from '../../messages/id';
import { fileBlob } from '../../platform/drive';
import { fetchBytes } from '../../platform/http';
import { settingNumber } from '../config';
import type { Ctx } from '../context';
import { providerConfig } from '../messaging/sender';
import type { Job } from '../scheduler/job';
import { forwardMedia } from './forward';
import type { MediaItem } from './queue';
import { dueMedia, hasDueMedia, mediaKey } from './queue';
import { storeBlob } from './storage';

const HOUR = 3600000;
/** Downloads per tick (each is two or three UrlFetch calls and a Drive upload). */
const PER_RUN = 5;

type Outcome =
  | { kind: 'stored'; fileId: string }
  | { kind: 'forwarded' }
  | { kind: 'note'; text: string; log?: string }
  | { kind: 'retry'; reason: string };

function maxBytes(ctx: Ctx): number {
  const mb = settingNumber(ctx.config, 'mediaMaxMb', 16);
  return (mb > 0 ? Math.min(mb, 50) : 16) * 1024 * 1024;
}

const tooLarge = (bytes: number): Outcome => ({
  kind: 'note',
  text: render('mediaTooLarge', { size: formatSize(bytes) }),
});

function headerOf(headers: Record<string, string>, name: string): string {
  const hit = Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return hit ? String(hit[1]) : '';
}

/** A file already in Drive (held, then confirmed): sent on from there, the `Lampiran` cell kept. */
function forwardStored(ctx: Ctx, item: MediaItem, fileId: string): Outcome {
  const blob = fileBlob(fileId);
  if (!blob) {
    ctx.log(
      'PERINGATAN',
      'lampiran',
      `Lampiran sesi ${item.sessionId} tidak ditemukan di Drive; tidak diteruskan.`,
    );
    return { kind: 'forwarded' };
  }
  forwardMedia(ctx, item, blob, item.filename || blob.getName() || 'lampiran');
  return { kind: 'forwarded' };
}

function download(ctx: Ctx, item: MediaItem): Outcome {
  if (item.fileId) return forwardStored(ctx, item, item.fileId);
  const limit = maxBytes(ctx);
  let url = item.mediaId;
  let headers: Record<string, string> = {};
  let mime = item.mime;
  if (item.provider === 'cloud') {
    const cfg = providerConfig(ctx);
    headers = { Authorization: `Bearer ${cfg.token}` };
    const info = fetchBytes(
      `https://graph.facebook.com/${cfg.graphVersion}/${encodeURIComponent(item.mediaId)}`,
      headers,
    );
    if (info.status === 0 || info.status >= 500 || info.status === 429) {
      return { kind: 'retry', reason: info.error || `HTTP ${info.status}` };
    }
    let body: {
      url?: string;
      mime_type?: string;
      file_size?: number;
      error?: { code?: number; message?: string };
    };
    try {
      body = JSON.parse(info.blob ? info.blob.getDataAsString() : info.text || '{}');
    } catch {
      body = {};
    }
    if (info.status === 404 || (body.error && body.error.code === 100)) {
      return {
        kind: 'note',
        text: ATTACHMENT_EXPIRED,
        log: `Media ${item.mediaId} (sesi ${item.sessionId}) tidak tersedia lagi di Meta (kedaluwarsa).`,
      };
    }
    if (info.status >= 400 || !body.url) {
      return { kind: 'retry', reason: body.error?.message || `HTTP ${info.status}` };
    }
    if (typeof body.file_size === 'number' && body.file_size > limit) return tooLarge(body.file_size);
    url = body.url;
    mime = body.mime_type || mime;
  }
  const res = fetchBytes(url, headers);
  if (res.status === 404 && item.provider === 'fonnte') {
    return {
      kind: 'note',
      text: ATTACHMENT_EXPIRED,
      log: `Lampiran Fonnte (sesi ${item.sessionId}) tidak ditemukan.`,
    };
  }
  if (res.status !== 200 || !res.blob) return { kind: 'retry', reason: res.error || `HTTP ${res.status}` };
  const declared = Number(headerOf(res.headers, 'Content-Length'));
  const size = declared > 0 ? declared : res.blob.getBytes().length;
  if (size > limit) return tooLarge(size);
  mime = mime || res.blob.getContentType() || 'application/octet-stream';
  res.blob.setContentType(mime);
  const name = mediaFileName(item.sessionId, item.messageId, mime, item.filename);
  const file = storeBlob(ctx, ctx.now, name, res.blob);
  try {
    forwardMedia(ctx, item, res.blob, item.filename || name);
  } catch (e) {
    ctx.log('PERINGATAN', 'lampiran', `Lampiran sesi ${item.sessionId} tidak diteruskan: ${String(e)}`);
  }
  return { kind: 'stored', fileId: file.id };
}

/** Works off due downloads; returns counts for the summary. */
export function runDownloads(ctx: Ctx): { stored: number; noted: number; retried: number; failed: number } {
  const counts = { stored: 0, noted: 0, retried: 0, failed: 0 };
  for (const item of dueMedia(ctx.props.all(), ctx.now).slice(0, PER_RUN)) {
    let outcome: Outcome;
    try {
      outcome = download(ctx, item);
    } catch (e) {
      outcome = { kind: 'retry', reason: String((e as Error).message ?? e) };
    }
    const key = mediaKey(item.messageId);
    if (outcome.kind === 'retry') {
      item.attempts += 1;
      if (item.attempts >= MEDIA_MAX_ATTEMPTS) {
        ctx.props.remove(key);
        ctx.db.update('messages', item.row, { attachment: `gagal diunduh: ${outcome.reason}`.slice(0, 300) });
        ctx.log(
          'GALAT',
          'lampiran',
          `Lampiran ${item.messageId} (sesi ${item.sessionId}) gagal diunduh: ${outcome.reason}`,
        );
        counts.failed++;
      } else {
        item.nextAt = ctx.now + mediaBackoffMs(item.attempts);
        ctx.props.setJson(key, item);
        counts.retried++;
      }
      continue;
    }
    ctx.props.remove(key);
    if (outcome.kind === 'forwarded') continue;
    if (outcome.kind === 'stored') {
      ctx.db.update('messages', item.row, { attachment: driveLink(outcome.fileId) });
      counts.stored++;
    } else {
      ctx.db.update('messages', item.row, { attachment: outcome.text });
      if (outcome.log) ctx.log('PERINGATAN', 'lampiran', outcome.log);
      counts.noted++;
    }
  }
  return counts;
}

export const mediaJob: Job = {
  name: 'lampiran',
  intervalMs: HOUR,
  dueFromProps: (ctx, props) => hasDueMedia(props, ctx.now),
  run(ctx) {
    const r = runDownloads(ctx);
    // Later retries are found by dueFromProps; the stored time only bounds an idle queue.
    return {
      summary: `${r.stored} disimpan, ${r.noted} dicatat, ${r.retried} dicoba lagi, ${r.failed} gagal`,
    };
  },
};
