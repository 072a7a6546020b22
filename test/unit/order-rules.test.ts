// The pure rules of the order lifecycle: which step each status allows (and why not), the JST
// reminder and overdue instants, the reminder bookkeeping, LINE postbacks and retry keys.
import { strict as assert } from 'node:assert';
import { cancelPendingReminders, dueReminders, nextReminderAt, scheduleReminders } from '../../common/orders/reminders';
import { closingDateReminders, InvalidDateError, jstDate, overdueApprovalAt, remandReminders } from '../../common/orders/schedule';
import { refuseCompanyEvent, refusePartnerAction } from '../../common/orders/transitions';
import { orderApprovePostback, parsePartnerPostback } from '../../common/partners/postbacks';
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
    assert.deepEqual(closingDateReminders('2026-11-30', 10), ['2026-12-01T01:00:00.000Z', '2026-12-02T01:00:00.000Z']);
    // Across a year end, and at 0:00 JST (the previous UTC day).
    assert.deepEqual(closingDateReminders('2026-12-31', 0), ['2026-12-31T15:00:00.000Z', '2027-01-01T15:00:00.000Z']);
    // A remand at 23:30 JST on the 5th counts from the 5th (JST), not the UTC date.
    assert.deepEqual(remandReminders(new Date('2026-12-05T14:30:00Z'), 9), ['2026-12-06T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
    assert.equal(overdueApprovalAt('2026-12-10'), '2026-12-10T15:00:00.000Z');
    assert.equal(jstDate(new Date('2026-12-31T15:00:00Z')), '2027-01-01');
    assert.throws(() => closingDateReminders('2026-02-30', 10), InvalidDateError);
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

  it('round-trips the approve postback and refuses anything else', () => {
    assert.deepEqual(parsePartnerPostback(orderApprovePostback('ord_1-a')), { action: 'order.approve', orderId: 'ord_1-a' });
    assert.equal(parsePartnerPostback('order-approve:../x'), undefined);
    assert.equal(parsePartnerPostback('something-else'), undefined);
  });

  it('derives one UUID-shaped LINE retry key per delivery', () => {
    const key = lineRetryKey('order:1:order_created:0:line');
    assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(lineRetryKey('order:1:order_created:0:line'), key);
    assert.notEqual(lineRetryKey('order:1:order_created:1:line'), key);
  });
});
