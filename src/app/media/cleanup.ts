// Attachments follow their messages (issue 15): the privacy deletion removes the Drive files of
// the citizen's sessions (named `<session id>_…`, in a month's folder or an archive year's) and
// their queued downloads; the archive job moves the files of the messages it archives into the
// year's archive folder.

import { parseAttachment } from '../../domain/media';
import { listChildren, moveFile, removeFile } from '../../platform/drive';
import type { Ctx } from '../context';
import type { MediaItem } from './queue';
import { MEDIA_QUEUE_PREFIX } from './queue';
import { archiveFolder, ROOT_FOLDER_KEY } from './storage';

/**
 * Moves the files linked in these `Lampiran` cells (archived messages of `year`) into the year's
 * archive folder. Idempotent: a file already there stays, a file deleted by hand is skipped.
 * Returns the files now in the archive folder.
 */
export function archiveAttachments(ctx: Ctx, cells: readonly unknown[], year: number): number {
  const ids = cells.map((c) => parseAttachment(String(c ?? ''))?.fileId ?? '').filter((id) => id !== '');
  if (ids.length === 0) return 0;
  const folder = archiveFolder(ctx, year);
  let moved = 0;
  for (const id of ids) if (moveFile(id, folder)) moved++;
  return moved;
}

/** Deletes the files and queued downloads of these sessions; returns the files deleted. */
export function deleteSessionMedia(ctx: Ctx, sessionIds: ReadonlySet<string>): number {
  if (sessionIds.size === 0) return 0;
  const all = ctx.props.all();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(MEDIA_QUEUE_PREFIX)) continue;
    try {
      const item = JSON.parse(value) as MediaItem;
      if (sessionIds.has(String(item.sessionId).toUpperCase())) ctx.props.remove(key);
    } catch {
      ctx.props.remove(key);
    }
  }
  const root = all[ROOT_FOLDER_KEY];
  if (!root) return 0;
  let deleted = 0;
  for (const month of listChildren(root)) {
    for (const file of listChildren(month.id)) {
      const session = file.name.split('_')[0].toUpperCase();
      if (sessionIds.has(session) && removeFile(file.id)) deleted++;
    }
  }
  return deleted;
}
