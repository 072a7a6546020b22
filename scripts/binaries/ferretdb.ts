// The MongoDB-wire server for local runs. MONGODB_URI wins (a real MongoDB); else a FerretDB
// binary from FERRETDB_PATH or the cache; else mongodb-memory-server downloads mongod; offline,
// FerretDB v1.24.0 (SQLite backend, no PostgreSQL extension needed) is built from the Go module
// proxy into the cache.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatDuration, runBuildStep } from './build-step';
import { cacheDir } from './cache-dir';
import { BinaryBuildError, MissingBinaryError } from './errors';
import { executableFromEnv, findOnPath, isExecutableFile } from './executable';
import { internetReachable } from './internet';
import type { EnsureOptions } from './resolved';

export const FERRETDB_VERSION = '1.24.0';
const MODULE = 'github.com/FerretDB/FerretDB';
const ENV_VAR = 'FERRETDB_PATH';

export type ResolvedMongo =
  | { kind: 'uri'; uri: string }
  | { kind: 'path'; path: string; source: 'env' | 'cache' | 'built' }
  | { kind: 'memory-server' };

/** Where a built FerretDB lives: `$CACHE/ferretdb/1.24.0/ferretdb`. */
export function ferretDbCachePath(): string {
  return path.join(cacheDir(), 'ferretdb', FERRETDB_VERSION, 'ferretdb');
}

export async function ensureFerretDb(opts: EnsureOptions): Promise<ResolvedMongo> {
  const uri = process.env.MONGODB_URI;
  if (uri !== undefined && uri.trim() !== '') return { kind: 'uri', uri: uri.trim() };

  const fromEnv = await executableFromEnv(ENV_VAR);
  if (fromEnv) return { kind: 'path', path: fromEnv, source: 'env' };

  const cached = ferretDbCachePath();
  if (await isExecutableFile(cached)) return { kind: 'path', path: cached, source: 'cache' };

  if (await internetReachable()) return { kind: 'memory-server' };

  const go = await findOnPath('go');
  if (opts.build && go) return { kind: 'path', path: await build(go, cached, opts.log), source: 'built' };
  throw new MissingBinaryError('ferretdb', missingMessage(cached, go !== undefined));
}

async function build(go: string, target: string, log: (line: string) => void): Promise<string> {
  const started = Date.now();
  log(`building FerretDB ${FERRETDB_VERSION} from the Go module proxy (~2 min cold)…`);
  const env = { ...process.env, CGO_ENABLED: '0' };
  const downloaded = await runBuildStep({
    binary: 'ferretdb',
    command: go,
    args: ['mod', 'download', '-json', `${MODULE}@v${FERRETDB_VERSION}`],
    env,
    log,
    startedAt: started,
  });
  const moduleDir = moduleDirFrom(downloaded);

  // The module cache is read-only, and the build needs a generated file inside the source tree.
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'renkei-ferretdb-'));
  const source = path.join(work, 'src');
  const partial = `${target}.partial`;
  try {
    await fs.cp(moduleDir, source, { recursive: true });
    await makeWritable(source);
    await fs.writeFile(path.join(source, 'build', 'version', 'version.txt'), `v${FERRETDB_VERSION}`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await runBuildStep({
      binary: 'ferretdb',
      command: go,
      args: ['build', '-o', partial, './cmd/ferretdb'],
      cwd: source,
      env,
      log,
      startedAt: started,
    });
    await fs.rename(partial, target);
  } finally {
    await makeWritable(work).catch(() => undefined);
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(partial, { force: true });
  }
  log(`built FerretDB ${FERRETDB_VERSION} in ${formatDuration(Date.now() - started)}`);
  return target;
}

interface ModuleDownload {
  Dir?: string;
  Error?: string;
}

function moduleDirFrom(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new BinaryBuildError('ferretdb', `go mod download printed something that is not JSON: ${json.slice(0, 200)}`);
  }
  const info = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as ModuleDownload;
  if (typeof info.Dir !== 'string' || info.Dir === '') {
    throw new BinaryBuildError('ferretdb', `go mod download did not report a module directory${info.Error ? `: ${info.Error}` : ''}`);
  }
  return info.Dir;
}

/** chmod -R u+w */
async function makeWritable(dir: string): Promise<void> {
  const stat = await fs.stat(dir);
  await fs.chmod(dir, stat.mode | 0o200);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(child);
    else if (entry.isFile()) await fs.chmod(child, (await fs.stat(child)).mode | 0o200);
  }
}

function missingMessage(cached: string, hasGo: boolean): string {
  const situation =
    `No MongoDB-compatible server is available: MONGODB_URI and ${ENV_VAR} are not set, no FerretDB ${FERRETDB_VERSION} ` +
    `is cached at ${cached}, and the internet is unreachable, so mongodb-memory-server cannot download mongod.`;
  return hasGo
    ? `${situation} Run \`npm run setup\` to build FerretDB from the Go module proxy (about 2 minutes), ` +
        `or set MONGODB_URI to a running MongoDB, or ${ENV_VAR} to an existing FerretDB binary.`
    : `${situation} Install the Go toolchain (1.22 or newer, \`go\` on PATH) and run \`npm run setup\` to build FerretDB, ` +
        `or set MONGODB_URI to a running MongoDB, or ${ENV_VAR} to an existing FerretDB binary, or give this machine internet access.`;
}
