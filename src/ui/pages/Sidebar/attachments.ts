// Attachments in the conversation (issue 15): images as thumbnails, other files as a named link.
// The content comes from the server (`media.get`, read from Drive), never from a public link; a
// thumbnail is a data: URL built only for known image types from the server's base64.

import type { MediaView, TranscriptEntry } from '../../../api/types';
import { call } from '../../client/bridge';
import { h } from '../../client/dom';
import { errorText } from './util';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const cache = new Map<string, Promise<MediaView>>();

function fetchMedia(sessionId: string, fileId: string): Promise<MediaView> {
  let p = cache.get(fileId);
  if (!p) {
    p = call('media.get', { sessionId, fileId });
    p.catch(() => cache.delete(fileId));
    cache.set(fileId, p);
  }
  return p;
}

function save(view: MediaView, name: string): void {
  const bytes = Uint8Array.from(atob(view.data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = h('a', { href: url, download: name.replace(/[\\/:*?"<>|]+/g, '_') || 'lampiran' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The attachment of one transcript entry, or null. */
export function attachmentNode(sessionId: string, m: TranscriptEntry): HTMLElement | null {
  const a = m.attachment;
  if (!a) return null;
  if (!a.fileId) return h('div', { class: 'attachment note', text: `Lampiran: ${a.note}` });
  if (a.image) {
    const box = h('div', { class: 'attachment thumb', 'data-file': a.fileId, text: 'Memuat gambar…' });
    fetchMedia(sessionId, a.fileId).then(
      (view) => {
        box.textContent = '';
        if (view.image && IMAGE_TYPES.includes(view.mime) && view.data && BASE64.test(view.data)) {
          box.appendChild(h('img', { src: `data:${view.mime};base64,${view.data}`, alt: a.name }));
        } else box.textContent = view.note || `Lampiran: ${a.name}`;
      },
      (e) => (box.textContent = `Gambar gagal dimuat: ${errorText(e)}`),
    );
    return box;
  }
  const button = h('button', {
    type: 'button',
    class: 'link attachment file',
    'data-file': a.fileId,
    text: `Berkas: ${a.name}`,
  });
  button.addEventListener('click', () => {
    fetchMedia(sessionId, a.fileId).then(
      (view) => {
        if (view.data) save(view, a.name.includes('.') ? a.name : view.name);
        else button.title = view.note;
      },
      (e) => (button.title = errorText(e)),
    );
  });
  return button;
}
