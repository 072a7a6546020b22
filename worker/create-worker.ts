// Builds renkei's Temporal worker; shared by the worker process, the embedded stack and the tests
// (which pass a pre-built workflow bundle so the bundle is built once per test run).
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../activities';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** The payload encryption codec (config/temporal-data-converter); every worker has it. */
  dataConverter: DataConverter;
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** How long in-flight activities may run after shutdown starts. */
  shutdownGraceMs?: number;
  /** Throughput tuning (the SDK's defaults when absent). */
  tuning?: WorkerTuning;
}

export interface WorkerTuning {
  maxCachedWorkflows?: number;
  maxConcurrentWorkflowTaskExecutions?: number;
  maxConcurrentActivityTaskExecutions?: number;
  maxConcurrentWorkflowTaskPolls?: number;
}

export const workflowsPath = require.resolve('../workflows');

export function createRenkeiWorker(o: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    activities: o.activities,
    dataConverter: o.dataConverter,
    ...(o.workflowBundle ? { workflowBundle: o.workflowBundle } : { workflowsPath }),
    shutdownGraceTime: o.shutdownGraceMs ?? 30_000,
    ...Object.fromEntries(Object.entries(o.tuning ?? {}).filter(([, v]) => v !== undefined)),
  });
}
