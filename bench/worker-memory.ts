// `npm run bench:memory`: the resident memory of a renkei worker process holding N open employee
// link workflows and N open orders in its workflow cache (BENCH_MEMORY_N, default 10,000 each),
// against a raw-Temporal worker process holding the same number (2N) of cached workflows that wait
// on a signal. Each worker runs in its own child process, as in production; the figure is the
// process RSS after a garbage collection once every workflow is cached and idle. Links are started
// linked (the state a link workflow carries across continue-as-new); orders as order.created starts
// them, for partners known to the platform emulator (the e-mail of the order goes to the mail sink).
// Prints a table and writes JSON (with the settings) under bench/results/.
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
import { say, startBenchStack } from './local-stack';
import { pool, round } from './stats';
import type { waitingWorkflow } from './workflows/waiting';

const N = Number(process.env.BENCH_MEMORY_N ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PARTNERS = 10;
const MiB = 2 ** 20;

type Role = 'renkei' | 'baseline';

interface WorkerReport {
  rssBytes: number;
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

function startChild(role: Role, env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(__filename, ['--worker', role], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_MEMORY_ENV: JSON.stringify(env), BENCH_MEMORY_CACHE: String(2 * N + 100) },
  });
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

async function main(): Promise<void> {
  const stack = await startBenchStack('bench-memory');
  const { client, env } = stack;
  const partners = await seedBenchPartners(stack.lansmart, stack.line, stack.secrets.lansmartApiKey, PARTNERS);
  const worksTenantId = 'bench-tenant';

  say(`\nrenkei worker: ${N} employee links + ${N} orders …`);
  const renkei = await startChild('renkei', env);
  const renkeiIdle = await ask(renkei);
  await pool(N, CONCURRENCY, async (i) => {
    const freeeUserId = String(100_000 + i);
    await client.workflow.start<typeof employeeLinkWorkflow>('employeeLinkWorkflow', {
      workflowId: employeeLinkWorkflowId(BENCH_COMPANY_ID, freeeUserId),
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
    const orderId = `bench-order-${i}`;
    const partnerId = partners[i % PARTNERS]?.partnerId ?? '';
    await client.workflow.start<typeof orderLifecycleWorkflow>('orderLifecycleWorkflow', {
      workflowId: orderWorkflowId(orderId),
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
  const renkeiFull = await settled(renkei, 2 * N, 'renkei');
  await stopChild(renkei);

  say(`raw worker: ${2 * N} workflows waiting on a signal …`);
  const baseline = await startChild('baseline', env);
  const baselineIdle = await ask(baseline);
  await pool(2 * N, CONCURRENCY, async (i) => {
    await client.workflow.start<typeof waitingWorkflow>('waitingWorkflow', { workflowId: `bench-waiting:${i}`, taskQueue: 'bench-memory-baseline' });
  });
  const baselineFull = await settled(baseline, 2 * N, 'raw');
  await stopChild(baseline);

  const mib = (b: number): number => round(b / MiB);
  const perWorkflowKiB = (full: WorkerReport, idle: WorkerReport): number => round((full.rssBytes - idle.rssBytes) / 1024 / (2 * N), 1);
  const result = {
    benchmark: 'worker memory with cached open workflows',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { linksN: N, ordersN: N, baselineWorkflows: 2 * N, maxCachedWorkflows: 2 * N + 100, concurrency: CONCURRENCY, partners: PARTNERS, ...stack.settings },
    renkei: { idleRssMiB: mib(renkeiIdle.rssBytes), rssMiB: mib(renkeiFull.rssBytes), heapUsedMiB: mib(renkeiFull.heapUsedBytes), cachedWorkflows: renkeiFull.cachedWorkflows, activitiesInFlight: renkeiFull.activities, perWorkflowKiB: perWorkflowKiB(renkeiFull, renkeiIdle) },
    baseline: { idleRssMiB: mib(baselineIdle.rssBytes), rssMiB: mib(baselineFull.rssBytes), heapUsedMiB: mib(baselineFull.heapUsedBytes), cachedWorkflows: baselineFull.cachedWorkflows, activitiesInFlight: baselineFull.activities, perWorkflowKiB: perWorkflowKiB(baselineFull, baselineIdle) },
  };
  const row = (name: string, r: typeof result.renkei): string =>
    `| ${name.padEnd(38)} | ${String(r.cachedWorkflows).padStart(6)} | ${String(r.idleRssMiB).padStart(8)} | ${String(r.rssMiB).padStart(7)} | ${String(r.perWorkflowKiB).padStart(13)} |`;
  say(`
| worker process (same server, same run)  | cached | idle MiB | RSS MiB | KiB/workflow |
|----------------------------------------|-------:|---------:|--------:|-------------:|
${row(`renkei: ${N} links + ${N} orders`, result.renkei)}
${row(`raw Temporal: ${2 * N} waiting on a signal`, result.baseline)}`);
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
    process.exit(1);
  });
}
