// Operator endpoints: "all links of tenant X" paged from the read model, the admin unlink that
// runs the cascade, and the cascade report — behind the operator token.
import { strict as assert } from 'node:assert';
import { cascadeUnlinkWorkflowId, tenantLinkWorkflowId } from '../../common/ids';
import { useTestApi } from '../support/api-per-test';
import { commandsFor, linkEmployees, linkTenant, newTenant } from '../support/links';
import { stack, withWorker } from '../support/stack';

describe('operator endpoints for links', () => {
  const run = useTestApi('operator');

  const get = async (path: string, token: string | null = stack().secrets.operatorApiToken) => {
    const res = await fetch(`${run.api.url}${path}`, { headers: token !== null ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('lists a tenant’s links page by page, unlinks the tenant through the cascade, and shows the report', async () => {
    const t = newTenant();
    const commands = commandsFor(run.taskQueue);
    await withWorker(run.taskQueue, async () => {
      await linkTenant(commands, t);
      await linkEmployees(commands, t, 5);

      const first = await get(`/api/tenants/${t.worksTenantId}/links?limit=3`);
      assert.equal(first.status, 200);
      assert.equal((first.body.tenant as { status: string }).status, 'active');
      const page1 = first.body.links as Array<{ freeeUserId: string }>;
      assert.deepEqual(page1.map((l) => l.freeeUserId), ['u0001', 'u0002', 'u0003']);
      const second = await get(`/api/tenants/${t.worksTenantId}/links?limit=3&after=${encodeURIComponent(String(first.body.next))}`);
      assert.deepEqual((second.body.links as Array<{ freeeUserId: string }>).map((l) => l.freeeUserId), ['u0004', 'u0005']);
      assert.equal(second.body.next, null);

      const unlink = await fetch(`${run.api.url}/api/tenants/${t.worksTenantId}/unlink`, { method: 'POST', headers: { authorization: `Bearer ${stack().secrets.operatorApiToken}` } });
      assert.equal(unlink.status, 202);
      const { cascadeWorkflowId } = (await unlink.json()) as { cascadeWorkflowId: string };
      assert.match(cascadeWorkflowId, new RegExp(`^${cascadeUnlinkWorkflowId(t.worksTenantId, '')}`));
      // The tenant link ends once its cascade has finished.
      await stack().env.client.workflow.getHandle(tenantLinkWorkflowId(t.worksTenantId)).result();
      await stack().env.client.workflow.getHandle(cascadeWorkflowId).result();
      const again = await fetch(`${run.api.url}/api/tenants/${t.worksTenantId}/unlink`, { method: 'POST', headers: { authorization: `Bearer ${stack().secrets.operatorApiToken}` } });
      assert.equal(again.status, 409, 'an unlinked tenant cannot be unlinked again');
    });
    const cascades = await get(`/api/tenants/${t.worksTenantId}/cascades`);
    assert.deepEqual((cascades.body.cascades as Array<{ revoked: number; alreadyGone: number; failed: number }>).map((c) => [c.revoked, c.alreadyGone, c.failed]), [[5, 0, 0]]);
    const after = await get(`/api/tenants/${t.worksTenantId}/links`);
    assert.equal((after.body.tenant as { status: string }).status, 'removed');
    assert.deepEqual(after.body.links, []);
  });

  it('answers 401 without the operator token and 400/404 for bad or unknown tenants', async () => {
    assert.equal((await get('/api/tenants/some-tenant/links', null)).status, 401);
    assert.equal((await get('/api/tenants/some-tenant/links', 'wrong-token-wrong-token-xx')).status, 401);
    assert.equal((await get('/api/tenants/no-such-tenant/links')).status, 404);
    assert.equal((await get('/api/tenants/bad%20id/links')).status, 400);
    assert.equal((await get('/api/tenants/t/links?limit=9999')).status, 400);
  });
});
