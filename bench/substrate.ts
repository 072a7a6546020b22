// Which servers a benchmark measures on, from the environment: BENCH_SUBSTRATE=dev (default) is the
// embedded stack of `npm run dev` (Temporal dev server on SQLite, FerretDB on SQLite, renkei's
// worker and API in the benchmark's process); BENCH_SUBSTRATE=prod is the production-shaped stack
// of `npm run stack:prod` (Temporal server on PostgreSQL, FerretDB on PostgreSQL, renkei as
// `node dist/…` processes), with BENCH_WORKERS=1|2 worker processes. The raw-Temporal baselines
// run in the benchmark's process on the same servers either way.
import { z } from 'zod';

export type Substrate = 'dev' | 'prod';

export interface SubstrateChoice {
  substrate: Substrate;
  /** renkei worker processes (prod); the dev substrate has the one worker in the benchmark's process. */
  workers: 1 | 2;
}

const schema = z
  .object({
    BENCH_SUBSTRATE: z.enum(['dev', 'prod']).default('dev'),
    BENCH_WORKERS: z.enum(['1', '2']).optional(),
  })
  .refine((e) => e.BENCH_SUBSTRATE === 'prod' || e.BENCH_WORKERS !== '2', {
    message: 'BENCH_WORKERS=2 needs BENCH_SUBSTRATE=prod (the dev substrate runs one worker in the benchmark process)',
  });

export function substrateFromEnv(env: NodeJS.ProcessEnv = process.env): SubstrateChoice {
  const parsed = schema.safeParse({ BENCH_SUBSTRATE: env.BENCH_SUBSTRATE || undefined, BENCH_WORKERS: env.BENCH_WORKERS || undefined });
  if (!parsed.success) throw new Error(`bench: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'BENCH_WORKERS'}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  return { substrate: e.BENCH_SUBSTRATE, workers: e.BENCH_WORKERS === '2' ? 2 : 1 };
}
