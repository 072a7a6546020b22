// Serves the real Express app on a random loopback port, wired to the test stack's Temporal and
// Mongo, for tests that go through HTTP, and registered as the app in the emulators.
import type { Server } from 'node:http';
import type { ApiConfig } from '../../config';
import { createApp } from '../../api/app';
import { createApiMetrics } from '../../observability/api-metrics';
import { createLogger, type Logger } from '../../observability/logger';
import { freePort } from '../../scripts/services/ports';
import { seedEmulatorApps } from '../../scripts/lib/seed-emulator-apps';
import { seedPartnerEmulators } from '../../scripts/lib/seed-partner-emulators';
import { stack } from './stack';

export interface TestApi {
  url: string;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Where the API logs (default: nowhere). */
  log?: Logger;
  /** Settings that differ from the test stack's (e.g. a shorter ORDER_STEP_TIMEOUT_MS). */
  config?: Partial<ApiConfig>;
}

export async function startTestApi(taskQueue: string, options: TestApiOptions = {}): Promise<TestApi> {
  const s = stack();
  const port = await freePort();
  const app = createApp({
    config: { ...s.apiConfig(taskQueue, port), ...options.config },
    temporal: s.env.client,
    metrics: createApiMetrics(),
    log: options.log ?? createLogger('renkei-api-test', 'silent'),
    readiness: () => Promise.resolve({ temporal: true, mongo: true }),
  });
  const server = await new Promise<Server>((resolve) => {
    const srv = app.listen(port, '127.0.0.1', () => resolve(srv));
  });
  // The emulators know renkei as the app at this address (redirect URIs, callbacks, webhooks).
  await Promise.all([
    seedEmulatorApps(s.lineWorks, s.freee, s.secrets, `http://127.0.0.1:${port}`),
    seedPartnerEmulators(s.line, s.lansmart, s.secrets, `http://127.0.0.1:${port}`),
  ]);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
