// The worker as a standalone process, as production runs it: configured from the environment,
// exporting the SDK's metrics for Prometheus, and on SIGTERM finishing the delivery in flight
// before it exits 0.
import { strict as assert } from 'node:assert';
import type { NotificationState } from '../../common/notify/types';
import { notificationWorkflowId } from '../../common/ids';
import { freePort } from '../../scripts/services/ports';
import { approvedRequestEvent, seedNewBusiness } from '../support/fixtures';
import { runEntry } from '../support/process';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('worker process', function () {
  this.timeout(90_000);

  it('exports metrics, and on SIGTERM drains the in-flight delivery and exits 0', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    const taskQueue = uniqueTaskQueue('proc');
    const metricsPort = await freePort();
    const worker = runEntry('worker/main.ts', { ...s.envFor(taskQueue), WORKER_METRICS_PORT: String(metricsPort), LOG_LEVEL: 'warn', WORKER_SHUTDOWN_GRACE_MS: '20000' });
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

      worker.child.kill('SIGTERM');
      assert.equal(await worker.exited, 0, `worker exit code (output: ${worker.output()})`);
      // The activity completed during the drain; the next worker only closes the workflow.
      const state = (await withWorker(taskQueue, () => handle.result())) as NotificationState;
      assert.equal(state.phase, 'delivered');
      const posts = await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` });
      assert.deepEqual(posts.map((p) => p.status), [201], 'one attempt, finished during the drain');
    } finally {
      worker.kill();
    }
  });
});
