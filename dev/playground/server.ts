// `npm start` / `npm run serve`: the local playground on http://localhost:8080 (PORT overrides,
// HOST to listen elsewhere than 127.0.0.1, PLAYGROUND_DIR for the state folder, default
// .playground/). Needs build/Code.js (npm start builds first).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startPlaygroundServer } from './http';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const buildDir = join(root, 'build');
  if (!existsSync(join(buildDir, 'Code.js'))) {
    console.error('build/Code.js tidak ada: jalankan `npm run build` dulu (atau `npm start`).');
    process.exit(1);
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT tidak valid: ${process.env.PORT}`);
    process.exit(1);
  }
  const dataDir = process.env.PLAYGROUND_DIR || join(root, '.playground');
  const pg = await startPlaygroundServer({ port, host: process.env.HOST || '127.0.0.1', buildDir, dataDir });
  const { url } = pg;
  console.log(
    [
      '',
      'HALO KOP-UKM — playground lokal',
      `  Beranda          ${url}/`,
      `  Chat warga       ${url}/chat`,
      `  Sidebar petugas  ${url}/sidebar`,
      `  Spreadsheet      ${url}/sheets`,
      `  Webhook          POST ${url}/exec?key=playground   (verify token: playground)`,
      `  API dev          ${url}/_dev/outbox, /_dev/sheets/<nama>, /_dev/workbook.xlsx …`,
      `  Data             ${dataDir}`,
      '',
      'Tekan Ctrl+C untuk berhenti.',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    pg.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'EADDRINUSE') console.error(`Port sudah dipakai. Coba PORT=8081 npm start.`);
  else console.error(err);
  process.exit(1);
});
