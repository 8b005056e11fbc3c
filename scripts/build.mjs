// Builds everything Apps Script needs into build/: Code.js (webpack), appsscript.json,
// and one self-contained HTML file per page of src/ui/pages (esbuild, script and styles inlined).
import { build as esbuild } from 'esbuild';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const final = join(root, 'build');
// Build into a private folder, then move each file into build/ (a rename is atomic): tests or a
// playground reading build/ never see it half-written or missing.
const out = join(root, `.build-tmp-${process.pid}`);
const require = (await import('node:module')).createRequire(import.meta.url);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await new Promise((resolve, reject) => {
  const config = { ...require(join(root, 'webpack.config.js')) };
  config.output = { ...config.output, path: out };
  webpack(config, (err, stats) => {
    if (err) return reject(err);
    if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
    resolve();
  });
});

cpSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));

// Each page folder holds index.html (with <!-- STYLE --> and <!-- SCRIPT --> markers),
// main.ts and optionally style.css. Apps Script cannot serve raw JS or CSS: inline both.
const pagesDir = join(root, 'src', 'ui', 'pages');
const pages = existsSync(pagesDir) ? readdirSync(pagesDir) : [];
for (const page of pages) {
  const dir = join(pagesDir, page);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const result = await esbuild({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
  });
  // Inline script must not close its own tag early.
  const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = existsSync(join(dir, 'style.css')) ? readFileSync(join(dir, 'style.css'), 'utf8') : '';
  const page_ = html
    .replace('<!-- STYLE -->', () => `<style>${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${js}</script>`);
  writeFileSync(join(out, `${page}.html`), page_);
}
mkdirSync(final, { recursive: true });
const built = readdirSync(out);
for (const file of built) renameSync(join(out, file), join(final, file));
for (const file of readdirSync(final)) if (!built.includes(file)) rmSync(join(final, file), { force: true });
rmSync(out, { recursive: true, force: true });
console.log(`build: Code.js, appsscript.json${pages.map((p) => `, ${p}.html`).join('')}`);
