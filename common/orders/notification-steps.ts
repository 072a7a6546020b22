// Which partner notifications still wait for the partner (docs/flows/lansmart-line.md,
// Notifications): each asks for one step of the order, and is done once the order has passed that
// step or ended; 友だち登録完了 and 期日超過承認's 「支払通知書の承認が完了しました」 ask for nothing.
// The unread count on /partner counts only what still waits. Pure, so the activity that marks them
// done and the tests share it.
import { PARTNER_NOTIFICATION_KINDS, type PartnerNotificationKind } from '../partners/notifications';
import { refusePartnerAction } from './transitions';
import type { OrderStatusName, PartnerActionType } from './types';

const STEP_ASKED: Record<PartnerNotificationKind, PartnerActionType | undefined> = {
  friend_registered: undefined,
  order_created: 'order.approve',
  work_report_created: 'work.register',
  invoice_remanded: 'invoice.submit',
  invoice_reminder: 'invoice.submit',
  payment_notice_issued: 'payment_notice.approve',
  payment_notice_auto_approved: undefined,
};

/** The notification asks the partner for nothing: done as soon as it is there. */
export function asksNothing(kind: string): boolean {
  return !(PARTNER_NOTIFICATION_KINDS as readonly string[]).includes(kind) || STEP_ASKED[kind as PartnerNotificationKind] === undefined;
}

/** The kinds of an order's notifications whose step is done (or can no longer be done) at this status. */
export function doneNotificationKinds(status: OrderStatusName): PartnerNotificationKind[] {
  return PARTNER_NOTIFICATION_KINDS.filter((kind) => {
    const step = STEP_ASKED[kind];
    if (step === undefined) return true;
    const refusal = refusePartnerAction(step, status);
    return refusal !== undefined && refusal.reason !== 'not_yet';
  });
}
