// Debian's PostgreSQL 15 cluster for the production-shaped stack: started with pg_ctlcluster when
// it is down, shared by every stack using it (cluster-users.ts: stopped only by the last user out,
// and only if a user started it), a login role with a password, and databases owned by it.
// Everything idempotent, so a second start reuses what the first one made.
import { execFile, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { useSharedServer } from './cluster-users';
import { ServiceStartError } from './errors';

const run = promisify(execFile);
const VERSION = '15';
const CLUSTER = 'main';

export interface PostgresCluster {
  host: string;
  port: number;
  /**
   * Ends this use of the cluster: stops it only when no other stack, test or benchmark still uses
   * it and one of them started it (never a cluster that ran before any of them).
   */
  stop(): Promise<void>;
}

/** `pg_lsclusters` row of 15/main: its port and whether it is online. */
async function clusterState(): Promise<{ port: number; online: boolean }> {
  let stdout: string;
  try {
    ({ stdout } = await run('pg_lsclusters', ['--no-header']));
  } catch (err) {
    throw new ServiceStartError('PostgreSQL', `pg_lsclusters failed (${(err as Error).message}): install PostgreSQL 15 with \`apt-get install -y postgresql-15\``);
  }
  const row = stdout.split('\n').map((l) => l.trim().split(/\s+/)).find((cols) => cols[0] === VERSION && cols[1] === CLUSTER);
  if (!row) throw new ServiceStartError('PostgreSQL', `no cluster ${VERSION}/${CLUSTER} in pg_lsclusters: install PostgreSQL 15 with \`apt-get install -y postgresql-15\``);
  return { port: Number(row[2]), online: row[3] === 'online' };
}

/** Where the users of the cluster register (shared by every checkout on the machine). */
export const POSTGRES_USERS_DIR = path.join(os.tmpdir(), `renkei-postgresql-${VERSION}-${CLUSTER}`);

export async function startPostgres(log: (line: string) => void): Promise<PostgresCluster> {
  const { port } = await clusterState();
  const use = await useSharedServer(
    POSTGRES_USERS_DIR,
    {
      isRunning: async () => (await clusterState()).online,
      start: async () => {
        await run('pg_ctlcluster', [VERSION, CLUSTER, 'start']);
      },
      stop: async () => {
        log(`stopping PostgreSQL ${VERSION}/${CLUSTER} (no other user left) …`);
        await run('pg_ctlcluster', [VERSION, CLUSTER, 'stop']);
      },
    },
    () => log(`starting PostgreSQL ${VERSION}/${CLUSTER} (pg_ctlcluster) …`),
  );
  return { host: '127.0.0.1', port, stop: () => use.leave() };
}

/** Runs SQL as the cluster's superuser (the `postgres` OS user), from stdin so no secret is in argv. */
export async function psqlAsSuperuser(sql: string, port: number): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const [cmd, args] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', 'psql', '-p', String(port), '-v', 'ON_ERROR_STOP=1', '-qtAX']]
    : ['psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qtAX']];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new ServiceStartError('PostgreSQL', `psql exited with ${code}: ${err.trim()}`))));
    child.stdin.end(sql);
  });
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
};

/** A login role with this password (set again on every start), allowed to create databases. */
export async function ensureRole(port: number, role: string, password: string): Promise<void> {
  const quoted = `'${password.replace(/'/g, "''")}'`;
  await psqlAsSuperuser(
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ident(role)}') THEN CREATE ROLE ${ident(role)} LOGIN CREATEDB PASSWORD ${quoted};
       ELSE ALTER ROLE ${ident(role)} LOGIN CREATEDB PASSWORD ${quoted}; END IF;
     END $$;`,
    port,
  );
}

export async function databaseExists(port: number, name: string): Promise<boolean> {
  return (await psqlAsSuperuser(`SELECT 1 FROM pg_database WHERE datname = '${ident(name)}';`, port)).trim() === '1';
}

export async function ensureDatabase(port: number, name: string, owner: string): Promise<void> {
  if (!(await databaseExists(port, name))) await psqlAsSuperuser(`CREATE DATABASE ${ident(name)} OWNER ${ident(owner)};`, port);
}

/** Drops the database (closing its connections) if it exists. */
export async function dropDatabase(port: number, name: string): Promise<void> {
  await psqlAsSuperuser(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE);`, port);
}
