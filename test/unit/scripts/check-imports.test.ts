// scripts/imports.ts, run by `npm run lint`: the import graph of src/, its cycles and its layers.
import {
  buildGraph,
  featureIndexViolations,
  findCycles,
  type ImportGraph,
  importSpecifiers,
  layerOf,
  layerViolations,
  resolveImport,
} from '../../../scripts/imports';

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('import specifiers', () => {
  it('finds imports, type imports, re-exports and import() types, not strings or comments', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "type D = import('./d').D;",
      "// import { e } from './e';",
      'const f = "import { f } from \'./f\'";',
      "import qrcode from 'qrcode-generator';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a', '../b', './c', './d', 'qrcode-generator']);
  });

  it('resolves a relative path to a file or a folder index, and leaves packages out', () => {
    const files = new Set(['src/app/x.ts', 'src/app/data/index.ts', 'src/domain/time.ts']);
    expect(resolveImport('src/app/y.ts', './x', files)).toBe('src/app/x.ts');
    expect(resolveImport('src/app/y.ts', './data', files)).toBe('src/app/data/index.ts');
    expect(resolveImport('src/app/data/z.ts', '../../domain/time', files)).toBe('src/domain/time.ts');
    expect(resolveImport('src/app/y.ts', 'typescript', files)).toBeNull();
    expect(resolveImport('src/app/y.ts', './missing', files)).toBeNull();
  });

  it('builds the graph of the given sources only', () => {
    const g = buildGraph(
      new Map([
        ['src/app/a.ts', "import { b } from './b';\nimport { c } from './c';\nimport ts from 'typescript';"],
        ['src/app/b.ts', "import { a } from './a';"],
      ]),
    );
    expect(g).toEqual(graph({ 'src/app/a.ts': ['src/app/b.ts'], 'src/app/b.ts': ['src/app/a.ts'] }));
  });
});

describe('import cycles', () => {
  it('finds a cycle of three files, starting at the first by name', () => {
    const g = graph({
      'src/c.ts': ['src/a.ts'],
      'src/a.ts': ['src/b.ts'],
      'src/b.ts': ['src/c.ts'],
      'src/d.ts': [],
    });
    expect(findCycles(g)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']]);
  });

  it('finds each cycle once, a file importing itself included', () => {
    const g = graph({
      'src/a.ts': ['src/b.ts'],
      'src/b.ts': ['src/a.ts', 'src/c.ts'],
      'src/c.ts': ['src/d.ts'],
      'src/d.ts': ['src/d.ts'],
    });
    expect(findCycles(g)).toEqual([
      ['src/a.ts', 'src/b.ts', 'src/a.ts'],
      ['src/d.ts', 'src/d.ts'],
    ]);
  });

  it('finds none in a graph without one (shared imports are not cycles)', () => {
    const g = graph({ 'src/a.ts': ['src/b.ts', 'src/c.ts'], 'src/b.ts': ['src/c.ts'], 'src/c.ts': [] });
    expect(findCycles(g)).toEqual([]);
  });
});

describe('layers', () => {
  it('names a file by its top folder of src/, the files in src/ itself being the root', () => {
    expect(layerOf('src/app/helpdesk/webhook.ts')).toBe('app');
    expect(layerOf('src/domain/time.ts')).toBe('domain');
    expect(layerOf('src/index.ts')).toBe('root');
  });

  it('reports domain/ importing store/ and ui/ importing app/, not what is allowed', () => {
    const g = graph({
      'src/domain/report.ts': ['src/store/schema.ts', 'src/messages/id.ts', 'src/domain/time.ts'],
      'src/ui/pages/Sidebar/manual.ts': ['src/app/context.ts', 'src/api/forms.ts', 'src/ui/client/dom.ts'],
      'src/app/api.ts': ['src/api/types.ts', 'src/platform/user.ts'],
    });
    expect(layerViolations(g).map((v) => `${v.from} → ${v.to}`)).toEqual([
      'src/domain/report.ts → src/store/schema.ts',
      'src/ui/pages/Sidebar/manual.ts → src/app/context.ts',
    ]);
  });

  it('lets only app/jobs.ts, app/api.ts and the root import a feature index', () => {
    const g = graph({
      'src/app/jobs.ts': ['src/app/helpdesk/index.ts'],
      'src/app/api.ts': ['src/app/inbox/index.ts'],
      'src/app/inbox/session.ts': ['src/app/helpdesk/index.ts', 'src/app/helpdesk/state.ts'],
    });
    expect(featureIndexViolations(g).map((v) => `${v.from} → ${v.to}`)).toEqual([
      'src/app/inbox/session.ts → src/app/helpdesk/index.ts',
    ]);
  });
});
