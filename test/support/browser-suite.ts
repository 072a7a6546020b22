// The set-up every browser suite shares: one Chromium for the whole run (launched by the first
// suite, closed after the last test), and for each test its own task queue, an API serving it and a
// fixture the suite opens on them (a person's flow driver, a partner's phone, each in browser
// contexts of its own), closed after the test with the API.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from './api-server';
import { launchChromium } from './browser';
import { inParallelWorker, uniqueTaskQueue } from './stack';

/** What a browser suite's test runs against before its own fixture is opened. */
export interface BrowserSuiteTest {
  browser: Browser;
  api: TestApi;
  taskQueue: string;
}

export interface BrowserSuiteOptions<F extends { close(): Promise<void> }> {
  /** Names the per-test task queues, so a test's workflows are told apart in the Web UI. */
  queuePrefix: string;
  /** Where the suite's screenshots are kept (created before the first test). */
  shotsDir: string;
  /** Opens the test's fixture once its browser, API and task queue exist. */
  open(test: BrowserSuiteTest): Promise<F>;
}

let chromium: Promise<Browser> | undefined;

/**
 * The run's Chromium, launched on first use. Tests never share a browser context (each fixture
 * opens and closes its own), so one browser process serves every suite; launching and closing one
 * per suite cost seconds each.
 */
async function sharedChromium(): Promise<Browser> {
  const launched = await chromium?.catch(() => undefined);
  if (launched?.isConnected()) return launched;
  chromium = launchChromium(); // the first suite's, or a new one after a crash
  return chromium;
}

// A root hook (registered when the first browser suite loads): the browser closes after the last
// test. A parallel worker runs many files; its browser ends with its stack when the process exits.
if (!inParallelWorker) {
  after(async () => {
    const launched = chromium;
    chromium = undefined;
    await (await launched?.catch(() => undefined))?.close();
  });
}

/**
 * Registers the suite's mocha hooks (call it inside `describe`); `use` receives each test's browser,
 * API, task queue and fixture before the test runs.
 */
export function browserSuiteHooks<F extends { close(): Promise<void> }>(
  options: BrowserSuiteOptions<F>,
  use: (test: BrowserSuiteTest & { fixture: F }) => void,
): void {
  let browser: Browser | undefined;
  let api: TestApi | undefined;
  let fixture: F | undefined;
  before(async () => {
    browser = await sharedChromium();
    mkdirSync(options.shotsDir, { recursive: true });
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    const taskQueue = uniqueTaskQueue(options.queuePrefix);
    api = await startTestApi(taskQueue);
    const test = { browser, api, taskQueue };
    fixture = await options.open(test);
    use({ ...test, fixture });
  });
  afterEach(async () => {
    try {
      await fixture?.close();
    } finally {
      // What the test opened outside its fixture (a failed test's page) does not reach the next one.
      for (const context of browser?.contexts() ?? []) await context.close().catch(() => undefined);
      await api?.close();
      fixture = undefined;
      api = undefined;
    }
  });
}

/**
 * A fixture that closes, after each test, the browser contexts the test pushed into `contexts`
 * (the partner suites open one phone context per partner).
 */
export function closingContexts(contexts: Array<{ close(): Promise<void> }>): () => Promise<{ close(): Promise<void> }> {
  return () =>
    Promise.resolve({
      close: async () => {
        for (const c of contexts.splice(0)) await c.close();
      },
    });
}
