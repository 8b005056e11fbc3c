/** UrlFetchApp (requests go to emu.fetchHandler and emu.fetchLog) and MailApp (emu.mailLog). */
import { describeTypes, GasError, MSG } from '../errors';
import { type Ctx, Facade, instrument } from '../execution';
import { isPlainObject } from '../realm';
import { BlobFacade, charsetEncoding, toBuffer, toSignedBytes } from './base';

export interface FetchRequest {
  /** Emulator clock when sent (epoch ms). */
  at: number;
  url: string;
  /** Upper case: GET, POST, PUT, PATCH, DELETE. */
  method: string;
  headers: Record<string, string>;
  /** The body as sent ('' when none); an object payload is form-encoded. */
  payload: string;
  contentType: string | null;
}

export interface FetchResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export type FetchHandler = (req: FetchRequest) => FetchResponse;

export interface MailRecord {
  at: number;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  attachments: Array<{ name: string; mimeType: string; size: number }>;
}

/** A network failure a fetchHandler can throw: UrlFetchApp rethrows its message. */
export class NetworkError extends Error {
  static dns(url: string): NetworkError {
    return new NetworkError(`DNS error: ${url}`);
  }

  static unavailable(url: string): NetworkError {
    return new NetworkError(`Address unavailable: ${url}`);
  }
}

interface FetchParams {
  method?: string;
  headers?: Record<string, unknown>;
  contentType?: string;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

function formEncode(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(v instanceof BlobFacade ? v.getDataAsString() : String(v))}`,
    )
    .join('&');
}

function origin(url: string): string {
  const m = /^(https?:\/\/[^/?#]+)/i.exec(url);
  return m ? m[1] : url;
}

export class UrlFetchAppFacade extends Facade {
  private _one(url: unknown, params: unknown): HttpResponseFacade {
    if (typeof url !== 'string') throw new GasError(MSG.signature(describeTypes([url]), 'UrlFetchApp.fetch'));
    if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new GasError(`${MSG.invalidArgument(url)}`);
    if (params !== undefined && params !== null && !isPlainObject(params)) {
      throw new GasError(MSG.signature(describeTypes([url, params]), 'UrlFetchApp.fetch'));
    }
    const p = (params ?? {}) as FetchParams;
    const emu = this._ctx.emu;
    emu.consumeQuota('urlfetch', 1, this._ctx.effectiveUser);
    const method = String(p.method ?? 'get').toUpperCase();
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
      throw new GasError(MSG.invalidArgument('method'));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.headers ?? {})) headers[k] = String(v);
    let payload = '';
    let contentType: string | null = p.contentType ?? null;
    if (p.payload !== undefined && p.payload !== null) {
      if (typeof p.payload === 'string') payload = p.payload;
      else if (p.payload instanceof BlobFacade) {
        payload = p.payload.getDataAsString();
        contentType = contentType ?? p.payload.getContentType();
      } else if (Array.isArray(p.payload)) payload = toBuffer(p.payload).toString('latin1');
      else if (isPlainObject(p.payload)) payload = formEncode(p.payload);
      else payload = String(p.payload);
      contentType = contentType ?? 'application/x-www-form-urlencoded';
    }
    const req: FetchRequest = { at: emu.clock.now(), url, method, headers, payload, contentType };
    emu.fetchLog.push(req);
    let res: FetchResponse;
    try {
      res = emu.fetchHandler(JSON.parse(JSON.stringify(req)) as FetchRequest);
    } catch (e) {
      throw new GasError(e instanceof Error ? e.message : String(e));
    }
    const status = Number(res.status);
    const body = String(res.body ?? '');
    if (status >= 400 && !p.muteHttpExceptions) {
      const truncated = body.length > 100 ? body.slice(0, 100) + '...' : body;
      throw new GasError(
        `Request failed for ${origin(url)} returned code ${status}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return new HttpResponseFacade(this._ctx, status, body, { ...(res.headers ?? {}) });
  }

  fetch(url: string, params?: FetchParams): HttpResponseFacade {
    return this._one(url, params);
  }

  fetchAll(requests: Array<string | (FetchParams & { url: string })>): HttpResponseFacade[] {
    if (!Array.isArray(requests))
      throw new GasError(MSG.signature(describeTypes([requests]), 'UrlFetchApp.fetchAll'));
    return requests.map((r) =>
      typeof r === 'string' ? this._one(r, undefined) : this._one(r.url, withoutUrl(r)),
    );
  }

  getRequest(url: string, params?: FetchParams): Record<string, unknown> {
    const p = params ?? {};
    return {
      url,
      method: String(p.method ?? 'get').toLowerCase(),
      headers: { ...(p.headers ?? {}) },
      contentType: p.contentType ?? null,
      payload:
        typeof p.payload === 'string' ? p.payload : isPlainObject(p.payload) ? formEncode(p.payload) : '',
      muteHttpExceptions: !!p.muteHttpExceptions,
      followRedirects: p.followRedirects ?? true,
      validateHttpsCertificates: p.validateHttpsCertificates ?? true,
      useIntranet: false,
    };
  }
}
instrument(UrlFetchAppFacade, 'UrlFetchApp');

function withoutUrl(r: FetchParams & { url: string }): FetchParams {
  const copy: Record<string, unknown> = { ...r };
  delete copy.url;
  return copy as FetchParams;
}

export class HttpResponseFacade
  extends Facade
  implements
    Pick<GoogleAppsScript.URL_Fetch.HTTPResponse, 'getResponseCode' | 'getContentText' | 'getContent'>
{
  constructor(
    ctx: Ctx,
    private readonly status: number,
    private readonly body: string,
    private readonly headers: Record<string, string>,
  ) {
    super(ctx);
  }

  getResponseCode(): number {
    return this.status;
  }

  getContentText(charset?: string): string {
    return charset ? Buffer.from(this.body, 'utf8').toString(charsetEncoding(charset)) : this.body;
  }

  getContent(): number[] {
    return toSignedBytes(Buffer.from(this.body, 'utf8'));
  }

  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }

  getAllHeaders(): Record<string, string> {
    return { ...this.headers };
  }

  getBlob(): BlobFacade {
    const type = Object.entries(this.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
    return new BlobFacade(this._ctx, Buffer.from(this.body, 'utf8'), type ? type.split(';')[0] : null);
  }

  getAs(contentType: string): BlobFacade {
    return this.getBlob().getAs(contentType);
  }
}
instrument(HttpResponseFacade, 'UrlFetchApp.HTTPResponse');

// ---- MailApp -----------------------------------------------------------------------------------

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

const EMAIL_RE = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

function recipients(list: string | undefined): string[] {
  return String(list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class MailAppFacade
  extends Facade
  implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'>
{
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    let m: MailOptions;
    if (isPlainObject(a)) m = a as MailOptions;
    else if (typeof a === 'string' && typeof b === 'string' && typeof c === 'string') {
      if (typeof d === 'string') m = { to: a, replyTo: b, subject: c, body: d };
      else m = { ...(isPlainObject(d) ? (d as MailOptions) : {}), to: a, subject: b, body: c };
    } else
      throw new GasError(
        MSG.signature(describeTypes([a, b, c, d].filter((x) => x !== undefined)), 'MailApp.sendEmail'),
      );
    const all = [...recipients(m.to), ...recipients(m.cc), ...recipients(m.bcc)];
    if (!all.length) throw new GasError('Failed to send email: no recipient');
    for (const r of all) if (!EMAIL_RE.test(r)) throw new GasError(`Invalid email: ${r}`);
    if (m.subject === undefined || m.subject === null) throw new GasError(MSG.invalidArgument('subject'));
    const attachments = (m.attachments ?? []).map((x) => {
      if (!(x instanceof BlobFacade)) throw new GasError(MSG.invalidArgument('attachments'));
      return {
        name: x.getName() ?? 'attachment',
        mimeType: x.getContentType() ?? 'application/octet-stream',
        size: x._bytes.length,
      };
    });
    const emu = this._ctx.emu;
    emu.consumeQuota('email', all.length, this._ctx.effectiveUser);
    emu.mailLog.push({
      at: emu.clock.now(),
      to: recipients(m.to).join(','),
      cc: recipients(m.cc).join(','),
      bcc: recipients(m.bcc).join(','),
      replyTo: m.replyTo ? String(m.replyTo) : '',
      name: m.name ? String(m.name) : '',
      subject: String(m.subject),
      body: m.body === undefined ? '' : String(m.body),
      htmlBody: m.htmlBody === undefined ? '' : String(m.htmlBody),
      attachments,
    });
  }

  /** The running user's email recipients left today (quotas.ts). */
  getRemainingDailyQuota(): number {
    return this._ctx.emu.remainingQuota('email', this._ctx.effectiveUser);
  }
}
instrument(MailAppFacade, 'MailApp');
