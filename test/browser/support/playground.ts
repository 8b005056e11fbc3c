// Starts the playground for a browser test: in this process, on a free port, with its state in
// a temporary folder. `stop()` saves nothing the test needs and frees the port.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startPlaygroundServer, type RunningPlayground } from '../../../dev/playground/http';

export const BUILD_DIR = join(__dirname, '..', '..', '..', 'build');
export const SCREENSHOTS = join(__dirname, '..', '..', '..', 'artifacts', 'screenshots');

export interface StartOptions {
  /** 0 (default): a free port. */
  port?: number;
  dataDir: string;
  buildDir?: string;
}

export interface StartedPlayground {
  url: string;
  stop(): Promise<void>;
  /** The server's state, for assertions beyond the HTTP API. */
  running: RunningPlayground;
}

export async function startPlayground(opts: StartOptions): Promise<StartedPlayground> {
  const buildDir = opts.buildDir ?? BUILD_DIR;
  if (!existsSync(join(buildDir, 'Code.js'))) {
    throw new Error('build/Code.js is missing: run `npm run build` (npm test builds first).');
  }
  const running = await startPlaygroundServer({
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir: opts.dataDir,
    buildDir,
    log: () => undefined,
  });
  return { url: running.url, stop: () => running.stop(), running };
}
