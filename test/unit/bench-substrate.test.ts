// The benchmarks' substrate selection: what a person running a benchmark sets (BENCH_SUBSTRATE,
// BENCH_WORKERS) and the clear refusal of a combination the dev substrate cannot run.
import assert from 'node:assert/strict';
import { substrateFromEnv } from '../../bench/substrate';

describe('benchmark substrate (BENCH_SUBSTRATE, BENCH_WORKERS)', () => {
  it('is the dev substrate with one worker when nothing is set', () => {
    assert.deepEqual(substrateFromEnv({}), { substrate: 'dev', workers: 1 });
  });

  it('runs on the production-shaped stack with one or two worker processes', () => {
    assert.deepEqual(substrateFromEnv({ BENCH_SUBSTRATE: 'prod' }), { substrate: 'prod', workers: 1 });
    assert.deepEqual(substrateFromEnv({ BENCH_SUBSTRATE: 'prod', BENCH_WORKERS: '2' }), { substrate: 'prod', workers: 2 });
  });

  it('refuses two workers on the dev substrate and unknown values, naming the variable', () => {
    assert.throws(() => substrateFromEnv({ BENCH_WORKERS: '2' }), /BENCH_WORKERS=2 needs BENCH_SUBSTRATE=prod/);
    assert.throws(() => substrateFromEnv({ BENCH_SUBSTRATE: 'staging' }), /BENCH_SUBSTRATE/);
    assert.throws(() => substrateFromEnv({ BENCH_SUBSTRATE: 'prod', BENCH_WORKERS: '3' }), /BENCH_WORKERS/);
  });
});
