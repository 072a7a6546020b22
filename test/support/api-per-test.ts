// The set-up most HTTP integration suites share: for each test its own task queue and an API serving
// it, closed after the test. Call `useTestApi` inside `describe`; the suite's own `beforeEach` hooks,
// registered after it, run once the API is up.
import { strict as assert } from 'node:assert';
import { startTestApi, type TestApi } from './api-server';
import { uniqueTaskQueue } from './stack';

export interface TestApiRun {
  /** The API serving the current test. */
  readonly api: TestApi;
  /** The current test's task queue (its workflows and its worker). */
  readonly taskQueue: string;
}

/** Registers the hooks; `queuePrefix` names the task queues, so a test's workflows are told apart in the Web UI. */
export function useTestApi(queuePrefix: string): TestApiRun {
  let current: { api: TestApi; taskQueue: string } | undefined;
  const started = (): { api: TestApi; taskQueue: string } => {
    assert.ok(current, 'the test API is not started (only inside a test or a later hook)');
    return current;
  };
  beforeEach(async () => {
    const taskQueue = uniqueTaskQueue(queuePrefix);
    current = { api: await startTestApi(taskQueue), taskQueue };
  });
  afterEach(async () => {
    const api = current?.api;
    current = undefined;
    await api?.close();
  });
  return {
    get api() {
      return started().api;
    },
    get taskQueue() {
      return started().taskQueue;
    },
  };
}
