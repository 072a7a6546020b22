// The tenant link's main refusals with stub activities: another business, menus LINE WORKS refuses
// (nothing linked), a removal event for another installation; and a refused token that waits for
// the admin's re-authorisation when LINE WORKS says the app is still installed.
import { strict as assert } from 'node:assert';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ErrorType } from '../../common/errors';
import { appRemovedSignal, linkTenantUpdate, tenantLinkStatusQuery, tokenRefusedSignal } from '../../common/links/messages';
import type { MenuKind } from '../../common/links/postbacks';
import type { AppInstallationProbe, LinkTenantInput } from '../../common/links/types';
import type { tenantLinkWorkflow } from '../../workflows/tenant-link';
import { eventually } from '../support/wait';
import { withStubWorker, workflowEnv } from '../support/workflow-env';

function tenantStubs(options: { refuseMenus?: boolean; probe?: AppInstallationProbe } = {}) {
  const calls: string[] = [];
  const done = (name: string) => (): Promise<void> => {
    calls.push(name);
    return Promise.resolve();
  };
  return {
    calls,
    activities: {
      activateTenantLink: (input: { companyId: string }): Promise<void> => done(`activate:${input.companyId}`)(),
      provisionRichMenus: (): Promise<Record<MenuKind, string>> => {
        calls.push('menus');
        if (options.refuseMenus) return Promise.reject(ApplicationFailure.nonRetryable('token refused', ErrorType.TOKEN_INVALID));
        return Promise.resolve({ unlinked: 'm0', linked: 'm1', attendance: 'm2' });
      },
      markTenantRemoving: done('removing'),
      markTenantRemoved: done('removed'),
      markTenantSuspended: done('suspended'),
      resumeSuspendedDeliveries: (): Promise<number> => {
        calls.push('resume');
        return Promise.resolve(0);
      },
      probeAppInstallation: (): Promise<AppInstallationProbe> => {
        calls.push('probe');
        return Promise.resolve(options.probe ?? 'installed');
      },
    },
  };
}

let n = 0;
const start = (taskQueue: string): Promise<WorkflowHandle<typeof tenantLinkWorkflow>> =>
  workflowEnv().client.workflow.start<typeof tenantLinkWorkflow>('tenantLinkWorkflow', { workflowId: `tenant-link:t${++n}-${taskQueue}`, taskQueue, args: [{ worksTenantId: `t${n}` }] });

const install = (companyId = 'c1', installationId = 'i1'): LinkTenantInput => ({ companyId, botId: 'b1', serviceAccountId: 'sa1', installationId, installedAt: '2026-12-01T00:00:00Z' });

const refusedAs = async (p: Promise<unknown>, type: string): Promise<void> => {
  await assert.rejects(p, (err: unknown) => err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === type);
};

describe('tenant link workflow (stub activities)', () => {
  it('links a tenant to one business: the same business again changes nothing, another is refused', async () => {
    const s = tenantStubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      assert.equal((await h.executeUpdate(linkTenantUpdate, { args: [install()] })).status, 'active');
      assert.equal((await h.executeUpdate(linkTenantUpdate, { args: [install()] })).companyId, 'c1');
      await refusedAs(h.executeUpdate(linkTenantUpdate, { args: [install('c2')] }), ErrorType.TENANT_LINKED_ELSEWHERE);
      await h.terminate();
    });
    assert.deepEqual(s.calls, ['activate:c1', 'menus']);
  });

  it('links nothing when LINE WORKS refuses the menus, and marks the record removed', async () => {
    const s = tenantStubs({ refuseMenus: true });
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await refusedAs(h.executeUpdate(linkTenantUpdate, { args: [install()] }), ErrorType.TOKEN_INVALID);
      assert.equal((await h.result()).status, 'new');
    });
    assert.deepEqual(s.calls, ['activate:c1', 'menus', 'removed']);
  });

  it('refuses a removal event of another installation: the link stays active', async () => {
    const s = tenantStubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await h.executeUpdate(linkTenantUpdate, { args: [install()] });
      await h.signal(appRemovedSignal, { deliveryId: 'd1', requestId: 'r1', reason: 'app_uninstalled', installationId: 'i0' });
      // An update after the signal is handled after it.
      assert.equal((await h.executeUpdate(linkTenantUpdate, { args: [install()] })).status, 'active');
      assert.equal((await h.query(tenantLinkStatusQuery)).status, 'active');
      await h.terminate();
    });
    assert.equal(s.calls.includes('removing'), false);
  });

  it('waits for re-authorisation after a refused token when LINE WORKS says the app is installed, and wakes the deliveries when the admin re-authorises', async () => {
    const s = tenantStubs({ probe: 'installed' });
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      await h.executeUpdate(linkTenantUpdate, { args: [install()] });
      await h.signal(tokenRefusedSignal, { deliveryId: 'd1', by: 'notify:freee:e1' });
      const waiting = await eventually(() => h.query(tenantLinkStatusQuery), (st) => st.removalProbe !== undefined, 'the probe’s answer');
      assert.equal(waiting.status, 'needs_reauth');
      assert.equal(waiting.removalProbe?.answer, 'installed');
      assert.equal((await h.executeUpdate(linkTenantUpdate, { args: [install()] })).status, 'active');
      await h.terminate();
    });
    assert.deepEqual(s.calls, ['activate:c1', 'menus', 'probe', 'activate:c1', 'menus', 'resume']);
  });
});
