// `npm run bench:reminders [-- N]`: N orders (default 10,000; BENCH_REMINDERS_N or the first
// argument) whose first 「請求書を作成してください」 falls due at the same instant, a few minutes
// ahead, on the substrate of BENCH_SUBSTRATE (bench/substrate.ts): how late each reminder is
// recorded on each channel (in-app document, e-mail in the mail sink, LINE push accepted by the
// emulator) and when the order's timer fired,
// p50/p99/max; how many were missed (none within the grace window) and doubled (more than one per
// order on a channel). Baseline in the same run: N bare workflows sleeping until one instant, then
// one activity that records the wake-up.
//
// Orders take the real path: P partners (BENCH_REMINDERS_PARTNERS, default 100) linked through
// LINE Login on the emulator; the platform emulator sends each signed order.created to the API;
// the partner approves through the API's order commands; the platform sends the signed
// work_report.created. The reminder instants are computed by the API (common/orders/schedule.ts)
// from the closing date and REMINDER_HOUR_JST: the bench serves the work-report phase from an API
// whose REMINDER_HOUR_JST is the chosen minute as a fraction of an hour (the env schema accepts
// whole hours only). Prints a table, writes JSON under bench/results/.
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventDelivery } from '../emulators/lansmart';
import { orderCommands } from '../api/temporal/order-commands';
import { partnerCommands } from '../api/temporal/partner-commands';
import { loadApiConfig } from '../config';
import { orderWorkflowId } from '../common/ids';
import { orderStatusQuery } from '../common/orders/messages';
import { invoiceReminderDueAts } from '../common/orders/invoice-reminder-rule';
import { jstDate, jstMidnight } from '../common/orders/schedule';
import { partnerNotificationText } from '../common/partners/notifications';
import { InAppNotification } from '../models/inapp-notification';
import { createApiMetrics } from '../observability/api-metrics';
import { LineSignInClient } from '../api/line-login/sign-in-client';
import { LineLoginClient } from '../providers/line/login-client';
import { seedPartnerEmulators } from '../scripts/lib/seed-partner-emulators';
import { TokenCipher } from '../security/token-cipher';
import type { WorkerTuning } from '../worker/create-worker';
import { BENCH_COMPANY_ID, linkBenchPartners, seedBenchPartners, type BenchPartner } from './lansmart-partners';
import { say, startBenchStack, stopBenchStacks } from './local-stack';
import { failureConverterPath } from '../config/temporal-data-converter';
import { startCpuMeter, startPhaseProfiler, type PhaseProfiler } from './cpu-profile';
import { percentile, pool, round } from './stats';
import type { sleepingWorkflow } from './workflows/sleeping';

const N = Number(process.argv[2] ?? process.env.BENCH_REMINDERS_N ?? 10_000);
const PARTNERS = Math.max(1, Math.min(N, Number(process.env.BENCH_REMINDERS_PARTNERS ?? 100)));
const CONCURRENCY = Number(process.env.BENCH_SETUP_CONCURRENCY ?? 32);
/** At least this long between the end of the set-up (estimated) and the due instant. */
const LEAD_SECONDS = Number(process.env.BENCH_REMINDERS_LEAD_SECONDS ?? 60);
/** A reminder not recorded this long after its due instant counts as missed. */
const GRACE_SECONDS = Number(process.env.BENCH_REMINDERS_GRACE_SECONDS ?? 900);
const TUNING: WorkerTuning = {
  maxCachedWorkflows: Number(process.env.BENCH_MAX_CACHED_WORKFLOWS ?? 25_000),
  maxConcurrentWorkflowTaskExecutions: Number(process.env.BENCH_MAX_WORKFLOW_TASKS ?? 200),
  maxConcurrentWorkflowTaskPolls: Number(process.env.BENCH_WORKFLOW_TASK_POLLS ?? 20),
  maxConcurrentActivityTaskExecutions: Number(process.env.BENCH_MAX_ACTIVITIES ?? 200),
};
/** BENCH_CPU_PROFILE=1: a CPU profile of this process's main thread from the due instant until every reminder is in. */
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE === '1';
const TASK_QUEUE = 'bench-reminders';
/** How often the platform sends an unanswered event again before the bench gives up. */
const REDELIVERIES = 8;
/**
 * How often a partner's approval is posted again (the same request ID: one approval) when its
 * 20 s step deadline passed: while 10,000 orders are set up the order workflows' activities queue
 * behind the notifications, and an approval can wait minutes.
 */
const APPROVAL_ATTEMPTS = 30;
const REMINDER = partnerNotificationText('invoice_reminder').title;
const MINUTE = 60_000;
const DAY = 86_400_000;

interface LatenessFigures {
  /** Orders with a record within the grace window. */
  recorded: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  missed: number;
  doubled: number;
}

const sleepMs = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const nextMinute = (ms: number): number => Math.ceil(ms / MINUTE) * MINUTE;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Per order, the instants something was recorded; lateness against `dueAt`, missed past `deadline`. */
function figures(records: Map<string, number[]>, orderIds: string[], dueAt: number, deadline: number): LatenessFigures {
  const firsts: number[] = [];
  let doubled = 0;
  for (const id of orderIds) {
    const at = (records.get(id) ?? []).sort((a, b) => a - b);
    if (at.length > 1) doubled++;
    const first = at[0];
    if (first !== undefined && first <= deadline) firsts.push(first - dueAt);
  }
  firsts.sort((a, b) => a - b);
  return {
    recorded: firsts.length,
    p50Ms: round(percentile(firsts, 50)),
    p99Ms: round(percentile(firsts, 99)),
    maxMs: round(firsts[firsts.length - 1] ?? NaN),
    missed: orderIds.length - firsts.length,
    doubled,
  };
}

function add(records: Map<string, number[]>, id: string | undefined, at: number): void {
  if (id === undefined) return;
  const list = records.get(id);
  if (list) list.push(at);
  else records.set(id, [at]);
}

async function waitFor(what: string, probe: () => Promise<number>, target: number, until: number, everyMs = 2000): Promise<number> {
  for (;;) {
    const n = await probe();
    if (n >= target || Date.now() > until) return n;
    say(`  … ${what}: ${n}/${target}`);
    await sleepMs(everyMs);
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 1) throw new Error(`N must be a positive integer (got ${String(process.argv[2] ?? process.env.BENCH_REMINDERS_N)})`);
  // Activity attempts that failed (and were retried) are counted, not printed one by one.
  const failedAttempts = new Map<string, number>();
  const workerLogger = new DefaultLogger('WARN', (entry) => {
    if (entry.message === 'Activity failed') {
      const failure = (entry.meta as { error?: unknown } | undefined)?.error;
      const error = failure instanceof Error ? `${failure.message}\n${failure.cause instanceof Error ? failure.cause.message : ''}` : JSON.stringify(failure ?? '');
      const cause = /SQLITE_BUSY|database is locked/.test(error) ? 'Mongo-wire: database is locked' : (error.split('\n')[0] ?? '').slice(0, 120);
      failedAttempts.set(cause, (failedAttempts.get(cause) ?? 0) + 1);
      return;
    }
    process.stderr.write(`worker ${entry.level}: ${entry.message}\n`);
  });
  const stack = await startBenchStack(TASK_QUEUE, { workerLogger, tuning: TUNING });
  const { client, connection, dataConverter } = stack;
  const quiet = new DefaultLogger('WARN');
  const renkei = await stack.startRenkeiWorkers();
  const woke = new Map<string, { timerFiredAt: number; recordedAt: number }>();
  const baselineWorker = await Worker.create({
    connection,
    taskQueue: 'bench-sleeping',
    dataConverter,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows/sleeping'), failureConverterPath, logger: quiet }),
    activities: {
      recordWake({ id, timerFiredAt }: { id: string; timerFiredAt: number }): Promise<void> {
        woke.set(id, { timerFiredAt, recordedAt: Date.now() });
        return Promise.resolve();
      },
    },
    ...TUNING,
  });
  const running = Promise.all([renkei.run(), baselineWorker.run()]);

  // Partners linked to LINE through LINE Login, as in production.
  const baseConfig = loadApiConfig(stack.env);
  let api = await stack.serveApi();
  await seedPartnerEmulators(stack.line, stack.lansmart, stack.secrets, api.url);
  const t0 = performance.now();
  const partners = await seedBenchPartners(stack.lansmart, stack.line, stack.secrets.lansmartApiKey, PARTNERS);
  await linkBenchPartners(partners, {
    signIn: new LineSignInClient({
      authBaseUrl: baseConfig.LINE_AUTH_BASE_URL,
      channelId: baseConfig.LINE_LOGIN_CHANNEL_ID,
      channelSecret: baseConfig.LINE_LOGIN_CHANNEL_SECRET,
      redirectUri: `${api.url}/auth/line/callback`,
      timeoutMs: baseConfig.LINE_HTTP_TIMEOUT_MS,
    }),
    login: new LineLoginClient({
      apiBaseUrl: baseConfig.LINE_API_BASE_URL,
      channelId: baseConfig.LINE_LOGIN_CHANNEL_ID,
      channelSecret: baseConfig.LINE_LOGIN_CHANNEL_SECRET,
      timeoutMs: baseConfig.LINE_HTTP_TIMEOUT_MS,
    }),
    cipher: new TokenCipher(baseConfig.TOKEN_ENCRYPTION_KEYS),
    commands: partnerCommands(client, TASK_QUEUE),
  });
  await waitFor('友だち登録完了 in-app', () => InAppNotification.countDocuments({ kind: 'friend_registered' }), PARTNERS, Date.now() + 10 * MINUTE);
  say(`\n${PARTNERS} partners linked to LINE in ${round((performance.now() - t0) / 1000)} s`);

  // Baseline: N bare workflows sleeping until one instant (starts estimated at ≥ 100/s).
  const baselineDue = Date.now() + 30_000 + N * 10;
  say(`baseline: ${N} workflows sleeping until ${iso(baselineDue)} …`);
  const baselineStartedAt = new Map<string, number>();
  await pool(N, 64, async (i) => {
    const id = `sleep-${i}`;
    await client.workflow.start<typeof sleepingWorkflow>('sleepingWorkflow', { workflowId: `bench-sleep:${id}`, taskQueue: 'bench-sleeping', args: [id, baselineDue] });
    baselineStartedAt.set(id, Date.now());
  });
  const baselineIds = [...baselineStartedAt.keys()];
  const baselineStartedLate = [...baselineStartedAt.values()].filter((t) => t >= baselineDue).length;
  await sleepMs(baselineDue - Date.now());
  const baselineCpuMeter = startCpuMeter();
  await waitFor('baseline wake-ups', () => Promise.resolve(woke.size), N, baselineDue + GRACE_SECONDS * 1000);
  const baselineCpuSeconds = baselineCpuMeter.read();
  const baselineDeadline = baselineDue + GRACE_SECONDS * 1000;
  const baseline = {
    timer: figures(new Map([...woke].map(([id, w]) => [id, [w.timerFiredAt]])), baselineIds, baselineDue, baselineDeadline),
    recorded: figures(new Map([...woke].map(([id, w]) => [id, [w.recordedAt]])), baselineIds, baselineDue, baselineDeadline),
    startedAfterDue: baselineStartedLate,
    cpuSecondsFromDueUntilAllWoke: baselineCpuSeconds,
  };

  // Phase 1: 発注書 (the platform's signed order.created) and the partner's approval.
  const orders = Array.from({ length: N }, (_, i) => {
    const n = String(i + 1).padStart(6, '0');
    return { orderId: `bench-o${n}`, orderNumber: `RM-${n}`, partner: partners[i % PARTNERS] as BenchPartner };
  });
  const byNumber = new Map(orders.map((o) => [o.orderNumber, o.orderId]));
  const commands = orderCommands(client, createApiMetrics(), TASK_QUEUE);
  // An event the API did not accept (no answer within the platform's 10 s, or a 5xx) is sent again,
  // as the platform redelivers; each redelivery is counted. A 4xx is a bench error.
  const redelivered: Record<string, number> = {};
  let approvalRetries = 0;
  const delivered = async (first: EventDelivery, what: string): Promise<void> => {
    let delivery = first;
    for (let attempt = 1; delivery.status !== 202; attempt++) {
      if ((delivery.status !== null && delivery.status < 500) || attempt > REDELIVERIES) throw new Error(`${what}: API answered ${String(delivery.status)}`);
      redelivered[String(delivery.status)] = (redelivered[String(delivery.status)] ?? 0) + 1;
      await sleepMs(1000 * 2 ** attempt);
      const [again] = await stack.lansmart.replayEvents({ eventIds: [delivery.eventId] });
      if (!again) throw new Error(`${what}: the platform did not send it again`);
      delivery = again;
    }
  };
  say(`\nphase 1: ${N} orders created by the platform and approved by their partners (${CONCURRENCY} at a time) …`);
  const p1 = performance.now();
  const closingGuess = jstDate(new Date(Date.now() - DAY));
  await pool(N, CONCURRENCY, async (i) => {
    const o = orders[i] as (typeof orders)[number];
    const created = await stack.lansmart.createOrder({
      partnerId: o.partner.partnerId,
      orderId: o.orderId,
      orderNumber: o.orderNumber,
      title: 'ベンチマーク案件',
      amountYen: 100_000,
      workPeriod: { from: `${closingGuess.slice(0, 8)}01`, to: closingGuess },
      closingDate: closingGuess,
    });
    await delivered(created.delivery, `order.created of ${o.orderId}`);
    // The same request ID again when the step's deadline passed on a loaded machine (one approval).
    for (let attempt = 1; ; attempt++) {
      try {
        await commands.partnerAction(o.orderId, { partnerId: o.partner.partnerId, via: 'web', action: { type: 'order.approve', checks: { bankAccount: true, basicInfo: true, confirmed: true } } }, `bench-approve-${o.orderId}`);
        break;
      } catch (err) {
        if (!(err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) || attempt >= APPROVAL_ATTEMPTS) throw err;
        approvalRetries++;
      }
    }
  });
  const phase1Seconds = (performance.now() - p1) / 1000;
  await waitFor('発注書 notifications in-app', () => InAppNotification.countDocuments({ kind: 'order_created' }), N, Date.now() + 60 * MINUTE, 5000);
  const settle1Seconds = (performance.now() - p1) / 1000 - phase1Seconds;
  say(`  ${round(phase1Seconds)} s, notifications settled ${round(settle1Seconds)} s later`);

  // The due instant: the next whole minute after the work-report phase is expected to end. That
  // phase (one event and one notification per order) took 0.1–0.7 of phase 1's time when measured;
  // 0.8 leaves room, and a report that still arrives after the instant is counted below.
  const dueGuess = nextMinute(Date.now() + 0.8 * (phase1Seconds + settle1Seconds) * 1000 + LEAD_SECONDS * 1000);
  const closingDate = jstDate(new Date(dueGuess - DAY));
  const reminderHourJst = (dueGuess - jstMidnight(jstDate(new Date(dueGuess)))) / 3_600_000;
  // Exactly what the API will compute for every order: the first of the two reminder instants.
  const dueAt = Date.parse(invoiceReminderDueAts(closingDate, reminderHourJst)[0] as string);
  const deadline = dueAt + GRACE_SECONDS * 1000;

  // Phase 2: 業務報告 through an API configured with that reminder hour.
  await api.close();
  // On prod too an API in this process: the environment takes whole hours only.
  api = await stack.serveApi({ REMINDER_HOUR_JST: reminderHourJst });
  await seedPartnerEmulators(stack.line, stack.lansmart, stack.secrets, api.url);
  say(`phase 2: ${N} work reports (締め日 ${closingDate}, REMINDER_HOUR_JST=${round(reminderHourJst, 4)}): reminders due at ${iso(dueAt)} …`);
  const p2 = performance.now();
  let scheduledAfterDue = 0;
  await pool(N, CONCURRENCY, async (i) => {
    const o = orders[i] as (typeof orders)[number];
    const report = await stack.lansmart.createWorkReport(o.orderId, { closingDate });
    await delivered(report.delivery, `work_report.created of ${o.orderId}`);
    if (Date.now() >= dueAt) scheduledAfterDue++;
  });
  const phase2Seconds = (performance.now() - p2) / 1000;
  const reportsNotified = await waitFor('業務報告 notifications in-app', () => InAppNotification.countDocuments({ kind: 'work_report_created' }), N, dueAt, 5000);
  // Set-up notifications still being delivered when the reminders fall due compete with them.
  const setupPendingAtDue = N - reportsNotified;
  say(`  ${round(phase2Seconds)} s; ${scheduledAfterDue} reports arrived after the due instant; ${setupPendingAtDue} 業務報告 notifications not yet in-app at the due instant`);
  if (Date.now() < dueAt) say(`waiting ${round((dueAt - Date.now()) / 1000)} s for the due instant …`);
  await sleepMs(dueAt - Date.now());
  const cpuMeter = startCpuMeter();
  const profiler: PhaseProfiler | undefined = CPU_PROFILE && stack.settings.substrate === 'dev' ? await startPhaseProfiler() : undefined;

  // Until every order has its reminder on every channel, or the grace window is over.
  const mailCount = async (): Promise<number> => (await stack.mail.messages({ subject: REMINDER })).length;
  const lineCount = async (): Promise<number> => (await stack.line.pushes({ delivered: true })).filter((p) => p.messages.some((m) => m.type === 'template' && m.altText === REMINDER)).length;
  await waitFor('reminders in-app', () => InAppNotification.countDocuments({ kind: 'invoice_reminder' }), N, deadline, 5000);
  await waitFor('reminders by e-mail', mailCount, N, deadline, 5000);
  await waitFor('reminders on LINE', lineCount, N, deadline, 5000);
  const cpuSeconds = cpuMeter.read();
  const at = new Date().toISOString();
  const outDir = path.resolve(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const resultsBase = path.join(outDir, `reminders-${at.replace(/[:.]/g, '-')}`);
  const cpuProfile = profiler ? { file: `${resultsBase}.cpuprofile`, ...(await profiler.stop(`${resultsBase}.cpuprofile`)) } : undefined;
  await sleepMs(Math.min(10_000, Math.max(0, deadline - Date.now()))); // room for a doubled one to show

  const inapp = new Map<string, number[]>();
  for (const d of await InAppNotification.find({ kind: 'invoice_reminder' }, { orderId: 1, createdAt: 1 }).lean()) add(inapp, d.orderId ?? undefined, new Date(d.createdAt).getTime());
  // A retried send may hand the same message (same Message-ID) to SMTP twice; mail clients show it
  // once. Doubled counts distinct messages; the repeated copies are counted apart.
  const email = new Map<string, number[]>();
  const messageIds = new Set<string>();
  let emailCopies = 0;
  for (const m of await stack.mail.messages({ subject: REMINDER })) {
    const key = m.messageId ?? m.id;
    if (messageIds.has(key)) {
      emailCopies++;
      continue;
    }
    messageIds.add(key);
    add(email, byNumber.get(/RM-\d{6}/.exec(m.text ?? '')?.[0] ?? ''), Date.parse(m.receivedAt));
  }
  const line = new Map<string, number[]>();
  for (const p of await stack.line.pushes({ delivered: true })) {
    for (const m of p.messages) if (m.type === 'template' && m.template.type === 'buttons' && m.altText === REMINDER) add(line, byNumber.get(/RM-\d{6}/.exec(m.template.text)?.[0] ?? ''), Date.parse(p.acceptedAt));
  }
  const timer = new Map<string, number[]>();
  await pool(N, 32, async (i) => {
    const o = orders[i] as (typeof orders)[number];
    const state = await client.workflow.getHandle(orderWorkflowId(o.orderId)).query(orderStatusQuery);
    for (const r of state.reminders) if (r.cycle === 0 && r.index === 0 && r.sentAt) add(timer, o.orderId, Date.parse(r.sentAt));
  });
  const ids = orders.map((o) => o.orderId);
  const renkeiFigures = { timer: figures(timer, ids, dueAt, deadline), inapp: figures(inapp, ids, dueAt, deadline), email: figures(email, ids, dueAt, deadline), line: figures(line, ids, dueAt, deadline) };

  const result = {
    benchmark: 'order reminders due in the same minute',
    at,
    machine: { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((l) => round(l, 2)) },
    settings: { n: N, partners: PARTNERS, companyId: BENCH_COMPANY_ID, setupConcurrency: CONCURRENCY, leadSeconds: LEAD_SECONDS, graceSeconds: GRACE_SECONDS, tuning: TUNING, ...stack.settings },
    setup: { phase1Seconds: round(phase1Seconds), settle1Seconds: round(settle1Seconds), phase2Seconds: round(phase2Seconds), scheduledAfterDue, setupPendingAtDue, dueAt: iso(dueAt), reminderHourJst, eventsRedeliveredByStatus: redelivered, approvalRetries },
    baseline: { dueAt: iso(baselineDue), ...baseline },
    renkei: { ...renkeiFigures, emailRepeatedCopies: emailCopies },
    failedActivityAttempts: stack.settings.substrate === 'prod' ? 'in the worker processes\' logs' : Object.fromEntries(failedAttempts),
    cpuSecondsFromDueUntilAllIn: { ...cpuSeconds, note: stack.settings.substrate === 'prod' ? 'the renkei worker and API run in their own processes on prod: benchProcess is the baselines and emulators only' : 'benchProcess: renkei worker and API, emulators, mail sink, baseline worker (idle by then)' },
    ...(cpuProfile ? { mainThreadCpuProfile: { ...cpuProfile, file: path.relative(process.cwd(), cpuProfile.file) } } : {}),
  };
  const row = (label: string, f: LatenessFigures): string =>
    `| ${label.padEnd(44)} | ${String(f.recorded).padStart(8)} | ${String(f.p50Ms).padStart(8)} | ${String(f.p99Ms).padStart(8)} | ${String(f.maxMs).padStart(8)} | ${String(f.missed).padStart(6)} | ${String(f.doubled).padStart(7)} |`;
  say(`
lateness = recorded − due instant (ms); missed = nothing within ${GRACE_SECONDS} s; doubled = more than one distinct reminder per order

| path (same server, same run)                 | recorded |  p50 ms  |  p99 ms  |  max ms  | missed | doubled |
|----------------------------------------------|---------:|---------:|---------:|---------:|-------:|--------:|
${row('raw Temporal: sleeping workflow, timer fired', baseline.timer)}
${row('raw Temporal: + 1 activity recorded', baseline.recorded)}
${row('renkei: order workflow timer fired', renkeiFigures.timer)}
${row('renkei: in-app notification written', renkeiFigures.inapp)}
${row('renkei: e-mail received by the mail sink', renkeiFigures.email)}
${row('renkei: LINE push accepted', renkeiFigures.line)}

e-mail copies handed to SMTP twice (same Message-ID, shown once by mail clients): ${emailCopies}
platform events sent again after no answer (null) or a 5xx, by first answer: ${JSON.stringify(redelivered)}; approvals asked again after their deadline: ${approvalRetries}
activity attempts failed and retried (whole run): ${stack.settings.substrate === 'prod' ? 'see the worker processes\' logs' : [...failedAttempts].map(([cause, n]) => `${n} × ${cause}`).join('; ') || 'none'}
N=${N} orders over ${PARTNERS} partners, all due at ${iso(dueAt)}; set-up ${round(phase1Seconds + settle1Seconds + phase2Seconds)} s (${scheduledAfterDue} reports after the due instant, ${setupPendingAtDue} 業務報告 notifications still pending then); ${stack.describe}; load average ${result.machine.loadAverage.join(' ')}`);
  const perReminder = (seconds: number): string => `${round((1000 * seconds) / N, 1)} ms`;
  const cpuLine = (c: typeof cpuSeconds, what: string): string =>
    `bench process ${c.benchProcess} s (${perReminder(c.benchProcess)} per ${what}), Mongo-wire server ${c.mongoWire} s (${perReminder(c.mongoWire)}), Temporal server ${c.temporal} s (${perReminder(c.temporal)}); all ${perReminder(c.benchProcess + c.mongoWire + c.temporal)}`;
  say(`\nCPU from the due instant until every reminder was in: ${cpuLine(cpuSeconds, 'reminder')}`);
  say(`CPU from the baseline's due instant until every workflow woke: ${cpuLine(baselineCpuSeconds, 'wake-up')}`);
  if (cpuProfile) {
    say(`main thread from the due instant until every reminder was in: ${round(cpuProfile.busyMs / 1000)} s busy of ${round(cpuProfile.wallMs / 1000)} s (${round(cpuProfile.busyMs / N, 2)} ms per reminder); self time by origin:`);
    for (const s of cpuProfile.top) say(`  ${s.where.padEnd(36)} ${String(round(s.ms / 1000)).padStart(7)} s  ${String(s.share).padStart(5)} %`);
    say('top functions (self time):');
    for (const s of cpuProfile.functions) say(`  ${String(round(s.ms)).padStart(9)} ms  ${s.where}`);
    say(`profile: ${path.relative(process.cwd(), cpuProfile.file)}`);
  }
  const file = `${resultsBase}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2));
  say(`written: ${path.relative(process.cwd(), file)}`);

  await api.close();
  renkei.shutdown();
  baselineWorker.shutdown();
  await running;
  await stack.stop();
}

main().catch(async (err: unknown) => {
  process.stderr.write(`bench:reminders: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopBenchStacks();
  process.exit(1);
});
