// The order lifecycle's timers on the time-skipping server: 「請求書を作成してください」 the day after
// and two days after the closing date at the JST hour (none once the invoice is sent, none twice,
// a remand restarting the wait), and the payment notice approved by the partner or, past its due
// date, on their behalf (期日超過承認) with 「支払通知書の承認が完了しました」 — by renkei's own timer, or
// by the platform's signed payment_notice.overdue_approved, which ends the wait and notifies once.
// The platform emulator plays the company; the test hands the workflow the same events the API
// would (instants computed outside the sandbox), on workflow time.
import { strict as assert } from 'node:assert';
import type { WorkflowHandle } from '@temporalio/client';
import { orderWorkflowId } from '../../common/ids';
import { applyCompanyEventUpdate, orderStatusQuery, partnerActionUpdate, upcomingRemindersQuery } from '../../common/orders/messages';
import { invoiceReminderDueAts, paymentNoticeOverdueAt, remandReminderDueAts } from '../../common/orders/invoice-reminder-rule';
import { jstDate } from '../../common/orders/schedule';
import type { OrderState, PartnerAction } from '../../common/orders/types';
import { CompanyId, OrderId, OrderStatus, PartnerId } from '../../common/search-attributes';
import type { orderLifecycleWorkflow } from '../../workflows/order-lifecycle';
import { toCompanyEvent } from '../../api/lansmart/company-event';
import { lansmartEventSchema } from '../../api/schemas/lansmart-event';
import { Delivery } from '../../models/delivery';
import { OrderView } from '../../models/order-view';
import { CHECKED_APPROVAL, createPlatformOrder, inAppOf, mailSubjectsTo, seedPartner, type SeededPartner } from '../support/partners';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const HOUR_JST = 10;
const HOUR = 3600_000;
const REMINDER = '請求書を作成してください';

interface Driver {
  partner: SeededPartner;
  orderId: string;
  handle: WorkflowHandle<typeof orderLifecycleWorkflow>;
  act(action: PartnerAction, requestId: string): Promise<void>;
  reportCreated(): Promise<string[]>;
  /** Advances workflow time to `instant + offsetMs`. */
  sleepUntil(instantIso: string, offsetMs: number): Promise<void>;
  state(): Promise<OrderState>;
  reminders(): Promise<number>;
}

async function newOrder(taskQueue: string): Promise<Driver> {
  const s = stack();
  const partner = await seedPartner({ lineOption: false });
  const now = await s.env.currentTimeMs();
  const order = await createPlatformOrder(partner, now);
  const handle = await s.env.client.workflow.start<typeof orderLifecycleWorkflow>('orderLifecycleWorkflow', {
    workflowId: orderWorkflowId(order.orderId),
    taskQueue,
    args: [
      {
        start: {
          orderId: order.orderId,
          companyId: partner.companyId,
          partnerId: partner.partnerId,
          eventId: `created-${order.orderId}`,
          occurredAt: new Date(now).toISOString(),
          details: { orderNumber: order.orderNumber, title: order.title, amountYen: order.amountYen, workPeriod: order.workPeriod, closingDate: order.closingDate },
        },
      },
    ],
    typedSearchAttributes: [
      { key: OrderId, value: order.orderId },
      { key: PartnerId, value: partner.partnerId },
      { key: CompanyId, value: partner.companyId },
      { key: OrderStatus, value: 'ordered' },
    ],
  });
  const d: Driver = {
    partner,
    orderId: order.orderId,
    handle,
    async act(action, requestId) {
      await handle.executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action }], updateId: requestId });
    },
    async reportCreated() {
      const { order: o } = await s.lansmart.createWorkReport(order.orderId);
      const report = o.report;
      assert.ok(report);
      const dueAts = invoiceReminderDueAts(report.closingDate, HOUR_JST);
      await handle.executeUpdate(applyCompanyEventUpdate, {
        args: [{ type: 'work_report.created', eventId: `report-${order.orderId}`, occurredAt: new Date(await s.env.currentTimeMs()).toISOString(), data: { reportId: report.reportId, period: report.period, closingDate: report.closingDate }, reminderDueAts: dueAts }],
        updateId: `report-${order.orderId}`,
      });
      return dueAts;
    },
    async sleepUntil(instantIso, offsetMs) {
      const ms = Date.parse(instantIso) + offsetMs - (await s.env.currentTimeMs());
      if (ms > 0) await s.env.sleep(ms);
    },
    state: () => handle.query(orderStatusQuery),
    async reminders() {
      return (await inAppOf(partner.partnerId, 'invoice_reminder')).length;
    },
  };
  // 発注書を確認してください reached the partner by e-mail and in-app (no LINE option here).
  await eventually(() => inAppOf(partner.partnerId, 'order_created'), (n) => n.length === 1, 'the order notification');
  await d.act(CHECKED_APPROVAL, `approve-${order.orderId}`);
  return d;
}

const work: PartnerAction = { type: 'work.register', entries: [{ date: '2026-11-02', hours: 8, description: 'デザイン修正' }] };
const invoice: PartnerAction = { type: 'invoice.submit', billingMonth: '2026-11', items: [{ name: 'Webサイト改修', amountYen: 300_000 }], expenses: [{ name: '交通費', amountYen: 1_200 }] };

/** Lets deliveries started by a fired timer finish (activities run on wall-clock time). */
const settle = (d: Driver, expected: number): Promise<number> => eventually(() => d.reminders(), (n) => n === expected, `${expected} reminders`);

/** An order whose invoice was sent and whose 支払通知書 is due `dueInDays` days from now (JST). */
async function invoicedOrderWithPaymentNotice(taskQueue: string, dueInDays: number): Promise<Driver> {
  const s = stack();
  const d = await newOrder(taskQueue);
  await d.reportCreated();
  await d.act(work, 'work-1');
  await d.act(invoice, 'invoice-1');
  const dueDate = jstDate(new Date((await s.env.currentTimeMs()) + dueInDays * 24 * HOUR));
  const { order } = await s.lansmart.issuePaymentNotice(d.orderId, { approvalDueDate: dueDate });
  await d.handle.executeUpdate(applyCompanyEventUpdate, {
    args: [{ type: 'payment_notice.issued', eventId: `pn-${d.orderId}`, occurredAt: new Date(await s.env.currentTimeMs()).toISOString(), data: { paymentNoticeId: order.paymentNotice?.paymentNoticeId ?? 'pn', amountYen: 301_200, approvalDueDate: dueDate }, approvalDueAt: paymentNoticeOverdueAt(dueDate) }],
    updateId: `pn-${d.orderId}`,
  });
  return d;
}

describe('time-skipping: invoice reminders and the payment notice', function () {
  this.timeout(180_000);

  it('sends no reminder when the invoice is sent before the first one', async () => {
    const tq = uniqueTaskQueue('order');
    await withWorker(tq, async () => {
      const d = await newOrder(tq);
      const dueAts = await d.reportCreated();
      assert.deepEqual((await d.handle.query(upcomingRemindersQuery)).map((r) => r.dueAt), dueAts);
      // The instants are the day after and two days after the closing date, 10:00 JST.
      const closing = (await d.state()).details.closingDate;
      assert.deepEqual(dueAts.map((t) => [jstDate(new Date(t)), new Date(t).getUTCHours()]), [
        [jstDate(new Date(Date.parse(`${closing}T00:00:00+09:00`) + 86_400_000)), 1],
        [jstDate(new Date(Date.parse(`${closing}T00:00:00+09:00`) + 2 * 86_400_000)), 1],
      ]);
      await d.act(work, 'work-1');
      await d.act(invoice, 'invoice-1');
      assert.deepEqual(await d.handle.query(upcomingRemindersQuery), []);
      await d.sleepUntil(dueAts[1] as string, 24 * HOUR);
      assert.equal(await d.reminders(), 0);
      assert.deepEqual((await d.state()).reminders.map((r) => r.status), ['cancelled', 'cancelled']);
      assert.equal((await mailSubjectsTo(d.partner.email)).filter((x) => x === REMINDER).length, 0);
    });
  });

  it('sends the first reminder only when the invoice is sent between the two', async () => {
    const tq = uniqueTaskQueue('order');
    await withWorker(tq, async () => {
      const d = await newOrder(tq);
      const dueAts = await d.reportCreated();
      await d.sleepUntil(dueAts[0] as string, HOUR);
      await settle(d, 1);
      assert.deepEqual((await d.handle.query(upcomingRemindersQuery)).map((r) => r.dueAt), [dueAts[1]]);
      await d.act(work, 'work-1');
      await d.act(invoice, 'invoice-1');
      await d.sleepUntil(dueAts[1] as string, 24 * HOUR);
      assert.equal(await d.reminders(), 1);
      assert.deepEqual((await d.state()).reminders.map((r) => r.status), ['sent', 'cancelled']);
      // Every channel carries it: e-mail with the seed's subject, in-app linking to the invoice page.
      await eventually(() => mailSubjectsTo(d.partner.email), (subjects) => subjects.filter((x) => x === REMINDER).length === 1, 'the reminder e-mail');
      const [reminder] = await inAppOf(d.partner.partnerId, 'invoice_reminder');
      assert.equal(reminder?.title, REMINDER);
      assert.equal(reminder?.path, `/partner/orders/${d.orderId}/invoice`);
    });
  });

  it('sends both reminders, and no more, when the invoice never comes', async () => {
    const tq = uniqueTaskQueue('order');
    await withWorker(tq, async () => {
      const d = await newOrder(tq);
      const dueAts = await d.reportCreated();
      await d.sleepUntil(dueAts[0] as string, HOUR);
      await settle(d, 1);
      // The reminder's delivery saved the order's view before sending: its pages show the next one.
      const viewAfterFirst = await OrderView.findById(d.orderId).lean();
      assert.equal(viewAfterFirst?.nextReminderAt?.getTime(), Date.parse(dueAts[1] as string));
      await d.sleepUntil(dueAts[1] as string, HOUR);
      await settle(d, 2);
      assert.equal((await OrderView.findById(d.orderId).lean())?.nextReminderAt, undefined, 'no reminder left to show');
      await d.sleepUntil(dueAts[1] as string, 10 * 24 * HOUR);
      assert.equal(await d.reminders(), 2);
      const state = await d.state();
      assert.equal(state.status, 'reporting');
      assert.deepEqual(state.reminders.map((r) => r.status), ['sent', 'sent']);
      assert.deepEqual(await d.handle.query(upcomingRemindersQuery), []);
      await eventually(() => mailSubjectsTo(d.partner.email), (subjects) => subjects.filter((x) => x === REMINDER).length === 2, 'two reminder e-mails');
    });
  });

  it('restarts the wait after a remand, and stops it at the resubmission', async () => {
    const tq = uniqueTaskQueue('order');
    await withWorker(tq, async () => {
      const s = stack();
      const d = await newOrder(tq);
      await d.reportCreated();
      await d.act(work, 'work-1');
      await d.act(invoice, 'invoice-1');
      await s.lansmart.remandInvoice(d.orderId, { reason: '金額に誤りがあります' });
      const remandDue = remandReminderDueAts(new Date(await s.env.currentTimeMs()).toISOString(), HOUR_JST);
      await d.handle.executeUpdate(applyCompanyEventUpdate, {
        args: [{ type: 'invoice.remanded', eventId: `remand-${d.orderId}`, occurredAt: new Date(await s.env.currentTimeMs()).toISOString(), data: { invoiceId: 'inv-1', reason: '金額に誤りがあります' }, reminderDueAts: remandDue }],
        updateId: `remand-${d.orderId}`,
      });
      const [remanded] = await eventually(() => inAppOf(d.partner.partnerId, 'invoice_remanded'), (n) => n.length === 1, 'the remand notification');
      assert.equal(remanded?.title, '請求書が差し戻されました');
      assert.deepEqual((await d.handle.query(upcomingRemindersQuery)).map((r) => r.key), ['r1-0', 'r1-1']);

      await d.sleepUntil(remandDue[0] as string, HOUR);
      await settle(d, 1);
      await d.act(invoice, 'invoice-2');
      await d.sleepUntil(remandDue[1] as string, 5 * 24 * HOUR);
      assert.equal(await d.reminders(), 1);
      const state = await d.state();
      assert.equal(state.status, 'invoiced');
      assert.equal(state.invoice?.submissions, 2);
      assert.deepEqual(
        state.reminders.map((r) => `${r.key}:${r.status}`),
        ['r0-0:cancelled', 'r0-1:cancelled', 'r1-0:sent', 'r1-1:cancelled'],
      );
      assert.equal((await s.lansmart.order(d.orderId)).invoice?.revision, 2);
    });
  });

  it('closes when the partner approves the payment notice in time', async () => {
    const tq = uniqueTaskQueue('order');
    await withWorker(tq, async () => {
      const s = stack();
      const d = await invoicedOrderWithPaymentNotice(tq, 7);
      await eventually(() => inAppOf(d.partner.partnerId, 'payment_notice_issued'), (n) => n.length === 1, 'the payment notice notification');
      await d.sleepUntil(new Date((await s.env.currentTimeMs()) + 2 * 24 * HOUR).toISOString(), 0);
      await d.act({ type: 'payment_notice.approve' }, 'approve-pn');
      const final = await d.handle.result();
      assert.equal(final.status, 'closed');
      assert.equal(final.closedBy, 'partner');
      assert.equal((await inAppOf(d.partner.partnerId, 'payment_notice_auto_approved')).length, 0);
      assert.equal((await s.lansmart.order(d.orderId)).paymentNotice?.approvedBy, 'partner');
    });
  });

  it('approves an overdue payment notice on the partner’s behalf and tells them', async () => {
    const tq = uniqueTaskQueue('order');
    await withWorker(tq, async () => {
      const s = stack();
      const d = await invoicedOrderWithPaymentNotice(tq, 3);
      // Awaiting the result lets the server skip to the due date.
      const final = await d.handle.result();
      assert.equal(final.status, 'closed');
      assert.equal(final.closedBy, 'overdue_approval');
      assert.ok(final.closedAt && Date.parse(final.closedAt) >= Date.parse(final.paymentNotice?.approvalDueAt ?? ''));
      const [done] = await inAppOf(d.partner.partnerId, 'payment_notice_auto_approved');
      assert.equal(done?.title, '支払通知書の承認が完了しました');
      await eventually(() => mailSubjectsTo(d.partner.email), (subjects) => subjects.includes('支払通知書の承認が完了しました'), 'the overdue-approval e-mail');
      assert.equal((await s.lansmart.order(d.orderId)).paymentNotice?.approvedBy, 'overdue');
    });
  });

  it('ends the wait and tells the partner once when the platform approves the overdue notice itself', async () => {
    const tq = uniqueTaskQueue('order');
    await withWorker(tq, async () => {
      const s = stack();
      const d = await invoicedOrderWithPaymentNotice(tq, 3);
      await eventually(() => inAppOf(d.partner.partnerId, 'payment_notice_issued'), (n) => n.length === 1, 'the payment notice notification');
      // The platform's console: 期日超過承認 the day before renkei's own would run; its signed event
      // is handed to the workflow as the API does.
      await d.sleepUntil(new Date((await s.env.currentTimeMs()) + 2 * 24 * HOUR).toISOString(), 0);
      const { delivery } = await s.lansmart.approveOverdue(d.orderId);
      const event = lansmartEventSchema.parse(JSON.parse(delivery.requestBody));
      assert.equal(event.type, 'payment_notice.overdue_approved');
      const companyEvent = toCompanyEvent(event, HOUR_JST);
      assert.deepEqual(await d.handle.executeUpdate(applyCompanyEventUpdate, { args: [companyEvent], updateId: event.eventId }), { status: 'closed', duplicate: false });
      const final = await d.handle.result();
      assert.equal(final.status, 'closed');
      assert.equal(final.closedBy, 'overdue_approval');
      assert.equal(final.closedAt, event.occurredAt);
      assert.ok(Date.parse(event.occurredAt) < Date.parse(final.paymentNotice?.approvalDueAt ?? ''), 'closed before renkei’s own 期日超過承認 was due');
      // Once on every channel (in-app and e-mail; LINE skipped once: no LINE option here), and
      // renkei did not approve it on the platform a second time.
      const [done, ...more] = await inAppOf(d.partner.partnerId, 'payment_notice_auto_approved');
      assert.equal(done?.title, '支払通知書の承認が完了しました');
      assert.equal(more.length, 0);
      await eventually(() => mailSubjectsTo(d.partner.email), (subjects) => subjects.includes('支払通知書の承認が完了しました'), 'the overdue-approval e-mail');
      assert.equal((await mailSubjectsTo(d.partner.email)).filter((x) => x === '支払通知書の承認が完了しました').length, 1);
      assert.deepEqual(
        (await Delivery.find({ workflowId: orderWorkflowId(d.orderId), _id: /payment_notice_auto_approved/ }).lean()).map((x) => `${x.channel}:${x.status}`).sort(),
        ['email:sent', 'inapp:sent', 'line:skipped'],
      );
      const platform = await s.lansmart.order(d.orderId);
      assert.equal(platform.paymentNotice?.approvedBy, 'overdue');
      assert.equal((await s.lansmart.partnerActions()).filter((a) => a.orderId === d.orderId && a.type === 'payment_notice.approve').length, 0);
    });
  });
});
