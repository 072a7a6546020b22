// The servers every benchmark measures on, started fresh: BENCH_SUBSTRATE=dev (default) is a
// Temporal dev server (the SQLite settings of `npm run dev` unless BENCH_SQLITE=durable), the
// Mongo-wire server, the emulators and the embedded configuration for a task queue in a temporary
// directory, with renkei's worker and API in the benchmark's process; BENCH_SUBSTRATE=prod is the
// production-shaped stack (bench/prod-stack.ts) with BENCH_WORKERS worker processes. stop() leaves
// nothing behind.
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, type Logger } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { createActivities } from '../activities';
import { createApp } from '../api/app';
import { loadApiConfig, loadWorkerConfig, type ApiConfig } from '../config';
import { createApiMetrics } from '../observability/api-metrics';
import { createLogger } from '../observability/logger';
import { activityDepsFromConfig } from '../worker/activity-deps';
import { createRenkeiWorker, workflowsPath, type WorkerTuning } from '../worker/create-worker';
import { SEARCH_ATTRIBUTE_NAMES } from '../common/search-attributes';
import { LansmartControl, LineControl, MailControl, startEmulators } from '../emulators';
import { EmulatorControl } from '../emulators/control-client';
import { connectMongo, ensureIndexes } from '../models';
import { failureConverterPath, temporalDataConverterFromEnv } from '../config/temporal-data-converter';
import { ensureAll } from '../scripts/binaries';
import { generateSecrets, type DevSecrets } from '../scripts/lib/dev-secrets';
import { embeddedEnv } from '../scripts/lib/embedded-env';
import { startMongoWire } from '../scripts/services/mongo-wire';
import { freePort, onFreePort } from '../scripts/services/ports';
import { startTemporalDevServer } from '../scripts/services/temporal-dev-server';
import { startProdBenchStack } from './prod-stack';
import { substrateFromEnv, type Substrate } from './substrate';

/** renkei's workers as the benchmark starts and stops them (the SDK worker's run/shutdown). */
export interface RenkeiWorkers {
  /** Resolves once shutdown() has been called and the workers have stopped taking work. */
  run(): Promise<void>;
  shutdown(): void;
}

export interface BenchApi {
  url: string;
  close(): Promise<void>;
}

export interface BenchStack {
  client: Client;
  /** The payload codec of the API and workers; the baselines' workers use it too, so both pay for it. */
  dataConverter: DataConverter;
  connection: NativeConnection;
  lineWorks: EmulatorControl;
  freee: EmulatorControl;
  /** The Lansmart side's emulators: LINE, the platform and the mail sink. */
  line: LineControl;
  lansmart: LansmartControl;
  mail: MailControl;
  secrets: DevSecrets;
  env: Record<string, string>;
  /** What the figures were measured on (written into the results JSON). */
  settings: { substrate: Substrate; workers: number; temporal: string; mongo: string; temporalSqlite?: string };
  /** The same in one line, for the printed summary. */
  describe: string;
  /**
   * renkei's workers on the task queue: on dev one SDK worker in this process, created now; on
   * prod the `node dist/worker/main.js` processes the stack started (stopped by stop()).
   */
  startRenkeiWorkers(): Promise<RenkeiWorkers>;
  /**
   * renkei's API: on dev an app in this process; on prod the `node dist/api/main.js` process, or,
   * when `overrides` are given (values the environment cannot express), an app in this process on
   * the same servers.
   */
  serveApi(overrides?: Partial<ApiConfig>): Promise<BenchApi>;
  stop(): Promise<void>;
}

export const say = (l: string): void => {
  process.stdout.write(`${l}\n`);
};

/** The stacks started and not yet stopped, for stopBenchStacks(). */
const running = new Set<BenchStack>();

/** Remembers `stack` until its stop() has run. */
function tracked(stack: BenchStack): BenchStack {
  const stop = stack.stop.bind(stack);
  const t: BenchStack = {
    ...stack,
    async stop() {
      running.delete(t);
      await stop();
    },
  };
  running.add(t);
  return t;
}

/**
 * Stops what a failed benchmark left started (servers, the temporary directory, and PostgreSQL if
 * the run started it), giving up after a minute.
 */
export async function stopBenchStacks(): Promise<void> {
  const all = Promise.all([...running].map((st) => st.stop().catch((err: unknown) => say(`could not stop the stack: ${err instanceof Error ? err.message : String(err)}`))));
  await Promise.race([all, new Promise((r) => setTimeout(r, 60_000).unref())]);
}

/** An API app in this process on the stack's servers, on a free loopback port. */
async function serveInProcess(config: ApiConfig, client: Client): Promise<BenchApi> {
  const app = createApp({ config, temporal: client, metrics: createApiMetrics(), log: createLogger('bench-api', 'silent'), readiness: () => Promise.resolve({ temporal: true, mongo: true }) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/**
 * `workerLogger`: where the worker runtime logs (activity failures among them); WARN to stdout by
 * default (on prod, renkei's worker processes log to the stack's log files). `tuning`: renkei's
 * worker tuning (the SDK's defaults when absent).
 */
export async function startBenchStack(taskQueue: string, options: { workerLogger?: Logger; tuning?: WorkerTuning } = {}): Promise<BenchStack> {
  const choice = substrateFromEnv();
  Runtime.install({ logger: options.workerLogger ?? new DefaultLogger('WARN') });
  return tracked(choice.substrate === 'prod' ? await startProd(taskQueue, choice.workers, options.tuning ?? {}) : await startDev(taskQueue, options.tuning ?? {}));
}

async function startProd(taskQueue: string, workers: 1 | 2, tuning: WorkerTuning): Promise<BenchStack> {
  const prod = await startProdBenchStack({ taskQueue, workers, tuning, log: say });
  const { stack } = prod;
  try {
    await connectMongo(stack.mongoUri);
    const connection = await NativeConnection.connect({ address: stack.temporalAddress });
    const clientConnection = await Connection.connect({ address: stack.temporalAddress });
    const dataConverter = temporalDataConverterFromEnv(stack.env);
    const client = new Client({ connection: clientConnection, dataConverter });
    const u = stack.emulatorUrls;
    return {
      client,
      dataConverter,
      connection,
      lineWorks: new EmulatorControl(u.lineworks),
      freee: new EmulatorControl(u.freee),
      line: new LineControl(u.line),
      lansmart: new LansmartControl(u.lansmart),
      mail: new MailControl(u.mail),
      secrets: stack.secrets,
      env: stack.env,
      settings: { substrate: 'prod', workers, temporal: 'Temporal server 1.29.1 on PostgreSQL 15 (SQL visibility)', mongo: 'FerretDB on PostgreSQL' },
      describe: `prod substrate: Temporal server on PostgreSQL, FerretDB on PostgreSQL, ${workers} worker process${workers === 1 ? '' : 'es'}, 1 API process`,
      startRenkeiWorkers() {
        let release = (): void => undefined;
        const stopped = new Promise<void>((r) => {
          release = r;
        });
        return Promise.resolve({ run: () => stopped, shutdown: () => release() });
      },
      serveApi(overrides) {
        if (overrides !== undefined) return serveInProcess({ ...loadApiConfig(stack.env), ...overrides }, client);
        return Promise.resolve({ url: stack.apiUrls[0] as string, close: () => Promise.resolve() });
      },
      async stop() {
        await mongoose.disconnect();
        await clientConnection.close();
        await connection.close();
        await prod.stop();
      },
    };
  } catch (err) {
    await prod.stop();
    throw err;
  }
}

async function startDev(taskQueue: string, tuning: WorkerTuning): Promise<BenchStack> {
  const sqlite = process.env.BENCH_SQLITE === 'durable' ? 'durable' : 'fast';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renkei-bench-'));
  await ensureAll({ build: true, log: say });
  const temporal = await startTemporalDevServer({
    dbFile: path.join(dir, 'temporal.db'),
    port: await freePort(),
    uiPort: await freePort(),
    searchAttributes: SEARCH_ATTRIBUTE_NAMES,
    sqliteFast: sqlite === 'fast',
    log: say,
  });
  const mongo = await onFreePort((port) => startMongoWire({ dataDir: path.join(dir, 'mongo'), port, log: say }));
  const emulators = await startEmulators({});
  const secrets = generateSecrets('bench1', 'bench-app');
  const mongoUri = `${mongo.uri.replace(/\/$/, '')}/renkei_bench`;
  await connectMongo(mongoUri);
  await ensureIndexes();
  const connection = await NativeConnection.connect({ address: temporal.address });
  const clientConnection = await Connection.connect({ address: temporal.address });
  const env = embeddedEnv({ temporalAddress: temporal.address, mongoUri, emulators: emulators.urls, secrets, taskQueue, apiPort: 0, logLevel: 'silent' });
  const dataConverter = temporalDataConverterFromEnv(env);
  const client = new Client({ connection: clientConnection, dataConverter });
  return {
    client,
    dataConverter,
    connection,
    lineWorks: new EmulatorControl(emulators.urls.lineworks),
    freee: new EmulatorControl(emulators.urls.freee),
    line: new LineControl(emulators.urls.line),
    lansmart: new LansmartControl(emulators.urls.lansmart),
    mail: new MailControl(emulators.urls.mail),
    secrets,
    env,
    settings: { substrate: 'dev', workers: 1, temporal: `Temporal dev server (SQLite ${sqlite})`, mongo: mongo.kind, temporalSqlite: sqlite },
    describe: `dev substrate: SQLite ${sqlite}; Mongo ${mongo.kind}; worker and API in this process`,
    async startRenkeiWorkers() {
      return createRenkeiWorker({
        connection,
        namespace: 'default',
        taskQueue,
        dataConverter,
        activities: createActivities(activityDepsFromConfig(loadWorkerConfig(env), client)),
        workflowBundle: await bundleWorkflowCode({ workflowsPath, failureConverterPath, logger: new DefaultLogger('WARN') }),
        tuning,
      });
    },
    serveApi(overrides) {
      return serveInProcess({ ...loadApiConfig(env), ...overrides }, client);
    },
    async stop() {
      await mongoose.disconnect();
      await clientConnection.close();
      await connection.close();
      await emulators.stop();
      await mongo.stop();
      await temporal.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
