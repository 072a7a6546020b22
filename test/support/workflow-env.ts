// Root hooks of the fast workflow tests (test/workflows/): only the Java time-skipping test server
// and the workflow bundle, no MongoDB, emulators or API. Each test runs the real workflow code on a
// worker of its own task queue whose activities are plain stub functions, as Temporal's samples
// test workflows.
import { randomUUID } from 'node:crypto';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Activities } from '../../activities';
import { workflowsPath } from '../../worker/create-worker';
import { startTemporal } from './stack';
import { cachedWorkflowBundle } from './workflow-bundle';

let env: TestWorkflowEnvironment | undefined;
let bundle: WorkflowBundleWithSourceMap | undefined;


export function workflowEnv(): TestWorkflowEnvironment {
  if (!env) throw new Error('time-skipping server not started (mocha root hooks did not run)');
  return env;
}

/** Runs `fn` while a worker with these stub activities polls a fresh task queue. */
export async function withStubWorker<T>(activities: Partial<Activities>, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const e = workflowEnv();
  if (!bundle) throw new Error('workflow bundle not built');
  const taskQueue = `wf-${randomUUID()}`;
  const worker = await Worker.create({ connection: e.nativeConnection, namespace: e.namespace ?? 'default', taskQueue, workflowBundle: bundle, activities });
  return worker.runUntil(fn(taskQueue));
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(15 * 60_000); // a cold run may build the test server first
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    [env, bundle] = await Promise.all([
      startTemporal('time-skipping', {}),
      cachedWorkflowBundle({ workflowsPath }),
    ]);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await env?.teardown();
    env = undefined;
  },
};
