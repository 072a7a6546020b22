// Token health: when LINE WORKS refuses a tenant's token, its deliveries are suspended — kept in
// their workflows, not failed or lost — the tenant link asks for re-authorisation, and once the
// admin re-authorises, every waiting notification is delivered, once.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { tenantLinkWorkflowId } from '../../common/ids';
import { tenantLinkStatusQuery } from '../../common/links/messages';
import { notificationStatusQuery } from '../../common/notify/messages';
import { TenantLink } from '../../models';
import { commandsFor, hrApprovalNotice, linkEmployees, linkTenant, newTenant, startNotification, worksUserOf } from '../support/links';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('token health', function () {
  this.timeout(90_000);

  it('suspends on a refused token, keeps the notifications, and delivers them after re-authorisation', async () => {
    const s = stack();
    const taskQueue = uniqueTaskQueue('health');
    const commands = commandsFor(taskQueue);
    const t = newTenant();
    const start = (eventId: string) => startNotification(taskQueue, hrApprovalNotice(t, eventId, ['u0001']));
    const posts = async () => (await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${t.botId}/users/:userId/messages` })).length;

    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      await linkEmployees(commands, t, 1);
      await s.lineWorks.revokeTenant(t.worksTenantId);
      try {
        const first = await start(`health-a-${randomUUID()}`);
        const waiting = await eventually(() => first.query(notificationStatusQuery), (st) => st.phase === 'suspended', 'the first notification to wait');
        assert.deepEqual(waiting.recipients.map((r) => r.status), ['waiting']);
        assert.equal((await TenantLink.findById(t.worksTenantId).lean())?.status, 'suspended');
        await eventually(() => s.env.client.workflow.getHandle(tenantLinkWorkflowId(t.worksTenantId)).query(tenantLinkStatusQuery), (st) => st.status === 'needs_reauth', 'the tenant to need re-authorisation');

        // A later notification waits too, without calling LINE WORKS with a refused token.
        const callsBefore = await posts();
        const second = await start(`health-b-${randomUUID()}`);
        await eventually(() => second.query(notificationStatusQuery), (st) => st.phase === 'suspended', 'the second notification to wait');
        assert.equal(await posts(), callsBefore);

        // The admin re-authorises (the install flow again: the same business links the tenant again).
        await s.lineWorks.restoreTenant(t.worksTenantId);
        const relinked = await commands.linkTenant(t.worksTenantId, { companyId: t.companyId, botId: t.botId, serviceAccountId: t.serviceAccountId, installationId: randomUUID() }, randomUUID());
        assert.equal(relinked.status, 'active');
        const [a, b] = await Promise.all([first.result(), second.result()]);
        assert.equal(a?.phase, 'delivered');
        assert.equal(b?.phase, 'delivered');
      } finally {
        await s.lineWorks.restoreTenant(t.worksTenantId);
      }
    });
    const messages = await s.lineWorks.lineWorksMessages({ tenantId: t.worksTenantId, userId: worksUserOf(t, 'u0001') });
    assert.equal(messages.length, 2, 'each waiting notification delivered once');
    assert.equal((await TenantLink.findById(t.worksTenantId).lean())?.status, 'active');
  });
});
