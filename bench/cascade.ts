// `npm run bench:cascade`: how long the cascade unlink takes to revoke every employee link of a
// tenant, at 10,000 and 20,000 links (sizes from BENCH_CASCADE_SIZES), against the raw-Temporal
// baseline measured in the same run: signal the same number of waiting workflows to completion
// with the raw client. Both end when the server lists none of their workflows as running. Links
// are running employee-link workflows with their Mongo records, made directly (not through the
// OAuth pages) so that set-up stays fast. Prints a table, writes JSON.
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cascadeUnlinkWorkflowId, employeeLinkWorkflowId } from '../common/ids';
import type { CascadeReport, EmployeeLinkState } from '../common/links/types';
import { CascadeOutcomeRecord, CascadeSnapshotPage, EmployeeLink, TenantLink, employeeLinkId } from '../models';
import type { WorkerTuning } from '../worker/create-worker';
import type { cascadeUnlinkWorkflow } from '../workflows/cascade-unlink';
import type { employeeLinkWorkflow } from '../workflows/employee-link';
import { say, startBenchStack, stopBenchStacks } from './local-stack';
import { failureConverterPath } from '../config/temporal-data-converter';
import { pool, round } from './stats';
import { releaseSignal, type waitingWorkflow } from './workflows/waiting';

const SIZES = (process.env.BENCH_CASCADE_SIZES ?? '10000,20000').split(',').map(Number);
const SETUP_CONCURRENCY = Number(process.env.BENCH_SETUP_CONCURRENCY ?? 48);
const BASELINE_CONCURRENCY = Number(process.env.BENCH_BASELINE_CONCURRENCY ?? 64);
const TUNING: WorkerTuning = {
  maxCachedWorkflows: Number(process.env.BENCH_MAX_CACHED_WORKFLOWS ?? 25_000),
  maxConcurrentWorkflowTaskExecutions: Number(process.env.BENCH_MAX_WORKFLOW_TASKS ?? 200),
  maxConcurrentWorkflowTaskPolls: Number(process.env.BENCH_WORKFLOW_TASK_POLLS ?? 20),
};

/**
 * Until the server lists no running workflow of the query: one count a quarter second, the same
 * probe for the baseline and the cascade (waiting on 10,000 results would itself load the server).
 */
async function untilNoneRunning(client: Client, query: string): Promise<void> {
  for (;;) {
    const { count } = await client.workflow.count(`${query} AND ExecutionStatus = 'Running'`);
    if (count === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  const stack = await startBenchStack('bench-cascade', { tuning: TUNING });
  const { client, connection, dataConverter } = stack;
  const quiet = new DefaultLogger('WARN');
  const renkei = await stack.startRenkeiWorkers();
  const baseline = await Worker.create({
    connection,
    taskQueue: 'bench-baseline',
    dataConverter,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows/waiting'), failureConverterPath, logger: quiet }),
    ...TUNING,
  });
  const running = Promise.all([renkei.run(), baseline.run()]);

  const rows: Array<{ links: number; setupSeconds: number; cascadeSeconds: number; baselineSeconds: number; perSecond: number; report: CascadeReport['totals'] }> = [];
  for (const n of SIZES) {
    const tenant = `bench-tenant-${n}`;
    const companyId = `bench-${n}`;
    await TenantLink.updateOne(
      { _id: tenant },
      { $set: { companyId, botId: 'bench-bot', serviceAccountId: 'bench-sa', status: 'active', linkedAt: new Date() } },
      { upsert: true },
    );
    const users = Array.from({ length: n }, (_, i) => `u${String(i).padStart(6, '0')}`);
    say(`\n${n} links: setting up (running employee-link workflows + records, and ${n} waiting baseline workflows) …`);
    const t0 = performance.now();
    for (let i = 0; i < users.length; i += 1000) {
      await EmployeeLink.insertMany(
        users.slice(i, i + 1000).map((u) => ({ _id: employeeLinkId(companyId, u), companyId, freeeUserId: u, worksTenantId: tenant, worksUserId: `w-${u}`, linkedAt: new Date() })),
        { ordered: false },
      );
    }
    await pool(n, SETUP_CONCURRENCY, async (i) => {
      const u = users[i] as string;
      const state: EmployeeLinkState = { companyId, freeeUserId: u, status: 'linked', worksTenantId: tenant, worksUserId: `w-${u}`, seenDeliveryIds: [] };
      await client.workflow.start<typeof employeeLinkWorkflow>('employeeLinkWorkflow', { workflowId: employeeLinkWorkflowId(companyId, u), taskQueue: 'bench-cascade', args: [{ companyId, freeeUserId: u, state }] });
      await client.workflow.start<typeof waitingWorkflow>('waitingWorkflow', { workflowId: `baseline-${n}-${u}`, taskQueue: 'bench-baseline' });
    });
    const setupSeconds = (performance.now() - t0) / 1000;

    // Baseline: signal every waiting workflow with the raw client, until all have completed.
    say(`  baseline: signalling ${n} waiting workflows …`);
    const b0 = performance.now();
    await pool(n, BASELINE_CONCURRENCY, async (i) => {
      await client.workflow.getHandle(`baseline-${n}-${users[i]}`).signal(releaseSignal);
    });
    await untilNoneRunning(client, `WorkflowType = 'waitingWorkflow'`);
    const baselineSeconds = (performance.now() - b0) / 1000;

    // renkei: the cascade, until every employee-link workflow has ended revoked.
    say(`  cascade: revoking ${n} links …`);
    const cascadeId = `${tenant}:bench`;
    const c0 = performance.now();
    const report = await client.workflow.execute<typeof cascadeUnlinkWorkflow>('cascadeUnlinkWorkflow', {
      workflowId: cascadeUnlinkWorkflowId(tenant, 'bench'),
      taskQueue: 'bench-cascade',
      args: [{ worksTenantId: tenant, companyId, cascadeId }],
    });
    await untilNoneRunning(client, `WorkflowType = 'employeeLinkWorkflow'`);
    const cascadeSeconds = (performance.now() - c0) / 1000;
    const outcomes = await CascadeOutcomeRecord.countDocuments({ cascadeId });
    const snapshotPages = await CascadeSnapshotPage.countDocuments({ cascadeId });
    if (report.totals.revoked !== n || outcomes !== n || snapshotPages !== 0) {
      throw new Error(`cascade of ${n}: ${JSON.stringify(report.totals)}, ${outcomes} outcomes, ${snapshotPages} snapshot pages left`);
    }
    rows.push({ links: n, setupSeconds: round(setupSeconds), cascadeSeconds: round(cascadeSeconds), baselineSeconds: round(baselineSeconds), perSecond: round(n / cascadeSeconds), report: report.totals });
    say(`  cascade ${round(cascadeSeconds)} s, baseline ${round(baselineSeconds)} s`);
  }

  const at = new Date().toISOString();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const result = {
    benchmark: 'cascade unlink',
    at,
    machine: { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { tuning: TUNING, pageSize: 500, paging: 'link snapshot', signalConcurrency: 64, baselineConcurrency: BASELINE_CONCURRENCY, ...stack.settings },
    rows,
    scaling: first && last && first !== last ? round(last.cascadeSeconds / first.cascadeSeconds, 2) : undefined,
  };
  say(`
| links  | cascade s | links/s | raw baseline s | cascade / baseline | revoked | gone | failed |
|-------:|----------:|--------:|---------------:|-------------------:|--------:|-----:|-------:|
${rows.map((r) => `| ${String(r.links).padStart(6)} | ${String(r.cascadeSeconds).padStart(9)} | ${String(r.perSecond).padStart(7)} | ${String(r.baselineSeconds).padStart(14)} | ${String(round(r.cascadeSeconds / r.baselineSeconds, 2)).padStart(18)} | ${String(r.report.revoked).padStart(7)} | ${String(r.report.already_gone).padStart(4)} | ${String(r.report.failed).padStart(6)} |`).join('\n')}
${result.scaling !== undefined ? `\n${last?.links}/${first?.links} time ratio: ${result.scaling}` : ''}
${stack.describe}`);
  const outDir = path.resolve(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `cascade-${at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  say(`written: ${path.relative(process.cwd(), file)}`);

  renkei.shutdown();
  baseline.shutdown();
  await running;
  await stack.stop();
}

main().catch(async (err: unknown) => {
  process.stderr.write(`bench:cascade: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopBenchStacks();
  process.exit(1);
});
