// Starts the local Temporal server (the CLI's `server start-dev`: SQLite file, Web UI, custom
// search attributes registered) and waits until both gRPC and the UI answer. Uses a local CLI
// binary when there is one, else the SDK's own download of it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { ensureTemporalCli } from '../binaries/temporal-cli';
import { logTail, startServerProcess, type ServerProcess } from './child-process';
import { ServiceStartError } from './errors';
import { assertPortFree } from './ports';
import { waitUntil } from './wait';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const FAST_SQLITE_PRAGMAS = ['journal_mode=WAL', 'synchronous=OFF'] as const;

export interface TemporalDevServerOptions {
  /** SQLite file holding all Temporal state; reused across starts. */
  dbFile: string;
  port: number;
  uiPort: number;
  /** Custom search attributes to register, all as Keyword. */
  searchAttributes: readonly string[];
  log: (line: string) => void;
  /** WAL and no fsync: much faster, may lose the last writes if the machine crashes. */
  sqliteFast?: boolean;
  /** The Web UI decodes payloads through this codec endpoint (`--ui-codec-endpoint`). */
  uiCodecEndpoint?: string;
}

export interface TemporalDevServer {
  /** host:port of the gRPC frontend. */
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  await assertPortFree(opts.port, 'Temporal gRPC', 'TEMPORAL_PORT');
  await assertPortFree(opts.uiPort, 'Temporal Web UI', 'TEMPORAL_UI_PORT');
  const dbFile = path.resolve(opts.dbFile);
  await fs.mkdir(path.dirname(dbFile), { recursive: true, mode: 0o700 });
  const extraArgs = [
    ...(opts.sqliteFast ? FAST_SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma]) : []),
    ...(opts.uiCodecEndpoint ? ['--ui-codec-endpoint', opts.uiCodecEndpoint] : []),
  ];

  const cli = await ensureTemporalCli({ build: false, log: opts.log });
  if (cli.kind === 'sdk-download') return startViaSdk(opts, dbFile, extraArgs);

  const logFile = path.join(path.dirname(dbFile), 'temporal.log');
  const args = [
    'server', 'start-dev',
    '--db-filename', dbFile,
    '--ip', HOST,
    '--port', String(opts.port),
    '--ui-port', String(opts.uiPort),
    '--log-level', 'warn',
    ...opts.searchAttributes.flatMap((name) => ['--search-attribute', `${name}=Keyword`]),
    ...extraArgs,
  ];
  const server = await startServerProcess(cli.path, args, logFile);
  const address = `${HOST}:${opts.port}`;
  const uiUrl = `http://${HOST}:${opts.uiPort}`;
  await waitForServer(server, address, uiUrl, logFile);
  return { address, uiUrl, stop: server.stop };
}

async function waitForServer(server: ServerProcess, address: string, uiUrl: string, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const grpc = await waitUntil(() => grpcAnswers(address), { timeoutMs: START_TIMEOUT_MS, abandonIf: server.exitReason });
  const ui = grpc.ok
    ? await waitUntil(() => httpAnswers(uiUrl), { timeoutMs: Math.max(1000, deadline - Date.now()), abandonIf: server.exitReason })
    : grpc;
  if (!ui.ok) {
    await server.stop();
    const which = grpc.ok ? `the Web UI at ${uiUrl}` : `gRPC at ${address}`;
    throw new ServiceStartError('Temporal dev server', `${which}: ${ui.reason}\n${logTail(logFile)}`, logFile);
  }
}

async function grpcAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

async function httpAnswers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.status < 500;
}

async function startViaSdk(opts: TemporalDevServerOptions, dbFile: string, extraArgs: string[]): Promise<TemporalDevServer> {
  opts.log('starting the Temporal dev server downloaded by the SDK…');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: HOST,
      port: opts.port,
      ui: true,
      uiPort: opts.uiPort,
      dbFilename: dbFile,
      searchAttributes: opts.searchAttributes.map((name) => defineSearchAttributeKey(name, SearchAttributeType.KEYWORD)),
      extraArgs,
    },
  });
  return {
    address: env.address,
    uiUrl: `http://${HOST}:${opts.uiPort}`,
    stop: () => env.teardown(),
  };
}
