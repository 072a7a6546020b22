// The MongoDB-wire server for local runs. MONGODB_URI wins (a real MongoDB); else a FerretDB
// binary from FERRETDB_PATH or the cache; else mongodb-memory-server downloads mongod; offline,
// FerretDB v1.24.0 (SQLite backend, no PostgreSQL extension needed) is built from the Go module
// proxy into the cache, with one fix (ID_INDEX_FIX below) so that `_id` lookups use its `_id` index.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatDuration, runBuildStep } from './build-step';
import { cacheDir } from './cache-dir';
import { BinaryBuildError } from './errors';
import { findOnPath } from './executable';
import { resolveBinary, type BuildTools } from './resolve-binary';
import type { EnsureOptions } from './resolved';

export const FERRETDB_VERSION = '1.24.0';
const MODULE = 'github.com/FerretDB/FerretDB';
const ENV_VAR = 'FERRETDB_PATH';

/**
 * FerretDB 1.24's SQLite backend indexes `_id` as `_ferretdb_sjson->"_id"` but looks documents up
 * by `_ferretdb_sjson->'$._id'`: the same value, another expression, so SQLite never uses the index
 * and every `findById`, `updateOne({ _id })` and delete by `_id` scans the whole table. Writing the
 * lookup as `->'_id'` (what SQLite matches to the index) turns those scans into index searches.
 * Nothing else changes: same files, same results.
 */
const ID_INDEX_FIX = {
  file: path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: `IDColumn = DefaultColumn + "->'_id'"`,
} as const;
/** The cache directory's name: the version and the fix, so a build without it is not reused. */
const BUILD_NAME = `${FERRETDB_VERSION}-id-index`;

export type ResolvedMongo =
  | { kind: 'uri'; uri: string }
  | { kind: 'path'; path: string; source: 'env' | 'cache' | 'built' }
  | { kind: 'memory-server' };

/** Where a built FerretDB lives: `$CACHE/ferretdb/1.24.0-id-index/ferretdb`. */
export function ferretDbCachePath(): string {
  return path.join(cacheDir(), 'ferretdb', BUILD_NAME, 'ferretdb');
}

export async function ensureFerretDb(opts: EnsureOptions): Promise<ResolvedMongo> {
  const uri = process.env.MONGODB_URI;
  if (uri !== undefined && uri.trim() !== '') return { kind: 'uri', uri: uri.trim() };

  const cachePath = ferretDbCachePath();
  const online: ResolvedMongo = { kind: 'memory-server' };
  return resolveBinary({ binary: 'ferretdb', envVar: ENV_VAR, cachePath, online, buildTools: () => buildTools(cachePath) }, opts);
}

async function buildTools(cachePath: string): Promise<BuildTools> {
  const go = await findOnPath('go');
  return { build: go === undefined ? undefined : (target, log) => build(go, target, log), missingMessage: missingMessage(cachePath, go !== undefined) };
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
    await applyIdIndexFix(source);
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

async function applyIdIndexFix(source: string): Promise<void> {
  const file = path.join(source, ID_INDEX_FIX.file);
  const text = await fs.readFile(file, 'utf8');
  if (!text.includes(ID_INDEX_FIX.from)) throw new BinaryBuildError('ferretdb', `${ID_INDEX_FIX.file} does not contain ${ID_INDEX_FIX.from}: not the FerretDB ${FERRETDB_VERSION} source`);
  await fs.writeFile(file, text.replace(ID_INDEX_FIX.from, ID_INDEX_FIX.to));
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
