// Temporal's time-skipping test server (a Java program). Found from TEMPORAL_TEST_SERVER_PATH or
// the cache; otherwise the SDK downloads it, or, offline, its jars are fetched from Maven Central
// into the cache and run by a small shell wrapper that execs java.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../services/child-process';
import { freePort } from '../services/ports';
import { tcpAccepts, waitUntil } from '../services/wait';
import { buildLogFile, formatDuration, runBuildStep } from './build-step';
import { cacheDir } from './cache-dir';
import { BinaryBuildError } from './errors';
import { findOnPath } from './executable';
import { resolveBinary, type BuildTools } from './resolve-binary';
import type { EnsureOptions, Resolved } from './resolved';

export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
const SLF4J_NOP_VERSION = '2.0.17';
const ENV_VAR = 'TEMPORAL_TEST_SERVER_PATH';
const MAIN_CLASS = 'io.temporal.testserver.TestServer';

/** Where the wrapper lives: `$CACHE/temporal-test-server/1.38.0/temporal-test-server`. */
export function temporalTestServerCachePath(): string {
  return path.join(cacheDir(), 'temporal-test-server', TEMPORAL_TEST_SERVER_VERSION, 'temporal-test-server');
}

export function ensureTemporalTestServer(opts: EnsureOptions): Promise<Resolved> {
  const cachePath = temporalTestServerCachePath();
  const online: Resolved = { kind: 'sdk-download' };
  return resolveBinary({ binary: 'temporal-test-server', envVar: ENV_VAR, cachePath, online, buildTools: () => buildTools(cachePath) }, opts);
}

async function buildTools(wrapper: string): Promise<BuildTools> {
  const java = await findOnPath('java');
  const mvn = await findOnPath('mvn');
  return {
    build: java === undefined || mvn === undefined ? undefined : (target, log) => build(mvn, target, log),
    missingMessage: missingMessage(wrapper, java !== undefined, mvn !== undefined),
  };
}

async function build(mvn: string, wrapper: string, log: (line: string) => void): Promise<string> {
  const started = Date.now();
  log(`fetching the Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} jars from Maven Central (~20 s cold)…`);
  const dir = path.dirname(wrapper);
  const lib = path.join(dir, 'lib');
  const staging = path.join(dir, 'lib.partial');
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'renkei-test-server-'));
  try {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    await fs.writeFile(path.join(work, 'pom.xml'), pom());
    await runBuildStep({
      binary: 'temporal-test-server',
      command: mvn,
      args: ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`],
      cwd: work,
      log,
      startedAt: started,
    });
    await fs.rm(lib, { recursive: true, force: true });
    await fs.rename(staging, lib);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  const jars = (await fs.readdir(lib)).filter((name) => name.endsWith('.jar')).length;
  await fs.writeFile(wrapper, wrapperScript(lib), { mode: 0o755 });
  await fs.chmod(wrapper, 0o755);
  await verifyStarts(wrapper);
  log(`fetched ${jars} jars and verified the test server starts, in ${formatDuration(Date.now() - started)}`);
  return wrapper;
}

function pom(): string {
  const dependency = (group: string, artifact: string, version: string): string =>
    `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>local.renkei</groupId>',
    '  <artifactId>temporal-test-server-jars</artifactId>',
    '  <version>1</version>',
    '  <packaging>pom</packaging>',
    '  <dependencies>',
    dependency('io.temporal', 'temporal-test-server', TEMPORAL_TEST_SERVER_VERSION),
    dependency('org.slf4j', 'slf4j-nop', SLF4J_NOP_VERSION),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

function wrapperScript(lib: string): string {
  return `#!/bin/sh\n# Temporal time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION}; first argument is the port.\nexec java -cp "${lib}/*" ${MAIN_CLASS} "$@"\n`;
}

/** Starts the wrapper on a free port, waits until the port accepts TCP, and stops it. */
async function verifyStarts(wrapper: string): Promise<void> {
  const port = await freePort();
  const logFile = buildLogFile('temporal-test-server');
  const server = await startServerProcess(wrapper, [String(port)], logFile);
  try {
    const outcome = await waitUntil(() => tcpAccepts(port), { timeoutMs: 60_000, abandonIf: server.exitReason });
    if (!outcome.ok) {
      await fs.rm(wrapper, { force: true });
      throw new BinaryBuildError('temporal-test-server', `the wrapper does not start a server: ${outcome.reason}`, logFile);
    }
  } finally {
    await server.stop();
  }
}

function missingMessage(wrapper: string, hasJava: boolean, hasMvn: boolean): string {
  const situation =
    `The Temporal time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION} is not available: ${ENV_VAR} is not set, ` +
    `nothing is cached at ${wrapper}, and temporal.download is unreachable, so the SDK cannot download it.`;
  if (hasJava && hasMvn) {
    return `${situation} Run \`npm run setup\` to fetch it from Maven Central (under a minute), or set ${ENV_VAR} to an existing test server executable.`;
  }
  const missing = [hasJava ? undefined : 'a Java runtime (17 or newer, `java` on PATH)', hasMvn ? undefined : 'Maven (`mvn` on PATH)']
    .filter((item): item is string => item !== undefined)
    .join(' and ');
  return `${situation} Install ${missing} and run \`npm run setup\` to fetch it, or set ${ENV_VAR} to an existing test server executable, or give this machine internet access.`;
}
