// The MongoDB-wire server for local runs. MONGODB_URI wins (a real MongoDB); else a FerretDB
// binary from FERRETDB_PATH or the cache; else mongodb-memory-server downloads mongod; offline,
// FerretDB v1.24.0 (SQLite backend, no PostgreSQL extension needed) is built from the Go module
// proxy into the cache, with two fixes (SOURCE_FIXES below) so that `_id` lookups use its `_id` index.
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

/** A change to one FerretDB source file: every occurrence of `from` (exactly `count`) becomes `to`. */
interface SourceFix {
  file: string;
  from: string;
  to: string;
  count: number;
}

const SOURCE_FIXES: readonly SourceFix[] = [
  /**
   * FerretDB 1.24's SQLite backend indexes `_id` as `_ferretdb_sjson->"_id"` but looks documents up
   * by `_ferretdb_sjson->'$._id'`: the same value, another expression, so SQLite never uses the index
   * and every `findById`, `updateOne({ _id })` and delete by `_id` scans the whole table. Writing the
   * lookup as `->'_id'` (what SQLite matches to the index) turns those scans into index searches.
   */
  {
    file: path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
    count: 1,
  },
  /**
   * It narrows a query to the `_id` given only when the filter has no other key, so a guarded write
   * (`{ _id, version: { $lt } }`, `{ _id, doneAt: { $exists: false } }`) scans the whole collection
   * inside SQLite's one write transaction, and every other write waits behind it. Every handler
   * applies the whole filter to what the backend returns (the backend may "ignore the filter, or
   * apply it partially"), so narrowing by `_id` whenever the filter has one is the same answer.
   */
  {
    file: path.join('internal', 'backends', 'sqlite', 'collection.go'),
    from: 'if params.Filter.Len() == 1 {',
    to: 'if params.Filter.Len() > 0 && params.Filter.Has("_id") {',
    count: 2,
  },
];
/** The cache directory's name: the version and the fixes, so a build without them is not reused. */
const BUILD_NAME = `${FERRETDB_VERSION}-id-pushdown`;

export type ResolvedMongo =
  | { kind: 'uri'; uri: string }
  | { kind: 'path'; path: string; source: 'env' | 'cache' | 'built' }
  | { kind: 'memory-server' };

/** Where a built FerretDB lives: `$CACHE/ferretdb/1.24.0-id-pushdown/ferretdb`. */
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
    await applySourceFixes(source);
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

async function applySourceFixes(source: string): Promise<void> {
  for (const fix of SOURCE_FIXES) {
    const file = path.join(source, fix.file);
    const text = await fs.readFile(file, 'utf8');
    const found = text.split(fix.from).length - 1;
    if (found !== fix.count) throw new BinaryBuildError('ferretdb', `${fix.file} contains ${fix.from} ${found} times, not ${fix.count}: not the FerretDB ${FERRETDB_VERSION} source`);
    await fs.writeFile(file, text.replaceAll(fix.from, fix.to));
  }
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
