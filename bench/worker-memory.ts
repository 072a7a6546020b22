// `npm run bench:memory`: the resident memory of a renkei worker process holding N open employee
// link workflows and N open orders in its workflow cache (BENCH_MEMORY_N, default 10,000 each),
// against a raw-Temporal worker process holding the same number (2N) of cached workflows that wait
// on a signal. Each worker runs in its own child process, as in production; the figure is the
// process RSS after a garbage collection once every workflow is cached and idle. Links are started
// linked (the state a link workflow carries across continue-as-new); orders as order.created starts
// them, for partners known to the platform emulator (the e-mail of the order goes to the mail sink).
//
// Then the bound a production worker keeps: the same number of open workflows (new ones) started
// with each worker at renkei's default cache size (WORKER_MAX_CACHED_WORKFLOWS, or
// BENCH_MEMORY_BOUNDED_CACHE), so that most are evicted, the RSS at rest, then after waking
// BENCH_MEMORY_WAKE (default 300) of them at random with a query (an evicted one is replayed from
// its history to answer it), and the peak RSS of the process over the whole phase. A query the
// server times out while the worker is busy is asked again (up to three times); those never answered
// are counted. BENCH_MEMORY_FULL=0 skips the all-cached measurement.
// Prints tables and writes JSON (with the settings) under bench/results/.
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createActivities } from '../activities';
import { employeeLinkWorkflowId, orderWorkflowId } from '../common/ids';
import { CompanyId, LinkStatus, OrderId, OrderStatus, PartnerId, WorksTenantId } from '../common/search-attributes';
import { loadWorkerConfig } from '../config';
import { failureConverterPath, temporalDataConverterFromEnv } from '../config/temporal-data-converter';
import { connectMongo } from '../models';
import { activityDepsFromConfig } from '../worker/activity-deps';
import { createRenkeiWorker, workflowsPath } from '../worker/create-worker';
import type { employeeLinkWorkflow } from '../workflows/employee-link';
import type { orderLifecycleWorkflow } from '../workflows/order-lifecycle';
import { BENCH_COMPANY_ID, seedBenchPartners } from './lansmart-partners';
import { say, startBenchStack, type BenchStack } from './local-stack';
import { pool, round } from './stats';
import type { waitingWorkflow } from './workflows/waiting';

const N = Number(process.env.BENCH_MEMORY_N ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WAKE = Number(process.env.BENCH_MEMORY_WAKE ?? 300);
const WAKE_CONCURRENCY = Number(process.env.BENCH_MEMORY_WAKE_CONCURRENCY ?? 8);
/** BENCH_MEMORY_FULL=0 measures only the bounded cache. */
const FULL = process.env.BENCH_MEMORY_FULL !== '0';
const PARTNERS = 10;
const MiB = 2 ** 20;

type Role = 'renkei' | 'baseline';

interface WorkerReport {
  rssBytes: number;
  /** The largest RSS the process has had since it started. */
  maxRssBytes: number;
  heapUsedBytes: number;
  cachedWorkflows: number;
  /** Workflow activations being processed. */
  busy: number;
  /** Activities in flight (the orders' first notifications may still be retrying). */
  activities: number;
}

// ---------- the child: one worker process ----------

async function runWorkerChild(role: Role): Promise<void> {
  const env = JSON.parse(process.env.BENCH_MEMORY_ENV ?? '{}') as Record<string, string>;
  const cache = Number(process.env.BENCH_MEMORY_CACHE);
  const quiet = new DefaultLogger('WARN');
  Runtime.install({ logger: quiet });
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const dataConverter = temporalDataConverterFromEnv(env);
  let worker: Worker;
  if (role === 'renkei') {
    await connectMongo(env.MONGODB_URI ?? '');
    const client = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), dataConverter });
    worker = await createRenkeiWorker({
      connection,
      namespace: 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'bench-memory',
      dataConverter,
      activities: createActivities(activityDepsFromConfig(loadWorkerConfig(env), client)),
      workflowBundle: await bundleWorkflowCode({ workflowsPath, failureConverterPath, logger: quiet }),
      tuning: { maxCachedWorkflows: cache },
    });
  } else {
    worker = await Worker.create({
      connection,
      taskQueue: 'bench-memory-baseline',
      dataConverter,
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows/waiting'), failureConverterPath, logger: quiet }),
      maxCachedWorkflows: cache,
    });
  }
  const running = worker.run();
  process.on('message', (m: unknown) => {
    if (m === 'stop') {
      worker.shutdown();
      void running.finally(() => process.exit(0));
      return;
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const s = worker.getStatus();
    const report: WorkerReport = {
      rssBytes: process.memoryUsage.rss(),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      heapUsedBytes: process.memoryUsage().heapUsed,
      cachedWorkflows: s.numCachedWorkflows,
      busy: s.numInFlightWorkflowActivations,
      activities: s.numInFlightActivities,
    };
    process.send?.(report);
  });
  process.send?.('ready');
  await running;
}

// ---------- the parent: servers, workflows, measurements ----------

/** The worker processes running, stopped if the benchmark fails. */
const children = new Set<ChildProcess>();

function startChild(role: Role, env: Record<string, string>, cache: number): Promise<ChildProcess> {
  const child = fork(__filename, ['--worker', role], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_MEMORY_ENV: JSON.stringify(env), BENCH_MEMORY_CACHE: String(cache) },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the ${role} worker exited (${String(code)}) before it was ready`)));
  });
}

function ask(child: ChildProcess): Promise<WorkerReport> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as WorkerReport));
    child.send('report');
  });
}

/** Waits until the worker has cached `target` workflows and no workflow activation ran for three looks in a row. */
async function settled(child: ChildProcess, target: number, label: string): Promise<WorkerReport> {
  let idleLooks = 0;
  for (;;) {
    const r = await ask(child);
    idleLooks = r.cachedWorkflows >= target && r.busy === 0 ? idleLooks + 1 : 0;
    if (idleLooks >= 3) return r;
    if (idleLooks === 0) say(`  … ${label}: ${r.cachedWorkflows}/${target} cached, ${r.busy} activations, ${r.activities} activities in flight`);
    await new Promise((r2) => setTimeout(r2, 2000));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.send('stop');
  await exited;
}

/** Starts N linked employee links and N orders on renkei's task queue; `batch` keeps each phase's IDs apart. */
async function startRenkeiWorkflows(client: Client, partners: Array<{ partnerId: string }>, batch: number): Promise<Array<string>> {
  const worksTenantId = 'bench-tenant';
  const ids: Array<string> = [];
  await pool(N, CONCURRENCY, async (i) => {
    const freeeUserId = String(100_000 + batch * 1_000_000 + i);
    const workflowId = employeeLinkWorkflowId(BENCH_COMPANY_ID, freeeUserId);
    ids.push(workflowId);
    await client.workflow.start<typeof employeeLinkWorkflow>('employeeLinkWorkflow', {
      workflowId,
      taskQueue: 'bench-memory',
      // A linked link, as it stands after its link update (and after every continue-as-new).
      args: [{ companyId: BENCH_COMPANY_ID, freeeUserId, state: { companyId: BENCH_COMPANY_ID, freeeUserId, status: 'linked', worksTenantId, worksUserId: `w-${freeeUserId}`, seenDeliveryIds: [] } }],
      typedSearchAttributes: [
        { key: CompanyId, value: BENCH_COMPANY_ID },
        { key: WorksTenantId, value: worksTenantId },
        { key: LinkStatus, value: 'linked' },
      ],
    });
  });
  await pool(N, CONCURRENCY, async (i) => {
    const orderId = batch === 0 ? `bench-order-${i}` : `bench-order-${batch}-${i}`;
    const partnerId = partners[i % PARTNERS]?.partnerId ?? '';
    const workflowId = orderWorkflowId(orderId);
    ids.push(workflowId);
    await client.workflow.start<typeof orderLifecycleWorkflow>('orderLifecycleWorkflow', {
      workflowId,
      taskQueue: 'bench-memory',
      args: [
        {
          start: {
            orderId,
            companyId: BENCH_COMPANY_ID,
            partnerId,
            eventId: `evt-${orderId}`,
            occurredAt: new Date().toISOString(),
            details: { orderNumber: `PO-${i}`, title: '内装工事', amountYen: 120_000, workPeriod: { from: '2026-12-01', to: '2026-12-31' }, closingDate: '2026-12-31' },
          },
        },
      ],
      typedSearchAttributes: [
        { key: OrderId, value: orderId },
        { key: PartnerId, value: partnerId },
        { key: CompanyId, value: BENCH_COMPANY_ID },
        { key: OrderStatus, value: 'ordered' },
      ],
    });
  });
  return ids;
}

/** Starts 2N raw workflows waiting on a signal on the baseline's task queue. */
async function startRawWorkflows(client: Client, batch: number): Promise<Array<string>> {
  const ids = Array.from({ length: 2 * N }, (_, i) => (batch === 0 ? `bench-waiting:${i}` : `bench-waiting:${batch}:${i}`));
  await pool(ids.length, CONCURRENCY, async (i) => {
    await client.workflow.start<typeof waitingWorkflow>('waitingWorkflow', { workflowId: ids[i] ?? '', taskQueue: 'bench-memory-baseline' });
  });
  return ids;
}

/** Wakes `count` of the workflows at random with the SDK's built-in metadata query: an evicted one is replayed to answer. */
async function wake(client: Client, ids: Array<string>, count: number): Promise<{ woken: number; unanswered: number }> {
  const shuffled = [...ids];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  const sample = shuffled.slice(0, Math.min(count, shuffled.length));
  let unanswered = 0;
  await pool(sample.length, WAKE_CONCURRENCY, async (i) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.workflow.getHandle(sample[i] ?? '').query('__temporal_workflow_metadata');
        return;
      } catch (err) {
        if (attempt >= 3) {
          unanswered++;
          const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
          say(`  … a query went unanswered: ${err instanceof Error ? err.message : String(err)}${cause}`);
          return;
        }
      }
    }
  });
  return { woken: sample.length, unanswered };
}

interface BoundedReport {
  idle: WorkerReport;
  rest: WorkerReport;
  woken: WorkerReport;
  wokenWorkflows: number;
  unansweredQueries: number;
}

/** One worker at a bounded cache: 2N new open workflows started with it, at rest, then after a sample is woken. */
async function boundedPhase(child: ChildProcess, cache: number, label: string, start: () => Promise<Array<string>>, client: Client): Promise<BoundedReport> {
  const idle = await ask(child);
  const ids = await start();
  const target = Math.min(cache, 2 * N);
  const rest = await settled(child, target, `${label} at rest`);
  say(`  ${label} at rest: ${round(rest.rssBytes / MiB)} MiB RSS, ${rest.cachedWorkflows} cached`);
  const { woken: wokenWorkflows, unanswered: unansweredQueries } = await wake(client, ids, WAKE);
  const woken = await settled(child, target, `${label} woken`);
  say(`  ${label} after ${wokenWorkflows} woken: ${round(woken.rssBytes / MiB)} MiB RSS, ${round(woken.maxRssBytes / MiB)} MiB at the most`);
  return { idle, rest, woken, wokenWorkflows, unansweredQueries };
}

interface FullReport {
  renkeiIdle: WorkerReport;
  renkeiFull: WorkerReport;
  baselineIdle: WorkerReport;
  baselineFull: WorkerReport;
}

/** Every open workflow cached: each worker's cache holds all 2N. */
async function fullPhase(stack: BenchStack, partners: Array<{ partnerId: string }>, cache: number): Promise<FullReport> {
  const { client, env } = stack;
  say(`\nrenkei worker: ${N} employee links + ${N} orders, all cached …`);
  const renkei = await startChild('renkei', env, cache);
  const renkeiIdle = await ask(renkei);
  await startRenkeiWorkflows(client, partners, 0);
  const renkeiFull = await settled(renkei, 2 * N, 'renkei');
  await stopChild(renkei);

  say(`raw worker: ${2 * N} workflows waiting on a signal, all cached …`);
  const baseline = await startChild('baseline', env, cache);
  const baselineIdle = await ask(baseline);
  await startRawWorkflows(client, 0);
  const baselineFull = await settled(baseline, 2 * N, 'raw');
  await stopChild(baseline);
  return { renkeiIdle, renkeiFull, baselineIdle, baselineFull };
}

async function main(): Promise<void> {
  const stack = await startBenchStack('bench-memory');
  const { client, env } = stack;
  const partners = await seedBenchPartners(stack.lansmart, stack.line, stack.secrets.lansmartApiKey, PARTNERS);
  const fullCache = 2 * N + 100;
  const boundedCache = Number(process.env.BENCH_MEMORY_BOUNDED_CACHE ?? loadWorkerConfig(env).WORKER_MAX_CACHED_WORKFLOWS);

  const full = FULL ? await fullPhase(stack, partners, fullCache) : undefined;

  say(`renkei worker at a cache of ${boundedCache}: ${N} more links + ${N} more orders, then ${WAKE} woken …`);
  const renkeiBoundedChild = await startChild('renkei', env, boundedCache);
  const renkeiBounded = await boundedPhase(renkeiBoundedChild, boundedCache, 'renkei', () => startRenkeiWorkflows(client, partners, 1), client);
  await stopChild(renkeiBoundedChild);

  say(`raw worker at a cache of ${boundedCache}: ${2 * N} more waiting workflows, then ${WAKE} woken …`);
  const baselineBoundedChild = await startChild('baseline', env, boundedCache);
  const baselineBounded = await boundedPhase(baselineBoundedChild, boundedCache, 'raw', () => startRawWorkflows(client, 1), client);
  await stopChild(baselineBoundedChild);

  const mib = (b: number): number => round(b / MiB);
  const perWorkflowKiB = (cached: WorkerReport, idle: WorkerReport): number => round((cached.rssBytes - idle.rssBytes) / 1024 / (2 * N), 1);
  const allCached = (idle: WorkerReport, cached: WorkerReport) => ({
    idleRssMiB: mib(idle.rssBytes),
    rssMiB: mib(cached.rssBytes),
    heapUsedMiB: mib(cached.heapUsedBytes),
    cachedWorkflows: cached.cachedWorkflows,
    activitiesInFlight: cached.activities,
    perWorkflowKiB: perWorkflowKiB(cached, idle),
  });
  const bounded = (b: BoundedReport) => ({
    openWorkflows: 2 * N,
    idleRssMiB: mib(b.idle.rssBytes),
    restRssMiB: mib(b.rest.rssBytes),
    restCachedWorkflows: b.rest.cachedWorkflows,
    wokenWorkflows: b.wokenWorkflows,
    unansweredQueries: b.unansweredQueries,
    wokenRssMiB: mib(b.woken.rssBytes),
    wokenCachedWorkflows: b.woken.cachedWorkflows,
    /** The peak before the first workflow (the worker's start, which bundles the workflows). */
    startPeakRssMiB: mib(b.idle.maxRssBytes),
    peakRssMiB: mib(b.woken.maxRssBytes),
    heapUsedMiB: mib(b.woken.heapUsedBytes),
    activitiesInFlight: b.woken.activities,
  });
  const result = {
    benchmark: 'worker memory with cached open workflows',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { linksN: N, ordersN: N, baselineWorkflows: 2 * N, maxCachedWorkflows: FULL ? fullCache : null, boundedCache, wake: WAKE, wakeConcurrency: WAKE_CONCURRENCY, concurrency: CONCURRENCY, partners: PARTNERS, ...stack.settings },
    ...(full ? { renkei: allCached(full.renkeiIdle, full.renkeiFull), baseline: allCached(full.baselineIdle, full.baselineFull) } : {}),
    boundedCache: { renkei: bounded(renkeiBounded), baseline: bounded(baselineBounded) },
  };
  const row = (name: string, r: ReturnType<typeof allCached>): string =>
    `| ${name.padEnd(38)} | ${String(r.cachedWorkflows).padStart(6)} | ${String(r.idleRssMiB).padStart(8)} | ${String(r.rssMiB).padStart(7)} | ${String(r.perWorkflowKiB).padStart(13)} |`;
  const boundedRow = (name: string, r: ReturnType<typeof bounded>): string =>
    `| ${name.padEnd(38)} | ${String(r.openWorkflows).padStart(6)} | ${String(r.idleRssMiB).padStart(8)} | ${String(r.restRssMiB).padStart(8)} | ${String(r.wokenRssMiB).padStart(9)} | ${String(r.peakRssMiB).padStart(8)} |`;
  if (result.renkei && result.baseline) {
    say(`
| worker process (same server, same run)  | cached | idle MiB | RSS MiB | KiB/workflow |
|----------------------------------------|-------:|---------:|--------:|-------------:|
${row(`renkei: ${N} links + ${N} orders`, result.renkei)}
${row(`raw Temporal: ${2 * N} waiting on a signal`, result.baseline)}`);
  }
  say(`
| cache of ${String(boundedCache).padEnd(5)}, ${String(WAKE).padEnd(5)} woken at random    |   open | idle MiB | rest MiB | woken MiB | peak MiB |
|----------------------------------------|-------:|---------:|---------:|----------:|---------:|
${boundedRow(`renkei: ${N} links + ${N} orders`, result.boundedCache.renkei)}
${boundedRow(`raw Temporal: ${2 * N} waiting on a signal`, result.boundedCache.baseline)}`);
  const outDir = path.resolve(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `memory-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  say(`written: ${path.relative(process.cwd(), file)}`);
  await stack.stop();
}

if (process.argv[2] === '--worker') {
  runWorkerChild(process.argv[3] === 'baseline' ? 'baseline' : 'renkei').catch((err: unknown) => {
    process.stderr.write(`bench worker: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    for (const child of children) child.kill();
    process.exit(1);
  });
}
