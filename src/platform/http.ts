// The one place that calls UrlFetchApp (each call counted by quota.ts). Network failures become
// status 0, never exceptions.

import type { HttpRequest } from '../channels/types';
import { countFetch } from './quota';

export interface HttpResponse {
  status: number;
  body: string;
  error?: string;
}

export function fetchRequest(req: HttpRequest): HttpResponse {
  try {
    countFetch();
    const res = UrlFetchApp.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      contentType: req.contentType,
      payload: req.payload,
      muteHttpExceptions: true,
    });
    return { status: res.getResponseCode(), body: res.getContentText() };
  } catch (e) {
    return { status: 0, body: '', error: String((e as Error).message ?? e) };
  }
}

export interface BytesResponse {
  status: number;
  /** The body as a blob (null on a network failure). */
  blob: GoogleAppsScript.Base.Blob | null;
  /** The body as text, for error bodies. */
  text: string;
  headers: Record<string, string>;
  error?: string;
}

/** A GET for binary content (media downloads); network failures become status 0. */
export function fetchBytes(url: string, headers: Record<string, string> = {}): BytesResponse {
  try {
    const res = UrlFetchApp.fetch(url, { method: 'get', headers, muteHttpExceptions: true });
    const status = res.getResponseCode();
    return {
      status,
      blob: res.getBlob(),
      text: status >= 400 ? res.getContentText() : '',
      headers: res.getHeaders() as Record<string, string>,
    };
  } catch (e) {
    return { status: 0, blob: null, text: '', headers: {}, error: String((e as Error).message ?? e) };
  }
}

/** A multipart/form-data POST (an object payload holding a blob); the answer as text. */
export function postMultipart(
  url: string,
  headers: Record<string, string>,
  fields: Record<string, string | GoogleAppsScript.Base.Blob>,
): HttpResponse {
  try {
    const res = UrlFetchApp.fetch(url, {
      method: 'post',
      headers,
      payload: fields,
      muteHttpExceptions: true,
    });
    return { status: res.getResponseCode(), body: res.getContentText() };
  } catch (e) {
    return { status: 0, body: '', error: String((e as Error).message ?? e) };
  }
}
