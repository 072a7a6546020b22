// A notification whose tenant stays suspended for most of a month: on the time-skipping server,
// three recipients wait for the admin's re-authorisation (the tenant link's signal, re-checks backing
// off to hours) and are each delivered once when it comes near the end of the 30 days — or each
// failed once when it never comes. Every run of the notification's history stays far below
// Temporal's 51,200-event limit: the workflow continues as new, carrying its state.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import type { temporal } from '@temporalio/proto';
import { notificationStatusQuery } from '../../common/notify/messages';
import type { NotificationState } from '../../common/notify/types';
import { Delivery } from '../../models';
import type { LinkCommands } from '../../api/temporal/link-commands';
import { commandsFor, hrApprovalNotice, linkEmployees, linkTenant, newTenant, startNotification, type LinkedTenant } from '../support/links';
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

type NotificationHandle = Awaited<ReturnType<typeof startNotification>>;

describe('time-skipping: a notification waits out a month-long suspension', () => {
  afterEach(() => stack().lineWorks.clearFaults());

  /**
   * A linked tenant with three linked employees whose token LINE WORKS refuses, and a notification
   * to all three waiting for it; `whileSuspended` runs while it waits, then the notification's
   * outcome, the size of each of its runs and its workflow ID are returned.
   */
  const monthLongSuspension = async (whileSuspended: (handle: NotificationHandle, t: LinkedTenant, commands: LinkCommands) => Promise<void>) => {
    const s = stack();
    const t = newTenant();
    const taskQueue = uniqueTaskQueue('ts-month');
    const commands = commandsFor(taskQueue);
    const outcome = await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      const users = await linkEmployees(commands, t, 3);
      await s.lineWorks.revokeTenant(t.worksTenantId);
      const handle = await startNotification(taskQueue, hrApprovalNotice(t, `month-${randomUUID()}`, users));
      await eventually(
        () => handle.query(notificationStatusQuery),
        (st) => st.phase === 'suspended' && st.recipients.length === users.length && st.recipients.every((r) => r.status === 'waiting'),
        'every recipient to wait for the tenant',
      );
      await whileSuspended(handle, t, commands);
      const state: NotificationState = await handle.result();
      return { state, sizes: await runSizes(handle.workflowId, handle.firstExecutionRunId), workflowId: handle.workflowId };
    });
    return { ...outcome, t };
  };

  it('delivers to each of three recipients once after a re-authorisation on day 29', async () => {
    const s = stack();
    const { state, sizes, workflowId, t } = await monthLongSuspension(async (handle, tenant, commands) => {
      await s.env.sleep(29 * DAY_MS);
      assert.equal((await handle.query(notificationStatusQuery)).phase, 'suspended', 'still waiting on day 29');
      // The admin re-authorises: the install flow again, the same installation.
      await s.lineWorks.restoreTenant(tenant.worksTenantId);
      await commands.linkTenant(tenant.worksTenantId, { companyId: tenant.companyId, botId: tenant.botId, serviceAccountId: tenant.serviceAccountId, installationId: tenant.installationId }, randomUUID());
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
    const { state, sizes, workflowId, t } = await monthLongSuspension(async () => {});
    process.stdout.write(`      history events per run (never re-authorised): ${sizes.join(', ')}\n`);

    assert.equal(state.phase, 'failed');
    assert.deepEqual(state.recipients.map((r) => [r.status, r.error]), Array(3).fill(['failed', 'TOKEN_INVALID']));
    assert.equal((await s.lineWorks.lineWorksMessages({ tenantId: t.worksTenantId })).length, 0);
    const deliveries = await Delivery.find({ workflowId }).lean();
    assert.deepEqual(deliveries.map((d) => d.status), ['failed', 'failed', 'failed']);
    for (const size of sizes) assert.ok(size < 10_000, `a run of ${size} events`);
  });
});
