// Starts the local MongoDB-wire server on a fixed port with data kept in `dataDir`: FerretDB
// (SQLite backend) when a binary is available, else mongodb-memory-server's mongod, or just
// checks MONGODB_URI when that is set. stop() returns once the port is free again.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureFerretDb } from '../binaries/ferretdb';
import { logTail, startServerProcess } from './child-process';
import { ServiceStartError } from './errors';
import { mongoPing } from './mongo-ping';
import { assertPortFree } from './ports';
import { waitUntil } from './wait';

const START_TIMEOUT_MS = 30_000;

export interface MongoWireOptions {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}

export interface MongoWire {
  uri: string;
  kind: 'ferretdb' | 'memory-server' | 'uri';
  stop(): Promise<void>;
}

export async function startMongoWire(opts: MongoWireOptions): Promise<MongoWire> {
  const resolved = await ensureFerretDb({ build: false, log: opts.log });
  switch (resolved.kind) {
    case 'uri':
      return useExisting(resolved.uri);
    case 'path':
      return startFerretDb(resolved.path, opts);
    case 'memory-server':
      return startMemoryServer(opts);
  }
}

async function useExisting(uri: string): Promise<MongoWire> {
  const outcome = await waitUntil(() => mongoPing(uri, 2000), { timeoutMs: 10_000, intervalMs: 500 });
  if (!outcome.ok) throw new ServiceStartError('MongoDB at MONGODB_URI', outcome.reason);
  return { uri, kind: 'uri', stop: () => Promise.resolve() };
}

async function startFerretDb(binary: string, opts: MongoWireOptions): Promise<MongoWire> {
  await assertPortFree(opts.port, 'MongoDB', 'MONGO_PORT');
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const logFile = path.join(dataDir, 'ferretdb.log');
  const server = await startServerProcess(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${opts.port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    logFile,
  );
  const uri = `mongodb://127.0.0.1:${opts.port}/`;
  const outcome = await waitUntil(() => mongoPing(uri, 1000), { timeoutMs: START_TIMEOUT_MS, abandonIf: server.exitReason });
  if (!outcome.ok) {
    await server.stop();
    throw new ServiceStartError('FerretDB', `${outcome.reason}\n${logTail(logFile)}`, logFile);
  }
  return { uri, kind: 'ferretdb', stop: server.stop };
}

async function startMemoryServer(opts: MongoWireOptions): Promise<MongoWire> {
  await assertPortFree(opts.port, 'MongoDB', 'MONGO_PORT');
  const dbPath = path.resolve(opts.dataDir);
  await fs.mkdir(dbPath, { recursive: true, mode: 0o700 });
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create({
    instance: { ip: '127.0.0.1', port: opts.port, dbPath, storageEngine: 'wiredTiger' },
  });
  return {
    uri: server.getUri(),
    kind: 'memory-server',
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}
