// LINE WORKS tells renkei that an admin removed the app (signed app.uninstalled event): the tenant
// link ends through exactly one cascade however often the event arrives; forged or foreign events
// change nothing, and neither does a captured event replayed after the app was installed again
// (LINE WORKS signs no timestamp: the event acts only on the installation it names, once).
import { strict as assert } from 'node:assert';
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { tenantLinkWorkflowId } from '../../common/ids';
import { tenantLinkStatusQuery } from '../../common/links/messages';
import type { TenantLinkState } from '../../common/links/types';
import { CascadeReportRecord, EmployeeLink, TenantLink } from '../../models';
import { useTestApi } from '../support/api-per-test';
import { commandsFor, linkEmployees, linkTenant, newTenant, type LinkedTenant } from '../support/links';
import { stack, withWorker } from '../support/stack';

describe('app removal events from LINE WORKS', () => {
  const run = useTestApi('removal');

  const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');
  const post = (body: string, signature: string) =>
    fetch(`${run.api.url}/webhooks/lineworks/app`, { method: 'POST', body, headers: { 'content-type': 'application/json; charset=UTF-8', 'x-works-signature': signature } });

  it('one removal, delivered three times (once by LINE WORKS, twice again): one cascade, every link revoked once', async () => {
    const s = stack();
    const t = newTenant();
    t.worksTenantId = String(Math.floor(Math.random() * 1e8));
    const commands = commandsFor(run.taskQueue);
    await withWorker(run.taskQueue, async () => {
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
    const installed = { installationId: randomUUID(), time: new Date().toISOString() };
    const body = JSON.stringify({ type: 'app.uninstalled', eventId: 'e-1', domainId: 123, clientId: s.secrets.clientId, ...installed });
    assert.equal((await post(body, sign(body, 'not-the-secret'))).status, 401);
    assert.equal((await post(body, '')).status, 401);
    const foreign = JSON.stringify({ type: 'app.uninstalled', eventId: 'e-2', domainId: 123, clientId: 'another-app', ...installed });
    assert.equal((await post(foreign, sign(foreign, s.secrets.clientSecret))).status, 400);
    // Without the installation it removes, or when, a removal cannot be told from a replay.
    const vague = JSON.stringify({ type: 'app.uninstalled', eventId: 'e-3', domainId: 123, clientId: s.secrets.clientId });
    assert.equal((await post(vague, sign(vague, s.secrets.clientSecret))).status, 400);
    const unknown = await post(body, sign(body, s.secrets.clientSecret));
    assert.equal(unknown.status, 200);
    assert.deepEqual(await unknown.json(), { status: 'not_linked' });
  });

  it('a captured removal replayed after the app was installed and linked again changes nothing, nor does a duplicate of the real one', async () => {
    const s = stack();
    const t: LinkedTenant = { ...newTenant(), worksTenantId: String(randomInt(10_000_000, 99_999_999)) };
    const commands = commandsFor(run.taskQueue);
    const tenantLink = () => s.env.client.workflow.getHandle(tenantLinkWorkflowId(t.worksTenantId));
    const webhookCount = async (outcome: string): Promise<number> => {
      const text = await (await fetch(`${run.api.url}/metrics`, { headers: { authorization: `Bearer ${s.secrets.metricsToken}` } })).text();
      const line = text.split('\n').find((l) => l.startsWith('renkei_webhooks_total{') && l.includes('source="lineworks-app"') && l.includes(`outcome="${outcome}"`));
      return line === undefined ? 0 : Number(line.split(' ').at(-1));
    };
    await withWorker(run.taskQueue, async () => {
      // Linked, then the admin removes the app: the event is captured on its way.
      await linkTenant(commands, t);
      await linkEmployees(commands, t, 3);
      const { delivery } = await s.lineWorks.uninstallApp(s.secrets.clientId, t.worksTenantId);
      assert.equal(delivery?.status, 202);
      const captured = { body: delivery.requestBody, signature: delivery.headers['x-works-signature'] ?? '' };
      assert.equal(((await tenantLink().result()) as TenantLinkState).status, 'removed');

      // The app is installed again and the business links it again; employees link again.
      const reinstalled = await s.lineWorks.installApp(s.secrets.clientId, t.worksTenantId);
      assert.notEqual(reinstalled.installationId, t.installationId);
      const again: LinkedTenant = { ...t, botId: reinstalled.botIds[0] ?? '', serviceAccountId: reinstalled.serviceAccountId, installationId: reinstalled.installationId };
      const relinkedAt = new Date().toISOString();
      await commands.linkTenant(t.worksTenantId, { companyId: t.companyId, botId: again.botId, serviceAccountId: again.serviceAccountId, installationId: again.installationId, installedAt: relinkedAt }, randomUUID());
      await linkEmployees(commands, again, 4);
      const linksBefore = await EmployeeLink.find({ worksTenantId: t.worksTenantId }).sort({ _id: 1 }).lean();
      assert.equal(linksBefore.length, 4);

      // The captured body replayed, and LINE WORKS redelivering the real one: both acknowledged, refused.
      const replay = await post(captured.body, captured.signature);
      assert.equal(replay.status, 200);
      assert.deepEqual(await replay.json(), { status: 'duplicate' });
      const redelivered = await s.lineWorks.redeliverLifecycleEvent(s.secrets.clientId);
      assert.equal(redelivered.status, 200);
      assert.deepEqual(redelivered.body, { status: 'duplicate' });
      // A removal of the old installation renkei never received (captured before it arrived).
      const unseen = JSON.stringify({ ...(JSON.parse(captured.body) as Record<string, unknown>), eventId: randomUUID() });
      const other = await post(unseen, sign(unseen, s.secrets.clientSecret));
      assert.equal(other.status, 200);
      assert.deepEqual(await other.json(), { status: 'other_installation' });
      // An event naming the new installation but older than it.
      const older = JSON.stringify({ ...(JSON.parse(captured.body) as Record<string, unknown>), eventId: randomUUID(), installationId: again.installationId, time: new Date(Date.parse(relinkedAt) - 60_000).toISOString() });
      const stale = await post(older, sign(older, s.secrets.clientSecret));
      assert.equal(stale.status, 200);
      assert.deepEqual(await stale.json(), { status: 'stale' });
      assert.equal(await webhookCount('duplicate'), 2);
      assert.equal(await webhookCount('other_installation'), 1);
      assert.equal(await webhookCount('stale'), 1);

      // The tenant link itself refuses a removal for another installation (whatever reaches it).
      await commands.removeApp(t.worksTenantId, { deliveryId: randomUUID(), requestId: randomUUID(), reason: 'app_uninstalled', installationId: t.installationId, eventTime: new Date().toISOString() });
      // An update after the signal: the signal has been handled when it returns.
      await commands.linkTenant(t.worksTenantId, { companyId: t.companyId, botId: again.botId, serviceAccountId: again.serviceAccountId, installationId: again.installationId, installedAt: new Date().toISOString() }, randomUUID());
      const st = await tenantLink().query(tenantLinkStatusQuery);
      assert.equal(st.status, 'active');
      assert.equal(st.installationId, again.installationId);
      assert.equal(st.installedAt, relinkedAt, 'the same installation keeps its time');
      assert.equal((await tenantLink().describe()).status.name, 'RUNNING');
      assert.deepEqual(await EmployeeLink.find({ worksTenantId: t.worksTenantId }).sort({ _id: 1 }).lean(), linksBefore);
    });
    const tenant = await TenantLink.findById(t.worksTenantId).lean();
    assert.equal(tenant?.status, 'active');
    assert.equal(tenant?.installationId, (await s.lineWorks.installations({ tenantId: t.worksTenantId, clientId: s.secrets.clientId })).at(-1)?.installationId);
    assert.equal(await CascadeReportRecord.countDocuments({ worksTenantId: t.worksTenantId }), 1, 'only the real removal ran a cascade');
  });
});
