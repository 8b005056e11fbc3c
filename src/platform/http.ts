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
