// Removal found by probing: the admin removed the app and renkei was not told (no lifecycle event).
// The next delivery meets a refused token; the tenant link asks LINE WORKS whether the app is still
// installed, LINE WORKS confirms the removal, and the same cascade as the event's runs — once, even
// when the event turns up after all. A refused token with the app still installed only asks the
// admin to re-authorise, and a probe that gets no answer is asked again, never taken as a removal.
import { strict as assert } from 'node:assert';
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { employeeLinkWorkflowId, tenantLinkWorkflowId } from '../../common/ids';
import { tenantLinkStatusQuery, tokenRefusedSignal } from '../../common/links/messages';
import type { EmployeeLinkState, TenantLinkState } from '../../common/links/types';
import { CascadeReportRecord, EmployeeLink, TenantLink } from '../../models';
import { useTestApi } from '../support/api-per-test';
import { commandsFor, hrApprovalNotice, linkEmployees, linkTenant, newTenant, startNotification, type LinkedTenant } from '../support/links';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

/** How many times a workflow moved its LinkStatus to `status` (from its history). */
async function statusChanges(workflowId: string, status: string): Promise<number> {
  const history = await stack().env.client.workflow.getHandle(workflowId).fetchHistory();
  const decoder = new TextDecoder();
  return (history.events ?? []).filter((e) => {
    const data = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.LinkStatus?.data;
    return data ? JSON.parse(decoder.decode(data)) === status : false;
  }).length;
}

/** The activities a workflow scheduled, by type, in order. */
async function activitiesOf(workflowId: string): Promise<string[]> {
  const history = await stack().env.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const type = e.activityTaskScheduledEventAttributes?.activityType?.name;
    return type ? [type] : [];
  });
}

describe('app removal found by a probe after a refused token', function () {
  this.timeout(120_000);
  const run = useTestApi('probe');
  afterEach(async () => {
    await stack().lineWorks.clearFaults();
  });

  /** A tenant whose ID is a LINE WORKS domain ID (digits), as the lifecycle event names it. */
  const numericTenant = (): LinkedTenant => ({ ...newTenant(), worksTenantId: String(randomInt(10_000_000, 99_999_999)) });
  const tenantLink = (t: LinkedTenant) => stack().env.client.workflow.getHandle(tenantLinkWorkflowId(t.worksTenantId));
  const notify = (t: LinkedTenant, freeeUserId: string) => {
    return startNotification(run.taskQueue, hrApprovalNotice(t, `probe-${randomUUID()}`, [freeeUserId]));
  };

  it('confirms the unannounced removal and revokes every employee link once; the late notice changes nothing', async () => {
    const s = stack();
    const t = numericTenant();
    const commands = commandsFor(run.taskQueue);
    let users: string[] = [];
    let final: TenantLinkState | undefined;
    await withWorker(run.taskQueue, async () => {
      await linkTenant(commands, t);
      users = await linkEmployees(commands, t, 6);
      const { installation, delivery } = await s.lineWorks.uninstallApp(s.secrets.clientId, t.worksTenantId, { notifyApp: false });
      assert.equal(installation.status, 'uninstalled');
      assert.equal(delivery, null, 'renkei was not told');

      // A notification meets the refused token; the probe confirms the removal.
      const waiting = await notify(t, users[0] as string);
      await eventually(() => tenantLink(t).query(tenantLinkStatusQuery), (st) => st.status === 'removing' || st.status === 'removed', 'the removal to start');

      // The removal notice arrives after all (late, or redelivered): no second cascade.
      const event = JSON.stringify({ type: 'app.uninstalled', eventId: randomUUID(), domainId: Number(t.worksTenantId), clientId: s.secrets.clientId, installationId: installation.installationId, time: new Date().toISOString() });
      const late = await fetch(`${run.api.url}/webhooks/lineworks/app`, {
        method: 'POST',
        body: event,
        headers: { 'content-type': 'application/json; charset=UTF-8', 'x-works-signature': createHmac('sha256', s.secrets.clientSecret).update(event).digest('base64') },
      });
      assert.ok(late.status === 202 || late.status === 200, `the late notice answered ${late.status}`);
      final = (await tenantLink(t).result()) as TenantLinkState;
      // The notification that waited for the tenant ends now (its own re-check is 10 minutes away).
      const ended = await waiting.result();
      assert.equal(ended.phase, 'failed');
      assert.deepEqual(ended.recipients.map((r) => r.error), ['TOKEN_INVALID']);
    });

    assert.equal(final?.status, 'removed');
    assert.equal(final?.removalProbe?.answer, 'removed');
    assert.match(final?.cascadeId ?? '', new RegExp(`^${t.worksTenantId}:probe-`), 'the cascade is the probe\'s');
    assert.ok((await activitiesOf(tenantLinkWorkflowId(t.worksTenantId))).includes('probeAppInstallation'));
    const reports = await CascadeReportRecord.find({ worksTenantId: t.worksTenantId }).lean();
    assert.deepEqual(reports.map((r) => [r._id, r.revoked, r.alreadyGone, r.failed]), [[final?.cascadeId, 6, 0, 0]], 'exactly one cascade, every link revoked');
    for (const u of users) {
      const wfId = employeeLinkWorkflowId(t.companyId, u);
      const link = (await s.env.client.workflow.getHandle(wfId).result()) as EmployeeLinkState;
      assert.equal(link.status, 'revoked', u);
      assert.equal(link.revokedBy, final?.cascadeId, u);
      assert.equal(await statusChanges(wfId, 'revoked'), 1, `${u} was revoked more than once`);
    }
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 0);
    assert.equal((await TenantLink.findById(t.worksTenantId).lean())?.status, 'removed');
    assert.equal((await s.lineWorks.lifecycleDeliveries(s.secrets.clientId)).filter((d) => d.tenantId === t.worksTenantId).length, 0);
  });

  it('a refused token with the app still installed asks for re-authorisation and unlinks nobody', async () => {
    const s = stack();
    const t = numericTenant();
    const commands = commandsFor(run.taskQueue);
    await withWorker(run.taskQueue, async () => {
      await linkTenant(commands, t);
      await linkEmployees(commands, t, 3);
      await s.lineWorks.revokeTenant(t.worksTenantId);
      try {
        const first = await notify(t, 'u0001');
        const st = await eventually(() => tenantLink(t).query(tenantLinkStatusQuery), (x) => x.removalProbe !== undefined, 'the probe to answer');
        assert.equal(st.status, 'needs_reauth');
        assert.equal(st.removalProbe?.answer, 'refused', 'revoked, not removed');
        assert.equal((await tenantLink(t).describe()).status.name, 'RUNNING');
        // The token itself refused while the service account still gets tokens: installed.
        await s.lineWorks.restoreTenant(t.worksTenantId);
        await commands.linkTenant(t.worksTenantId, { companyId: t.companyId, botId: t.botId, serviceAccountId: t.serviceAccountId, installationId: randomUUID() }, randomUUID());
        assert.equal((await first.result()).phase, 'delivered', 'the waiting notification went after re-authorisation');
        await s.lineWorks.fault({ method: 'POST', path: `/v1.0/bots/${t.botId}/users/*/messages`, status: 401, times: 2 });
        await notify(t, 'u0002');
        const again = await eventually(
          () => tenantLink(t).query(tenantLinkStatusQuery),
          (x) => x.status === 'needs_reauth' && x.removalProbe !== undefined && x.removalProbe.at !== st.removalProbe?.at,
          'the second probe to answer',
        );
        assert.equal(again.removalProbe?.answer, 'installed');
      } finally {
        await s.lineWorks.restoreTenant(t.worksTenantId);
      }
    });
    assert.equal(await CascadeReportRecord.countDocuments({ worksTenantId: t.worksTenantId }), 0, 'no cascade');
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 3, 'every employee link kept');
    assert.equal((await TenantLink.findById(t.worksTenantId).lean())?.status, 'suspended');
    assert.equal(await statusChanges(tenantLinkWorkflowId(t.worksTenantId), 'removing'), 0);
  });

  it('retries a probe LINE WORKS does not answer, and unlinks only once it confirms', async () => {
    const s = stack();
    const t = numericTenant();
    const commands = commandsFor(run.taskQueue);
    let before = 0;
    const tokenCalls = () => s.lineWorks.requests({ method: 'POST', path: '/oauth2/v2.0/token', afterSeq: before });
    await withWorker(run.taskQueue, async () => {
      await linkTenant(commands, t);
      await linkEmployees(commands, t, 2);
      await s.lineWorks.uninstallApp(s.secrets.clientId, t.worksTenantId, { notifyApp: false });
      before = await s.lineWorks.lastRequestSeq();
      await s.lineWorks.fault({ method: 'POST', path: '/oauth2/v2.0/token', status: 503, times: 2 });
      await tenantLink(t).signal(tokenRefusedSignal, { deliveryId: randomUUID(), by: 'test' });
      await eventually(() => tokenCalls(), (rs) => rs.some((r) => r.faulted), 'the first probe to fail');
      const waiting = await tenantLink(t).query(tenantLinkStatusQuery);
      assert.equal(waiting.status, 'needs_reauth', 'no answer is no removal');
      const final = (await tenantLink(t).result()) as TenantLinkState;
      assert.equal(final.status, 'removed');
      assert.equal(final.removalProbe?.answer, 'removed');
    });
    assert.deepEqual((await tokenCalls()).map((r) => r.status), [503, 503, 400], 'asked until LINE WORKS answered');
    const reports = await CascadeReportRecord.find({ worksTenantId: t.worksTenantId }).lean();
    assert.deepEqual(reports.map((r) => [r.revoked, r.alreadyGone, r.failed]), [[2, 0, 0]]);
  });
});
