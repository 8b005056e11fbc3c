// ESLint flat config: typescript-eslint recommended + Prettier for formatting, the layers of src/
// and sorted imports. scripts/check-imports.ts checks the same layers exactly (and cycles).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import sortedImports from './scripts/eslint-sorted-imports.js';

/** Apps Script services: only src/platform/ calls them. */
const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'UrlFetchApp',
  'MailApp',
  'GmailApp',
  'Utilities',
  'ScriptApp',
  'Session',
  'HtmlService',
  'ContentService',
  'DriveApp',
  'Logger',
];

/** An import (relative, any depth) into one of the given top folders of src/. */
const into = (layers, message) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
  message,
});

/** The layers of src/: what each may not import (the rest of LAYER_RULES in scripts/imports.ts). */
const LAYERS = {
  domain: [
    ['store', 'app', 'platform', 'channels', 'api', 'ui'],
    'domain/ is pure: it imports only domain/ and messages/.',
  ],
  messages: [['domain', 'store', 'app', 'platform', 'channels', 'api', 'ui'], 'messages/ imports nothing.'],
  channels: [
    ['domain', 'messages', 'store', 'app', 'platform', 'api', 'ui'],
    'channels/ imports only itself.',
  ],
  api: [
    ['store', 'app', 'platform', 'channels', 'ui'],
    'api/ (the contract) imports only domain/ and messages/.',
  ],
  ui: [['store', 'app', 'platform', 'channels'], 'ui/ imports only api/, domain/, messages/ and ui/.'],
  platform: [
    ['messages', 'store', 'app', 'api', 'ui'],
    'platform/ imports only itself, channel types and the pure rules of domain/.',
  ],
  store: [['app', 'api', 'channels', 'messages', 'ui'], 'store/ imports only domain/, platform/ and itself.'],
};

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', '.playground/**', 'artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Only the platform layer touches Apps Script services; everything else goes through it.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT_SERVICES] },
  },
  ...Object.entries(LAYERS).map(([layer, [forbidden, message]]) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [into(forbidden, message)] }] },
  })),
  {
    // Imports sorted: declarations by local/sorted-imports, names within braces by sort-imports.
    files: ['src/**/*.ts', 'scripts/**/*.ts'],
    plugins: { local: sortedImports },
    rules: {
      'local/sorted-imports': 'error',
      'sort-imports': ['error', { ignoreCase: true, ignoreDeclarationSort: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        console: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
