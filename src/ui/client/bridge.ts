// The one typed bridge between a page and the server: `google.script.run.api(name, request)`
// wrapped in a promise. Dates cross as ISO strings; errors arrive as Indonesian messages; every
// answer carries the server's clock, which the pages use instead of the browser's.

import type { ApiMap, ApiName, ApiResponse } from '../../api/types';
import { adoptClock } from './clock';

interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: Error) => void): ScriptRunner;
  api(name: string, req: unknown): void;
}

declare const google: { script: { run: ScriptRunner; host?: { close(): void } } };

export class ApiError extends Error {}

export function call<K extends ApiName>(name: K, req: ApiMap[K]['req']): Promise<ApiMap[K]['res']> {
  return new Promise((resolve, reject) => {
    google.script.run
      .withSuccessHandler((value) => {
        const res = value as ApiResponse<ApiMap[K]['res']>;
        if (res) adoptClock(res.clock);
        if (res && res.ok) resolve(res.data);
        else reject(new ApiError(res && !res.ok ? res.error : 'Tidak ada jawaban dari server.'));
      })
      .withFailureHandler((err) => reject(new ApiError(err && err.message ? err.message : String(err))))
      .api(name, req);
  });
}

export function closeDialog(): void {
  if (google.script.host) google.script.host.close();
}
