// ESLint flat config: typescript-eslint recommended + Prettier for formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

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
    files: ['src/domain/**/*.ts', 'src/channels/**/*.ts', 'src/messages/**/*.ts'],
    rules: {
      // The functional core knows nothing of Apps Script.
      'no-restricted-globals': [
        'error',
        'SpreadsheetApp',
        'PropertiesService',
        'CacheService',
        'LockService',
        'UrlFetchApp',
        'MailApp',
        'Utilities',
        'ScriptApp',
        'Session',
        'HtmlService',
        'ContentService',
      ],
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
