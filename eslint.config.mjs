// ESLint: TypeScript rules, and a fence that keeps src/core pure (no Office, DOM, React or Node).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'out/**', 'coverage/**', 'pkg/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', '@fluentui/*', 'exceljs', 'jszip', '@microsoft/office-js', 'office-*'], message: 'src/core stays pure: no UI or workbook libraries.' },
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'util', 'buffer', 'stream'], message: 'src/core stays pure: no Node modules.' },
            { group: ['../io/*', '../taskpane/*', '../commands/*', '../cli/*', '../../io/*', '../../taskpane/*', '../../commands/*', '../../cli/*'], message: 'src/core must not depend on adapters or UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'navigator', 'localStorage', 'fetch', 'XMLHttpRequest', 'process', 'require', 'Buffer'],
    },
  },
  {
    // Plain CommonJS run by Node itself (the CLI launcher): require is how it loads.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
