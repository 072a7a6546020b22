// Starts the API's HTTP server with its real dependencies (Temporal client, Mongo, metrics) and
// returns a close() that drains it: stop accepting, finish in-flight requests, close connections.
import { Client, Connection } from '@temporalio/client';
import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { PortInUseError } from '../common/port-in-use-error';
import type { ApiConfig } from '../config';
import { temporalConnectionOptions } from '../config/temporal-connection';
import { temporalDataConverter } from '../config/temporal-data-converter';
import { connectMongo } from '../models';
import { createApiMetrics } from '../observability/api-metrics';
import type { Logger } from '../observability/logger';
import { createApp } from './app';
import type { Readiness } from './deps';

export interface RunningApi {
  server: Server;
  url: string;
  close(): Promise<void>;
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startApiServer(config: ApiConfig, log: Logger): Promise<RunningApi> {
  await connectMongo(config.MONGODB_URI);
  const connection = await Connection.connect(temporalConnectionOptions(config));
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(config) });
  const readiness = async (): Promise<Readiness> => {
    const [t, m] = await Promise.allSettled([
      withTimeout(connection.workflowService.getSystemInfo({}), 2000),
      withTimeout(mongoose.connection.db?.admin().ping() ?? Promise.reject(new Error('not connected')), 2000),
    ]);
    return { temporal: t.status === 'fulfilled', mongo: m.status === 'fulfilled' };
  };
  const app = createApp({ config, temporal, metrics: createApiMetrics(), log, readiness });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.API_PORT, config.API_HOST);
    s.once('listening', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new PortInUseError(config.API_PORT, 'renkei API', 'API_PORT') : err));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.API_PORT;
  return {
    server,
    url: `http://${config.API_HOST}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await connection.close();
      await mongoose.disconnect();
    },
  };
}
