// The download queue of inbound attachments (issue 15): one Script Property per attachment
// (`q:media:<message id>`), written with the message's row in `Pesan` inside the same lock (so
// `doPost` gains no call: properties are stored once when the lock is released), and worked off
// by the `lampiran` job within a minute.

import type { Props } from '../../platform/props';

export const MEDIA_QUEUE_PREFIX = 'q:media:';

export interface MediaItem {
  row: number;
  sessionId: string;
  messageId: string;
  provider: 'cloud' | 'fonnte';
  /** Cloud API media id, or Fonnte's attachment URL. */
  mediaId: string;
  mime: string;
  filename: string;
  type: string;
  /** `warga`, or the officer's name for media an officer sent (forwarded to the citizen). */
  sender?: string;
  /** An officer's media held by a claim warning: stored, not sent on, until confirmed (KIRIM). */
  held?: boolean;
  /** Already in Drive: the job only sends it on (a held file confirmed after it was stored). */
  fileId?: string;
  attempts: number;
  nextAt: number;
}

export const mediaKey = (messageId: string): string => `${MEDIA_QUEUE_PREFIX}${messageId}`.slice(0, 200);

export function enqueueMedia(props: Props, item: MediaItem): void {
  props.setJson(mediaKey(item.messageId), item);
}

/** Items due now, oldest first. */
export function dueMedia(all: Record<string, string>, now: number): MediaItem[] {
  const out: MediaItem[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(MEDIA_QUEUE_PREFIX)) continue;
    try {
      const item = JSON.parse(value) as MediaItem;
      if (item && item.nextAt <= now) out.push(item);
    } catch {
      // a broken entry is dropped by the job
    }
  }
  return out.sort((a, b) => a.nextAt - b.nextAt || a.row - b.row);
}

export function hasDueMedia(all: Record<string, string>, now: number): boolean {
  return dueMedia(all, now).length > 0;
}
