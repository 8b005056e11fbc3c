/**
 * Attachments (issue 15): what `Pesan.Lampiran` holds, file names in Drive, MIME types and sizes.
 * Pure. The cell holds the Drive link of a stored file, or a word for the state of its download.
 */

/** Image types the sidebar shows as thumbnails (anything else is a named link). */
export const IMAGE_MIMES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export const MEDIA_TYPES: readonly string[] = ['image', 'document', 'audio', 'video', 'sticker'];

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'text/plain': 'txt',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

export function extensionOf(mime: string, filename = ''): string {
  const base = String(mime || '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (EXTENSIONS[base]) return EXTENSIONS[base];
  const m = /\.([a-z0-9]{1,5})$/i.exec(filename.trim());
  return m ? m[1].toLowerCase() : 'bin';
}

/** Drive file name: `<session id>_<message id>.<ext>`, only safe characters, ≤ 120 characters. */
export function mediaFileName(sessionId: string, messageId: string, mime: string, filename = ''): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  const id = safe(messageId).slice(-60) || 'pesan';
  return `${safe(sessionId) || 'tanpa-sesi'}_${id}.${extensionOf(mime, filename)}`;
}

/** `1,5 MB`, `820 KB`. */
export function formatSize(bytes: number): string {
  if (!(bytes >= 0)) return '?';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const ATTACHMENT_PENDING = 'menunggu unduhan';
export const ATTACHMENT_EXPIRED = 'tidak tersedia (media kedaluwarsa)';

export const driveLink = (fileId: string): string => `https://drive.google.com/file/d/${fileId}/view`;

export interface Attachment {
  /** Drive file id of a stored file, '' otherwise. */
  fileId: string;
  /** The cell's words when there is no file (`terlalu besar (20,0 MB)` …). */
  note: string;
}

/** Reads a `Lampiran` cell; null when it is empty. */
export function parseAttachment(cell: string): Attachment | null {
  const text = String(cell ?? '').trim();
  if (!text) return null;
  const m = /^https:\/\/drive\.google\.com\/file\/d\/([A-Za-z0-9_-]+)\/view$/.exec(text);
  return m ? { fileId: m[1], note: '' } : { fileId: '', note: text };
}

/** Retry delay after a failed download: 1, 2, 4 … minutes. */
export function mediaBackoffMs(attempt: number): number {
  return Math.min(60, 2 ** Math.max(0, attempt - 1)) * 60000;
}

export const MEDIA_MAX_ATTEMPTS = 5;
