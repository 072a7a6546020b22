// The test stack, started once per mocha process (root hooks): a real Temporal server — the dev
// server (the project's CLI binary) or the Java time-skipping test server —, a real Mongo-wire
// server with fresh data, the provider emulators, and the workflow bundle built once (kept between
// runs while its sources are unchanged). Tests get a worker per test on its own task queue.
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { createActivities } from '../../activities';
import { loadApiConfig, loadWorkerConfig, type ApiConfig, type WorkerConfig } from '../../config';
import { ALL_SEARCH_ATTRIBUTES } from '../../common/search-attributes';
import { EmulatorControl } from '../../emulators/control-client';
import { LansmartControl, LineControl, MailControl, startEmulators, type EmulatorUrls } from '../../emulators';
import { connectMongo, ensureIndexes } from '../../models';
import { ensureTemporalCli, ensureTemporalTestServer } from '../../scripts/binaries';
import { startMongoWire } from '../../scripts/services/mongo-wire';
import { onFreePort } from '../../scripts/services/ports';
import { embeddedEnv } from '../../scripts/lib/embedded-env';
import { failureConverterPath, temporalDataConverter } from '../../config/temporal-data-converter';
import { activityDepsFromConfig } from '../../worker/activity-deps';
import { createRenkeiWorker, workflowsPath } from '../../worker/create-worker';
import { recordHistories, RECORD_DIR } from './history-recorder';
import { makeTestSecrets, type TestSecrets } from './keys';
import { cachedWorkflowBundle } from './workflow-bundle';

export interface IntegrationStack {
  /** Its client (`env.client`) encrypts payloads like the API's; `env.connection` serves a raw one. */
  env: TestWorkflowEnvironment;
  /** The payload codec every client and worker of the stack uses. */
  dataConverter: DataConverter;
  bundle: WorkflowBundleWithSourceMap;
  mongoUri: string;
  secrets: TestSecrets;
  urls: EmulatorUrls;
  lineWorks: EmulatorControl;
  freee: EmulatorControl;
  line: LineControl;
  lansmart: LansmartControl;
  mail: MailControl;
  /** The environment a worker or API process for `taskQueue` would be given. */
  envFor(taskQueue: string, apiPort?: number): Record<string, string>;
  /** Worker and API configuration for a task queue, as the processes would load it. */
  workerConfig(taskQueue: string): WorkerConfig;
  apiConfig(taskQueue: string, apiPort?: number): ApiConfig;
  stop(): Promise<void>;
  /** Ends the stack from a process `exit` handler, where nothing asynchronous runs any more. */
  stopAtExit(): void;
}

/**
 * In mocha's parallel mode (`--parallel`) each worker process runs many test files, and root hooks
 * run around each file: the stack starts with the worker's first file and lives until the worker
 * process exits.
 */
export const inParallelWorker = process.env.MOCHA_WORKER_ID !== undefined;

let current: IntegrationStack | undefined;

export function stack(): IntegrationStack {
  if (!current) throw new Error('integration stack not started (mocha root hooks did not run)');
  return current;
}

const quiet = (): void => undefined;

export type TemporalKind = 'dev-server' | 'time-skipping';

const progress = (l: string): void => {
  process.stderr.write(`${l}\n`);
};

export async function startTemporal(kind: TemporalKind, dataConverter: DataConverter): Promise<TestWorkflowEnvironment> {
  if (kind === 'dev-server') {
    const cli = await ensureTemporalCli({ build: true, log: progress });
    return TestWorkflowEnvironment.createLocal({
      client: { dataConverter },
      server: {
        executable: cli.kind === 'path' ? { type: 'existing-path', path: cli.path } : { type: 'cached-download' },
        searchAttributes: [...ALL_SEARCH_ATTRIBUTES],
        extraArgs: ['--log-level', 'error'],
      },
    });
  }
  const testServer = await ensureTemporalTestServer({ build: true, log: progress });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter },
    server: { executable: testServer.kind === 'path' ? { type: 'existing-path', path: testServer.path } : { type: 'cached-download' } },
  });
  // The Java test server has no start-up flag for search attributes: register them through the operator API.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(ALL_SEARCH_ATTRIBUTES.map((k) => [k.name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
  });
  return env;
}

async function startStack(kind: TemporalKind): Promise<IntegrationStack> {
  // Worker logs only when something is wrong; an expected activity failure is asserted, not printed.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const dataDir = mkdtempSync(join(tmpdir(), 'renkei-it-'));
  const secrets = makeTestSecrets();
  const dataConverter = temporalDataConverter({ TEMPORAL_PAYLOAD_KEYS: secrets.temporalPayloadKeys });
  const [env, mongo, emulators, bundle] = await Promise.all([
    startTemporal(kind, dataConverter),
    onFreePort((port) => startMongoWire({ dataDir: join(dataDir, 'mongo'), port, log: quiet })),
    startEmulators(),
    cachedWorkflowBundle({ workflowsPath, failureConverterPath }),
  ]);
  const mongoUri = `${mongo.uri.replace(/\/$/, '')}/renkei_test`;
  await connectMongo(mongoUri);
  await ensureIndexes();
  const envFor = (taskQueue: string, apiPort = 0): Record<string, string> =>
    embeddedEnv({
      temporalAddress: env.address,
      mongoUri,
      emulators: emulators.urls,
      secrets,
      taskQueue,
      apiPort,
      apiPublicUrl: `http://127.0.0.1:${apiPort}`,
      logLevel: 'silent',
    });
  return {
    env,
    dataConverter,
    bundle,
    mongoUri,
    secrets,
    urls: emulators.urls,
    lineWorks: new EmulatorControl(emulators.urls.lineworks),
    freee: new EmulatorControl(emulators.urls.freee),
    line: new LineControl(emulators.urls.line),
    lansmart: new LansmartControl(emulators.urls.lansmart),
    mail: new MailControl(emulators.urls.mail),
    envFor,
    workerConfig: (tq) => loadWorkerConfig(envFor(tq)),
    apiConfig: (tq, apiPort) => loadApiConfig(envFor(tq, apiPort)),
    async stop() {
      await mongoose.disconnect();
      await env.teardown();
      await emulators.stop();
      await mongo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    stopAtExit() {
      // The Temporal server, the Mongo-wire server and Chromium are this process's children.
      try {
        execFileSync('pkill', ['-KILL', '-P', String(process.pid)]);
      } catch {
        // pkill exits 1 when no child is left.
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let taskQueueCounter = 0;
export const uniqueTaskQueue = (prefix: string): string => `${prefix}-${process.pid}-${++taskQueueCounter}`;

/** Runs `fn` while a renkei worker (real activities, emulated providers) polls `taskQueue`. */
export async function withWorker<T>(taskQueue: string, fn: () => Promise<T>): Promise<T> {
  const s = stack();
  const deps = activityDepsFromConfig(s.workerConfig(taskQueue), s.env.client);
  const worker: Worker = await createRenkeiWorker({
    connection: s.env.nativeConnection,
    namespace: s.env.namespace ?? 'default',
    taskQueue,
    dataConverter: s.dataConverter,
    activities: createActivities(deps),
    workflowBundle: s.bundle,
    shutdownGraceMs: 1000,
  });
  try {
    return await worker.runUntil(fn);
  } finally {
    deps.partners.mailer.close();
  }
}

let testStartedAt = new Date();

/** Mocha root hooks that start the stack before the first test and stop it after the last. */
export function stackHooks(kind: TemporalKind) {
  return {
    async beforeAll(this: Mocha.Context): Promise<void> {
      this.timeout(15 * 60_000); // a cold run may build the server binaries first
      if (inParallelWorker && current) return;
      const started = await startStack(kind);
      current = started;
      if (inParallelWorker) process.once('exit', () => started.stopAtExit());
    },
    // RENKEI_RECORD_HISTORIES=<dir>: each test's workflow histories are written there (replay suite).
    beforeEach(): void {
      testStartedAt = new Date();
    },
    async afterEach(this: Mocha.Context): Promise<void> {
      if (RECORD_DIR === undefined || current === undefined || this.currentTest === undefined) return;
      this.timeout(60_000);
      const files = await recordHistories(current, testStartedAt, this.currentTest.fullTitle());
      for (const f of files) process.stderr.write(`recorded ${f}\n`);
    },
    async afterAll(this: Mocha.Context): Promise<void> {
      if (inParallelWorker) return;
      this.timeout(60_000);
      await current?.stop();
      current = undefined;
    },
  };
}
