// The pure rules of the order lifecycle: which step each status allows (and why not), the JST
// reminder and overdue instants, the reminder bookkeeping, LINE postbacks and retry keys.
import { strict as assert } from 'node:assert';
import { cancelPendingReminders, dueReminders, nextReminderAt, scheduleReminders } from '../../common/orders/reminders';
import { followsInvoiceReminderRule, invoiceReminderDueAts, paymentNoticeOverdueAt, remandReminderDueAts } from '../../common/orders/invoice-reminder-rule';
import { InvalidDateError, jstDate } from '../../common/orders/schedule';
import { refuseCompanyEvent, refusePartnerAction } from '../../common/orders/transitions';
import { orderApproveExecutePostback, orderApprovePostback, parsePartnerPostback } from '../../common/partners/postbacks';
import { missingForApproval, missingPartnerInfo } from '../../common/orders/approval-rule';
import { lineRetryKey } from '../../providers/line/retry-key';

describe('order rules', () => {
  it('allows each step only in its status, telling done-already from too-early and closed', () => {
    assert.equal(refusePartnerAction('order.approve', 'ordered'), undefined);
    assert.deepEqual(refusePartnerAction('order.approve', 'approved'), { reason: 'already_done', status: 'approved' });
    assert.deepEqual(refusePartnerAction('order.approve', 'closed'), { reason: 'order_closed', status: 'closed' });
    assert.deepEqual(refusePartnerAction('invoice.submit', 'approved'), { reason: 'not_yet', status: 'approved' });
    assert.equal(refusePartnerAction('invoice.submit', 'remanded'), undefined);
    assert.deepEqual(refusePartnerAction('payment_notice.approve', 'invoiced'), { reason: 'not_yet', status: 'invoiced' });
    assert.equal(refuseCompanyEvent('invoice.remanded', 'invoiced'), undefined);
    assert.deepEqual(refuseCompanyEvent('invoice.remanded', 'ordered'), { reason: 'not_yet', status: 'ordered' });
    assert.deepEqual(refuseCompanyEvent('order.cancelled', 'cancelled'), { reason: 'order_closed', status: 'cancelled' });
  });

  it('puts reminders the day after and two days after the closing date at the JST hour', () => {
    assert.deepEqual(invoiceReminderDueAts('2026-11-30', 10), ['2026-12-01T01:00:00.000Z', '2026-12-02T01:00:00.000Z']);
    // Across a year end, and at 0:00 JST (the previous UTC day).
    assert.deepEqual(invoiceReminderDueAts('2026-12-31', 0), ['2026-12-31T15:00:00.000Z', '2027-01-01T15:00:00.000Z']);
    // A remand at 23:30 JST on the 5th counts from the 5th (JST), not the UTC date.
    assert.deepEqual(remandReminderDueAts('2026-12-05T14:30:00Z', 9), ['2026-12-06T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
    assert.equal(paymentNoticeOverdueAt('2026-12-10'), '2026-12-10T15:00:00.000Z');
    assert.equal(jstDate(new Date('2026-12-31T15:00:00Z')), '2027-01-01');
    assert.throws(() => invoiceReminderDueAts('2026-02-30', 10), InvalidDateError);
  });

  describe('the invoice reminder rule (締め日の翌日、翌々日 at REMINDER_HOUR_JST)', () => {
    it('counts calendar days over a weekend: a Saturday 締め日 reminds on Sunday and Monday', () => {
      // 2026-12-05 is a Saturday.
      assert.deepEqual(invoiceReminderDueAts('2026-12-05', 10), ['2026-12-06T01:00:00.000Z', '2026-12-07T01:00:00.000Z']);
    });

    it('crosses the year end: 12/31 reminds on 1/1 and 1/2', () => {
      assert.deepEqual(invoiceReminderDueAts('2026-12-31', 10), ['2027-01-01T01:00:00.000Z', '2027-01-02T01:00:00.000Z']);
      assert.deepEqual(['2027-01-01', '2027-01-02'], invoiceReminderDueAts('2026-12-31', 10).map((d) => jstDate(new Date(d))));
    });

    it('at 0:00 JST, a 締め日 given as a date reminds on the previous UTC day; 8:00 and 9:00 JST fall either side of UTC midnight', () => {
      assert.deepEqual(invoiceReminderDueAts('2026-11-30', 0), ['2026-11-30T15:00:00.000Z', '2026-12-01T15:00:00.000Z']);
      assert.deepEqual(invoiceReminderDueAts('2026-11-30', 8), ['2026-11-30T23:00:00.000Z', '2026-12-01T23:00:00.000Z']);
      assert.deepEqual(invoiceReminderDueAts('2026-11-30', 9), ['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z']);
      for (const hour of [0, 8, 9, 23]) assert.deepEqual(invoiceReminderDueAts('2026-11-30', hour).map((d) => jstDate(new Date(d))), ['2026-12-01', '2026-12-02']);
    });

    it('at month ends: 2/28 of a common year reminds on 3/1 and 3/2, 2/28 of a leap year on 2/29 and 3/1, and 2/29 on 3/1 and 3/2', () => {
      assert.deepEqual(invoiceReminderDueAts('2027-02-28', 10), ['2027-03-01T01:00:00.000Z', '2027-03-02T01:00:00.000Z']);
      assert.deepEqual(invoiceReminderDueAts('2028-02-28', 10), ['2028-02-29T01:00:00.000Z', '2028-03-01T01:00:00.000Z']);
      assert.deepEqual(invoiceReminderDueAts('2028-02-29', 10), ['2028-03-01T01:00:00.000Z', '2028-03-02T01:00:00.000Z']);
      assert.throws(() => invoiceReminderDueAts('2027-02-29', 10), InvalidDateError);
    });

    it('after a remand counts from its JST day, and approves a pending payment notice at the end of its due date (JST)', () => {
      assert.deepEqual(remandReminderDueAts('2026-12-31T15:30:00Z', 10), ['2027-01-02T01:00:00.000Z', '2027-01-03T01:00:00.000Z']);
      assert.equal(paymentNoticeOverdueAt('2026-12-31'), '2026-12-31T15:00:00.000Z');
      assert.equal(paymentNoticeOverdueAt('2028-02-29'), '2028-02-29T15:00:00.000Z');
    });

    it('tells the workflow whether instants it was given follow the rule', () => {
      assert.equal(followsInvoiceReminderRule(invoiceReminderDueAts('2026-12-31', 0), '2026-12-31'), true);
      assert.equal(followsInvoiceReminderRule(invoiceReminderDueAts('2026-12-31', 9.5), '2026-12-31'), true);
      assert.equal(followsInvoiceReminderRule(invoiceReminderDueAts('2026-12-30', 10), '2026-12-31'), false);
      assert.equal(followsInvoiceReminderRule(['2027-01-01T01:00:00.000Z', '2027-01-02T02:00:00.000Z'], '2026-12-31'), false);
      assert.equal(followsInvoiceReminderRule(['2027-01-01T01:00:00.000Z'], '2026-12-31'), false);
      assert.equal(followsInvoiceReminderRule(invoiceReminderDueAts('2026-12-31', 10), 'not a date'), false);
    });
  });

  it('schedules a cycle of reminders, keeping only the latest one already past', () => {
    const due = ['2026-12-01T01:00:00.000Z', '2026-12-02T01:00:00.000Z'];
    const fresh = scheduleReminders([], 0, due, Date.parse('2026-11-30T00:00:00Z'));
    assert.deepEqual(fresh.map((r) => `${r.key}:${r.status}`), ['r0-0:scheduled', 'r0-1:scheduled']);
    assert.equal(nextReminderAt(fresh), Date.parse(due[0] as string));
    const late = scheduleReminders([], 0, due, Date.parse('2026-12-03T00:00:00Z'));
    assert.deepEqual(late.map((r) => `${r.key}:${r.status}`), ['r0-0:superseded', 'r0-1:scheduled']);
    assert.deepEqual(dueReminders(late, Date.parse('2026-12-03T00:00:00Z')).map((r) => r.key), ['r0-1']);
    cancelPendingReminders(late);
    assert.equal(nextReminderAt(late), undefined);
  });

  it('round-trips the approve and execute postbacks and refuses anything else', () => {
    assert.deepEqual(parsePartnerPostback(orderApprovePostback('ord_1-a')), { action: 'order.approve', orderId: 'ord_1-a' });
    assert.deepEqual(parsePartnerPostback(orderApproveExecutePostback('ord_1-a')), { action: 'order.approve.execute', orderId: 'ord_1-a' });
    assert.equal(parsePartnerPostback('order-approve:../x'), undefined);
    assert.equal(parsePartnerPostback('order-approve-execute:../x'), undefined);
    assert.equal(parsePartnerPostback('something-else'), undefined);
  });

  it('asks for 口座情報, then 基本情報, then the final check before an approval', () => {
    assert.equal(missingForApproval(undefined), 'bank_account');
    assert.equal(missingForApproval({ bankAccount: false, basicInfo: false, confirmed: true }), 'bank_account');
    assert.equal(missingForApproval({ bankAccount: true, basicInfo: false, confirmed: true }), 'basic_info');
    assert.equal(missingForApproval({ bankAccount: true, basicInfo: true, confirmed: false }), 'confirmation');
    assert.equal(missingForApproval({ bankAccount: true, basicInfo: true, confirmed: true }), undefined);
    assert.equal(missingPartnerInfo({ basicInfo: { name: 'x' } }), 'bank_account');
    assert.equal(missingPartnerInfo({ bankAccount: {}, basicInfo: {} }), undefined);
  });

  it('derives one UUID-shaped LINE retry key per delivery', () => {
    const key = lineRetryKey('order:1:order_created:0:line');
    assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(lineRetryKey('order:1:order_created:0:line'), key);
    assert.notEqual(lineRetryKey('order:1:order_created:1:line'), key);
  });
});
