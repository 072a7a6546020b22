// The Temporal CLI, whose `server start-dev` is the local Temporal server with the Web UI.
// Found from TEMPORAL_CLI_PATH or the cache; otherwise the SDK downloads it, or, offline, it is
// built from the Go module proxy into the cache.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { formatDuration, runBuildStep } from './build-step';
import { cacheDir } from './cache-dir';
import { BinaryBuildError } from './errors';
import { findOnPath } from './executable';
import { resolveBinary, type BuildTools } from './resolve-binary';
import type { EnsureOptions, Resolved } from './resolved';

export type { EnsureOptions, Resolved } from './resolved';

export const TEMPORAL_CLI_VERSION = '1.5.1';
const MODULE = 'github.com/temporalio/cli';
const ENV_VAR = 'TEMPORAL_CLI_PATH';

/** Where a built CLI lives: `$CACHE/temporal-cli/1.5.1/temporal`. */
export function temporalCliCachePath(): string {
  return path.join(cacheDir(), 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

export function ensureTemporalCli(opts: EnsureOptions): Promise<Resolved> {
  const cachePath = temporalCliCachePath();
  const online: Resolved = { kind: 'sdk-download' };
  return resolveBinary({ binary: 'temporal-cli', envVar: ENV_VAR, cachePath, online, buildTools: () => buildTools(cachePath) }, opts);
}

async function buildTools(cachePath: string): Promise<BuildTools> {
  const go = await findOnPath('go');
  return { build: go === undefined ? undefined : (target, log) => build(go, target, log), missingMessage: missingMessage(cachePath, go !== undefined) };
}

async function build(go: string, target: string, log: (line: string) => void): Promise<string> {
  const started = Date.now();
  log(`building temporal CLI ${TEMPORAL_CLI_VERSION} from the Go module proxy (~5 min cold)…`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await runBuildStep({
    binary: 'temporal-cli',
    command: go,
    args: [
      'install',
      '-ldflags',
      `-X ${MODULE}/temporalcli.Version=${TEMPORAL_CLI_VERSION}`,
      `${MODULE}/cmd/temporal@v${TEMPORAL_CLI_VERSION}`,
    ],
    env: { ...process.env, CGO_ENABLED: '0', GOBIN: path.dirname(target) },
    log,
    startedAt: started,
  });
  const version = await versionOf(target);
  if (!version.includes(TEMPORAL_CLI_VERSION)) {
    await fs.rm(target, { force: true });
    throw new BinaryBuildError('temporal-cli', `the built binary reports "${version}", expected ${TEMPORAL_CLI_VERSION}`);
  }
  log(`built ${version} in ${formatDuration(Date.now() - started)}`);
  return target;
}

async function versionOf(binary: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(binary, ['--version'], { timeout: 30_000 });
    return stdout.trim();
  } catch (err) {
    await fs.rm(binary, { force: true });
    throw new BinaryBuildError('temporal-cli', `the built binary does not run: ${(err as Error).message}`);
  }
}

function missingMessage(cached: string, hasGo: boolean): string {
  const situation =
    `The Temporal CLI ${TEMPORAL_CLI_VERSION} (the local Temporal dev server) is not available: ${ENV_VAR} is not set, ` +
    `nothing is cached at ${cached}, and temporal.download is unreachable, so the SDK cannot download it.`;
  return hasGo
    ? `${situation} Run \`npm run setup\` to build it from the Go module proxy (about 5 minutes), ` +
        `or set ${ENV_VAR} to an existing \`temporal\` binary.`
    : `${situation} Install the Go toolchain (1.25 or newer, \`go\` on PATH) and run \`npm run setup\` to build it, ` +
        `or set ${ENV_VAR} to an existing \`temporal\` binary, or give this machine internet access.`;
}
