// The fake Meta's media (issue 15): what `GET /<version>/<media-id>` and the returned download URL
// answer, with Meta's errors, and `POST /<version>/<phone-number-id>/media` uploads. Media ids a
// test or the playground registered are served; any other id is expired (Meta's error 100).
// Fonnte attachments are plain URLs (`https://fonnte.example/file/…`) served from the same store.

import { createHash } from 'node:crypto';

export interface FakeMedia {
  mime: string;
  /** Base64 content. */
  data: string;
  filename?: string;
}

export interface FakeMediaOptions {
  /** Registered media by id (Cloud API) or URL (Fonnte). */
  media?: Map<string, FakeMedia>;
  /** Fail the next n requests of a media id or URL with a 500 (retry tests). */
  mediaFailures?: Map<string, number>;
}

interface Req {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  payload?: string;
  contentType?: string;
}

export interface MediaResponse {
  status: number;
  body: string;
  bodyBase64?: string;
  headers?: Record<string, string>;
}

const LOOKASIDE = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=';

const metaError = (code: number, message: string, status = 400): MediaResponse => ({
  status,
  body: JSON.stringify({ error: { message, type: 'OAuthException', code, fbtrace_id: 'Afake' } }),
});

function authorised(req: Req): boolean {
  const auth =
    Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
  return /^Bearer \S+/.test(auth);
}

function failOnce(opts: FakeMediaOptions, key: string): MediaResponse | null {
  const left = opts.mediaFailures?.get(key) ?? 0;
  if (left <= 0) return null;
  opts.mediaFailures!.set(key, left - 1);
  return metaError(2, 'Service temporarily unavailable', 500);
}

let uploads = 0;

/** Answers media requests to the fake Meta/Fonnte; null for anything else. */
export function fakeMediaResponse(req: Req, opts: FakeMediaOptions): MediaResponse | null {
  const method = (req.method ?? 'GET').toUpperCase();
  const store = opts.media ?? (opts.media = new Map());
  // Upload: POST /<version>/<phone-number-id>/media (multipart/form-data).
  const up = /^https:\/\/graph\.facebook\.com\/[^/]+\/[^/]+\/media$/.exec(req.url);
  if (up && method === 'POST') {
    if (!authorised(req)) return metaError(190, 'Invalid OAuth access token.', 401);
    const type = /name="type"\r?\n\r?\n([^\r\n]+)/.exec(req.payload ?? '')?.[1] ?? 'application/octet-stream';
    const id = `UPLOADED${++uploads}${Date.now()}`;
    store.set(id, { mime: type, data: Buffer.from(req.payload ?? '', 'latin1').toString('base64') });
    return { status: 200, body: JSON.stringify({ id }) };
  }
  // Media URL: GET /<version>/<media-id>.
  const info = /^https:\/\/graph\.facebook\.com\/v[\d.]+\/([^/?]+)(?:\?.*)?$/.exec(req.url);
  if (info && method === 'GET') {
    const id = decodeURIComponent(info[1]);
    if (!authorised(req)) return metaError(190, 'Invalid OAuth access token.', 401);
    const failed = failOnce(opts, id);
    if (failed) return failed;
    const m = store.get(id);
    if (!m) {
      return metaError(
        100,
        `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      );
    }
    const bytes = Buffer.from(m.data, 'base64');
    return {
      status: 200,
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        url: `${LOOKASIDE}${encodeURIComponent(id)}&ext=1`,
        mime_type: m.mime,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        file_size: bytes.length,
        id,
      }),
    };
  }
  // Download: the lookaside URL, with the token.
  if (req.url.startsWith(LOOKASIDE) && method === 'GET') {
    if (!authorised(req)) return { status: 404, body: '' };
    const id = decodeURIComponent(/mid=([^&]+)/.exec(req.url)?.[1] ?? '');
    const failed = failOnce(opts, `${id}:download`);
    if (failed) return failed;
    const m = store.get(id);
    if (!m) return { status: 404, body: '' };
    return { status: 200, body: '', bodyBase64: m.data, headers: { 'Content-Type': m.mime } };
  }
  // Fonnte attachment URLs.
  if (/^https:\/\/(fonnte\.example|api\.fonnte\.com)\/file\//.test(req.url) && method === 'GET') {
    const failed = failOnce(opts, req.url);
    if (failed) return failed;
    const m = store.get(req.url);
    if (!m) return { status: 404, body: 'Not Found' };
    const bytes = Buffer.from(m.data, 'base64');
    return {
      status: 200,
      body: '',
      bodyBase64: m.data,
      headers: { 'Content-Type': m.mime, 'Content-Length': String(bytes.length) },
    };
  }
  return null;
}
