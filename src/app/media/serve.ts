// `media.get` (issue 15): a stored attachment's content for the sidebar, from Drive through the
// server (the files are shared with nobody). Only files of the session asked about, by name.

import type { MediaView } from '../../api/types';
import { formatSize, IMAGE_MIMES } from '../../domain/media';
import { base64, fileBlob, fileMeta } from '../../platform/drive';
import type { Ctx } from '../context';

/** What the panel receives at most (google.script.run answers are kept small). */
export const SERVE_MAX_BYTES = 4 * 1024 * 1024;

export function serveMedia(_ctx: Ctx, sessionId: unknown, fileId: unknown): MediaView {
  const id = typeof fileId === 'string' && /^[A-Za-z0-9_-]{10,200}$/.test(fileId) ? fileId : '';
  const session = typeof sessionId === 'string' ? sessionId.trim().toUpperCase() : '';
  const meta = id ? fileMeta(id) : null;
  if (!meta || !session || !meta.name.toUpperCase().startsWith(`${session}_`)) {
    throw new Error('Lampiran tidak ditemukan.');
  }
  const size = Number(meta.size ?? 0);
  const mime = String(meta.mimeType || '').toLowerCase();
  const view: MediaView = {
    name: meta.name,
    mime,
    size,
    data: '',
    image: IMAGE_MIMES.includes(mime),
    note: '',
  };
  if (size > SERVE_MAX_BYTES) {
    view.note = `Berkas ${formatSize(size)} terlalu besar untuk dibuka dari panel; buka di Drive.`;
    return view;
  }
  const blob = fileBlob(id);
  if (!blob) throw new Error('Lampiran tidak dapat dibaca dari Drive.');
  view.data = base64(blob);
  return view;
}
