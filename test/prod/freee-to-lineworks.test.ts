// On the production-shaped stack: a freee webhook reaches one of the compiled APIs, a compiled
// worker runs the notification on the Temporal server on PostgreSQL, and the linked employee gets
// exactly one LINE WORKS message — also when the Temporal server is stopped and started again while
// the delivery is still being retried.
import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import { notificationWorkflowId } from '../../common/ids';
import type { NotificationState } from '../../common/notify/types';
import { Delivery } from '../../models';
import { seedLinkedBusiness, type LinkedBusiness } from '../../scripts/lib/seed-link';
import { eventually } from '../support/wait';
import { prod } from './hooks';

const MESSAGES_PATH = '/v1.0/bots/:botId/users/:userId/messages';

async function seedBusiness(): Promise<LinkedBusiness & { employee: LinkedBusiness['employees'][number] }> {
  const n = randomInt(1_000_000, 9_999_999);
  const employee = { freeeUserId: String(n + 1), worksUserId: `emp-${n}@tenant-${n}` };
  const biz = { companyId: String(n), worksTenantId: `tenant-${n}`, botId: `bot-${n}`, serviceAccountId: `sa-${n}.serviceaccount@tenant-${n}`, employees: [employee], employee };
  await seedLinkedBusiness(biz, prod().lineWorks, prod().stack.secrets);
  return biz;
}

function approvedEvent(biz: LinkedBusiness & { employee: { freeeUserId: string } }) {
  return prod().freee.freeeEvent({
    action: 'updated',
    approval_request: { company_id: Number(biz.companyId), applicant_id: Number(biz.employee.freeeUserId), status: 'approved', id: randomInt(1, 1_000_000) },
  });
}

async function resultOf(eventId: string | number): Promise<NotificationState> {
  return prod().client.workflow.getHandle(notificationWorkflowId('freee', String(eventId))).result() as Promise<NotificationState>;
}

describe('production-shaped stack: freee event → LINE WORKS message', function () {
  afterEach(async () => prod().lineWorks.clearFaults());

  it('delivers one message through a compiled API and worker, logged in Mongo and findable in SQL visibility', async () => {
    const { lineWorks, freee, client } = prod();
    const biz = await seedBusiness();
    const event = approvedEvent(biz);
    const answer = await freee.deliverFreeeWebhook({ event });
    assert.equal(answer.status, 202);
    const state = await resultOf(event.id);
    assert.equal(state.phase, 'delivered');
    const messages = await lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId, userId: biz.employee.worksUserId });
    assert.equal(messages.length, 1);
    assert.match((messages[0]?.content as { contentText: string }).contentText, /承認済み/);
    const deliveries = await Delivery.find({ workflowId: notificationWorkflowId('freee', String(event.id)) }).lean();
    assert.deepEqual(deliveries.map((d) => d.status), ['sent']);
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const wf of client.workflow.list({ query: `CompanyId = "${biz.companyId}" AND NotificationStatus = "delivered"` })) ids.push(wf.workflowId);
        return ids;
      },
      (ids) => ids.length === 1,
      'the notification in SQL visibility by CompanyId',
      60_000,
    );
    assert.deepEqual(found, [notificationWorkflowId('freee', String(event.id))]);
  });

  it('loses nothing and doubles nothing when the Temporal server stops and starts again mid-delivery', async () => {
    const { lineWorks, freee, stack } = prod();
    const biz = await seedBusiness();
    // LINE WORKS refuses the message until the fault is cleared: the delivery stays in its retries.
    await lineWorks.fault({ method: 'POST', path: MESSAGES_PATH, status: 503, times: 10_000 });
    const event = approvedEvent(biz);
    assert.equal((await freee.deliverFreeeWebhook({ event })).status, 202);
    await eventually(
      async () => (await lineWorks.requests()).filter((r) => r.method === 'POST' && r.path.startsWith(`/v1.0/bots/${biz.botId}/`) && r.path.endsWith('/messages')).length,
      (n) => n >= 1,
      'a refused delivery attempt',
      60_000,
    );

    await stack.temporal.stop();
    await stack.temporal.restart();
    await lineWorks.clearFaults();

    const state = await resultOf(event.id);
    assert.equal(state.phase, 'delivered');
    const messages = await lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId, userId: biz.employee.worksUserId });
    assert.equal(messages.length, 1, 'exactly one message after the restart');
    const deliveries = await Delivery.find({ workflowId: notificationWorkflowId('freee', String(event.id)) }).lean();
    assert.deepEqual(deliveries.map((d) => d.status), ['sent']);
    // Both APIs still answer, and both workers still run.
    for (const url of stack.apiUrls) assert.equal((await fetch(`${url}/readyz`)).status, 200);
    for (const w of stack.workers) assert.equal(w.process.exitReason(), undefined, `${w.name} exited`);
  });
});
