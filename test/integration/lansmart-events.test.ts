// The platform's signed order events through renkei's API: each event drives the order workflow
// once — duplicated and shuffled deliveries are answered "duplicate" and notify nobody again —,
// and forged, stale, malformed, unknown-order and out-of-order events are refused with a 4xx and
// change nothing; the platform's own 期日超過承認 closes the order and notifies once.
import { strict as assert } from 'node:assert';
import { orderWorkflowId } from '../../common/ids';
import { orderStatusQuery, partnerActionUpdate } from '../../common/orders/messages';
import { jstDate } from '../../common/orders/schedule';
import type { PartnerAction } from '../../common/orders/types';
import { signTimestamped } from '../../api/signatures';
import { useTestApi } from '../support/api-per-test';
import { lineTitlesTo, linkPartnerLine, seedLineUser } from '../support/line-partners';
import { CHECKED_APPROVAL, inAppOf, mailSubjectsTo, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('Lansmart platform events → the order workflow', () => {
  const run = useTestApi('orders');
  let partner: SeededPartner;

  beforeEach(async () => {
    partner = await seedPartner({ lineOption: false });
  });

  const today = (): string => jstDate(new Date());
  const newOrder = () =>
    stack().lansmart.createOrder({ partnerId: partner.partnerId, title: 'LP制作', amountYen: 200_000, workPeriod: { from: today(), to: today() }, closingDate: today() });
  const act = (orderId: string, action: PartnerAction, requestId: string) =>
    stack()
      .env.client.workflow.getHandle(orderWorkflowId(orderId))
      .executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action }], updateId: requestId });

  async function post(body: string, opts: { timestamp?: number; signature?: string } = {}) {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(`${run.api.url}/events/lansmart`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-renkei-timestamp': String(ts), 'x-renkei-signature': opts.signature ?? signTimestamped(body, stack().secrets.lansmartEventSecret, ts) },
    });
    return { status: res.status, body: (await res.json()) as { status?: string; error?: { code: string } } };
  }

  it('drives 発注書 → 業務報告 → 差し戻し → 支払通知書 once each, however often and in whatever order the events come again', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      const created = await newOrder();
      assert.equal(created.delivery.status, 202);
      const orderId = created.order.orderId;
      await act(orderId, CHECKED_APPROVAL, 'approve');
      assert.equal((await s.lansmart.createWorkReport(orderId)).delivery.status, 202);
      await act(orderId, { type: 'work.register', entries: [{ date: today(), hours: 6, description: 'コーディング' }] }, 'work');
      const invoice: PartnerAction = { type: 'invoice.submit', billingMonth: today().slice(0, 7), items: [{ name: 'LP制作', amountYen: 200_000 }], expenses: [] };
      await act(orderId, invoice, 'invoice-1');
      assert.equal((await s.lansmart.remandInvoice(orderId, { reason: '請求月が違います' })).delivery.status, 202);
      await act(orderId, invoice, 'invoice-2');
      const notice = await s.lansmart.issuePaymentNotice(orderId, { approvalDueDate: jstDate(new Date(Date.now() + 7 * 86_400_000)) });
      assert.equal(notice.delivery.status, 202);

      const kinds = ['order_created', 'work_report_created', 'invoice_remanded', 'payment_notice_issued'] as const;
      await eventually(() => inAppOf(partner.partnerId), (n) => n.length === kinds.length, 'the four notifications');

      // Every event of this order again, three times over, shuffled: all duplicates.
      const ofOrder = (body: string): boolean => (JSON.parse(body) as { orderId?: string }).orderId === orderId;
      const eventIds = (await s.lansmart.events()).filter((e) => ofOrder(e.requestBody) && !e.replay).map((e) => e.eventId);
      assert.equal(eventIds.length, 4);
      const replays = await s.lansmart.replayEvents({ eventIds, times: 3, shuffle: true });
      assert.equal(replays.length, 12);
      assert.deepEqual([...new Set(replays.map((r) => r.status))], [200]);
      assert.deepEqual([...new Set(replays.map((r) => (r.body as { status: string }).status))], ['duplicate']);

      const state = await s.env.client.workflow.getHandle(orderWorkflowId(orderId)).query(orderStatusQuery);
      assert.equal(state.status, 'payment_notice_issued');
      assert.equal(state.invoice?.submissions, 2);
      // One notification each, on each channel, in the order they happened.
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual((await inAppOf(partner.partnerId)).map((n) => n.kind), [...kinds]);
      const subjects = await eventually(() => mailSubjectsTo(partner.email), (x) => x.length >= 4, 'four e-mails');
      assert.deepEqual([...subjects].sort(), ['業務報告が作成されました', '発注書を確認してください', '請求書が差し戻されました', '支払通知書を確認してください'].sort());
    });
  });

  it('refuses forged, stale, malformed, unknown-order and out-of-order events and changes nothing', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      const forged = await s.lansmart.createOrder({ partnerId: partner.partnerId, title: 'x', amountYen: 1, workPeriod: { from: today(), to: today() }, closingDate: today(), signatureOverride: `sha256=${'0'.repeat(64)}` });
      assert.equal(forged.delivery.status, 401);
      const stale = await s.lansmart.createOrder({ partnerId: partner.partnerId, title: 'x', amountYen: 1, workPeriod: { from: today(), to: today() }, closingDate: today(), timestamp: Math.floor(Date.now() / 1000) - 3600 });
      assert.equal(stale.delivery.status, 401);
      for (const orderId of [forged.order.orderId, stale.order.orderId]) {
        await assert.rejects(s.env.client.workflow.getHandle(orderWorkflowId(orderId)).describe(), /not found/i);
      }

      const envelope = { eventId: `ev-${Date.now()}`, occurredAt: new Date().toISOString(), companyId: partner.companyId, partnerId: partner.partnerId };
      const malformed = await post(JSON.stringify({ ...envelope, type: 'work_report.created', orderId: 'ord_x', data: { reportId: 'r', closingDate: '2026/11/30' } }));
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error?.code, 'invalid_event');
      const unknown = await post(JSON.stringify({ ...envelope, type: 'work_report.created', orderId: 'ord_unknown', data: { reportId: 'r', period: { from: today(), to: today() }, closingDate: today() } }));
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error?.code, 'unknown_order');

      // A remand before any invoice was sent: refused, the order stays as it was.
      const { order } = await newOrder();
      const early = await post(JSON.stringify({ ...envelope, eventId: `early-${order.orderId}`, type: 'invoice.remanded', orderId: order.orderId, data: { invoiceId: 'inv_1', reason: '—' } }));
      assert.equal(early.status, 409);
      assert.equal(early.body.error?.code, 'invalid_transition');
      const state = await s.env.client.workflow.getHandle(orderWorkflowId(order.orderId)).query(orderStatusQuery);
      assert.equal(state.status, 'ordered');
      assert.deepEqual(state.remands, []);
      assert.ok(!state.appliedEventIds.includes(`early-${order.orderId}`));
    });
  });

  it('closes the order on the platform’s own 期日超過承認 and tells the partner once on every channel; a repeat or a late one changes nothing', async () => {
    const s = stack();
    partner = await seedPartner({ lineOption: true });
    await seedLineUser(partner);
    await withWorker(run.taskQueue, async () => {
      const { lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner);
      const created = await newOrder();
      const orderId = created.order.orderId;
      await act(orderId, CHECKED_APPROVAL, 'approve');
      await s.lansmart.createWorkReport(orderId);
      await act(orderId, { type: 'work.register', entries: [{ date: today(), hours: 6, description: 'コーディング' }] }, 'work');
      await act(orderId, { type: 'invoice.submit', billingMonth: today().slice(0, 7), items: [{ name: 'LP制作', amountYen: 200_000 }], expenses: [] }, 'invoice');
      await s.lansmart.issuePaymentNotice(orderId, { approvalDueDate: jstDate(new Date(Date.now() + 7 * 86_400_000)) });
      await eventually(() => inAppOf(partner.partnerId, 'payment_notice_issued'), (n) => n.length === 1, 'the payment notice');

      // The platform's console: 期日超過承認, delivered signed to renkei.
      const approved = await s.lansmart.approveOverdue(orderId);
      assert.equal(approved.delivery.status, 202);
      assert.equal((approved.delivery.body as { status: string }).status, 'applied');
      const handle = s.env.client.workflow.getHandle(orderWorkflowId(orderId));
      const final = (await handle.result()) as { status: string; closedBy: string };
      assert.equal(final.status, 'closed');
      assert.equal(final.closedBy, 'overdue_approval');
      // Sent again: a duplicate; a 期日超過承認 of the closed order under another event ID: nothing to do.
      const [again] = await s.lansmart.replayEvents({ eventIds: [approved.delivery.eventId] });
      assert.equal(again?.status, 200);
      const late = JSON.stringify({ ...JSON.parse(approved.delivery.requestBody), eventId: `late-${orderId}` });
      assert.deepEqual([(await post(late)).status, (await post(late)).body.status], [200, 'already_closed']);

      const DONE = '支払通知書の承認が完了しました';
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(DONE), 'the LINE message');
      await eventually(() => mailSubjectsTo(partner.email), (x) => x.includes(DONE), 'the e-mail');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal((await inAppOf(partner.partnerId, 'payment_notice_auto_approved')).length, 1);
      assert.equal((await mailSubjectsTo(partner.email)).filter((x) => x === DONE).length, 1);
      assert.equal((await lineTitlesTo(lineUserId)).filter((x) => x === DONE).length, 1);
      assert.equal((await s.lansmart.partnerActions()).filter((a) => a.orderId === orderId && a.type === 'payment_notice.approve').length, 0, 'renkei did not approve it again');
    });
  });
});
