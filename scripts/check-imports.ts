// `npm run lint` (and CI): fails when src/ has an import cycle or an import across the layer rules
// of scripts/imports.ts. Prints every problem, one a line.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildGraph, featureIndexViolations, findCycles, layerViolations } from './imports';

const ROOT = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const sources = new Map(
  tsFiles(join(ROOT, 'src')).map((path) => [
    relative(ROOT, path).split(sep).join('/'),
    readFileSync(path, 'utf8'),
  ]),
);
const graph = buildGraph(sources);
const problems = [
  ...findCycles(graph).map((cycle) => `import cycle: ${cycle.join(' → ')}`),
  ...[...layerViolations(graph), ...featureIndexViolations(graph)].map(
    (v) => `${v.from} imports ${v.to}: ${v.rule}`,
  ),
];
for (const p of problems) console.error(p);
if (problems.length > 0) {
  console.error(`check-imports: ${problems.length} problem(s) in ${sources.size} files`);
  process.exit(1);
}
console.log(`check-imports: ${sources.size} files, no cycle, layers respected`);
