// Cascade unlink: when the admin removes the app, every employee link of the tenant is revoked
// exactly once, even when the worker dies in the middle or a page is retried after its writes,
// links recorded while it runs included, and the report says what happened to each link.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { activityInfo } from '@temporalio/activity';
import { createActivities } from '../../activities';
import { cascadeUnlinkWorkflowId, employeeLinkWorkflowId, tenantLinkWorkflowId } from '../../common/ids';
import { cascadeStatusQuery } from '../../common/links/cascade-messages';
import type { CascadeReport, EmployeeLinkState, TenantLinkState } from '../../common/links/types';
import { CascadeOutcomeRecord, CascadeReportRecord, CascadeSnapshotPage, EmployeeLink, TenantLink } from '../../models';
import { activityDepsFromConfig } from '../../worker/activity-deps';
import { createRenkeiWorker } from '../../worker/create-worker';
import type { cascadeUnlinkWorkflow } from '../../workflows/cascade-unlink';
import { freePort } from '../../scripts/services/ports';
import { commandsFor, linkEmployees, linkTenant, newTenant, seedWorksTenant, worksUserOf } from '../support/links';
import { runEntry } from '../support/process';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

/** How many times the link's workflow moved to `revoked` (its LinkStatus upserts, from the history). */
async function revocations(workflowId: string): Promise<number> {
  const history = await stack().env.client.workflow.getHandle(workflowId).fetchHistory();
  const decoder = new TextDecoder();
  return (history.events ?? []).filter((e) => {
    const data = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.LinkStatus?.data;
    return data ? JSON.parse(decoder.decode(data)) === 'revoked' : false;
  }).length;
}

type RenkeiActivities = ReturnType<typeof createActivities>;

/** Runs `fn` while a renkei worker polls `taskQueue` with its real activities, some wrapped by `wrap`. */
async function withWrappedActivities<T>(taskQueue: string, wrap: (real: RenkeiActivities) => Partial<RenkeiActivities>, fn: () => Promise<T>): Promise<T> {
  const s = stack();
  const real = createActivities(activityDepsFromConfig(s.workerConfig(taskQueue), s.env.client));
  const worker = await createRenkeiWorker({
    connection: s.env.nativeConnection,
    namespace: s.env.namespace ?? 'default',
    taskQueue,
    dataConverter: s.dataConverter,
    activities: { ...real, ...wrap(real) },
    workflowBundle: s.bundle,
    shutdownGraceMs: 1000,
  });
  return worker.runUntil(fn);
}

describe('cascade unlink', function () {
  this.timeout(180_000);

  it('app removal revokes every employee link of the tenant, suspends then ends the tenant link', async () => {
    const s = stack();
    const taskQueue = uniqueTaskQueue('cascade');
    const commands = commandsFor(taskQueue);
    const t = newTenant();
    const bystander = newTenant();
    const requestId = randomUUID();
    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      await linkTenant(commands, bystander);
      const users = await linkEmployees(commands, t, 12);
      await linkEmployees(commands, bystander, 2);
      await commands.unlinkEmployee(t.companyId, users[0] as string, randomUUID());
      const signal = { deliveryId: randomUUID(), requestId, reason: 'app_uninstalled' as const };
      await commands.removeApp(t.worksTenantId, signal);
      await commands.removeApp(t.worksTenantId, signal); // a redelivered removal event changes nothing
      const final = (await s.env.client.workflow.getHandle(tenantLinkWorkflowId(t.worksTenantId)).result()) as TenantLinkState;
      assert.equal(final.status, 'removed');
      const report = (await s.env.client.workflow.getHandle(cascadeUnlinkWorkflowId(t.worksTenantId, requestId)).result()) as CascadeReport;
      // The unlinked employee's record was already gone, so the cascade never saw it.
      assert.deepEqual(report.totals, { revoked: 11, already_gone: 0, failed: 0 });
    });
    assert.equal((await TenantLink.findById(t.worksTenantId).lean())?.status, 'removed');
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 0);
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: bystander.worksTenantId }), 2, 'other tenants keep their links');
    const report = await CascadeReportRecord.findById(`${t.worksTenantId}:${requestId}`).lean();
    assert.deepEqual([report?.revoked, report?.alreadyGone, report?.failed], [11, 0, 0]);
  });

  it('revokes 200 links exactly once when the worker is killed in the middle, and reports each link', async () => {
    const s = stack();
    const taskQueue = uniqueTaskQueue('cascade200');
    const commands = commandsFor(taskQueue);
    const t = newTenant();
    let users: string[] = [];
    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      users = await linkEmployees(commands, t, 200);
    });
    // Five links end before the cascade reaches them, but their records are still there (as if
    // the unlink had not reached Mongo): the cascade must report them as already gone.
    const closedEarly = users.slice(100, 105);
    for (const u of closedEarly) await s.env.client.workflow.getHandle(employeeLinkWorkflowId(t.companyId, u)).terminate('closed before the cascade');

    const cascadeId = `${t.worksTenantId}:${randomUUID()}`;
    const cascadeWorkflowId = cascadeUnlinkWorkflowId(t.worksTenantId, cascadeId);
    // The killed worker's page is taken over after 5 s without a heartbeat (30 s by default).
    const handle = await s.env.client.workflow.start<typeof cascadeUnlinkWorkflow>('cascadeUnlinkWorkflow', {
      workflowId: cascadeWorkflowId,
      taskQueue,
      args: [{ worksTenantId: t.worksTenantId, companyId: t.companyId, cascadeId, pageSize: 20, pageHeartbeatTimeoutMs: 5_000 }],
    });

    // A worker process runs the cascade; it is killed (SIGKILL, no drain) after two pages.
    const worker = runEntry('worker/main.ts', { ...s.envFor(taskQueue), LOG_LEVEL: 'error', WORKER_METRICS_PORT: String(await freePort()) });
    try {
      await eventually(
        () => handle.query(cascadeStatusQuery).then((p) => p.pages, () => 0),
        (pages) => pages >= 2,
        'two pages of the cascade',
        60_000,
      );
      worker.child.kill('SIGKILL');
      await worker.exited;
    } finally {
      worker.kill();
    }
    // No worker is left to answer a query: the server's record says whether the cascade is over.
    assert.equal((await handle.describe()).status.name, 'RUNNING', 'the cascade was still running when the worker died');

    // Another worker takes over the cascade and the link workflows it signals, and runs until each
    // link has ended.
    await withWorker(taskQueue, async () => {
      const report = await handle.result();
      assert.deepEqual(report.totals, { revoked: 195, already_gone: 5, failed: 0 });
      assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 0);
      const outcomes = await CascadeOutcomeRecord.find({ cascadeId }).lean();
      assert.equal(outcomes.length, 200, 'one outcome per link');
      assert.deepEqual(outcomes.filter((o) => o.outcome === 'already_gone').map((o) => o.employeeLinkId).sort(), closedEarly.map((u) => `${t.companyId}:${u}`).sort());

      // Exactly once: each link's workflow was revoked once, by this cascade (a page retried after the
      // kill may signal a link again; the workflow de-duplicates it by delivery ID).
      for (const u of users.filter((x) => !closedEarly.includes(x))) {
        const wfId = employeeLinkWorkflowId(t.companyId, u);
        const state = (await s.env.client.workflow.getHandle(wfId).result()) as EmployeeLinkState;
        assert.equal(state.status, 'revoked', u);
        assert.equal(state.revokedBy, cascadeId, u);
        assert.equal(await revocations(wfId), 1, `${u} was revoked more than once`);
      }
    });
  });

  it('revokes links recorded while it runs, and each link once when a page is retried after its writes', async () => {
    const s = stack();
    const taskQueue = uniqueTaskQueue('cascade-retry');
    const commands = commandsFor(taskQueue);
    const t = newTenant();
    let users: string[] = [];
    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      users = await linkEmployees(commands, t, 30);
    });
    const late = ['u0031', 'u0032'];
    const cascadeId = `${t.worksTenantId}:${randomUUID()}`;
    let failedAfterWrites = false;
    const report = await withWrappedActivities(
      taskQueue,
      (real) => ({
        async revokeSnapshotPage(input) {
          if (input.pageNo === 0 && activityInfo().attempt === 1 && input.snapshotId === `${cascadeId}:0:1`) {
            // Two employees link while the first snapshot's pages are being revoked.
            await seedWorksTenant(t, [...users, ...late].map((u) => worksUserOf(t, u)));
            for (const u of late) await commands.linkEmployee(t.companyId, u, { worksTenantId: t.worksTenantId, worksUserId: worksUserOf(t, u) }, randomUUID());
            await real.revokeSnapshotPage(input);
            // The page's signals and writes are done, but its completion never reaches the server.
            failedAfterWrites = true;
            throw new Error('the worker stopped before the page completed');
          }
          return real.revokeSnapshotPage(input);
        },
      }),
      () =>
        s.env.client.workflow.execute<typeof cascadeUnlinkWorkflow>('cascadeUnlinkWorkflow', {
          workflowId: cascadeUnlinkWorkflowId(t.worksTenantId, cascadeId),
          taskQueue,
          args: [{ worksTenantId: t.worksTenantId, companyId: t.companyId, cascadeId, pageSize: 10 }],
        }),
    );
    assert.ok(failedAfterWrites, 'the first page failed after its writes');
    assert.deepEqual(report.totals, { revoked: 32, already_gone: 0, failed: 0 });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 0);
    assert.equal(await CascadeOutcomeRecord.countDocuments({ cascadeId }), 32, 'one outcome per link');
    assert.equal(await CascadeSnapshotPage.countDocuments({ cascadeId }), 0, 'the snapshot is deleted with the report');
    for (const u of [...users, ...late]) {
      const wfId = employeeLinkWorkflowId(t.companyId, u);
      const state = (await s.env.client.workflow.getHandle(wfId).result()) as EmployeeLinkState;
      assert.equal(state.revokedBy, cascadeId, u);
      assert.equal(await revocations(wfId), 1, `${u} was revoked more than once`);
    }
  });
});
