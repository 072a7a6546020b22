// Notifications of the six freee products through renkei's signed event endpoint: each event
// reaches exactly the linked employees it addresses, in its business, once however often it
// arrives (also duplicated and shuffled); forged, stale and malformed requests change nothing.
import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import { FREEE_PRODUCTS, FREEE_PRODUCT_NAMES, type FreeeProduct } from '../../common/freee/events';
import { notificationWorkflowId } from '../../common/ids';
import type { NotificationState } from '../../common/notify/types';
import { signTimestamped } from '../../api/signatures';
import { useTestApi } from '../support/api-per-test';
import { seedNewBusiness, type SeededBusiness } from '../support/fixtures';
import { stack, withWorker } from '../support/stack';

describe('freee product events → LINE WORKS', () => {
  const run = useTestApi('products');
  let biz: SeededBusiness;

  beforeEach(async () => {
    biz = await seedNewBusiness();
  });

  function productEvent(product: FreeeProduct, userIds: string[], id = String(randomInt(1, 1e9))) {
    return {
      id,
      product,
      type: 'request.approved',
      company_id: Number(biz.companyId),
      user_ids: userIds.map(Number),
      title: `${product} の申請が承認されました`,
      url: `https://secure.freee.co.jp/${product}/requests/${id}`,
      occurred_at: '2026-11-22T10:00:00+09:00',
    };
  }

  async function post(body: string, opts: { secret?: string; timestamp?: number; signature?: string } = {}) {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(`${run.api.url}/events/freee-products`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-renkei-timestamp': String(ts),
        'x-renkei-signature': opts.signature ?? signTimestamped(body, opts.secret ?? stack().secrets.productEventSecret, ts),
      },
    });
    return { status: res.status, body: (await res.json()) as { status?: string; error?: { code: string } } };
  }

  it('delivers each of the six products once to the linked employee, named by product, linking to freee', async () => {
    const s = stack();
    const events = FREEE_PRODUCTS.map((p) => productEvent(p, [biz.employee.freeeUserId, '99999']));
    await withWorker(run.taskQueue, async () => {
      // Every event twice, in shuffled order.
      const deliveries = [...events, ...events].map((e) => JSON.stringify(e)).sort(() => Math.random() - 0.5);
      const answers = await Promise.all(deliveries.map((body) => post(body)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [...Array<number>(6).fill(200), ...Array<number>(6).fill(202)].sort());
      for (const e of events) {
        const state = (await s.env.client.workflow.getHandle(notificationWorkflowId('freee', `${e.product}-${e.id}`)).result()) as NotificationState;
        assert.equal(state.phase, 'delivered');
        assert.deepEqual(state.unlinkedFreeeUserIds, ['99999'], 'the unlinked user gets nothing');
      }
    });
    const messages = await s.lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId, userId: biz.employee.worksUserId });
    assert.equal(messages.length, 6, 'one message per event');
    const texts = messages.map((m) => (m.content as { contentText: string }).contentText).sort();
    assert.deepEqual(texts, FREEE_PRODUCTS.map((p) => `【${FREEE_PRODUCT_NAMES[p]}】\n${p} の申請が承認されました`).sort());
    const uris = messages.map((m) => (m.content as { actions: Array<{ uri: string }> }).actions[0]?.uri ?? '');
    assert.ok(uris.every((u) => /^https:\/\/secure\.freee\.co\.jp\/\w+\/requests\/\d+$/.test(u)), uris.join(' '));
  });

  it('does not deliver into another business: an event of business B never reaches business A’s employee', async () => {
    const s = stack();
    const other = await seedNewBusiness();
    const e = { ...productEvent('hr', [biz.employee.freeeUserId]), company_id: Number(other.companyId) };
    await withWorker(run.taskQueue, async () => {
      assert.equal((await post(JSON.stringify(e))).status, 202);
      const state = (await s.env.client.workflow.getHandle(notificationWorkflowId('freee', `hr-${e.id}`)).result()) as NotificationState;
      assert.equal(state.phase, 'no_recipients');
    });
    assert.equal((await s.lineWorks.lineWorksMessages({ tenantId: biz.worksTenantId })).length, 0);
  });

  it('refuses forged, stale, replayed-late and malformed requests with a clear 4xx', async () => {
    const e = JSON.stringify(productEvent('sales', [biz.employee.freeeUserId]));
    assert.deepEqual(await post(e, { secret: 'x'.repeat(64) }).then((r) => [r.status, r.body.error?.code]), [401, 'invalid_signature']);
    assert.deepEqual(await post(e, { signature: 'sha256=nothex' }).then((r) => [r.status, r.body.error?.code]), [401, 'invalid_signature']);
    assert.deepEqual(await post(e, { timestamp: Math.floor(Date.now() / 1000) - 3600 }).then((r) => [r.status, r.body.error?.code]), [401, 'stale_signature']);
    assert.deepEqual(await post('{"id": 1,').then((r) => [r.status, r.body.error?.code]), [400, 'malformed_json']);
    const phishing = JSON.stringify({ ...productEvent('card', ['1']), url: 'https://evil.example/freee' });
    assert.deepEqual(await post(phishing).then((r) => [r.status, r.body.error?.code]), [400, 'invalid_event']);
    const unknown = JSON.stringify({ ...productEvent('card', ['1']), product: 'accounting-x' });
    assert.deepEqual(await post(unknown).then((r) => [r.status, r.body.error?.code]), [400, 'invalid_event']);
  });
});
