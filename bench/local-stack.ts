// The servers every benchmark measures on, started fresh in a temporary directory: a Temporal dev
// server (the SQLite settings of `npm run dev` unless BENCH_SQLITE=durable), the Mongo-wire server,
// the emulators, and the embedded configuration for a task queue. stop() leaves nothing behind.
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, type Logger } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { SEARCH_ATTRIBUTE_NAMES } from '../common/search-attributes';
import { LansmartControl, LineControl, MailControl, startEmulators } from '../emulators';
import { EmulatorControl } from '../emulators/control-client';
import { connectMongo, ensureIndexes } from '../models';
import { temporalDataConverterFromEnv } from '../config/temporal-data-converter';
import { ensureAll } from '../scripts/binaries';
import { generateSecrets, type DevSecrets } from '../scripts/lib/dev-secrets';
import { embeddedEnv } from '../scripts/lib/embedded-env';
import { startMongoWire } from '../scripts/services/mongo-wire';
import { freePort, onFreePort } from '../scripts/services/ports';
import { startTemporalDevServer } from '../scripts/services/temporal-dev-server';

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
  /** What the figures were measured on. */
  settings: { temporalSqlite: string; mongo: string };
  stop(): Promise<void>;
}

export const say = (l: string): void => {
  process.stdout.write(`${l}\n`);
};

/** `workerLogger`: where the worker runtime logs (activity failures among them); WARN to stdout by default. */
export async function startBenchStack(taskQueue: string, options: { workerLogger?: Logger } = {}): Promise<BenchStack> {
  Runtime.install({ logger: options.workerLogger ?? new DefaultLogger('WARN') });
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
  return {
    client: new Client({ connection: clientConnection, dataConverter }),
    dataConverter,
    connection,
    lineWorks: new EmulatorControl(emulators.urls.lineworks),
    freee: new EmulatorControl(emulators.urls.freee),
    line: new LineControl(emulators.urls.line),
    lansmart: new LansmartControl(emulators.urls.lansmart),
    mail: new MailControl(emulators.urls.mail),
    secrets,
    env,
    settings: { temporalSqlite: sqlite, mongo: mongo.kind },
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
