// Serves the real Express app on a random loopback port, wired to the test stack's Temporal and
// Mongo, for tests that go through HTTP.
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import { createApiMetrics } from '../../observability/api-metrics';
import { createLogger } from '../../observability/logger';
import { stack } from './stack';

export interface TestApi {
  url: string;
  close(): Promise<void>;
}

export async function startTestApi(taskQueue: string): Promise<TestApi> {
  const s = stack();
  const app = createApp({
    config: s.apiConfig(taskQueue),
    temporal: s.env.client,
    metrics: createApiMetrics(),
    log: createLogger('renkei-api-test', 'silent'),
    readiness: () => Promise.resolve({ temporal: true, mongo: true }),
  });
  const server = await new Promise<Server>((resolve) => {
    const srv = app.listen(0, '127.0.0.1', () => resolve(srv));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
