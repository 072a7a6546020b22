// The worker as a standalone process, as production runs it: configured from the environment,
// exporting the SDK's metrics for Prometheus, and on SIGTERM finishing the delivery in flight
// before it exits 0.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import type { NotificationState } from '../../common/notify/types';
import { notificationWorkflowId } from '../../common/ids';
import { freePort } from '../../scripts/services/ports';
import { approvedRequestEvent, seedNewBusiness } from '../support/fixtures';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('worker process', function () {
  this.timeout(90_000);

  it('exports metrics, and on SIGTERM drains the in-flight delivery and exits 0', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    const taskQueue = uniqueTaskQueue('proc');
    const metricsPort = await freePort();
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'worker/main.ts'], {
      env: { ...process.env, ...s.envFor(taskQueue), WORKER_METRICS_PORT: String(metricsPort), LOG_LEVEL: 'warn', WORKER_SHUTDOWN_GRACE_MS: '20000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // LINE WORKS answers slowly: the delivery is in flight when SIGTERM arrives.
      await s.lineWorks.fault({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages`, latencyMs: 3000 });
      const event = approvedRequestEvent(biz, `proc-${biz.companyId}`);
      const handle = await s.env.client.workflow.start('notifyFreeeEventWorkflow', { workflowId: notificationWorkflowId('freee', event.eventId), taskQueue, args: [event] });
      await eventually(
        () => s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` }),
        (r) => r.length > 0,
        'the delivery to reach LINE WORKS',
        30_000,
      );
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      assert.match(metrics, /^temporal_\w+/m, 'the worker exports the SDK metrics');

      child.kill('SIGTERM');
      assert.equal(await exited, 0, `worker exit code (stderr: ${stderr})`);
      // The activity completed during the drain; the next worker only closes the workflow.
      const state = (await withWorker(taskQueue, () => handle.result())) as NotificationState;
      assert.equal(state.phase, 'delivered');
      const posts = await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` });
      assert.deepEqual(posts.map((p) => p.status), [201], 'one attempt, finished during the drain');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
