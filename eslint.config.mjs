import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'tools/cli/bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Workflow state is declared up front for its handlers and assigned once the workflow learns it.
  { rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] } },
  {
    // jest configs and the small bin/reporter scripts are plain CommonJS run by Node.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Small ES-module scripts run by Node (e.g. the embedded PostgreSQL launcher).
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Services talk over Kafka and Temporal, never by importing each other.
    files: ['services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@lep/case-api',
                '@lep/registry',
                '@lep/evidence',
                '@lep/publication',
                '@lep/statistics',
                '@lep/worker',
              ],
              message: 'A service never imports another service; use an event in @lep/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow code must replay deterministically: no I/O, clocks or clients; activities are imported as types.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process'],
              message: 'Workflows must not do I/O; move it into an activity.',
            },
            {
              group: [
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                'typeorm',
                'pg',
                'kafkajs',
                'minio',
                '@nestjs/*',
              ],
              message: 'Workflows import only @temporalio/workflow, @lep/contracts and pure libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
);
