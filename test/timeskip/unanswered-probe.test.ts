// A removal probe that LINE WORKS never answers within its hour is not the end of it: on the
// time-skipping server, an hour of 503s from the token endpoint exhausts the first probe, the tenant
// keeps waiting for its admin with nobody unlinked, and an hour later the probe is asked again; that
// one gets LINE WORKS's "not installed" and the removal's cascade runs once.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { employeeLinkWorkflowId, tenantLinkWorkflowId } from '../../common/ids';
import { tokenRefusedSignal } from '../../common/links/messages';
import type { EmployeeLinkState, TenantLinkState } from '../../common/links/types';
import { CascadeReportRecord, EmployeeLink } from '../../models';
import { commandsFor, linkEmployees, linkTenant, newTenant } from '../support/links';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';

describe('time-skipping: a removal probe that got no answer is asked again', () => {
  afterEach(() => stack().lineWorks.clearFaults());

  it('asks LINE WORKS again an hour after a probe it did not answer, and unlinks only on its answer', async () => {
    const s = stack();
    const t = newTenant();
    const taskQueue = uniqueTaskQueue('ts-probe');
    const commands = commandsFor(taskQueue);
    const workflowId = tenantLinkWorkflowId(t.worksTenantId);
    let users: string[] = [];
    let before = 0;
    const final = await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      users = await linkEmployees(commands, t, 2);
      await s.lineWorks.uninstallApp(s.secrets.clientId, t.worksTenantId, { notifyApp: false });
      before = await s.lineWorks.lastRequestSeq();
      // More 503s than one probe's hour of retries can use up: the second probe meets the last ones.
      await s.lineWorks.fault({ method: 'POST', path: '/oauth2/v2.0/token', status: 503, times: 30 });
      const handle = s.env.client.workflow.getHandle(workflowId);
      await handle.signal(tokenRefusedSignal, { deliveryId: randomUUID(), by: 'test' });
      return (await handle.result()) as TenantLinkState;
    });

    assert.equal(final.status, 'removed');
    assert.equal(final.removalProbe?.answer, 'removed');
    assert.match(final.cascadeId ?? '', new RegExp(`^${t.worksTenantId}:probe-`), 'the cascade is the probe\'s');

    // From the history, on workflow time: the first probe kept asking for (most of) its hour and
    // gave up, the tenant then waited an hour, and the second probe got the answer.
    const history = await s.env.client.workflow.getHandle(workflowId).fetchHistory();
    const events = history.events ?? [];
    const probes = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'probeAppInstallation');
    assert.equal(probes.length, 2, 'two probes');
    const closedUnanswered = events.filter((e) => {
      const closed = e.activityTaskTimedOutEventAttributes ?? e.activityTaskFailedEventAttributes;
      return closed ? String(closed.scheduledEventId) === String(probes[0]?.eventId) : false;
    });
    assert.equal(closedUnanswered.length, 1, 'the first probe ran out of its hour');
    const timers = events.flatMap((e) => (e.timerStartedEventAttributes ? [Number(e.timerStartedEventAttributes.startToFireTimeout?.seconds ?? 0)] : []));
    assert.deepEqual(timers, [3600], 'one wait of an hour between the probes');
    const at = (e: (typeof events)[number] | undefined): number => Number(e?.eventTime?.seconds ?? 0);
    const askedFor = at(closedUnanswered[0]) - at(probes[0]);
    assert.ok(askedFor >= 3000 && askedFor <= 3600, `the first probe kept asking for ${askedFor} s`);
    const waited = at(probes[1]) - at(closedUnanswered[0]);
    assert.ok(waited >= 3600, `the second probe came ${waited} s after the first gave up`);

    const tokenCalls = (await s.lineWorks.requests({ method: 'POST', path: '/oauth2/v2.0/token', afterSeq: before })).map((r) => r.status);
    assert.deepEqual(tokenCalls, [...Array<number>(30).fill(503), 400], 'every 503 used up by the two probes, then LINE WORKS’s answer');

    const reports = await CascadeReportRecord.find({ worksTenantId: t.worksTenantId }).lean();
    assert.deepEqual(reports.map((r) => [r.revoked, r.alreadyGone, r.failed]), [[2, 0, 0]], 'one cascade, every link revoked');
    for (const u of users) {
      const link = (await s.env.client.workflow.getHandle(employeeLinkWorkflowId(t.companyId, u)).result()) as EmployeeLinkState;
      assert.equal(link.revokedBy, final.cascadeId, u);
    }
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 0);
  });
});
