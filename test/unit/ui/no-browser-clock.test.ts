// No page reads the browser's clock or time zone: what a person sees or the server checks comes
// from the server's clock (src/ui/client/clock.ts). A scan of the page sources keeps it so.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DIRS = ['src/ui', 'dev/playground/client'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|html)$/.test(name) ? [p] : [];
  });
}

/** The source without comments (line and block), so a comment may name what the code avoids. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(\s*\)/, 'new Date()'],
  [/\bnew Date\b(?!\s*\()/, 'new Date'],
  [/\.getTimezoneOffset\s*\(/, 'getTimezoneOffset()'],
  [/\.toLocale(Date|Time)String\s*\(/, 'toLocaleDateString/toLocaleTimeString'],
  [/\.get(Date|Day|Hours|Minutes|Month|FullYear)\s*\(/, 'local-time getters'],
];

describe('pages never read the browser clock', () => {
  const sources = DIRS.flatMap((d) => files(join(ROOT, d)));

  it('finds the page sources', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN)('no %s in src/ui or dev/playground/client', (pattern) => {
    const hits = sources
      .filter((f) => pattern.test(code(readFileSync(f, 'utf8'))))
      .map((f) => relative(ROOT, f));
    expect(hits).toEqual([]);
  });

  it('every Intl.DateTimeFormat names its time zone', () => {
    const hits = sources.filter((f) => {
      const text = code(readFileSync(f, 'utf8'));
      const calls = text.match(/new Intl\.DateTimeFormat\([^)]*\)/g) ?? [];
      return calls.some((c) => !/timeZone/.test(c));
    });
    expect(hits).toEqual([]);
  });
});
