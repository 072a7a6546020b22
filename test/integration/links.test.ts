// The link workflows on a real Temporal server and Mongo: the tenant link (one tenant ↔ one
// business), the employee ID-link with each refusal of the seed's error table, unlink, and what a
// link means for delivery.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { employeeLinkWorkflowId, tenantLinkWorkflowId } from '../../common/ids';
import type { EmployeeLinkState } from '../../common/links/types';
import { EmployeeLink, TenantLink, employeeLinkId } from '../../models';
import { LinkCommandError } from '../../api/temporal/link-commands';
import { commandsFor, linkTenant, newTenant, seedWorksTenant } from '../support/links';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LinkCommandError) return err.type;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('link workflows', () => {
  let taskQueue: string;
  beforeEach(() => {
    taskQueue = uniqueTaskQueue('links');
  });

  it('links a tenant to one business: the same business again is a no-op, another business is refused', async () => {
    const t = newTenant();
    const commands = commandsFor(taskQueue);
    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      await linkTenant(commands, t);
      assert.equal(await refusal(commands.linkTenant(t.worksTenantId, { companyId: '999', botId: 'b', serviceAccountId: 's', installationId: 'i' }, randomUUID())), 'TENANT_LINKED_ELSEWHERE');
    });
    const doc = await TenantLink.findById(t.worksTenantId).lean();
    assert.equal(doc?.companyId, t.companyId);
    assert.equal(doc?.status, 'active');
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const w of stack().env.client.workflow.list({ query: `WorksTenantId = "${t.worksTenantId}" AND LinkStatus = "active"` })) ids.push(w.workflowId);
        return ids;
      },
      (ids) => ids.length > 0,
      'the tenant link in visibility',
    );
    assert.deepEqual(found, [tenantLinkWorkflowId(t.worksTenantId)]);
  });

  it('ID-links an employee once; a double click is one link; every refusal of the error table has its type', async () => {
    const t = newTenant();
    const other = newTenant();
    const commands = commandsFor(taskQueue);
    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      await linkTenant(commands, other);
      await seedWorksTenant(t, ['w1', 'w2', 'w3']);
      const requestId = randomUUID();
      const first = await commands.linkEmployee(t.companyId, 'u1', { worksTenantId: t.worksTenantId, worksUserId: 'w1' }, requestId);
      assert.deepEqual(first, { status: 'linked', alreadyLinked: false, worksTenantId: t.worksTenantId, worksUserId: 'w1' });
      // The same OAuth state again (double click): the same update, answered the same way.
      assert.deepEqual(await commands.linkEmployee(t.companyId, 'u1', { worksTenantId: t.worksTenantId, worksUserId: 'w1' }, requestId), first);
      // A new attempt for the same account: already linked, nothing changes.
      assert.equal((await commands.linkEmployee(t.companyId, 'u1', { worksTenantId: t.worksTenantId, worksUserId: 'w1' }, randomUUID())).alreadyLinked, true);

      // 既に他のLINE WORKSにID連携されています: the same freee user, another LINE WORKS account.
      assert.equal(await refusal(commands.linkEmployee(t.companyId, 'u1', { worksTenantId: t.worksTenantId, worksUserId: 'w2' }, randomUUID())), 'ALREADY_LINKED');
      // The same LINE WORKS account for another freee user of the business.
      assert.equal(await refusal(commands.linkEmployee(t.companyId, 'u2', { worksTenantId: t.worksTenantId, worksUserId: 'w1' }, randomUUID())), 'ACCOUNT_IN_USE');
      // 事業所 mismatch: logged into another business than the one the tenant is linked to.
      assert.equal(await refusal(commands.linkEmployee(other.companyId, 'u3', { worksTenantId: t.worksTenantId, worksUserId: 'w3' }, randomUUID())), 'BUSINESS_MISMATCH');
      // The admin has not linked this tenant.
      assert.equal(await refusal(commands.linkEmployee(t.companyId, 'u4', { worksTenantId: 'tenant-never-linked', worksUserId: 'w4' }, randomUUID())), 'NOT_LINKED');
    });
    const links = await EmployeeLink.find({ companyId: t.companyId }).lean();
    assert.deepEqual(links.map((l) => [l._id, l.worksUserId]), [[employeeLinkId(t.companyId, 'u1'), 'w1']]);
    // A failed first attempt leaves no running workflow behind.
    const failed = await stack().env.client.workflow.getHandle(employeeLinkWorkflowId(t.companyId, 'u2')).describe();
    assert.equal(failed.status.name, 'COMPLETED');
  });

  it('unlinks: the record goes, the workflow ends unlinked, and a second unlink is refused', async () => {
    const t = newTenant();
    const commands = commandsFor(taskQueue);
    await withWorker(taskQueue, async () => {
      await linkTenant(commands, t);
      await seedWorksTenant(t, ['w1', 'w9']);
      await commands.linkEmployee(t.companyId, 'u1', { worksTenantId: t.worksTenantId, worksUserId: 'w1' }, randomUUID());
      const state = await commands.unlinkEmployee(t.companyId, 'u1', randomUUID());
      assert.equal(state.status, 'unlinked');
      const final = (await stack().env.client.workflow.getHandle(employeeLinkWorkflowId(t.companyId, 'u1')).result()) as EmployeeLinkState;
      assert.equal(final.status, 'unlinked');
      await assert.rejects(commands.unlinkEmployee(t.companyId, 'u1', randomUUID()));
      // Linking again later starts a new link.
      const again = await commands.linkEmployee(t.companyId, 'u1', { worksTenantId: t.worksTenantId, worksUserId: 'w9' }, randomUUID());
      assert.equal(again.alreadyLinked, false);
    });
    const doc = await EmployeeLink.findById(employeeLinkId(t.companyId, 'u1')).lean();
    assert.equal(doc?.worksUserId, 'w9');
  });
});
