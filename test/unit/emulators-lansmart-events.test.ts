// The Lansmart platform emulator's company side: the signed events it sends to renkei (verifiable
// with the shared secret), refusals that send nothing, forged and stale events on request, replay
// (duplicated, shuffled), and the company console page.

import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { EmulatorControlError } from '../../emulators/control-client';
import { type PlatformEvent } from '../../emulators/lansmart';
import { type ReceivedRequest, useHttpReceiver } from '../support/http-receiver';
import { useLansmartEmulator } from '../support/emulator-suite';

const SECRET = 'event-secret';

/** What renkei's endpoint does: HMAC-SHA256(secret, "<timestamp>.<raw body>") in hex. */
function verifies(received: ReceivedRequest, secret: string): boolean {
  const timestamp = String(received.headers['x-renkei-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest('hex')}`;
  return received.headers['x-renkei-signature'] === expected;
}

const eventOf = (received: ReceivedRequest | undefined): PlatformEvent => JSON.parse(received?.body ?? 'null') as PlatformEvent;

describe('Lansmart platform emulator events and company console', () => {
  const lansmart = useLansmartEmulator();
  const receiver = useHttpReceiver('/webhooks/lansmart', () => ({ status: 202, json: { accepted: true } }));
  const received = receiver.received;

  const rejectsWith = (status: number) => (error: unknown) => error instanceof EmulatorControlError && error.status === status;

  const order = (orderId: string) =>
    lansmart.control.createOrder({ orderId, partnerId: 'p-1', title: 'バナー制作', amountYen: 80_000, workPeriod: { from: '2026-03-01', to: '2026-03-31' }, closingDate: '2026-03-31' });

  const partnerAction = async (orderId: string, key: string, body: unknown): Promise<number> => {
    const response = await fetch(`${lansmart.url}/api/v1/orders/${orderId}/partner-actions`, {
      method: 'POST',
      headers: { authorization: 'Bearer key', 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  };

  /** ordered → … → invoiced, through the partner API. */
  const toInvoiced = async (orderId: string): Promise<void> => {
    await order(orderId);
    await partnerAction(orderId, `${orderId}-a`, { type: 'order.approve', partnerId: 'p-1', payload: {} });
    await lansmart.control.createWorkReport(orderId);
    await partnerAction(orderId, `${orderId}-w`, { type: 'work.register', partnerId: 'p-1', payload: { entries: [{ date: '2026-03-02', hours: 3, description: 'デザイン' }] } });
    await partnerAction(orderId, `${orderId}-i`, { type: 'invoice.submit', partnerId: 'p-1', payload: { billingMonth: '2026-03', items: [{ name: 'バナー', amountYen: 80_000 }], expenses: [] } });
  };

  beforeEach(async () => {
    await lansmart.control.seed({
      apiKey: 'key',
      eventTargetUrl: receiver.url,
      eventSecret: SECRET,
      companies: [{ companyId: 'c-1', name: '株式会社サンプル', lineOption: true, users: [] }],
      partners: [{ partnerId: 'p-1', companyId: 'c-1', email: 'partner@example.com', name: '山田 花子' }],
    });
  });

  it('sends order.created signed with the shared secret and records the delivery', async () => {
    const { order: created, delivery } = await order('ord-1');
    assert.equal(created.status, 'ordered');
    assert.equal(delivery.status, 202);
    assert.deepEqual(delivery.body, { accepted: true });

    assert.equal(received.length, 1);
    const first = received[0] as ReceivedRequest;
    assert.equal(first.headers['content-type'], 'application/json');
    assert.match(String(first.headers['x-renkei-timestamp']), /^\d{10}$/);
    assert.ok(verifies(first, SECRET), 'the signature verifies with the shared secret');
    assert.ok(!verifies(first, 'another-secret'));

    const event = eventOf(first);
    assert.equal(event.type, 'order.created');
    assert.match(event.eventId, /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(event.occurredAt)));
    assert.deepEqual(
      { companyId: event.companyId, partnerId: event.partnerId, orderId: event.orderId, data: event.data },
      {
        companyId: 'c-1',
        partnerId: 'p-1',
        orderId: 'ord-1',
        data: { orderNumber: created.orderNumber, title: 'バナー制作', amountYen: 80_000, workPeriod: { from: '2026-03-01', to: '2026-03-31' }, closingDate: '2026-03-31' },
      },
    );

    const deliveries = await lansmart.control.events();
    assert.equal(deliveries.length, 1);
    assert.equal(deliveries[0]?.eventId, event.eventId);
    assert.equal(deliveries[0]?.targetUrl, receiver.url);
    assert.equal(deliveries[0]?.status, 202);
    assert.equal(deliveries[0]?.replay, false);
  });

  it('sends each company step with its data', async () => {
    await toInvoiced('ord-2');
    await lansmart.control.remandInvoice('ord-2', { reason: '金額が発注書と異なります' });
    await partnerAction('ord-2', 'ord-2-i2', { type: 'invoice.submit', partnerId: 'p-1', payload: { billingMonth: '2026-03', items: [{ name: 'バナー', amountYen: 80_000 }], expenses: [] } });
    await lansmart.control.issuePaymentNotice('ord-2', { approvalDueDate: '2026-04-10' });
    await order('ord-3');
    await lansmart.control.cancelOrder('ord-3', { reason: '予算の都合' });

    const events = received.map(eventOf);
    assert.deepEqual(
      events.map((event) => `${event.orderId}:${event.type}`),
      ['ord-2:order.created', 'ord-2:work_report.created', 'ord-2:invoice.remanded', 'ord-2:payment_notice.issued', 'ord-3:order.created', 'ord-3:order.cancelled'],
    );
    const state = await lansmart.control.order('ord-2');
    assert.deepEqual(events[1]?.data, { reportId: state.report?.reportId, period: { from: '2026-03-01', to: '2026-03-31' }, closingDate: '2026-03-31' });
    assert.deepEqual(events[2]?.data, { invoiceId: state.invoice?.invoiceId, reason: '金額が発注書と異なります' });
    assert.deepEqual(events[3]?.data, { paymentNoticeId: state.paymentNotice?.paymentNoticeId, amountYen: 80_000, approvalDueDate: '2026-04-10' });
    assert.deepEqual(events[5]?.data, { reason: '予算の都合' });
    assert.ok(received.every((entry) => verifies(entry, SECRET)));
    assert.equal(new Set(events.map((event) => event.eventId)).size, events.length);
  });

  it('refuses company steps the status does not allow with 409 and sends nothing', async () => {
    await order('ord-4');
    await assert.rejects(lansmart.control.createWorkReport('ord-4'), rejectsWith(409));
    await assert.rejects(lansmart.control.remandInvoice('ord-4', { reason: 'x' }), rejectsWith(409));
    await assert.rejects(lansmart.control.issuePaymentNotice('ord-4', { approvalDueDate: '2026-04-10' }), rejectsWith(409));
    await assert.rejects(lansmart.control.approveOverdue('ord-4'), rejectsWith(409));
    await lansmart.control.cancelOrder('ord-4');
    await assert.rejects(lansmart.control.cancelOrder('ord-4'), rejectsWith(409));
    await assert.rejects(lansmart.control.createWorkReport('ord-unknown'), rejectsWith(404));
    await assert.rejects(order('ord-4'), rejectsWith(409));
    await assert.rejects(
      lansmart.control.createOrder({ partnerId: 'p-1', title: '逆順', amountYen: 1, workPeriod: { from: '2026-03-31', to: '2026-03-01' }, closingDate: '2026-03-31' }),
      rejectsWith(400),
    );

    assert.deepEqual(
      received.map((entry) => eventOf(entry).type),
      ['order.created', 'order.cancelled'],
    );
    assert.equal((await lansmart.control.order('ord-4')).status, 'cancelled');
  });

  it('sends forged, stale and malformed events on request', async () => {
    await order('ord-5');
    await partnerAction('ord-5', 'ord-5-a', { type: 'order.approve', partnerId: 'p-1', payload: {} });
    await lansmart.control.createWorkReport('ord-5', { signatureOverride: 'sha256=deadbeef' });
    const stale = Math.floor(Date.now() / 1000) - 3600;
    await toInvoiced('ord-6');
    await lansmart.control.remandInvoice('ord-6', { reason: '再提出してください', timestamp: stale });
    await lansmart.control.cancelOrder('ord-6', { rawBody: '{"eventId": ' });

    const [, forgedReport, , , staleRemand, malformed] = received;
    assert.equal(forgedReport?.headers['x-renkei-signature'], 'sha256=deadbeef');
    assert.ok(!verifies(forgedReport, SECRET));
    assert.equal(staleRemand?.headers['x-renkei-timestamp'], String(stale));
    assert.ok(verifies(staleRemand, SECRET), 'a stale event is still correctly signed');
    assert.equal(malformed?.body, '{"eventId": ');
    assert.ok(verifies(malformed, SECRET));
  });

  it('replays recorded events duplicated, shuffled or all at once, with their eventIds', async () => {
    await order('ord-7');
    await lansmart.control.cancelOrder('ord-7');
    const originals = received.map((entry) => entry.body);
    const [createdId, cancelledId] = originals.map((body) => (JSON.parse(body) as PlatformEvent).eventId);
    received.length = 0;

    const duplicated = await lansmart.control.replayEvents({ times: 3 });
    assert.equal(duplicated.length, 6);
    assert.deepEqual(received.map((entry) => entry.body), [...originals, ...originals, ...originals]);
    assert.ok(received.every((entry) => verifies(entry, SECRET)));
    assert.ok(duplicated.every((delivery) => delivery.replay && delivery.status === 202));

    received.length = 0;
    const shuffled = await lansmart.control.replayEvents({ eventIds: [cancelledId as string, createdId as string], times: 2, shuffle: true });
    assert.deepEqual(received.map((entry) => eventOf(entry).eventId), shuffled.map((delivery) => delivery.eventId), 'the answer lists the sendings in order');
    assert.deepEqual(shuffled.map((delivery) => delivery.eventId).sort(), [createdId, createdId, cancelledId, cancelledId].sort());

    received.length = 0;
    const parallel = await lansmart.control.replayEvents({ eventIds: [createdId as string], times: 4, parallel: true });
    assert.equal(parallel.length, 4);
    assert.equal(received.length, 4);
    assert.ok(received.every((entry) => entry.body === originals[0]));

    await assert.rejects(lansmart.control.replayEvents({ eventIds: ['no-such-event'] }), rejectsWith(404));
    assert.equal((await lansmart.control.events()).length, 2 + 6 + 4 + 4);
  });

  it('records an unreachable renkei instead of failing the company step', async () => {
    await lansmart.control.seed({ eventTargetUrl: 'http://127.0.0.1:1/nowhere' });
    const { order: created, delivery } = await order('ord-8');
    assert.equal(created.status, 'ordered');
    assert.equal(delivery.status, null);
    assert.equal(typeof delivery.error, 'string');
  });

  it('lets a person play the company in the console page', async () => {
    const page = async (path: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; text: string }> => {
      const response = await fetch(`${lansmart.url}${path}`, {
        method: form === undefined ? 'GET' : 'POST',
        redirect: 'manual',
        ...(form === undefined ? {} : { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }),
      });
      return { status: response.status, location: response.headers.get('location'), text: await response.text() };
    };

    const empty = await page('/company/orders');
    assert.equal(empty.status, 200);
    assert.match(empty.text, /<html lang="ja">/);
    assert.match(empty.text, /発注書を作成/);
    assert.match(empty.text, /山田 花子 &lt;partner@example.com&gt;/);

    const invalid = await page('/company/orders', { partnerId: 'p-1', title: '', amountYen: 'abc', from: '2026-03-01', to: '2026-03-31', closingDate: '2026-03-31' });
    assert.equal(invalid.status, 400);
    assert.match(invalid.text, /件名を入力してください/);
    assert.equal(received.length, 0);

    const created = await page('/company/orders', { partnerId: 'p-1', title: '<b>ロゴ</b>制作', amountYen: '120000', from: '2026-03-01', to: '2026-03-31', closingDate: '2026-03-31' });
    assert.equal(created.status, 303);
    assert.equal(created.location, '/company/orders?notice=created&delivery=202');
    const [orderRecord] = await lansmart.control.orders();
    assert.equal(orderRecord?.title, '<b>ロゴ</b>制作');
    assert.equal(eventOf(received[0]).type, 'order.created');

    const listed = await page(created.location);
    assert.match(listed.text, /発注書を作成しました。 renkeiへの通知: HTTP 202/);
    assert.match(listed.text, /&lt;b&gt;ロゴ&lt;\/b&gt;制作/);
    assert.doesNotMatch(listed.text, /業務報告を作成<\/button>/, 'no work report before the partner approves');

    const orderId = orderRecord?.orderId;
    const early = await page(`/company/orders/${orderId}/work-report`, {});
    assert.equal(early.status, 409);
    assert.match(early.text, /発注書の状態が「発注済み（承認待ち）」のため/);

    await partnerAction(orderId, 'console-a', { type: 'order.approve', partnerId: 'p-1', payload: {} });
    assert.match((await page('/company/orders')).text, /業務報告を作成<\/button>/);
    assert.equal((await page(`/company/orders/${orderId}/work-report`, {})).status, 303);
    await partnerAction(orderId, 'console-w', { type: 'work.register', partnerId: 'p-1', payload: { entries: [{ date: '2026-03-03', hours: 4, description: 'ラフ案' }] } });
    await partnerAction(orderId, 'console-i', { type: 'invoice.submit', partnerId: 'p-1', payload: { billingMonth: '2026-03', items: [{ name: 'ロゴ', amountYen: 120_000 }], expenses: [] } });

    const invoiced = await page('/company/orders');
    assert.match(invoiced.text, /請求書を差し戻す/);
    assert.match(invoiced.text, /支払通知書を作成/);
    assert.equal((await page(`/company/orders/${orderId}/remand`, { reason: 'ロゴの色を修正してください' })).status, 303);
    await partnerAction(orderId, 'console-i2', { type: 'invoice.submit', partnerId: 'p-1', payload: { billingMonth: '2026-03', items: [{ name: 'ロゴ', amountYen: 120_000 }], expenses: [] } });
    const noticed = await page(`/company/orders/${orderId}/payment-notice`, { approvalDueDate: '2026-04-15' });
    assert.equal(noticed.location, '/company/orders?notice=payment_notice&delivery=202');

    assert.deepEqual(
      received.map((entry) => eventOf(entry).type),
      ['order.created', 'work_report.created', 'invoice.remanded', 'payment_notice.issued'],
    );
    assert.equal((eventOf(received[2]).data as { reason: string }).reason, 'ロゴの色を修正してください');
    assert.equal((await lansmart.control.order(orderId)).status, 'payment_notice_issued');
  });
});
