// The production-shaped stack without Docker, built from what docker-compose.yml runs: the Temporal
// server on PostgreSQL (SQL visibility), FerretDB on a database of the same PostgreSQL for the
// MongoDB wire, and the compiled renkei (`node dist/…`) as two workers and two APIs with the
// environment compose gives them. The provider emulators stand in for the providers. Started by
// `npm run stack:prod` and by the production smoke suite; data stays in its data directory.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../config';
import { SEARCH_ATTRIBUTE_NAMES } from '../../common/search-attributes';
import { LansmartControl, LineControl, startEmulators } from '../../emulators';
import { EmulatorControl } from '../../emulators/control-client';
import { ensureFerretDb, ensureTemporalCli, isBinaryProblem } from '../binaries';
import { ensureTemporalServer } from '../binaries/temporal-server';
import { logTail, startServerProcess, type ServerProcess } from '../services/child-process';
import { ServiceStartError } from '../services/errors';
import { mongoPing } from '../services/mongo-ping';
import { assertPortFree } from '../services/ports';
import { databaseExists, ensureDatabase, ensureRole, startPostgres } from '../services/postgresql';
import { startTemporalServer, type TemporalServer } from '../services/temporal-server';
import { waitUntil } from '../services/wait';
import { loadOrCreateDevSecrets, type DevSecrets } from './dev-secrets';
import { embeddedEnv } from './embedded-env';
import { preparePrivateDataDir } from './private-data-dir';
import { seedEmulatorApps } from './seed-emulator-apps';
import { seedPartnerEmulators } from './seed-partner-emulators';

const run = promisify(execFile);
const port = z.coerce.number().int().min(1).max(65535);

/** Ports apart from the embedded stack's, so both can run side by side. */
const prodSchema = z.object({
  RENKEI_PROD_DATA_DIR: z.string().min(1).default('.renkei-prod-data'),
  PROD_TEMPORAL_PORT: port.default(7633),
  PROD_MONGO_PORT: port.default(27118),
  PROD_API_PORTS: z.string().default('3100,3101').transform((v) => v.split(',').map((p) => port.parse(p.trim()))),
  PROD_WORKER_METRICS_PORTS: z.string().default('9564,9565').transform((v) => v.split(',').map((p) => port.parse(p.trim()))),
  PROD_EMULATOR_BASE_PORT: port.default(4111),
  PROD_SMTP_PORT: port.default(2625),
  PROD_HISTORY_SHARDS: z.coerce.number().int().positive().default(4),
  /** Prefix of the PostgreSQL role and databases, so that two stacks can share the cluster. */
  PROD_PG_PREFIX: z.string().regex(/^([a-z][a-z0-9]*_)?$/, 'lower-case letters and digits ending in _, e.g. bench_').default(''),
  LOG_LEVEL: z.string().default('info'),
});
export type ProdSettings = z.infer<typeof prodSchema> & { dataDir: string };

export function prodSettings(env: NodeJS.ProcessEnv = process.env): ProdSettings {
  const s = loadConfig(prodSchema, env);
  return { ...s, dataDir: path.resolve(s.RENKEI_PROD_DATA_DIR) };
}

export interface RenkeiProcess {
  name: string;
  process: ServerProcess;
  logFile: string;
}

export interface ProdStack {
  settings: ProdSettings;
  secrets: DevSecrets;
  temporal: TemporalServer;
  temporalAddress: string;
  mongoUri: string;
  /** The environment every renkei process gets (compose's renkei-env), without the per-process ports. */
  env: Record<string, string>;
  emulatorUrls: Awaited<ReturnType<typeof startEmulators>>['urls'];
  apiUrls: string[];
  workers: RenkeiProcess[];
  apis: RenkeiProcess[];
  /** Starts one more worker (e.g. to replace a killed one). */
  startWorker(index: number): Promise<RenkeiProcess>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** Compiles renkei (`npm run build`), as the Dockerfile does. */
export async function buildRenkei(log: (line: string) => void): Promise<void> {
  const started = Date.now();
  log('compiling renkei (npm run build) …');
  await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, timeout: 600_000 });
  log(`  compiled in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** What a log file holds from byte `offset` on. */
function readFrom(file: string, offset: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `extraEnv` is added to every renkei process's environment (e.g. the benchmarks' task queue and
 * worker tuning).
 */
export async function startProdStack(s: ProdSettings, log: (line: string) => void, extraEnv: Record<string, string> = {}): Promise<ProdStack> {
  const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  const stopAll = async (): Promise<void> => {
    for (const { name, stop } of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        log(`  could not stop ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  try {
    for (const [p, what] of [[s.PROD_MONGO_PORT, 'FerretDB'], ...s.PROD_API_PORTS.map((p, i) => [p, `API ${i + 1}`] as const), ...s.PROD_WORKER_METRICS_PORTS.map((p, i) => [p, `worker ${i + 1} metrics`] as const)] as const) {
      await assertPortFree(p, what);
    }
    preparePrivateDataDir(s.dataDir);
    const secrets = loadOrCreateDevSecrets(s.dataDir);
    const pgPasswordFile = path.join(s.dataDir, 'postgres-password');
    if (!fs.existsSync(pgPasswordFile)) fs.writeFileSync(pgPasswordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
    const pgPassword = fs.readFileSync(pgPasswordFile, 'utf8').trim();

    log('checking binaries (Temporal CLI, Temporal server, FerretDB) …');
    const cli = await ensureTemporalCli({ build: true, log: (l) => log(`  ${l}`) });
    if (cli.kind !== 'path') throw new ServiceStartError('Temporal CLI', 'the production-shaped stack needs a local temporal CLI binary (npm run setup)');
    const binaries = await ensureTemporalServer({ build: true, log: (l) => log(`  ${l}`) });
    const ferret = await ensureFerretDb({ build: true, log: (l) => log(`  ${l}`) });
    if (ferret.kind !== 'path') throw new ServiceStartError('FerretDB', 'the production-shaped stack needs the FerretDB binary (npm run setup); unset MONGODB_URI');

    log('PostgreSQL 15 …');
    const pg = await startPostgres(log);
    stops.push({ name: 'PostgreSQL', stop: () => pg.stop() });
    const role = `${s.PROD_PG_PREFIX}temporal`;
    const ferretDatabase = `${s.PROD_PG_PREFIX}renkei_ferretdb`;
    await ensureRole(pg.port, role, pgPassword);
    await ensureDatabase(pg.port, ferretDatabase, role);

    log(`Temporal server ${'(PostgreSQL, SQL visibility)'} …`);
    const temporal = await startTemporalServer({
      binaries,
      cli: cli.path,
      dataDir: path.join(s.dataDir, 'temporal'),
      port: s.PROD_TEMPORAL_PORT,
      postgres: { host: pg.host, port: pg.port, user: role, password: pgPassword },
      databases: { main: `${s.PROD_PG_PREFIX}temporal`, visibility: `${s.PROD_PG_PREFIX}temporal_visibility` },
      databaseExists: (name) => databaseExists(pg.port, name),
      numHistoryShards: s.PROD_HISTORY_SHARDS,
      namespace: 'default',
      searchAttributes: SEARCH_ATTRIBUTE_NAMES,
      log,
    });
    stops.push({ name: 'Temporal server', stop: () => temporal.stop() });

    log('FerretDB (PostgreSQL handler) …');
    const ferretLog = path.join(s.dataDir, 'logs', 'ferretdb.log');
    const ferretState = path.join(s.dataDir, 'ferretdb');
    fs.mkdirSync(ferretState, { recursive: true, mode: 0o700 });
    const ferretdb = await startServerProcess(
      ferret.path,
      [
        '--handler=postgresql',
        `--state-dir=${ferretState}`,
        `--listen-addr=127.0.0.1:${s.PROD_MONGO_PORT}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      ferretLog,
      // The URL holds the password: through the environment, not argv.
      { ...process.env, FERRETDB_POSTGRESQL_URL: `postgres://${role}:${pgPassword}@${pg.host}:${pg.port}/${ferretDatabase}` },
    );
    stops.push({ name: 'FerretDB', stop: ferretdb.stop });
    const mongoUri = `mongodb://127.0.0.1:${s.PROD_MONGO_PORT}/renkei`;
    const ping = await waitUntil(() => mongoPing(mongoUri, 1000), { timeoutMs: 30_000, abandonIf: ferretdb.exitReason });
    if (!ping.ok) throw new ServiceStartError('FerretDB', `${ping.reason}\n${logTail(ferretLog)}`, ferretLog);

    log('emulators (stand-ins for LINE WORKS, freee, LINE, Lansmart, SMTP) …');
    const b = s.PROD_EMULATOR_BASE_PORT;
    const emulators = await startEmulators({ ports: { lineworks: b, freee: b + 1, line: b + 2, lansmart: b + 3, mail: b + 4, smtp: s.PROD_SMTP_PORT } });
    stops.push({ name: 'emulators', stop: () => emulators.stop() });
    const apiUrls = s.PROD_API_PORTS.map((p) => `http://127.0.0.1:${p}`);
    const publicUrl = apiUrls[0] as string;
    await seedEmulatorApps(new EmulatorControl(emulators.urls.lineworks), new EmulatorControl(emulators.urls.freee), secrets, publicUrl);
    await seedPartnerEmulators(new LineControl(emulators.urls.line), new LansmartControl(emulators.urls.lansmart), secrets, publicUrl);

    // compose's renkei-env: production mode, the private key as a file like the worker's secret.
    const keyFile = path.join(s.dataDir, 'lineworks-private-key.pem');
    fs.writeFileSync(keyFile, secrets.privateKeyPem, { mode: 0o600 });
    const { LINEWORKS_PRIVATE_KEY: _inline, API_PORT: _port, WORKER_METRICS_PORT: _metrics, ...base } = embeddedEnv({
      temporalAddress: temporal.address,
      mongoUri,
      emulators: emulators.urls,
      secrets,
      apiPublicUrl: publicUrl,
      logLevel: s.LOG_LEVEL,
    });
    const env: Record<string, string> = { ...base, NODE_ENV: 'production', TEMPORAL_TLS: 'false', ...extraEnv };
    const processEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, ...extra });

    const startNode = async (name: string, entry: string, extra: Record<string, string>): Promise<RenkeiProcess> => {
      const logFile = path.join(s.dataDir, 'logs', `${name}.log`);
      const p = await startServerProcess(process.execPath, [path.join(ROOT, 'dist', entry)], logFile, processEnv(extra));
      stops.push({ name, stop: p.stop });
      return { name, process: p, logFile };
    };
    /**
     * A worker counts as started once it logs "worker started": connected to Temporal, its workflow
     * bundle built, about to poll (its metrics endpoint answers before it connects).
     */
    const startWorker = async (i: number): Promise<RenkeiProcess> => {
      const metricsPort = s.PROD_WORKER_METRICS_PORTS[i % s.PROD_WORKER_METRICS_PORTS.length] as number;
      const logFile = path.join(s.dataDir, 'logs', `worker-${i + 1}.log`);
      const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
      const worker = await startNode(`worker-${i + 1}`, 'worker/main.js', {
        LINEWORKS_PRIVATE_KEY_PATH: keyFile,
        WORKER_METRICS_PORT: String(metricsPort),
        WORKER_SHUTDOWN_GRACE_MS: '10000',
      });
      const up = await waitUntil(() => Promise.resolve(readFrom(logFile, logStart).includes('"msg":"worker started"')), {
        timeoutMs: 90_000,
        intervalMs: 500,
        abandonIf: () => worker.process.exitReason(),
      });
      if (!up.ok) throw new ServiceStartError(worker.name, `${up.reason}\n${logTail(worker.logFile)}`, worker.logFile);
      return worker;
    };
    log(`renkei: ${s.PROD_WORKER_METRICS_PORTS.length} workers, ${apiUrls.length} APIs (node dist/…) …`);
    const workers: RenkeiProcess[] = [];
    for (let i = 0; i < s.PROD_WORKER_METRICS_PORTS.length; i++) workers.push(await startWorker(i));
    const apis: RenkeiProcess[] = [];
    for (const [i, p] of s.PROD_API_PORTS.entries()) apis.push(await startNode(`api-${i + 1}`, 'api/main.js', { API_HOST: '127.0.0.1', API_PORT: String(p) }));

    for (const [i, url] of apiUrls.entries()) {
      const api = apis[i] as RenkeiProcess;
      const ready = await waitUntil(async () => (await fetch(`${url}/readyz`)).ok, {
        timeoutMs: 90_000,
        intervalMs: 500,
        abandonIf: () => [...workers, ...apis].map((p) => p.process.exitReason() && `${p.name} ${p.process.exitReason()}`).find(Boolean) || undefined,
      });
      if (!ready.ok) throw new ServiceStartError(api.name, `${ready.reason}\n${logTail(api.logFile)}`, api.logFile);
    }
    return {
      settings: s,
      secrets,
      temporal,
      temporalAddress: temporal.address,
      mongoUri,
      env,
      emulatorUrls: emulators.urls,
      apiUrls,
      workers,
      apis,
      startWorker,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    if (isBinaryProblem(err)) throw err;
    throw err;
  }
}
