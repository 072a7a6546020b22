// LINE WORKS tells renkei that an admin removed the app (signed app.uninstalled event): the tenant
// link ends through exactly one cascade however often the event arrives; forged or foreign events
// change nothing.
import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { tenantLinkWorkflowId } from '../../common/ids';
import type { TenantLinkState } from '../../common/links/types';
import { CascadeReportRecord, EmployeeLink, TenantLink } from '../../models';
import { startTestApi, type TestApi } from '../support/api-server';
import { commandsFor, linkEmployees, linkTenant, newTenant } from '../support/links';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';

describe('app removal events from LINE WORKS', () => {
  let api: TestApi;
  let taskQueue: string;
  beforeEach(async () => {
    taskQueue = uniqueTaskQueue('removal');
    api = await startTestApi(taskQueue);
  });
  afterEach(async () => api.close());

  const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');
  const post = (body: string, signature: string) =>
    fetch(`${api.url}/webhooks/lineworks/app`, { method: 'POST', body, headers: { 'content-type': 'application/json; charset=UTF-8', 'x-works-signature': signature } });

  it('one removal, delivered three times (once by LINE WORKS, twice again): one cascade, every link revoked once', async () => {
    const s = stack();
    const t = newTenant();
    t.worksTenantId = String(Math.floor(Math.random() * 1e8));
    const commands = commandsFor(taskQueue);
    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      await linkEmployees(commands, t, 6);
      const { delivery } = await s.lineWorks.uninstallApp(s.secrets.clientId, t.worksTenantId);
      assert.equal(delivery?.status, 202);
      const again = await Promise.all([s.lineWorks.redeliverLifecycleEvent(s.secrets.clientId), s.lineWorks.redeliverLifecycleEvent(s.secrets.clientId)]);
      assert.ok(again.every((d) => d.status === 202 || d.status === 200), JSON.stringify(again.map((d) => d.status)));
      const final = (await s.env.client.workflow.getHandle(tenantLinkWorkflowId(t.worksTenantId)).result()) as TenantLinkState;
      assert.equal(final.status, 'removed');
    });
    const reports = await CascadeReportRecord.find({ worksTenantId: t.worksTenantId }).lean();
    assert.deepEqual(reports.map((r) => [r.revoked, r.alreadyGone, r.failed]), [[6, 0, 0]], 'exactly one cascade');
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 0);
    assert.equal((await TenantLink.findById(t.worksTenantId).lean())?.status, 'removed');
  });

  it('refuses a forged signature and an event for another app, and acknowledges an unknown tenant', async () => {
    const s = stack();
    const body = JSON.stringify({ type: 'app.uninstalled', eventId: 'e-1', domainId: 123, clientId: s.secrets.clientId });
    assert.equal((await post(body, sign(body, 'not-the-secret'))).status, 401);
    assert.equal((await post(body, '')).status, 401);
    const foreign = JSON.stringify({ type: 'app.uninstalled', eventId: 'e-2', domainId: 123, clientId: 'another-app' });
    assert.equal((await post(foreign, sign(foreign, s.secrets.clientSecret))).status, 400);
    const unknown = await post(body, sign(body, s.secrets.clientSecret));
    assert.equal(unknown.status, 200);
    assert.deepEqual(await unknown.json(), { status: 'not_linked' });
  });
});
