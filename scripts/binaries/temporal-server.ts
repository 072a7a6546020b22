// The Temporal server itself (not the CLI's dev server) and its SQL schema tool, for the
// production-shaped stack on PostgreSQL. Same release as the CLI's dev server: the CLI build leaves
// go.temporal.io/server in the Go module cache, and a scratch module that imports the server's two
// commands builds both from it. Found from TEMPORAL_SERVER_DIR or the cache, or built into the cache.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { formatDuration, runBuildStep } from './build-step';
import { cacheDir } from './cache-dir';
import { BinaryBuildError, MissingBinaryError } from './errors';
import { findOnPath, isExecutableFile } from './executable';

/** The server release of the Temporal CLI 1.5.1 (its dev server). */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';
const ENV_VAR = 'TEMPORAL_SERVER_DIR';

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** The module's source: its schema/ and config/ directories. */
  moduleDir: string;
}

/** `$CACHE/temporal-server/1.29.1/`: temporal-server and temporal-sql-tool. */
export function temporalServerCacheDir(): string {
  return path.join(cacheDir(), 'temporal-server', TEMPORAL_SERVER_VERSION);
}

const TOOLS_GO = `//go:build tools

// Only here so that go mod tidy resolves the server's two commands at the pinned version.
package tools

import (
\t_ "${MODULE}/cmd/server"
\t_ "${MODULE}/cmd/tools/sql"
)
`;

export async function ensureTemporalServer(opts: { build: boolean; log: (line: string) => void }): Promise<TemporalServerBinaries> {
  const go = await findOnPath('go');
  if (!go) throw new MissingBinaryError('temporal-server', 'the Temporal server is built with Go: install the Go toolchain (1.25 or newer, `go` on PATH).');
  const moduleDir = await moduleDirOf(go, opts.log);
  const dir = process.env[ENV_VAR]?.trim() || temporalServerCacheDir();
  const found = { server: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool'), moduleDir };
  if ((await isExecutableFile(found.server)) && (await isExecutableFile(found.sqlTool))) return found;
  if (process.env[ENV_VAR]?.trim()) throw new MissingBinaryError('temporal-server', `${ENV_VAR}=${dir} holds no temporal-server and temporal-sql-tool`);
  if (!opts.build) throw new MissingBinaryError('temporal-server', `nothing is cached at ${dir}: run \`npm run stack:prod\` once to build it (about 3 minutes warm).`);
  await build(go, dir, opts.log);
  return found;
}

/** The module's directory in the Go module cache (downloaded if the CLI build did not leave it). */
async function moduleDirOf(go: string, log: (line: string) => void): Promise<string> {
  const out = await runBuildStep({ binary: 'temporal-server', command: go, args: ['mod', 'download', '-json', `${MODULE}@v${TEMPORAL_SERVER_VERSION}`], log });
  const dir = (JSON.parse(out) as { Dir?: string }).Dir;
  if (!dir) throw new BinaryBuildError('temporal-server', `go mod download did not name the directory of ${MODULE}@v${TEMPORAL_SERVER_VERSION}`);
  return dir;
}

async function build(go: string, dir: string, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  log(`building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool from the Go module proxy (~3 min warm, ~7 min cold)…`);
  const work = path.join(dir, 'build');
  await fs.mkdir(work, { recursive: true });
  await fs.writeFile(path.join(work, 'go.mod'), 'module renkei.local/temporal-server-build\n\ngo 1.25\n');
  await fs.writeFile(path.join(work, 'tools.go'), TOOLS_GO);
  const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' };
  const step = (args: string[]): Promise<string> => runBuildStep({ binary: 'temporal-server', command: go, args, cwd: work, env, log, startedAt: started });
  await step(['get', `${MODULE}@v${TEMPORAL_SERVER_VERSION}`]);
  await step(['mod', 'tidy']);
  for (const [name, pkg] of [['temporal-server', 'cmd/server'], ['temporal-sql-tool', 'cmd/tools/sql']] as const) {
    log(`  go build ${MODULE}/${pkg} …`);
    const tmp = path.join(dir, `${name}.tmp`);
    await step(['build', '-o', tmp, `${MODULE}/${pkg}`]);
    await fs.rename(tmp, path.join(dir, name));
  }
  try {
    await promisify(execFile)(path.join(dir, 'temporal-server'), ['--version'], { timeout: 30_000 });
  } catch (err) {
    throw new BinaryBuildError('temporal-server', `the built server does not run: ${(err as Error).message}`);
  }
  log(`built the Temporal server ${TEMPORAL_SERVER_VERSION} in ${formatDuration(Date.now() - started)}`);
}
