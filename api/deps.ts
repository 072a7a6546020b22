// What the Express app needs from its process: configuration, the Temporal client, metrics and a
// readiness probe. Tests build the same app against real servers.
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { ApiConfig } from '../config';
import type { ApiMetrics } from '../observability/api-metrics';

export interface Readiness {
  temporal: boolean;
  mongo: boolean;
}

export interface ApiDeps {
  config: ApiConfig;
  temporal: Client;
  metrics: ApiMetrics;
  log: Logger;
  readiness: () => Promise<Readiness>;
}
