// The employee link's branches with stub activities: link, the repeated [許可する], another account
// refused, a menu LINE WORKS refuses (the link is not made), two link requests at once (one link),
// unlink, and the cascade's revocation.
import { strict as assert } from 'node:assert';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ErrorType } from '../../common/errors';
import { employeeLinkStatusQuery, linkEmployeeUpdate, revokeLinkSignal, unlinkEmployeeUpdate } from '../../common/links/messages';
import type { MenuKind } from '../../common/links/postbacks';
import type { employeeLinkWorkflow } from '../../workflows/employee-link';
import { withStubWorker, workflowEnv } from '../support/workflow-env';

function stubs() {
  const calls: string[] = [];
  let refuseMenu = false;
  return {
    calls,
    refuseMenu(): void {
      refuseMenu = true;
    },
    activities: {
      recordEmployeeLink: async (input: { worksUserId: string }): Promise<{ created: boolean }> => {
        calls.push(`record:${input.worksUserId}`);
        await Promise.resolve();
        return { created: true };
      },
      removeEmployeeLink: async (): Promise<void> => {
        calls.push('remove');
        await Promise.resolve();
      },
      setEmployeeRichMenu: async (input: { menu: string }): Promise<MenuKind> => {
        calls.push(`menu:${input.menu}`);
        await Promise.resolve();
        if (refuseMenu) throw ApplicationFailure.nonRetryable('token refused', ErrorType.TOKEN_INVALID);
        return input.menu === 'linked' ? 'linked' : 'unlinked';
      },
    },
  };
}

const refusedAs = async (p: Promise<unknown>, type: string): Promise<void> => {
  await assert.rejects(p, (err: unknown) => err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === type);
};

let n = 0;
const start = (taskQueue: string) =>
  workflowEnv().client.workflow.start<typeof employeeLinkWorkflow>('employeeLinkWorkflow', {
    workflowId: `employee-link:c1:u${++n}-${taskQueue}`,
    taskQueue,
    args: [{ companyId: 'c1', freeeUserId: `u${n}` }],
  });

describe('employee link workflow (stub activities)', () => {
  it('links, answers a repeated link as already linked, refuses another account, and unlinks', async () => {
    const s = stubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      assert.deepEqual(await h.executeUpdate(linkEmployeeUpdate, { args: [{ worksTenantId: 't1', worksUserId: 'a' }] }), { status: 'linked', alreadyLinked: false, worksTenantId: 't1', worksUserId: 'a' });
      assert.equal((await h.executeUpdate(linkEmployeeUpdate, { args: [{ worksTenantId: 't1', worksUserId: 'a' }] })).alreadyLinked, true);
      await refusedAs(h.executeUpdate(linkEmployeeUpdate, { args: [{ worksTenantId: 't1', worksUserId: 'b' }] }), ErrorType.ALREADY_LINKED);
      assert.equal((await h.executeUpdate(unlinkEmployeeUpdate)).status, 'unlinked');
      assert.equal((await h.result()).status, 'unlinked');
    });
    assert.deepEqual(s.calls, ['record:a', 'menu:linked', 'menu:linked', 'remove', 'menu:default']);
  });

  it('does not link when LINE WORKS refuses the menu, and removes the record it made', async () => {
    const s = stubs();
    s.refuseMenu();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await refusedAs(h.executeUpdate(linkEmployeeUpdate, { args: [{ worksTenantId: 't1', worksUserId: 'a' }] }), ErrorType.TOKEN_INVALID);
      assert.equal((await h.result()).status, 'new');
    });
    assert.deepEqual(s.calls, ['record:a', 'menu:linked', 'remove']);
  });

  it('makes one link of two link requests that arrive together (the second waits for the first)', async () => {
    const s = stubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      const both = await Promise.all([0, 1].map(() => h.executeUpdate(linkEmployeeUpdate, { args: [{ worksTenantId: 't1', worksUserId: 'a' }] })));
      assert.deepEqual(both.map((r) => r.alreadyLinked).sort(), [false, true]);
      assert.equal((await h.query(employeeLinkStatusQuery)).status, 'linked');
      await h.terminate();
    });
    assert.deepEqual(s.calls.filter((c) => c.startsWith('record')), ['record:a']);
  });

  it('ends revoked on the cascade’s signal, once however often it comes', async () => {
    const s = stubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await h.executeUpdate(linkEmployeeUpdate, { args: [{ worksTenantId: 't1', worksUserId: 'a' }] });
      await h.signal(revokeLinkSignal, { deliveryId: 'd1', cascadeId: 'cascade-1' });
      await h.signal(revokeLinkSignal, { deliveryId: 'd1', cascadeId: 'cascade-1' });
      const final = await h.result();
      assert.equal(final.status, 'revoked');
      assert.equal(final.revokedBy, 'cascade-1');
    });
    assert.deepEqual(s.calls, ['record:a', 'menu:linked']);
  });
});
