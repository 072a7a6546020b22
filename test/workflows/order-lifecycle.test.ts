// The order's branches with stub activities on the time-skipping server: each step in its status
// (others refused), the reminders of the invoice reminder rule (none once the invoice is sent),
// the overdue approval, a cancelled order, and a notification that could not be delivered kept in
// the status the query shows.
import { strict as assert } from 'node:assert';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ErrorType } from '../../common/errors';
import { invoiceReminderDueAts, paymentNoticeOverdueAt } from '../../common/orders/invoice-reminder-rule';
import { applyCompanyEventUpdate, orderStatusQuery, partnerActionUpdate } from '../../common/orders/messages';
import { jstDate } from '../../common/orders/schedule';
import type { OrderView } from '../../common/orders/order-view';
import type { PartnerAction } from '../../common/orders/types';
import type { orderLifecycleWorkflow } from '../../workflows/order-lifecycle';
import { withStubWorker, workflowEnv } from '../support/workflow-env';
import { partnerDeliveryStubs } from './partner-stubs';

const DAY = 86_400_000;

function orderStubs(options: { refusePlan?: boolean; saveViewMs?: number; refuseCarriedSave?: boolean } = {}) {
  const reported: string[] = [];
  const saved: OrderView[] = [];
  /** Read-model saves (once written) and notifications (once their in-app copy is sent), in order. */
  const timeline: Array<{ view: OrderView } | { notice: string }> = [];
  const saveOrderView = async (input: { view: OrderView }): Promise<void> => {
    if (options.saveViewMs) await new Promise((resolve) => setTimeout(resolve, options.saveViewMs));
    saved.push(input.view);
    timeline.push({ view: input.view });
  };
  const delivery = partnerDeliveryStubs({
    ...(options.refusePlan ? { refusePlan: true } : {}),
    saveOrderView: options.refuseCarriedSave ? () => Promise.reject(ApplicationFailure.nonRetryable('the read model refused the write', 'VIEW_REFUSED')) : saveOrderView,
    onSend: (n) => {
      if (n.channel === 'inapp') timeline.push({ notice: n.kind });
    },
  });
  return {
    delivery,
    reported,
    saved,
    timeline,
    activities: {
      ...delivery.activities,
      reportPartnerAction: (input: { action: PartnerAction }): Promise<{ actionId: string }> => {
        reported.push(input.action.type);
        return Promise.resolve({ actionId: `a${reported.length}` });
      },
      reportOverdueApproval: (): Promise<'approved' | 'already_closed'> => {
        reported.push('overdue_approval');
        return Promise.resolve('approved');
      },
      saveOrderView,
    },
  };
}

let n = 0;
async function startOrder(taskQueue: string, closingDate: string): Promise<WorkflowHandle<typeof orderLifecycleWorkflow>> {
  const env = workflowEnv();
  const orderId = `o${++n}-${taskQueue}`;
  const now = new Date(await env.currentTimeMs()).toISOString();
  return env.client.workflow.start<typeof orderLifecycleWorkflow>('orderLifecycleWorkflow', {
    workflowId: `order:${orderId}`,
    taskQueue,
    args: [
      {
        start: {
          orderId,
          companyId: 'c1',
          partnerId: 'p1',
          eventId: `created-${orderId}`,
          occurredAt: now,
          details: { orderNumber: 'PO-1', title: '設計', amountYen: 300_000, workPeriod: { from: closingDate, to: closingDate }, closingDate },
        },
      },
    ],
  });
}

const act = (h: WorkflowHandle<typeof orderLifecycleWorkflow>, action: PartnerAction, partnerId = 'p1') =>
  h.executeUpdate(partnerActionUpdate, { args: [{ partnerId, via: 'web', action }] });

/** The approval as the API sends it once 口座情報, 基本情報 and the final check are done. */
const CHECKED_APPROVAL: PartnerAction = { type: 'order.approve', checks: { bankAccount: true, basicInfo: true, confirmed: true } };

const refusedAs = async (p: Promise<unknown>, type: string): Promise<void> => {
  await assert.rejects(p, (err: unknown) => err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === type);
};

const invoice: PartnerAction = { type: 'invoice.submit', billingMonth: '2026-12', items: [{ name: '設計', amountYen: 300_000 }], expenses: [{ name: '交通費', amountYen: 1_200 }] };

/** Approves the order and creates its 業務報告 with a 締め日 today (JST); returns the reminder instants. */
async function reportCreated(h: WorkflowHandle<typeof orderLifecycleWorkflow>): Promise<string[]> {
  const now = await workflowEnv().currentTimeMs();
  const closingDate = jstDate(new Date(now));
  const dueAts = invoiceReminderDueAts(closingDate, 10);
  await act(h, CHECKED_APPROVAL);
  await h.executeUpdate(applyCompanyEventUpdate, {
    args: [{ type: 'work_report.created', eventId: `report-${h.workflowId}`, occurredAt: new Date(now).toISOString(), data: { reportId: 'r1', period: { from: closingDate, to: closingDate }, closingDate }, reminderDueAts: dueAts }],
  });
  return dueAts;
}

const workRegistered: PartnerAction = { type: 'work.register', entries: [{ date: '2026-12-01', hours: 8, description: '設計' }] };

/** 稼動登録, then the 請求書. */
async function sendInvoice(h: WorkflowHandle<typeof orderLifecycleWorkflow>): Promise<void> {
  await act(h, workRegistered);
  await act(h, invoice);
}

/** Waits (real time, up to 10 s) until `done` holds. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  const giveUpAt = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > giveUpAt) throw new Error(`not done within 10 s: ${done.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function sleepPast(instant: string): Promise<void> {
  const env = workflowEnv();
  await env.sleep(Date.parse(instant) - (await env.currentTimeMs()) + 60_000);
}

describe('order lifecycle workflow (stub activities, time-skipping)', () => {
  it('takes each step in its status, refuses another partner and a step too early, and closes on the partner’s approval', async () => {
    const s = orderStubs();
    await withStubWorker(s.activities, async (tq) => {
      const env = workflowEnv();
      const h = await startOrder(tq, jstDate(new Date(await env.currentTimeMs())));
      await refusedAs(act(h, invoice), ErrorType.INVALID_TRANSITION);
      await refusedAs(act(h, CHECKED_APPROVAL, 'someone-else'), ErrorType.NOT_ORDER_PARTNER);
      // The approval rule, whatever the entry point: 口座情報, 基本情報 and the final check first.
      await refusedAs(act(h, { type: 'order.approve' }), ErrorType.APPROVAL_INCOMPLETE);
      await refusedAs(act(h, { type: 'order.approve', checks: { bankAccount: false, basicInfo: true, confirmed: true } }), ErrorType.APPROVAL_INCOMPLETE);
      await refusedAs(act(h, { type: 'order.approve', checks: { bankAccount: true, basicInfo: false, confirmed: true } }), ErrorType.APPROVAL_INCOMPLETE);
      await refusedAs(act(h, { type: 'order.approve', checks: { bankAccount: true, basicInfo: true, confirmed: false } }), ErrorType.APPROVAL_INCOMPLETE);
      assert.equal((await h.query(orderStatusQuery)).status, 'ordered');
      await reportCreated(h);
      await act(h, workRegistered);
      assert.equal((await act(h, invoice)).status, 'invoiced');
      await h.executeUpdate(applyCompanyEventUpdate, {
        args: [{ type: 'payment_notice.issued', eventId: `pn-${h.workflowId}`, occurredAt: new Date(await env.currentTimeMs()).toISOString(), data: { paymentNoticeId: 'pn1', amountYen: 301_200, approvalDueDate: '2099-12-31' }, approvalDueAt: paymentNoticeOverdueAt('2099-12-31') }],
      });
      await act(h, { type: 'payment_notice.approve' });
      const final = await h.result();
      assert.equal(final.status, 'closed');
      assert.equal(final.closedBy, 'partner');
      assert.equal(final.invoice?.totalYen, 301_200);
    });
    assert.deepEqual(s.reported, ['order.approve', 'work.register', 'invoice.submit', 'payment_notice.approve']);
    assert.deepEqual(s.delivery.inAppKinds(), ['order_created', 'work_report_created', 'payment_notice_issued']);
    assert.equal(s.saved.at(-1)?.status, 'closed');
  });

  it('writes the read model before answering a step, with a growing version and without the bookkeeping, through the order’s end', async () => {
    const s = orderStubs();
    await withStubWorker(s.activities, async (tq) => {
      const h = await startOrder(tq, jstDate(new Date(await workflowEnv().currentTimeMs())));
      const answer = await act(h, CHECKED_APPROVAL);
      assert.ok(answer.viewVersion !== undefined, 'the step answers with the version of the read model it wrote');
      const written = s.saved.find((v) => v.version === answer.viewVersion);
      assert.equal(written?.status, 'approved', 'the view of that version was written before the answer');
      await h.executeUpdate(applyCompanyEventUpdate, {
        args: [{ type: 'order.cancelled', eventId: `cancel-${h.workflowId}`, occurredAt: new Date(await workflowEnv().currentTimeMs()).toISOString(), data: { reason: 'x' } }],
      });
      await h.result();
    });
    const versions = s.saved.map((v) => v.version);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only grow');
    assert.equal(new Set(versions).size, versions.length, 'each write has its own version');
    assert.deepEqual([...new Set(s.saved.map((v) => v.status))], ['ordered', 'approved', 'cancelled'], 'every status reached the read model');
    const last = s.saved.at(-1) as unknown as Record<string, unknown>;
    for (const bookkeeping of ['notifications', 'appliedEventIds', 'appliedActionIds', 'lineReplyErrors']) assert.equal(last[bookkeeping], undefined, `${bookkeeping} stays out of the view`);
  });

  it('saves the read model of a change before starting its notifications, so a tap on one finds the page at that step', async () => {
    // A slow save: a notification started beside it would be delivered first.
    const s = orderStubs({ saveViewMs: 300 });
    await withStubWorker(s.activities, async (tq) => {
      const h = await startOrder(tq, jstDate(new Date(await workflowEnv().currentTimeMs())));
      const [first] = await reportCreated(h);
      await sleepPast(first as string);
      await h.terminate();
    });
    const firstIndex = (found: (e: (typeof s.timeline)[number]) => boolean): number => s.timeline.findIndex(found);
    const created = firstIndex((e) => 'notice' in e && e.notice === 'order_created');
    const orderedView = firstIndex((e) => 'view' in e && e.view.status === 'ordered');
    assert.ok(orderedView >= 0 && created > orderedView, '発注書 announced after the view of the order was saved');
    // A reminder's order (the view saved inside its delivery, before the send): the next test.
  });

  it('sends a reminder in one activity that saves the order’s view before anything goes out, on one timer per due instant', async () => {
    const s = orderStubs({ saveViewMs: 300 });
    await withStubWorker(s.activities, async (tq) => {
      const h = await startOrder(tq, jstDate(new Date(await workflowEnv().currentTimeMs())));
      const [first] = await reportCreated(h);
      await sleepPast(first as string);
      await until(() => s.delivery.inAppKinds().includes('invoice_reminder'));
      const events = (await h.fetchHistory()).events ?? [];
      await h.terminate();
      const fired = events.findIndex((e) => e.timerFiredEventAttributes);
      assert.ok(fired > 0, 'the reminder’s timer fired');
      const scheduled = events.slice(fired).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
      assert.deepEqual(scheduled, ['deliverPartnerNotification'], 'one activity for the reminder, no save of its own');
      // The wakes for the 業務報告's view and notification kept the reminder's timer.
      assert.equal(events.filter((e) => e.timerCanceledEventAttributes).length, 0, 'no timer cancelled');
      assert.equal(events.slice(0, fired).filter((e) => e.timerStartedEventAttributes).length, 1, 'one timer before the reminder');
    });
    const reminder = s.timeline.findIndex((e) => 'notice' in e && e.notice === 'invoice_reminder');
    const remindedView = s.timeline.findIndex((e) => 'view' in e && e.view.status === 'reporting' && e.view.reminders.length === 1);
    assert.ok(remindedView >= 0 && reminder > remindedView, '請求書を作成してください sent after the view without its reminder was saved');
  });

  it('saves the order’s view itself when a reminder’s delivery could not', async () => {
    const s = orderStubs({ refuseCarriedSave: true });
    await withStubWorker(s.activities, async (tq) => {
      const h = await startOrder(tq, jstDate(new Date(await workflowEnv().currentTimeMs())));
      const [first] = await reportCreated(h);
      await sleepPast(first as string);
      const failed = async (): Promise<boolean> => (await h.query(orderStatusQuery)).notifications.some((n) => n.kind === 'invoice_reminder' && n.error !== undefined);
      await until(failed);
      const { viewVersion } = await h.query(orderStatusQuery);
      await until(() => s.saved.at(-1)?.version === viewVersion);
      assert.equal(s.saved.at(-1)?.reminders.length, 1, 'the saved view no longer shows the reminder that fell due');
      await h.terminate();
    });
  });

  it('sends 請求書を作成してください the day after and two days after the 締め日 while no invoice is sent, and none after it is', async () => {
    const s = orderStubs();
    await withStubWorker(s.activities, async (tq) => {
      const env = workflowEnv();
      const h = await startOrder(tq, jstDate(new Date(await env.currentTimeMs())));
      const [first, second] = await reportCreated(h);
      await sleepPast(first as string);
      assert.deepEqual((await h.query(orderStatusQuery)).reminders.map((r) => r.status), ['sent', 'scheduled']);
      await sleepPast(second as string);
      assert.deepEqual((await h.query(orderStatusQuery)).reminders.map((r) => r.status), ['sent', 'sent']);
      await sendInvoice(h);
      await env.sleep(3 * DAY);
      await h.terminate();
    });
    assert.deepEqual(s.delivery.inAppKinds().filter((k) => k === 'invoice_reminder').length, 2);

    const early = orderStubs();
    await withStubWorker(early.activities, async (tq) => {
      const env = workflowEnv();
      const h = await startOrder(tq, jstDate(new Date(await env.currentTimeMs())));
      const [, second] = await reportCreated(h);
      await sendInvoice(h);
      await sleepPast(second as string);
      assert.deepEqual((await h.query(orderStatusQuery)).reminders.map((r) => r.status), ['cancelled', 'cancelled']);
      await h.terminate();
    });
    assert.equal(early.delivery.inAppKinds().includes('invoice_reminder'), false);
  });

  it('approves a payment notice still pending after its due date on the partner’s behalf, with 支払通知書の承認が完了しました', async () => {
    const s = orderStubs();
    await withStubWorker(s.activities, async (tq) => {
      const env = workflowEnv();
      const h = await startOrder(tq, jstDate(new Date(await env.currentTimeMs())));
      await reportCreated(h);
      await sendInvoice(h);
      const dueDate = jstDate(new Date((await env.currentTimeMs()) + 2 * DAY));
      await h.executeUpdate(applyCompanyEventUpdate, {
        args: [{ type: 'payment_notice.issued', eventId: `pn-${h.workflowId}`, occurredAt: new Date(await env.currentTimeMs()).toISOString(), data: { paymentNoticeId: 'pn1', amountYen: 301_200, approvalDueDate: dueDate }, approvalDueAt: paymentNoticeOverdueAt(dueDate) }],
      });
      const final = await h.result(); // the server skips time to the due instant
      assert.equal(final.closedBy, 'overdue_approval');
    });
    assert.deepEqual(s.reported.slice(-1), ['overdue_approval']);
    assert.equal(s.delivery.inAppKinds().at(-1), 'payment_notice_auto_approved');
  });

  it('ends a cancelled order, and keeps a notification it could not deliver in its status', async () => {
    const s = orderStubs({ refusePlan: true });
    await withStubWorker(s.activities, async (tq) => {
      const env = workflowEnv();
      const h = await startOrder(tq, jstDate(new Date(await env.currentTimeMs())));
      await h.executeUpdate(applyCompanyEventUpdate, { args: [{ type: 'order.cancelled', eventId: `cancel-${h.workflowId}`, occurredAt: new Date(await env.currentTimeMs()).toISOString(), data: { reason: '発注取消' } }] });
      const final = await h.result();
      assert.equal(final.status, 'cancelled');
      const created = final.notifications.find((x) => x.kind === 'order_created');
      assert.equal(created?.status, 'done');
      assert.match(created?.error ?? '', /Activity task failed|does not know/);
    });
    assert.deepEqual(s.delivery.sent, []);
  });
});
