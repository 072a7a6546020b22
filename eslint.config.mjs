// Lint rules: typed TypeScript everywhere, no floating promises, deterministic workflow code
// (workflows/ may import only @temporalio/workflow and the project's pure modules), and a product
// that imports neither the emulators, scripts and tests nor a package it does not ship with.
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'http2', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers',
  'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const nodeBuiltinPaths = nodeBuiltins.flatMap((name) => [
  { name, message: 'Workflow code and pure modules must not use Node built-ins.' },
  { name: `node:${name}`, message: 'Workflow code and pure modules must not use Node built-ins.' },
]);

/** The project's top-level source folders. */
const projectFolders = ['activities', 'api', 'bench', 'common', 'config', 'emulators', 'models', 'observability', 'providers', 'scripts', 'security', 'test', 'worker', 'workflows'];

/** An import pattern that matches any relative import reaching into one of `folders`. */
const layer = (folders, message) => ({ group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message });

/** The folders of the product (compiled by tsconfig.build.json, shipped in the image). */
const productFolders = ['activities', 'api', 'common', 'config', 'models', 'observability', 'providers', 'security', 'worker', 'workflows'];

/**
 * Packages the product is installed without (`npm ci --omit=dev --workspaces=false`): the root's
 * devDependencies and what only the emulators' workspace depends on.
 */
const readJson = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const rootPackage = readJson('./package.json');
const emulatorsPackage = readJson('./emulators/package.json');
const notShipped = [
  ...Object.keys(rootPackage.devDependencies ?? {}),
  ...Object.keys(emulatorsPackage.dependencies ?? {}).filter((name) => !(name in (rootPackage.dependencies ?? {}))),
];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What every product file must not import; each product block below lists these too. */
const productOnly = [
  layer(['emulators', 'scripts', 'test', 'bench'], 'The product never imports the emulators, scripts, tests or benchmarks: they are not shipped.'),
  {
    regex: `^(${[...new Set(notShipped)].map(escapeRegex).join('|')})(/|$)`,
    message: 'The product is installed without devDependencies and the emulators\' packages: add the package to "dependencies" in package.json if the product needs it at run time.',
  },
];

/** Packages: only @temporalio/workflow (and @temporalio/common, which it re-exports) in pure code. */
const onlyTemporalWorkflow = {
  regex: '^(?!\\.|@temporalio/(workflow|common)$)',
  message: 'Workflows and common/ import only @temporalio/workflow (and @temporalio/common), no other package.',
};

/** Workflows may also use async-mutex: promise-only, deterministic, the lock Temporal's samples use. */
const onlyWorkflowPackages = {
  regex: '^(?!\\.|@temporalio/(workflow|common)$|async-mutex$)',
  message: 'Workflows import only @temporalio/workflow (and @temporalio/common) and async-mutex, no other package.',
};

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
  // Layers, one block per folder (a later block replaces the rule for its files, so each lists all of it):
  // the product ships alone; the API reaches activities only through workflows; providers get their
  // stores passed in; common and workflows stay pure.
  {
    files: productFolders.map((f) => `${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', { patterns: productOnly }],
    },
  },
  {
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...productOnly, layer(['activities'], 'The API runs activities only through workflows (start or signal a workflow instead).')],
      }],
    },
  },
  {
    files: ['providers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...productOnly,
          layer(['models'], 'Providers get their stores passed in: define a store interface here and implement it in models/.'),
          layer(['api', 'activities', 'workflows', 'worker'], 'Providers are the bottom layer: they must not import the API, activities, workflows or the worker.'),
        ],
      }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths,
        patterns: [
          ...productOnly,
          layer(projectFolders.filter((f) => f !== 'common'), 'common/ holds pure modules: it imports only common/.'),
          onlyTemporalWorkflow,
        ],
      }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths,
        patterns: [
          ...productOnly,
          { ...layer(['activities'], 'Workflows use activities through proxyActivities: `import type` only.'), allowTypeImports: true },
          layer(projectFolders.filter((f) => !['common', 'workflows', 'activities'].includes(f)), 'Workflows import only @temporalio/workflow, common/ and workflows/.'),
          onlyWorkflowPackages,
        ],
      }],
    },
  },
);
