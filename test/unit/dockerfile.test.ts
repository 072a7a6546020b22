// The Dockerfile cannot be built where there is no Docker engine, so this suite reads it: the
// product image (the last stage, `runtime`) must be installed without devDependencies and without
// the emulators' workspace, hold only the compiled product, its assets and its production packages, run as an
// unprivileged user with a healthcheck; and the Dockerfile, docker-compose.yml and README must say
// the same about where the worker's unauthenticated metrics listen.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages, with continuation lines joined and comments dropped. */
function stages(): Stage[] {
  const lines = read('Dockerfile')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const result: Stage[] = [];
  for (const line of lines) {
    const m = /^(\S+)\s*(.*)$/.exec(line);
    const keyword = (m?.[1] ?? '').toUpperCase();
    const args = m?.[2] ?? '';
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      assert.ok(from, `FROM ${args}`);
      result.push({ from: from[1] as string, name: from[2] ?? String(result.length), instructions: [] });
      continue;
    }
    const current = result[result.length - 1];
    assert.ok(current, `${keyword} before the first FROM`);
    current.instructions.push({ keyword, args });
  }
  return result;
}

function stage(name: string): Stage {
  const found = stages().find((s) => s.name === name);
  assert.ok(found, `the Dockerfile has no stage "${name}"`);
  return found;
}

const all = (s: Stage, keyword: string): string[] => s.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** The sources of a COPY: every argument but the destination and the flags. */
function copySources(args: string): { from?: string; sources: string[] } {
  const words = args.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((w) => !w.startsWith('--'));
  return { ...(from ? { from } : {}), sources: paths.slice(0, -1) };
}

const PRODUCT_FOLDERS = ['activities', 'api', 'common', 'config', 'models', 'observability', 'providers', 'security', 'worker', 'workflows'];

describe('Dockerfile', () => {
  it('builds in a stage with every dependency and compiles the product there', () => {
    const build = stage('build');
    const runs = all(build, 'RUN').join('\n');
    assert.match(runs, /\bnpm ci\b/);
    assert.doesNotMatch(runs, /--omit=dev/, 'the build stage needs the dev dependencies (TypeScript)');
    assert.match(runs, /\bnpm run build\b/);
  });

  it('makes the product image the last stage (the default target), apart from the build', () => {
    const list = stages();
    const runtime = list[list.length - 1];
    assert.equal(runtime?.name, 'runtime');
    assert.ok(!list.some((s) => s.name === runtime.from), 'the runtime stage must start from a base image, not from another stage');
  });

  it('installs the runtime stage without devDependencies and without the emulators workspace', () => {
    const runtime = stage('runtime');
    const commands = all(runtime, 'RUN').flatMap((run) => run.split(/&&|\|\||;/).map((c) => c.trim()));
    const installs = commands.filter((command) => /\bnpm (ci|install|i)\b/.test(command));
    assert.equal(installs.length, 1, 'one npm install in the runtime stage');
    const install = installs[0] as string;
    assert.match(install, /\bnpm ci\b/, 'from the lockfile');
    assert.match(install, /--omit=dev\b/);
    assert.match(install, /--workspaces=false\b/);
    assert.ok(!commands.some((command) => /\bnpm (run|prune)\b/.test(command)), 'nothing is built or pruned in the runtime stage');
  });

  it('copies into the runtime stage only the manifests, the compiled dist/ and the product assets/', () => {
    const runtime = stage('runtime');
    const copies = [...all(runtime, 'COPY'), ...all(runtime, 'ADD')].map(copySources);
    assert.ok(copies.length > 0);
    for (const { from, sources } of copies) {
      for (const source of sources) {
        assert.doesNotMatch(source, /(^|\/)(emulators|test|scripts|bench|node_modules)(\/|$)/, `runtime copies ${source}`);
        assert.notEqual(source, '.', 'the runtime stage must not copy the whole context');
        if (from) assert.equal(from, 'build', `only the build stage's output, not ${from}`);
        else assert.ok(['package.json', 'package-lock.json', './package.json', './package-lock.json'].includes(source), `runtime copies ${source} from the context`);
      }
    }
    assert.deepEqual(
      copies.filter((c) => c.from).flatMap((c) => c.sources),
      ['/app/dist', '/app/assets'],
    );
  });

  it('compiles into dist/ the product folders only (tsconfig.build.json)', () => {
    const config = JSON.parse(read('tsconfig.build.json')) as { include?: string[] };
    assert.deepEqual([...(config.include ?? [])].sort(), [...PRODUCT_FOLDERS].sort());
  });

  it('runs the runtime stage as an unprivileged user, with a healthcheck and the API as its command', () => {
    const runtime = stage('runtime');
    const users = all(runtime, 'USER');
    assert.ok(users.length > 0, 'USER is set');
    assert.ok(!['root', '0', '0:0'].includes(users[users.length - 1] as string), 'the last USER is not root');
    const order = runtime.instructions.map((i) => i.keyword);
    assert.ok(order.lastIndexOf('USER') < order.lastIndexOf('CMD'));
    const [healthcheck] = all(runtime, 'HEALTHCHECK');
    assert.ok(healthcheck, 'HEALTHCHECK');
    assert.match(healthcheck, /127\.0\.0\.1:\$\{API_PORT:-3000\}\/healthz/);
    assert.deepEqual(JSON.parse(all(runtime, 'CMD')[0] ?? 'null'), ['node', 'dist/api/main.js']);
  });

  it('builds the emulators only in their own stage, for the compose profile', () => {
    const emulators = stage('emulators');
    const workspace = JSON.parse(read('emulators/package.json')) as { name: string };
    assert.match(all(emulators, 'RUN').join('\n'), new RegExp(`npm run build --workspace ${workspace.name.replace('/', '\\/')}`));
    assert.deepEqual(JSON.parse(all(emulators, 'CMD')[0] ?? 'null'), ['node', 'dist/emulators/main.js']);
    assert.ok(all(emulators, 'HEALTHCHECK').length > 0);
    assert.ok(all(emulators, 'USER').some((u) => u !== 'root'));
  });
});

describe('the workspaces and their dependencies', () => {
  interface Manifest {
    name: string;
    workspaces?: string[];
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  }
  const root = JSON.parse(read('package.json')) as Manifest;
  const emulators = JSON.parse(read('emulators/package.json')) as Manifest;

  it('makes emulators/ a workspace with its own dependencies', () => {
    assert.deepEqual(root.workspaces, ['emulators']);
    assert.equal(emulators.name, '@renkei/emulators');
    for (const name of ['smtp-server', 'mailparser', 'express', 'zod']) assert.ok(emulators.dependencies?.[name], `emulators depend on ${name}`);
  });

  it('leaves test tooling and emulator-only packages out of the product dependencies', () => {
    const production = Object.keys(root.dependencies ?? {});
    const emulatorOnly = Object.keys(emulators.dependencies ?? {}).filter((name) => !production.includes(name));
    assert.ok(emulatorOnly.includes('smtp-server') && emulatorOnly.includes('mailparser'));
    for (const name of ['@temporalio/testing', 'mongodb-memory-server-core', 'tsx', 'mocha', 'smtp-server', 'mailparser', 'ulid']) {
      assert.ok(!production.includes(name), `${name} must not be a production dependency`);
    }
    assert.ok(!production.includes(emulators.name));
  });
});

describe("the worker's metrics address in the image, compose and README", () => {
  interface ComposeService {
    build?: { target?: string } | string;
    environment?: Record<string, string>;
    healthcheck?: { test?: string[] };
  }
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };

  function dockerfileEnv(name: string): string | undefined {
    const env = all(stage('runtime'), 'ENV').join(' ');
    return new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(env)?.[1];
  }

  it('keeps the unauthenticated exporter on loopback, where the worker healthcheck reads it', () => {
    assert.equal(dockerfileEnv('WORKER_METRICS_HOST'), '127.0.0.1');
    const worker = compose.services.worker;
    assert.ok(worker);
    assert.equal(worker.environment?.WORKER_METRICS_HOST ?? dockerfileEnv('WORKER_METRICS_HOST'), '127.0.0.1');
    const port = worker.environment?.WORKER_METRICS_PORT ?? dockerfileEnv('WORKER_METRICS_PORT');
    assert.match((worker.healthcheck?.test ?? []).join(' '), new RegExp(`127\\.0\\.0\\.1:${port}/metrics`));
    const row = read('README.md').split('\n').find((line) => line.startsWith('| `WORKER_METRICS_HOST`'));
    assert.match(row ?? '', /`127\.0\.0\.1`/);
    assert.match(row ?? '', /loopback/);
  });

  it('builds the worker and the API from the runtime stage, the emulators from theirs', () => {
    const names = stages().map((s) => s.name);
    const target = (svc: ComposeService | undefined): string | undefined => (typeof svc?.build === 'object' ? svc.build.target : undefined);
    for (const name of ['worker', 'api']) assert.equal(target(compose.services[name]), 'runtime', name);
    assert.equal(target(compose.services.emulators), 'emulators');
    for (const t of ['runtime', 'emulators']) assert.ok(names.includes(t), t);
  });
});
