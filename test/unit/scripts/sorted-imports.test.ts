// The ESLint rule local/sorted-imports (scripts/eslint-sorted-imports.js): the order of import
// declarations, and its fix.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rules } = require('../../../scripts/eslint-sorted-imports.js');

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });

// RuleTester makes its own describe/it blocks: packages, then relative paths from the farthest
// folder, A–Z, type before value; no fix across a comment.
describe('local/sorted-imports', () => {
  tester.run('sorted-imports', rules['sorted-imports'], {
    valid: [
      [
        "import { readFileSync } from 'node:fs';",
        "import ts from 'typescript';",
        "import type { A } from '../../api/types';",
        "import { b } from '../../domain/menu';",
        "import type { C } from '../context';",
        "import { C2 } from '../context';",
        "import { d } from './Data';",
        "import { e } from './extra';",
      ].join('\n'),
    ],
    invalid: [
      {
        code: "import { x } from './x';\nimport { y } from '../y';\nimport fs from 'node:fs';",
        output: "import fs from 'node:fs';\nimport { y } from '../y';\nimport { x } from './x';",
        errors: [{ messageId: 'order' }],
      },
      {
        code: "import { b } from './b';\n// why a\nimport { a } from './a';",
        output: null,
        errors: [{ messageId: 'order' }],
      },
    ],
  });
});
