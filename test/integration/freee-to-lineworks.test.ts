// The first durable path end to end, through real HTTP, a real Temporal server, a real Mongo-wire
// server and the emulators: freee delivers a webhook → renkei starts notify:freee:{eventId} →
// the linked employee receives one LINE WORKS bot message, and the delivery is logged in Mongo.
import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { NotificationState } from '../../common/notify/types';
import { notificationWorkflowId } from '../../common/ids';
import { Delivery } from '../../models';
import { seedNewBusiness, type Employee, type SeededBusiness } from '../support/fixtures';
import { useTestApi } from '../support/api-per-test';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('freee webhook → LINE WORKS message (end to end)', function () {
  const run = useTestApi('e2e');
  let biz: SeededBusiness;

  beforeEach(async function () {
    const s = stack();
    await s.lineWorks.clearFaults();
    biz = await seedNewBusiness();
    await s.freee.configureFreeeWebhook({ targetUrl: `${run.api.url}/webhooks/freee`, verificationToken: s.secrets.freeeWebhookToken });
  });

  const employee = (): Employee => biz.employee;

  function eventFor(freeeUserId: string, action: 'created' | 'updated' = 'updated') {
    return stack().freee.freeeEvent({
      action,
      approval_request: { company_id: Number(biz.companyId), applicant_id: Number(freeeUserId), status: 'approved', id: randomInt(1, 1_000_000) },
    });
  }

  async function resultOf(eventId: string | number): Promise<NotificationState> {
    return stack().env.client.workflow.getHandle(notificationWorkflowId('freee', String(eventId))).result() as Promise<NotificationState>;
  }

  const messagesTo = (userId: string) => stack().lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId, userId });

  it('delivers one message to the ID-linked employee, logs it, and is findable by CompanyId', async () => {
    const s = stack();
    const event = eventFor(employee().freeeUserId);
    await withWorker(run.taskQueue, async () => {
      const answer = await s.freee.deliverFreeeWebhook({ event });
      assert.equal(answer.status, 202);
      const state = await resultOf(event.id);
      assert.equal(state.phase, 'delivered');
      assert.deepEqual(state.recipients.map((r) => [r.worksUserId, r.status]), [[employee().worksUserId, 'sent']]);
    });
    const messages = await messagesTo(employee().worksUserId);
    assert.equal(messages.length, 1);
    const content = messages[0]?.content as { type: string; contentText: string; actions: Array<{ type: string; uri: string }> };
    assert.equal(content.type, 'button_template');
    assert.match(content.contentText, /各種申請（No\.\d+）のステータスが更新されました：承認済み/);
    assert.match(content.actions[0]?.uri ?? '', /^https:\/\/secure\.freee\.co\.jp\/approval_requests\/\d+$/);

    const deliveries = await Delivery.find({ workflowId: notificationWorkflowId('freee', String(event.id)) }).lean();
    assert.deepEqual(deliveries.map((d) => [d.status, d.recipient, d.channel]), [['sent', employee().worksUserId, 'lineworks']]);

    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const wf of s.env.client.workflow.list({ query: `CompanyId = "${biz.companyId}" AND NotificationStatus = "delivered"` })) ids.push(wf.workflowId);
        return ids;
      },
      (ids) => ids.length > 0,
      'the workflow in visibility by CompanyId',
    );
    assert.deepEqual(found, [notificationWorkflowId('freee', String(event.id))]);
  });

  it('delivers once when freee sends the same event twice', async () => {
    const s = stack();
    const event = eventFor(employee().freeeUserId);
    await withWorker(run.taskQueue, async () => {
      const first = await s.freee.deliverFreeeWebhook({ event });
      const second = await s.freee.deliverFreeeWebhook({ event });
      assert.equal(first.status, 202);
      assert.equal(second.status, 200);
      assert.equal((second.body as { status: string }).status, 'duplicate');
      await resultOf(event.id);
      const third = await s.freee.deliverFreeeWebhook({ event });
      assert.equal(third.status, 200, 'a redelivery after completion is a duplicate too');
    });
    assert.equal((await messagesTo(employee().worksUserId)).length, 1);
  });

  it('retries through LINE WORKS 5xx answers and still sends exactly one message', async () => {
    const s = stack();
    await s.lineWorks.fault({ method: 'POST', path: '/v1.0/bots/:botId/users/:userId/messages', status: 503, times: 2 });
    const event = eventFor(employee().freeeUserId);
    await withWorker(run.taskQueue, async () => {
      assert.equal((await s.freee.deliverFreeeWebhook({ event })).status, 202);
      const state = await resultOf(event.id);
      assert.equal(state.phase, 'delivered');
    });
    const posts = await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` });
    assert.deepEqual(posts.map((p) => p.status), [503, 503, 201]);
    assert.equal((await messagesTo(employee().worksUserId)).length, 1);
    const [delivery] = await Delivery.find({ workflowId: notificationWorkflowId('freee', String(event.id)) }).lean();
    assert.equal(delivery?.status, 'sent');
    assert.equal(delivery?.attempts, 3);
  });

  it('waits for Retry-After when LINE WORKS rate-limits, then delivers', async () => {
    const s = stack();
    await s.lineWorks.fault({ method: 'POST', path: '/v1.0/bots/:botId/users/:userId/messages', status: 429, retryAfterSeconds: 2, times: 1 });
    const event = eventFor(employee().freeeUserId);
    await withWorker(run.taskQueue, async () => {
      await s.freee.deliverFreeeWebhook({ event });
      assert.equal((await resultOf(event.id)).phase, 'delivered');
    });
    const posts = await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` });
    assert.deepEqual(posts.map((p) => p.status), [429, 201]);
    const gap = Date.parse(posts[1]?.time ?? '') - Date.parse(posts[0]?.time ?? '');
    assert.ok(gap >= 1900, `second attempt came ${gap} ms after the 429, before Retry-After (2 s)`);
  });

  it('does not retry a request LINE WORKS refuses (unknown user): one attempt, recipient failed', async () => {
    const s = stack();
    // The ID-link points at an account that LINE WORKS does not know (deleted user).
    await s.lineWorks.fault({ method: 'POST', path: '/v1.0/bots/:botId/users/:userId/messages', status: 404, times: 5 });
    const event = eventFor(employee().freeeUserId);
    await withWorker(run.taskQueue, async () => {
      await s.freee.deliverFreeeWebhook({ event });
      const state = await resultOf(event.id);
      assert.equal(state.phase, 'failed');
      assert.equal(state.recipients[0]?.error, 'PROVIDER_REJECTED');
    });
    const posts = await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` });
    assert.equal(posts.length, 1);
    const [delivery] = await Delivery.find({ workflowId: notificationWorkflowId('freee', String(event.id)) }).lean();
    assert.equal(delivery?.status, 'failed');
  });

  it('renews an expired cached access token and delivers', async () => {
    const s = stack();
    const first = eventFor(employee().freeeUserId);
    const second = eventFor(employee().freeeUserId);
    await withWorker(run.taskQueue, async () => {
      await s.freee.deliverFreeeWebhook({ event: first });
      assert.equal((await resultOf(first.id)).phase, 'delivered');
      await s.lineWorks.expireTenantTokens(biz.worksTenantId);
      await s.freee.deliverFreeeWebhook({ event: second });
      assert.equal((await resultOf(second.id)).phase, 'delivered');
    });
    const posts = await s.lineWorks.requests({ method: 'POST', path: `/v1.0/bots/${biz.botId}/users/:userId/messages` });
    assert.deepEqual(posts.map((p) => p.status), [201, 401, 201], 'the refused token was renewed once, in the same attempt');
    assert.equal((await messagesTo(employee().worksUserId)).length, 2);
  });

  it('sends nothing to employees without an ID-link', async () => {
    const event = eventFor('999999');
    await withWorker(run.taskQueue, async () => {
      assert.equal((await stack().freee.deliverFreeeWebhook({ event })).status, 202);
      const state = await resultOf(event.id);
      assert.equal(state.phase, 'no_recipients');
      assert.deepEqual(state.unlinkedFreeeUserIds, ['999999']);
    });
    assert.equal((await messagesTo(employee().worksUserId)).length, 0);
  });

  describe('bad input: a clear 4xx, no workflow started, nothing written', () => {
    async function assertNothingStarted(eventId: string): Promise<void> {
      await assert.rejects(stack().env.client.workflow.getHandle(notificationWorkflowId('freee', eventId)).describe(), WorkflowNotFoundError);
      assert.equal(await Delivery.countDocuments({ workflowId: notificationWorkflowId('freee', eventId) }), 0);
    }

    it('wrong or missing x-freee-token → 401', async () => {
      const s = stack();
      const event = eventFor(employee().freeeUserId);
      const wrong = await s.freee.deliverFreeeWebhook({ event, tokenOverride: 'not-the-token' });
      assert.equal(wrong.status, 401);
      assert.equal((wrong.body as { error: { code: string } }).error.code, 'invalid_token');
      const missing = await fetch(`${run.api.url}/webhooks/freee`, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json' } });
      assert.equal(missing.status, 401);
      await assertNothingStarted(String(event.id));
    });

    it('malformed JSON → 400 malformed_json, without a stack trace', async () => {
      const answer = await stack().freee.deliverFreeeWebhook({ rawBody: '{"id": "abc", "resource": ' });
      assert.equal(answer.status, 400);
      const body = answer.body as { error: { code: string; message: string }; requestId: string };
      assert.equal(body.error.code, 'malformed_json');
      assert.ok(body.requestId);
      assert.doesNotMatch(JSON.stringify(body), /at .*\.ts:\d+/);
    });

    it('a body that fails the schema → 400 naming the field', async () => {
      const event = eventFor(employee().freeeUserId);
      const broken = { ...event, created_at: 'yesterday' };
      const answer = await stack().freee.deliverFreeeWebhook({ rawBody: JSON.stringify(broken) });
      assert.equal(answer.status, 400);
      const body = answer.body as { error: { code: string; details: Array<{ path: string }> } };
      assert.equal(body.error.code, 'invalid_event');
      assert.deepEqual(body.error.details.map((d) => d.path), ['created_at']);
      await assertNothingStarted(String(event.id));
    });

    it('an unknown event type → 422 unsupported_event', async () => {
      const event = { ...eventFor(employee().freeeUserId), resource: 'hr:employee' };
      const answer = await stack().freee.deliverFreeeWebhook({ rawBody: JSON.stringify(event) });
      assert.equal(answer.status, 422);
      assert.equal((answer.body as { error: { code: string } }).error.code, 'unsupported_event');
      await assertNothingStarted(String(event.id));
    });

    it('an oversized body → 413', async () => {
      const event = { ...eventFor(employee().freeeUserId), padding: 'x'.repeat(300 * 1024) };
      const answer = await stack().freee.deliverFreeeWebhook({ rawBody: JSON.stringify(event) });
      assert.equal(answer.status, 413);
      assert.equal((answer.body as { error: { code: string } }).error.code, 'payload_too_large');
      await assertNothingStarted(String(event.id));
    });
  });
});
