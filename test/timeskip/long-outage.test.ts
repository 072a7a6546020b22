// Reminders and long waits are Temporal timers; this suite runs them on the Java time-skipping
// server so days of workflow time pass in seconds. Here: LINE WORKS rate-limits renkei with a
// one-day Retry-After, twice; the delivery waits two days of workflow time and is not lost.
import { strict as assert } from 'node:assert';
import type { NotificationState } from '../../common/notify/types';
import { notificationWorkflowId } from '../../common/ids';
import { Delivery } from '../../models';
import { approvedRequestEvent, seedNewBusiness } from '../support/fixtures';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';

describe('time-skipping: a delivery outlives a two-day rate limit', () => {
  it('waits out two one-day Retry-After answers and delivers exactly once', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    await s.lineWorks.fault({ method: 'POST', path: '/v1.0/bots/:botId/users/:userId/messages', status: 429, retryAfterSeconds: 86_400, times: 2 });
    const event = approvedRequestEvent(biz, `ts-${biz.companyId}`);
    const taskQueue = uniqueTaskQueue('ts');
    const workflowId = notificationWorkflowId('freee', event.eventId);
    const state = await withWorker(taskQueue, async () => {
      const handle = await s.env.client.workflow.start('notifyFreeeEventWorkflow', { workflowId, taskQueue, args: [event] });
      return (await handle.result()) as NotificationState;
    });
    assert.equal(state.phase, 'delivered');

    const posts = await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` });
    assert.deepEqual(posts.map((p) => p.status), [429, 429, 201]);
    assert.equal((await s.lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId })).length, 1);

    // Workflow time, from the history: the run spans the two days LINE WORKS asked for.
    const history = await s.env.client.workflow.getHandle(workflowId).fetchHistory();
    const events = history.events ?? [];
    const seconds = (e: (typeof events)[number] | undefined): number => Number(e?.eventTime?.seconds ?? 0);
    const spanSeconds = seconds(events[events.length - 1]) - seconds(events[0]);
    assert.ok(spanSeconds >= 2 * 86_400, `workflow time spanned only ${spanSeconds} s`);
    const [delivery] = await Delivery.find({ workflowId }).lean();
    assert.equal(delivery?.status, 'sent');
    assert.equal(delivery?.attempts, 3);
  });
});
