// `npm run bench`: what renkei's first path costs on top of raw Temporal, measured in one run on
// one substrate (BENCH_SUBSTRATE, bench/substrate.ts). Phase 1 (throughput): N freee events through the API → N recorded LINE WORKS
// messages, against N baseline workflows started with the raw client whose single activity posts
// the same message to the same emulator. Phase 2 (latency): events at a fixed rate, event → message
// recorded, p50/p99, for both. Prints a table and writes JSON under bench/results/.
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import axios from 'axios';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceAccountTokenProvider } from '../providers/lineworks/service-account-token';
import { MemoryTokenStore } from '../providers/lineworks/token-store';
import { seedLinkedBusiness } from '../scripts/lib/seed-link';
import type { baselineWorkflow } from './workflows/baseline';
import { say, startBenchStack, stopBenchStacks } from './local-stack';
import { failureConverterPath } from '../config/temporal-data-converter';
import { atRate, percentile, pool, round } from './stats';

const N = Number(process.env.BENCH_N ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const LATENCY_N = Number(process.env.BENCH_LATENCY_N ?? 100);


interface PhaseFigures {
  /** CPU time of the bench process per event in the throughput phase. */
  cpuMsPerEvent: number;
  throughputPerSec: number;
  seconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
}

async function main(): Promise<void> {
  const stack = await startBenchStack('bench-renkei');
  const { lineWorks, freee, secrets, env, client, connection, dataConverter } = stack;
  const biz = { companyId: '7001', worksTenantId: 'bench-tenant', botId: 'bench-bot', serviceAccountId: 'bench-sa', employees: [{ freeeUserId: '8001', worksUserId: 'bench-user' }] };
  await seedLinkedBusiness(biz, lineWorks, secrets);
  // Unlimited rate for the benchmark: we measure renkei, not the 240/min quota.
  await lineWorks.seedLineWorks({ apps: [], tenants: [{ tenantId: biz.worksTenantId, clientId: secrets.clientId, serviceAccountId: biz.serviceAccountId, botIds: [biz.botId], users: [{ userId: 'bench-user' }], rateLimitPerMinute: 1_000_000 }] });


  // renkei: the real worker(s) and the real API (in this process on dev, `node dist/…` on prod).
  const renkeiWorker = await stack.startRenkeiWorkers();
  const api = await stack.serveApi();
  const apiUrl = api.url;
  await freee.configureFreeeWebhook({ targetUrl: `${apiUrl}/webhooks/freee`, verificationToken: secrets.freeeWebhookToken });

  // Baseline: raw Temporal, one activity that posts the same message with a pre-fetched token.
  const tokens = new ServiceAccountTokenProvider({ authBaseUrl: env.LINEWORKS_AUTH_BASE_URL ?? '', clientId: secrets.clientId, clientSecret: secrets.clientSecret, privateKeyPem: secrets.privateKeyPem, scope: 'bot', store: new MemoryTokenStore(), timeoutMs: 10_000 });
  const token = await tokens.get({ worksTenantId: biz.worksTenantId, serviceAccountId: biz.serviceAccountId });
  const http = axios.create({ baseURL: env.LINEWORKS_API_BASE_URL, headers: { Authorization: `Bearer ${token}` } });
  const baselineWorker = await Worker.create({
    connection,
    taskQueue: 'bench-baseline',
    dataConverter,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows/baseline'), failureConverterPath, logger: new DefaultLogger('WARN') }),
    activities: {
      async baselineDeliver({ eventId }: { eventId: string }): Promise<string> {
        await http.post(`/bots/${biz.botId}/users/bench-user/messages`, { content: { type: 'text', text: `baseline ${eventId}` } });
        return eventId;
      },
    },
  });

  const runBoth = Promise.all([renkeiWorker.run(), baselineWorker.run()]);
  const messageCount = async (): Promise<number> => (await lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId })).length;
  const waitForMessages = async (target: number): Promise<void> => {
    while ((await messageCount()) < target) await new Promise((r) => setTimeout(r, 50));
  };

  let resourceSeq = 1;
  const sendRenkei = async (): Promise<number> => {
    const id = resourceSeq++;
    const event = freee.freeeEvent({ action: 'updated', approval_request: { id, company_id: 7001, applicant_id: 8001, status: 'approved' } });
    const answer = await freee.deliverFreeeWebhook({ event });
    if (answer.status !== 202) throw new Error(`API answered ${answer.status}`);
    return id;
  };
  let baselineSeq = 1;
  const runBaseline = async (): Promise<void> => {
    const id = `b-${baselineSeq++}`;
    await client.workflow.execute<typeof baselineWorkflow>('baselineWorkflow', { workflowId: `baseline:${id}`, taskQueue: 'bench-baseline', args: [id] });
  };

  // Warm-up (bundles loaded, token minted, connections open).
  for (let i = 0; i < 5; i++) {
    await sendRenkei();
    await runBaseline();
  }
  await waitForMessages(10);

  say(`\nthroughput: ${N} events each, ${CONCURRENCY} in flight …`);
  // CPU time of this process (API, workers, emulators; not the servers) per event: on a shared
  // machine it moves much less than wall-clock time does.
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  let base = await messageCount();
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  await pool(N, CONCURRENCY, runBaseline);
  const baselineSeconds = (performance.now() - t0) / 1000;
  const baselineCpuMsPerEvent = round(cpuMs(cpu0) / N, 2);

  base = await messageCount();
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  await pool(N, CONCURRENCY, async () => {
    await sendRenkei();
  });
  await waitForMessages(base + N);
  const renkeiSeconds = (performance.now() - t0) / 1000;
  const renkeiCpuMsPerEvent = round(cpuMs(cpu0) / N, 2);

  say(`latency: ${LATENCY_N} events each at ${RATE}/s …`);
  const baselineLatencies: number[] = [];
  await atRate(LATENCY_N, RATE, async () => {
    const t = performance.now();
    await runBaseline();
    baselineLatencies.push(performance.now() - t);
  });
  // renkei: from the webhook being sent to the emulator recording the message (same clock).
  const sentAt = new Map<number, number>();
  base = await messageCount();
  await atRate(LATENCY_N, RATE, async () => {
    const sent = Date.now();
    const id = await sendRenkei();
    sentAt.set(id, sent);
  });
  await waitForMessages(base + LATENCY_N);
  const renkeiLatencies: number[] = [];
  for (const m of await lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId })) {
    const match = /No\.(\d+)/.exec((m.content as { contentText?: string }).contentText ?? '');
    const sent = match ? sentAt.get(Number(match[1])) : undefined;
    if (sent !== undefined) renkeiLatencies.push(Date.parse(m.receivedAt) - sent);
  }

  const figures = (seconds: number, latencies: number[], cpuMsPerEvent: number): PhaseFigures => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      cpuMsPerEvent,
      throughputPerSec: round(N / seconds),
      seconds: round(seconds, 2),
      latencyP50Ms: round(percentile(sorted, 50)),
      latencyP99Ms: round(percentile(sorted, 99)),
      latencyMaxMs: round(sorted[sorted.length - 1] ?? NaN),
    };
  };
  const baseline = figures(baselineSeconds, baselineLatencies, baselineCpuMsPerEvent);
  const renkei = figures(renkeiSeconds, renkeiLatencies, renkeiCpuMsPerEvent);
  const result = {
    benchmark: 'freee event → LINE WORKS message',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((l) => round(l, 2)) },
    settings: { n: N, concurrency: CONCURRENCY, latencyN: LATENCY_N, ratePerSec: RATE, ...stack.settings },
    baseline,
    renkei,
    throughputRatio: round(renkei.throughputPerSec / baseline.throughputPerSec, 2),
    latencyP50Ratio: round(renkei.latencyP50Ms / baseline.latencyP50Ms, 2),
  };

  say(`
| path (same server, same run)            | events/s | p50 ms | p99 ms | max ms | CPU ms/event |
|-----------------------------------------|---------:|-------:|-------:|-------:|-------------:|
| raw Temporal: 1 workflow + 1 POST       | ${String(baseline.throughputPerSec).padStart(8)} | ${String(baseline.latencyP50Ms).padStart(6)} | ${String(baseline.latencyP99Ms).padStart(6)} | ${String(baseline.latencyMaxMs).padStart(6)} | ${String(baseline.cpuMsPerEvent).padStart(12)} |
| renkei: webhook → API → workflow → msg  | ${String(renkei.throughputPerSec).padStart(8)} | ${String(renkei.latencyP50Ms).padStart(6)} | ${String(renkei.latencyP99Ms).padStart(6)} | ${String(renkei.latencyMaxMs).padStart(6)} | ${String(renkei.cpuMsPerEvent).padStart(12)} |

throughput ratio renkei/raw: ${result.throughputRatio}   (N=${N}, ${CONCURRENCY} in flight; latency at ${RATE}/s, ${LATENCY_N} events; ${stack.describe})`);
  const outDir = path.resolve(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `notify-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  say(`written: ${path.relative(process.cwd(), file)}`);

  renkeiWorker.shutdown();
  baselineWorker.shutdown();
  await runBoth;
  await api.close();
  await stack.stop();
}

main().catch(async (err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopBenchStacks();
  process.exit(1);
});
