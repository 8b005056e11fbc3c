// The product on the emulator for the playground: dev/runtime/local-app.ts (`LocalApp`), created
// fresh or restored from its saved JSON, reading build/Code.js and build/*.html from `buildDir`.

import { join } from 'node:path';
import { LocalApp } from '../runtime/local-app';

export type Engine = LocalApp;

export interface EngineFactory {
  /** A fresh emulator at `nowMs` with the bundle ready (nothing set up yet). */
  fresh(nowMs: number): Engine;
  /** An engine from `toJSON()` output. */
  restore(json: unknown): Engine;
}

/** The spreadsheet's owner in the playground: the sidebar runs as this editor. */
export const PLAYGROUND_USER = 'admin@contoh.go.id';

export function localAppFactory(buildDir: string): EngineFactory {
  const opts = { codePath: join(buildDir, 'Code.js'), htmlDir: buildDir };
  return {
    fresh: (nowMs) =>
      new LocalApp({ ...opts, now: nowMs, userEmail: PLAYGROUND_USER, spreadsheetName: 'HALO KOP-UKM' }),
    restore: (json) => LocalApp.fromJSON(json as Parameters<typeof LocalApp.fromJSON>[0], opts),
  };
}
