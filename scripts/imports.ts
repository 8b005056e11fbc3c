// The import graph of src/ and the rules it must keep (run by `npm run lint` through
// check-imports.ts): no import cycle, and each layer imports only the layers below it.
// Pure functions over file paths and source texts, so a unit test can feed them a tiny graph.

import { posix } from 'node:path';
import ts from 'typescript';

/** File (path relative to the repository, `src/app/api.ts`) → the files it imports, in order. */
export type ImportGraph = Map<string, string[]>;

/** The module specifiers of a TypeScript source: imports, re-exports and `import()` types. */
export function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The file a relative specifier names (`./x` → `dir/x.ts` or `dir/x/index.ts`), or null for a
 * package (`qrcode-generator`) or a file that is not in `files`.
 */
export function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** The graph of `sources` (path → text); imports of files outside `sources` are left out. */
export function buildGraph(sources: ReadonlyMap<string, string>): ImportGraph {
  const files = new Set(sources.keys());
  const graph: ImportGraph = new Map();
  for (const [file, text] of sources) {
    const targets = importSpecifiers(text)
      .map((s) => resolveImport(file, s, files))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Every import cycle, one per strongly connected component (Tarjan), each given as a path that
 * starts and ends at the same file: `a → b → a`. Sorted, so the output is stable.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return components.map((c) => cyclePath(graph, new Set(c))).sort((a, b) => a[0].localeCompare(b[0]));
}

/** A shortest cycle through the first file (by name) of a strongly connected component. */
function cyclePath(graph: ImportGraph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * The layers of src/ (its top folders; `src/index.ts` and `src/entrypoints.ts` are the root) and
 * what each may import besides itself. Packages are not layers: only `ui` imports any.
 */
export const LAYER_RULES: Readonly<Record<string, readonly string[]>> = {
  messages: [],
  domain: ['messages'],
  channels: [],
  api: ['domain', 'messages'],
  ui: ['api', 'domain', 'messages'],
  platform: ['channels', 'domain'],
  store: ['domain', 'platform'],
  app: ['api', 'channels', 'domain', 'messages', 'platform', 'root', 'store'],
  root: ['app'],
};

/** The layer of a file of src/: its top folder, or `root` for the files directly in src/. */
export function layerOf(file: string): string {
  const parts = file.split('/');
  return parts.length <= 2 ? 'root' : parts[1];
}

export interface LayerViolation {
  from: string;
  to: string;
  rule: string;
}

/** Imports from one layer into a layer it may not import. */
export function layerViolations(
  graph: ImportGraph,
  rules: Readonly<Record<string, readonly string[]>> = LAYER_RULES,
): LayerViolation[] {
  const out: LayerViolation[] = [];
  for (const [from, targets] of graph) {
    const layer = layerOf(from);
    const allowed = rules[layer];
    for (const to of targets) {
      const target = layerOf(to);
      if (target === layer) continue;
      if (!allowed || !allowed.includes(target)) {
        out.push({ from, to, rule: `${layer}/ may import only ${(allowed ?? []).join(', ') || 'itself'}` });
      }
    }
  }
  return out;
}

/**
 * The feature folders of app/ are put together in two places only: app/jobs.ts (their jobs) and
 * app/api.ts (their sidebar handlers); the menus of admin/ call into them. A feature's `index.ts`
 * is imported by those and by the root, never by another feature (that would couple the features
 * through everything the index gathers).
 */
export function featureIndexViolations(graph: ImportGraph): LayerViolation[] {
  const composers = new Set(['src/app/jobs.ts', 'src/app/api.ts', 'src/index.ts']);
  const out: LayerViolation[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (!/^src\/app\/[^/]+\/index\.ts$/.test(to) || composers.has(from)) continue;
      out.push({
        from,
        to,
        rule: 'a feature index is imported by app/jobs.ts, app/api.ts and src/index.ts only',
      });
    }
  }
  return out;
}
