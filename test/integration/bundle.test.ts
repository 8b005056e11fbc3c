// The built bundle is what we ship: it must load in a V8 context holding only Apps Script
// globals, call no service while loading, and expose every entry point under its name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoogleEmulator } from '../../dev/emulator/index';
import { loadBundle } from '../../dev/emulator/sandbox';
import { BUILD_DIR } from '../../dev/runtime/local-app';
import { ENTRY } from '../../src/entrypoints';
import { requireBuild } from '../support/app';

describe('build/Code.js', () => {
  beforeAll(requireBuild);
  const code = (): string => readFileSync(join(BUILD_DIR, 'Code.js'), 'utf8');

  it('loads without calling any service and without Node globals', () => {
    const emu = new GoogleEmulator({ now: '2026-11-23T09:00:00+07:00' });
    const sandbox = loadBundle(code(), emu);
    expect(sandbox.loadCalls.total).toBe(0);
    for (const name of [
      'require',
      'module',
      'exports',
      'process',
      'Buffer',
      'setTimeout',
      'setInterval',
      'fetch',
      'global',
    ]) {
      expect(sandbox.evaluate(`typeof ${name}`)).toBe('undefined');
    }
    expect(sandbox.evaluate('typeof SpreadsheetApp')).toBe('object');
  });

  it('declares every entry point as a top-level function named as in ENTRY', () => {
    const src = code();
    const sandbox = loadBundle(src, new GoogleEmulator());
    for (const name of Object.values(ENTRY)) {
      expect(src).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(sandbox.evaluate(`typeof ${name}`)).toBe('function');
    }
  });

  it('contains no ES module syntax and no class fields Apps Script rejects', () => {
    const src = code();
    expect(src).not.toMatch(/^\s*export\s/m);
    expect(src).not.toMatch(/^\s*import\s/m);
  });

  it('is ES2020: no syntax newer than the Apps Script V8 runtime accepts', () => {
    // Parsing as a classic script in this Node (which supports newer syntax) proves little; the
    // build targets es2020, so esbuild would have down-levelled ?? and ?.= style operators of later years.
    expect(code()).not.toMatch(/\?\?=|\|\|=|&&=/);
  });

  it('copies the manifest: Asia/Jakarta, V8, anonymous web app executing as the deployer', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.timeZone).toBe('Asia/Jakarta');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
    const source = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toEqual(source.oauthScopes);
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
  });

  it('builds each page as one self-contained HTML file', () => {
    for (const page of ['Sidebar', 'Settings']) {
      const html = readFileSync(join(BUILD_DIR, `${page}.html`), 'utf8');
      expect(html).toMatch(/<script>[\s\S]+<\/script>/);
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(html).not.toMatch(/<link[^>]+stylesheet/);
    }
  });
});
