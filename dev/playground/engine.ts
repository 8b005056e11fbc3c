// What the playground needs from the local runtime (dev/runtime/local-app.ts, `LocalApp`): one
// emulator running build/Code.js executions. Declared here as an interface so the server depends
// only on these members.

import type { GoogleEmulator } from '../emulator/index';
import type { OutboxEntry } from './conversation';

export interface WebResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface ConfigureInput {
  provider: 'cloud' | 'fonnte';
  webhookKey: string;
  verifyToken: string;
  phoneNumberId: string;
  token: string;
}

export interface Engine {
  readonly emu: GoogleEmulator;
  exec(fn: string, ...args: unknown[]): unknown;
  post(query: string, body: string, contentType: string): unknown;
  get(query: string): unknown;
  tick(): unknown;
  api(name: string, req: unknown): unknown;
  configure(c: ConfigureInput): void;
  setup(): unknown;
  outbox(): OutboxEntry[];
  sheet(name: string): { headers: unknown[]; rows: unknown[][] };
  appendRows(name: string, rows: Record<string, unknown>[]): unknown;
  toJSON(): unknown;
}
