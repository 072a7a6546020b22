// The operator API of a notification's delivery (`GET /api/notifications/freee/:eventId`) tells
// the business, every recipient's freee and LINE WORKS IDs and the notice: it answers only to the
// operator token (OPERATOR_API_TOKEN), like the other operator endpoints.
import { strict as assert } from 'node:assert';
import { notificationWorkflowId } from '../../common/ids';
import type { NotificationState } from '../../common/notify/types';
import { useTestApi } from '../support/api-per-test';
import { seedNewBusiness } from '../support/fixtures';
import { stack, withWorker } from '../support/stack';

describe('notification status API (operators)', () => {
  const run = useTestApi('status-api');

  const get = async (path: string, authorization?: string) => {
    const res = await fetch(`${run.api.url}${path}`, { headers: authorization === undefined ? {} : { authorization } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('refuses a request without the operator token or with a wrong one, and answers the delivery with it', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    const n = Number(biz.companyId);
    await s.freee.configureFreeeWebhook({ targetUrl: `${run.api.url}/webhooks/freee`, verificationToken: s.secrets.freeeWebhookToken });
    const event = s.freee.freeeEvent({ action: 'updated', approval_request: { company_id: n, applicant_id: n + 1, status: 'approved', id: 502 } });
    await withWorker(run.taskQueue, async () => {
      assert.equal((await s.freee.deliverFreeeWebhook({ event })).status, 202);
      await s.env.client.workflow.getHandle(notificationWorkflowId('freee', String(event.id))).result();
    });
    const path = `/api/notifications/freee/${event.id}`;

    const none = await get(path);
    assert.equal(none.status, 401);
    assert.equal((none.body.error as { code: string }).code, 'unauthorized');
    assert.equal(JSON.stringify(none.body).includes(biz.employee.worksUserId), false, 'nothing of the delivery');
    assert.equal((await get(path, `Bearer ${'x'.repeat(48)}`)).status, 401);
    assert.equal((await get(path, s.secrets.operatorApiToken)).status, 401, 'the token without the Bearer scheme');
    assert.equal((await get(path, `Basic ${s.secrets.operatorApiToken}`)).status, 401);

    const answered = await get(path, `Bearer ${s.secrets.operatorApiToken}`);
    assert.equal(answered.status, 200);
    const state = answered.body as unknown as NotificationState;
    assert.equal(state.companyId, biz.companyId);
    assert.equal(state.phase, 'delivered');
    assert.deepEqual(state.recipients.map((r) => [r.freeeUserId, r.worksUserId, r.status]), [[biz.employee.freeeUserId, biz.employee.worksUserId, 'sent']]);
    assert.equal((await get('/api/notifications/freee/no-such-event', `Bearer ${s.secrets.operatorApiToken}`)).status, 404);
    assert.equal((await get('/api/notifications/freee/no-such-event')).status, 401, 'whether an event exists is not told either');
  });
});
