// Lint rules: typed TypeScript everywhere, no floating promises, and deterministic workflow code
// (workflows/ may import only @temporalio/workflow and the project's pure modules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'http2', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers',
  'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.renkei-data/**', 'bench/results/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...nodeBuiltins.flatMap((name) => [
            { name, message: 'Workflow code and pure modules must not use Node built-ins.' },
            { name: `node:${name}`, message: 'Workflow code and pure modules must not use Node built-ins.' },
          ]),
        ],
        patterns: [
          { group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'], message: 'Workflows may import only @temporalio/workflow (and @temporalio/common).' },
          { group: ['axios', 'mongoose', 'mongodb', 'express', 'pino*', 'prom-client', 'jose', 'zod'], message: 'No I/O or heavy libraries in workflow code.' },
          { group: ['../activities/*', '../activities', '../api/*', '../models/*', '../providers/*', '../worker/*', '../config/*', '../security/*', '../observability/*'], message: 'Workflows import only pure modules; use `import type` for activity types.', allowTypeImports: true },
        ],
      }],
    },
  },
);
