// The playground's own pages: HTML with the shared header, one stylesheet, and the client code
// (dev/playground/client/*.ts) bundled with esbuild when the server starts.

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PAGES = ['home', 'chat', 'sheets', 'sidebar'] as const;
export type PageName = (typeof PAGES)[number];

export interface Assets {
  pages: Record<PageName, string>;
  scripts: Record<string, string>;
  css: string;
  /** The google.script.run shim, inlined into build/*.html. */
  shim: string;
}

const here = __dirname;

let cached: Promise<Assets> | null = null;

/** The assets, built once per process. */
export function loadAssets(): Promise<Assets> {
  cached ??= buildAssets();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

async function buildAssets(): Promise<Assets> {
  const header = readFileSync(join(here, 'pages', 'header.html'), 'utf8');
  const pages = {} as Record<PageName, string>;
  for (const p of PAGES) {
    pages[p] = readFileSync(join(here, 'pages', `${p}.html`), 'utf8').replace(
      '<!-- HEADER -->',
      () => header,
    );
  }
  const entries = [...PAGES, 'shim'];
  const result = await build({
    entryPoints: Object.fromEntries(entries.map((e) => [e, join(here, 'client', `${e}.ts`)])),
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    outdir: 'out',
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const scripts: Record<string, string> = {};
  for (const f of result.outputFiles) {
    const name = f.path.replace(/^.*[\\/]/, '').replace(/\.js$/, '');
    scripts[name] = f.text;
  }
  return {
    pages,
    scripts,
    css: readFileSync(join(here, 'pages', 'playground.css'), 'utf8'),
    shim: scripts.shim.replace(/<\/script/gi, '<\\/script'),
  };
}
