// A notification whose tenant stays suspended for most of a month: on the time-skipping server,
// three recipients wait for the admin's re-authorisation (the tenant link's signal, re-checks backing
// off to hours) and are each delivered once when it comes near the end of the 30 days — or each
// failed once when it never comes. Every run of the notification's history stays far below
// Temporal's 51,200-event limit: the workflow continues as new, carrying its state.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import type { temporal } from '@temporalio/proto';
import { notificationWorkflowId } from '../../common/ids';
import { notificationStatusQuery } from '../../common/notify/messages';
import type { NotificationState, NotifyFreeeInput } from '../../common/notify/types';
import { Delivery } from '../../models';
import type { notifyFreeeEventWorkflow } from '../../workflows/notify-freee-event';
import { commandsFor, linkEmployees, linkTenant, newTenant, type LinkedTenant } from '../support/links';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const DAY_MS = 86_400_000;

/** The event count of every run of a workflow, first to last, following continue-as-new. */
async function runSizes(workflowId: string, firstRunId: string): Promise<number[]> {
  const sizes: number[] = [];
  let runId: string | undefined = firstRunId;
  while (runId !== undefined) {
    const history: temporal.api.history.v1.IHistory = await stack().env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    sizes.push(events.length);
    const next: string | null | undefined = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    runId = next ?? undefined;
  }
  return sizes;
}

describe('time-skipping: a notification waits out a month-long suspension', () => {
  afterEach(() => stack().lineWorks.clearFaults());

  const suspendedNotification = async (taskQueue: string, t: LinkedTenant, users: string[]) => {
    const s = stack();
    await s.lineWorks.revokeTenant(t.worksTenantId);
    const eventId = `month-${randomUUID()}`;
    const input: NotifyFreeeInput = {
      kind: 'product',
      eventId,
      product: 'hr',
      type: 'request.approved',
      companyId: t.companyId,
      recipientFreeeUserIds: users,
      title: `勤怠の申請が承認されました ${eventId}`,
      url: 'https://p.secure.freee.co.jp/requests/1',
      createdAt: new Date().toISOString(),
    };
    const handle = await s.env.client.workflow.start<typeof notifyFreeeEventWorkflow>('notifyFreeeEventWorkflow', { workflowId: notificationWorkflowId('freee', eventId), taskQueue, args: [input] });
    await eventually(
      () => handle.query(notificationStatusQuery),
      (st) => st.phase === 'suspended' && st.recipients.length === users.length && st.recipients.every((r) => r.status === 'waiting'),
      'every recipient to wait for the tenant',
    );
    return handle;
  };

  it('delivers to each of three recipients once after a re-authorisation on day 29', async () => {
    const s = stack();
    const t = newTenant();
    const taskQueue = uniqueTaskQueue('ts-month');
    const commands = commandsFor(taskQueue);
    const { state, sizes, workflowId } = await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      const users = await linkEmployees(commands, t, 3);
      const handle = await suspendedNotification(taskQueue, t, users);
      await s.env.sleep(29 * DAY_MS);
      assert.equal((await handle.query(notificationStatusQuery)).phase, 'suspended', 'still waiting on day 29');
      // The admin re-authorises: the install flow again, the same installation.
      await s.lineWorks.restoreTenant(t.worksTenantId);
      await commands.linkTenant(t.worksTenantId, { companyId: t.companyId, botId: t.botId, serviceAccountId: t.serviceAccountId, installationId: t.installationId }, randomUUID());
      const result: NotificationState = await handle.result();
      return { state: result, sizes: await runSizes(handle.workflowId, handle.firstExecutionRunId), workflowId: handle.workflowId };
    });
    process.stdout.write(`      history events per run (re-authorised on day 29): ${sizes.join(', ')}\n`);

    assert.equal(state.phase, 'delivered');
    assert.deepEqual(state.recipients.map((r) => r.status), ['sent', 'sent', 'sent']);
    const messages = await s.lineWorks.lineWorksMessages({ tenantId: t.worksTenantId });
    assert.equal(messages.length, 3, 'one message per recipient');
    assert.equal(new Set(messages.map((m) => JSON.stringify(m))).size, 3);
    const deliveries = await Delivery.find({ workflowId }).lean();
    assert.deepEqual(deliveries.map((d) => d.status).sort(), ['sent', 'sent', 'sent']);
    assert.ok(sizes.length >= 2, `the month-long wait continued as new (runs: ${sizes.length})`);
    for (const size of sizes) assert.ok(size < 10_000, `a run of ${size} events`);
  });

  it('fails each of three recipients once when nobody re-authorises within 30 days', async () => {
    const s = stack();
    const t = newTenant();
    const taskQueue = uniqueTaskQueue('ts-month');
    const commands = commandsFor(taskQueue);
    const { state, sizes, workflowId } = await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      const users = await linkEmployees(commands, t, 3);
      const handle = await suspendedNotification(taskQueue, t, users);
      const result: NotificationState = await handle.result();
      return { state: result, sizes: await runSizes(handle.workflowId, handle.firstExecutionRunId), workflowId: handle.workflowId };
    });
    process.stdout.write(`      history events per run (never re-authorised): ${sizes.join(', ')}\n`);

    assert.equal(state.phase, 'failed');
    assert.deepEqual(state.recipients.map((r) => [r.status, r.error]), Array(3).fill(['failed', 'TOKEN_INVALID']));
    assert.equal((await s.lineWorks.lineWorksMessages({ tenantId: t.worksTenantId })).length, 0);
    const deliveries = await Delivery.find({ workflowId }).lean();
    assert.deepEqual(deliveries.map((d) => d.status), ['failed', 'failed', 'failed']);
    for (const size of sizes) assert.ok(size < 10_000, `a run of ${size} events`);
  });
});
