// The worker process: validates its configuration, exports the SDK's metrics for Prometheus, runs
// renkei's workflows and activities, and on SIGTERM/SIGINT drains in-flight work and exits 0.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import mongoose from 'mongoose';
import { createActivities } from '../activities';
import { ConfigError, loadWorkerConfig } from '../config';
import { temporalConnectionOptions } from '../config/temporal-connection';
import { temporalDataConverter } from '../config/temporal-data-converter';
import { connectMongo, ensureIndexes } from '../models';
import { createLogger } from '../observability/logger';
import { activityDepsFromConfig } from './activity-deps';
import { createRenkeiWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const log = createLogger('renkei-worker', config.LOG_LEVEL);
  Runtime.install({
    telemetryOptions: {
      metrics: { prometheus: { bindAddress: `${config.WORKER_METRICS_HOST}:${config.WORKER_METRICS_PORT}` }, metricPrefix: 'temporal_' },
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
    },
  });
  await connectMongo(config.MONGODB_URI);
  await ensureIndexes();
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const clientConnection = await Connection.connect(temporalConnectionOptions(config));
  const dataConverter = temporalDataConverter(config);
  const client = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });
  const deps = activityDepsFromConfig(config, client);
  const worker = await createRenkeiWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataConverter,
    activities: createActivities(deps),
    shutdownGraceMs: config.WORKER_SHUTDOWN_GRACE_MS,
    tuning: {
      maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTaskPolls: config.WORKER_MAX_WORKFLOW_TASK_POLLS,
    },
  });
  log.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE, metrics: `http://${config.WORKER_METRICS_HOST}:${config.WORKER_METRICS_PORT}/metrics` },
    'worker started',
  );
  // The SDK handles SIGINT/SIGTERM: it stops polling, lets running tasks finish, then run() resolves.
  await worker.run();
  deps.partners.mailer.close(); // the pooled SMTP connections end with QUIT
  await connection.close();
  await clientConnection.close();
  await mongoose.disconnect();
  log.info('worker stopped');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`renkei worker: ${err.message}\n`);
    } else {
      createLogger('renkei-worker').fatal({ err }, 'worker failed');
    }
    process.exit(1);
  },
);
