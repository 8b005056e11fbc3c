// Attachments leave with their citizen (issue 15): the privacy deletion removes the Drive files of
// the citizen's sessions (named `<session id>_…`) and their queued downloads.

import { listChildren, removeFile } from '../../platform/drive';
import type { Ctx } from '../context';
import type { MediaItem } from './queue';
import { MEDIA_QUEUE_PREFIX } from './queue';
import { ROOT_FOLDER_KEY } from './storage';

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
