// ESLint rule `local/sorted-imports`: a file's import declarations in one order, with a fix.
// Packages first (`node:fs`, `typescript`), then relative imports from the farthest folder to the
// nearest (`../../x` before `../x` before `./x`), each group alphabetical by path (case ignored);
// `import type` before the value import of the same path. Names inside the braces are sorted by
// ESLint's own `sort-imports` (configured in eslint.config.mjs).
//
// The fix rewrites the block of imports when nothing but imports and blank lines sits between
// them (comments inside the block would lose their place, so then it only reports).

/** Sort key of an import: group, distance (for relative paths), path, type before value. */
function keyOf(node) {
  const source = String(node.source.value);
  const relative = source.startsWith('.');
  let up = 0;
  let rest = source;
  if (relative) {
    if (rest.startsWith('./')) rest = rest.slice(2);
    while (rest.startsWith('../')) {
      up += 1;
      rest = rest.slice(3);
    }
  }
  return {
    group: relative ? 1 : 0,
    up,
    path: rest.toLowerCase(),
    type: node.importKind === 'type' ? 0 : 1,
  };
}

function compare(a, b) {
  const x = keyOf(a);
  const y = keyOf(b);
  if (x.group !== y.group) return x.group - y.group;
  if (x.up !== y.up) return y.up - x.up;
  if (x.path !== y.path) return x.path < y.path ? -1 : 1;
  return x.type - y.type;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'layout',
    fixable: 'code',
    schema: [],
    messages: {
      order: "Import of '{{source}}' should come before '{{before}}' (packages, then ../../, ../, ./; A–Z).",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Program(program) {
        const imports = program.body.filter((n) => n.type === 'ImportDeclaration');
        if (imports.length < 2) return;
        const sorted = [...imports].sort(compare);
        const first = imports.findIndex((n, i) => n !== sorted[i]);
        if (first === -1) return;
        const node = sorted[first];
        const contiguous =
          program.body.slice(
            program.body.indexOf(imports[0]),
            program.body.indexOf(imports[imports.length - 1]) + 1,
          ).length === imports.length;
        const start = imports[0].range[0];
        const end = imports[imports.length - 1].range[1];
        const commentsInside = sourceCode
          .getAllComments()
          .some((c) => c.range[0] > start && c.range[1] < end);
        context.report({
          node,
          messageId: 'order',
          data: { source: String(node.source.value), before: String(imports[first].source.value) },
          fix:
            contiguous && !commentsInside
              ? (fixer) =>
                  fixer.replaceTextRange([start, end], sorted.map((n) => sourceCode.getText(n)).join('\n'))
              : null,
        });
      },
    };
  },
};

module.exports = { rules: { 'sorted-imports': rule }, compare };
