// The Temporal server on PostgreSQL, as a cluster runs it: schema by temporal-sql-tool (create,
// set up, update to the module's latest versioned schema, for the default store and SQL
// visibility), the module's development-postgres12 config with renkei's shard count and ports,
// then the namespace and every search attribute registered with the Temporal CLI.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import type { TemporalServerBinaries } from '../binaries/temporal-server';
import { logTail, startServerProcess, type ServerProcess } from './child-process';
import { ServiceStartError } from './errors';
import { assertPortFree } from './ports';
import { waitUntil } from './wait';

const run = promisify(execFile);
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 120_000;

export interface TemporalServerOptions {
  binaries: TemporalServerBinaries;
  /** The Temporal CLI, for the namespace and the search attributes. */
  cli: string;
  dataDir: string;
  /** The frontend's gRPC port; the other services use the next ports (see `ports`). */
  port: number;
  postgres: { host: string; port: number; user: string; password: string };
  /** The PostgreSQL databases of the default store and of SQL visibility (created if absent). */
  databases: { main: string; visibility: string };
  /**
   * Whether a database exists already (temporal-sql-tool's create-database answers the same
   * whether it created the database or found it).
   */
  databaseExists(name: string): Promise<boolean>;
  numHistoryShards: number;
  namespace: string;
  searchAttributes: readonly string[];
  log: (line: string) => void;
}

export interface TemporalServer {
  address: string;
  stop(): Promise<void>;
  /** Starts it again after stop() (same config and data). */
  restart(): Promise<void>;
}

/** Every port the server listens on, from the frontend's: base … base+13. */
export function temporalServerPorts(base: number) {
  return {
    frontend: base, history: base + 1, matching: base + 2, worker: base + 3,
    frontendMembership: base + 4, historyMembership: base + 5, matchingMembership: base + 6, workerMembership: base + 7,
    frontendHttp: base + 8, pprof: base + 9, metrics: base + 10,
  };
}

export async function startTemporalServer(o: TemporalServerOptions): Promise<TemporalServer> {
  const ports = temporalServerPorts(o.port);
  for (const [what, port] of Object.entries(ports)) await assertPortFree(port, `Temporal server (${what})`, 'TEMPORAL_PORT');
  await fs.mkdir(o.dataDir, { recursive: true, mode: 0o700 });
  await setUpSchema(o);
  const configDir = await writeConfig(o, ports);
  const logFile = path.join(o.dataDir, 'temporal-server.log');
  const address = `${HOST}:${o.port}`;
  const args = ['--root', o.dataDir, '--config', path.relative(o.dataDir, configDir), '--env', 'renkei', '--allow-no-auth', 'start'];

  let server: ServerProcess | undefined;
  const start = async (): Promise<void> => {
    server = await startServerProcess(o.binaries.server, args, logFile);
    const current = server;
    const up = await waitUntil(() => cli(o, ['operator', 'cluster', 'health']).then((out) => out.includes('SERVING')), {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 500,
      abandonIf: current.exitReason,
    });
    if (!up.ok) {
      await current.stop();
      throw new ServiceStartError('Temporal server', `${up.reason}\n${logTail(logFile)}`, logFile);
    }
  };
  await start();
  await registerNamespace(o);
  return {
    address,
    stop: async () => server?.stop(),
    restart: () => start(),
  };
}

async function cli(o: TemporalServerOptions, args: string[]): Promise<string> {
  const { stdout } = await run(o.cli, [...args, '--address', `${HOST}:${o.port}`], { timeout: 30_000 });
  return stdout;
}

async function setUpSchema(o: TemporalServerOptions): Promise<void> {
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: o.postgres.host,
    SQL_PORT: String(o.postgres.port),
    SQL_USER: o.postgres.user,
    SQL_PASSWORD: o.postgres.password,
  };
  const tool = async (db: string, args: string[]): Promise<string> => {
    try {
      const { stdout, stderr } = await run(o.binaries.sqlTool, ['--db', db, ...args], { env, timeout: 120_000 });
      return stdout + stderr;
    } catch (err) {
      const e = err as Error & { stderr?: string; stdout?: string };
      throw new ServiceStartError('Temporal schema', `temporal-sql-tool --db ${db} ${args.join(' ')}: ${(e.stderr || e.stdout || e.message).trim().slice(-2000)}`);
    }
  };
  for (const [db, dir] of [[o.databases.main, 'temporal'], [o.databases.visibility, 'visibility']] as const) {
    const versioned = path.join(o.binaries.moduleDir, 'schema', 'postgresql', 'v12', dir, 'versioned');
    if (await o.databaseExists(db)) {
      o.log(`  schema: ${db} exists`);
    } else {
      await tool(db, ['create-database']);
      o.log(`  schema: ${db} created`);
      await tool(db, ['setup-schema', '-v', '0.0']);
    }
    // Idempotent: applies only the versions the database does not have yet.
    await tool(db, ['update-schema', '-d', versioned]);
  }
}

type Rpc = { rpc: Record<string, unknown> };
/** The parts of the server's config file this stack changes. */
interface ServerConfigFile {
  log: unknown;
  persistence: { defaultStore: string; visibilityStore: string; numHistoryShards: number; datastores: Record<string, { sql: Record<string, unknown> }> };
  global: { pprof: { port: number }; metrics: { prometheus: { listenAddress: string } } };
  services: { frontend: Rpc; history: Rpc; matching: Rpc; worker: Rpc };
  clusterMetadata: { clusterInformation: { active: { rpcAddress: string } } };
  archival: unknown;
  namespaceDefaults: unknown;
  dynamicConfigClient: unknown;
}

/** The module's development-postgres12.yaml with renkei's shards, ports and credentials. */
async function writeConfig(o: TemporalServerOptions, ports: ReturnType<typeof temporalServerPorts>): Promise<string> {
  const source = path.join(o.binaries.moduleDir, 'config', 'development-postgres12.yaml');
  const config = parse(await fs.readFile(source, 'utf8')) as ServerConfigFile;
  config.log = { stdout: true, level: 'warn' };
  config.persistence.numHistoryShards = o.numHistoryShards;
  for (const [name, store] of Object.entries(config.persistence.datastores)) {
    store.sql.databaseName = name === config.persistence.visibilityStore ? o.databases.visibility : o.databases.main;
    store.sql.connectAddr = `${o.postgres.host}:${o.postgres.port}`;
    store.sql.user = o.postgres.user;
    store.sql.password = o.postgres.password;
  }
  config.global.pprof.port = ports.pprof;
  config.global.metrics.prometheus.listenAddress = `${HOST}:${ports.metrics}`;
  const svc = config.services;
  svc.frontend.rpc = { ...svc.frontend.rpc, grpcPort: ports.frontend, membershipPort: ports.frontendMembership, httpPort: ports.frontendHttp };
  svc.history.rpc = { ...svc.history.rpc, grpcPort: ports.history, membershipPort: ports.historyMembership };
  svc.matching.rpc = { ...svc.matching.rpc, grpcPort: ports.matching, membershipPort: ports.matchingMembership };
  svc.worker.rpc = { ...svc.worker.rpc, grpcPort: ports.worker, membershipPort: ports.workerMembership };
  config.clusterMetadata.clusterInformation.active.rpcAddress = `${HOST}:${ports.frontend}`;
  // No archival: nothing written outside the data directory.
  config.archival = { history: { state: 'disabled' }, visibility: { state: 'disabled' } };
  config.namespaceDefaults = { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } };
  const configDir = path.join(o.dataDir, 'config');
  await fs.mkdir(path.join(configDir, 'dynamicconfig'), { recursive: true, mode: 0o700 });
  await fs.copyFile(path.join(o.binaries.moduleDir, 'config', 'dynamicconfig', 'development-sql.yaml'), path.join(configDir, 'dynamicconfig', 'development-sql.yaml'));
  await fs.chmod(path.join(configDir, 'dynamicconfig', 'development-sql.yaml'), 0o600);
  config.dynamicConfigClient = { filepath: path.join(configDir, 'dynamicconfig', 'development-sql.yaml'), pollInterval: '10s' };
  // Holds the database password: readable by this user only.
  await fs.writeFile(path.join(configDir, 'renkei.yaml'), stringify(config), { mode: 0o600 });
  return configDir;
}

async function registerNamespace(o: TemporalServerOptions): Promise<void> {
  const tolerant = async (args: string[]): Promise<void> => {
    const outcome = await waitUntil(
      () =>
        cli(o, args).then(
          () => true,
          (err: Error & { stderr?: string }) => {
            if (/already (exists|registered)/i.test(err.stderr ?? err.message)) return true;
            throw err;
          },
        ),
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    if (!outcome.ok) throw new ServiceStartError('Temporal server', `temporal ${args.join(' ')}: ${outcome.reason}`);
  };
  await tolerant(['operator', 'namespace', 'create', '--namespace', o.namespace, '--retention', '72h']);
  for (const name of o.searchAttributes) {
    await tolerant(['operator', 'search-attribute', 'create', '--namespace', o.namespace, '--name', name, '--type', 'Keyword']);
  }
  // Visible to the frontend before the first workflow uses them.
  const listed = await waitUntil(
    async () => {
      const out = await cli(o, ['operator', 'search-attribute', 'list', '--namespace', o.namespace]);
      return o.searchAttributes.every((name) => out.includes(name));
    },
    { timeoutMs: 60_000, intervalMs: 1000 },
  );
  if (!listed.ok) throw new ServiceStartError('Temporal server', `search attributes not listed: ${listed.reason}`);
}
