// The benchmarks' production-shaped substrate (BENCH_SUBSTRATE=prod): `npm run build`, then the
// stack of `npm run stack:prod` (scripts/lib/prod-stack.ts) in a temporary data directory, on ports
// and PostgreSQL databases (prefix bench_) of its own so that it runs beside a `stack:prod` or a
// `test:prod`, with one API and BENCH_WORKERS worker processes polling the benchmark's task queue
// with its tuning. The databases are dropped before and after, so every run starts empty.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRenkei, prodSettings, startProdStack, type ProdStack } from '../scripts/lib/prod-stack';
import { dropDatabase, startPostgres } from '../scripts/services/postgresql';
import type { WorkerTuning } from '../worker/create-worker';

const PG_PREFIX = 'bench_';
const DATABASES = ['temporal', 'temporal_visibility', 'renkei_ferretdb'].map((d) => `${PG_PREFIX}${d}`);

/** Apart from `stack:prod`'s defaults (7633, 27118, 3100, 9564, 4111, 2625). */
const BENCH_PORTS = { temporal: 7733, mongo: 27218, api: 3200, workerMetrics: [9664, 9665], emulators: 4211, smtp: 2725 };

/** The worker process's environment names of a tuning (config/env-schema.ts). */
function tuningEnv(t: WorkerTuning): Record<string, string> {
  const names: Record<keyof WorkerTuning, string> = {
    maxCachedWorkflows: 'WORKER_MAX_CACHED_WORKFLOWS',
    maxConcurrentWorkflowTaskExecutions: 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS',
    maxConcurrentActivityTaskExecutions: 'WORKER_MAX_CONCURRENT_ACTIVITIES',
    maxConcurrentWorkflowTaskPolls: 'WORKER_MAX_WORKFLOW_TASK_POLLS',
  };
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined).map(([k, v]) => [names[k as keyof WorkerTuning], String(v)]));
}

export interface ProdBenchStack {
  stack: ProdStack;
  stop(): Promise<void>;
}

export async function startProdBenchStack(o: { taskQueue: string; workers: 1 | 2; tuning: WorkerTuning; log: (line: string) => void }): Promise<ProdBenchStack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renkei-bench-prod-'));
  const settings = prodSettings({
    RENKEI_PROD_DATA_DIR: dir,
    PROD_TEMPORAL_PORT: String(BENCH_PORTS.temporal),
    PROD_MONGO_PORT: String(BENCH_PORTS.mongo),
    PROD_API_PORTS: String(BENCH_PORTS.api),
    PROD_WORKER_METRICS_PORTS: BENCH_PORTS.workerMetrics.slice(0, o.workers).join(','),
    PROD_EMULATOR_BASE_PORT: String(BENCH_PORTS.emulators),
    PROD_SMTP_PORT: String(BENCH_PORTS.smtp),
    PROD_PG_PREFIX: PG_PREFIX,
  });
  await buildRenkei(o.log);
  // Started here (if down) so that the previous run's databases can be dropped first; left at the
  // end, which stops it only when no other stack uses it (scripts/services/cluster-users.ts).
  const pg = await startPostgres(o.log);
  const dropAll = async (): Promise<void> => {
    for (const db of DATABASES) await dropDatabase(pg.port, db);
  };
  try {
    await dropAll();
    const stack = await startProdStack(settings, o.log, { TEMPORAL_TASK_QUEUE: o.taskQueue, ...tuningEnv(o.tuning) });
    return {
      stack,
      async stop() {
        await stack.stop();
        await dropAll();
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
