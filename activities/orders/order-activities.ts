// The order workflow's side effects: the partner's steps and the overdue approval recorded in the
// platform (with an Idempotency-Key, so a retried activity records them once), and the order read
// model with the in-app notifications whose step is done.
import { ApplicationFailure } from '@temporalio/activity';
import { ErrorType } from '../../common/errors';
import { nextReminderAt } from '../../common/orders/reminders';
import { doneNotificationKinds } from '../../common/orders/notification-steps';
import { AWAITING_INVOICE } from '../../common/orders/transitions';
import type { OrderState, PartnerAction } from '../../common/orders/types';
import { InAppNotification } from '../../models/inapp-notification';
import { OrderView } from '../../models/order-view';
import { ProviderRejectedError } from '../../providers/http-errors';
import { PlatformInvalidStateError, type LansmartPlatformClient, type PlatformPartnerAction } from '../../providers/lansmart/platform-client';
import { toApplicationFailure } from '../provider-failure';

function toPlatformAction(action: PartnerAction): PlatformPartnerAction {
  switch (action.type) {
    case 'order.approve':
      return { type: 'order.approve', payload: {} };
    case 'work.register':
      return { type: 'work.register', payload: { entries: action.entries } };
    case 'invoice.submit':
      return { type: 'invoice.submit', payload: { billingMonth: action.billingMonth, items: action.items, expenses: action.expenses } };
    case 'payment_notice.approve':
      return { type: 'payment_notice.approve', payload: {} };
  }
}

export function makeOrderActivities(deps: { lansmart: LansmartPlatformClient }) {
  return {
    async reportPartnerAction(input: { orderId: string; partnerId: string; idempotencyKey: string; action: PartnerAction }): Promise<{ actionId: string }> {
      try {
        return await deps.lansmart.postPartnerAction(input.orderId, input.partnerId, input.idempotencyKey, toPlatformAction(input.action));
      } catch (err) {
        if (err instanceof PlatformInvalidStateError) {
          throw ApplicationFailure.nonRetryable(`the platform refused ${input.action.type}: ${err.message}`, ErrorType.INVALID_TRANSITION);
        }
        if (err instanceof ProviderRejectedError && err.status === 403) {
          throw ApplicationFailure.nonRetryable('the platform says this is not the order’s partner', ErrorType.NOT_ORDER_PARTNER);
        }
        throw toApplicationFailure(err);
      }
    },

    /** 期日超過承認: the platform approves the payment notice on the partner's behalf. */
    async reportOverdueApproval(input: { orderId: string; partnerId: string; idempotencyKey: string }): Promise<'approved' | 'already_closed'> {
      try {
        await deps.lansmart.postPartnerAction(input.orderId, input.partnerId, input.idempotencyKey, {
          type: 'payment_notice.approve',
          payload: { onBehalfOfPartner: true },
        });
        return 'approved';
      } catch (err) {
        // The platform already has it approved (e.g. by the partner in another channel).
        if (err instanceof PlatformInvalidStateError) return 'already_closed';
        throw toApplicationFailure(err);
      }
    },

    async saveOrderView(input: { state: OrderState }): Promise<void> {
      const s = input.state;
      const next = AWAITING_INVOICE.includes(s.status) ? nextReminderAt(s.reminders) : undefined;
      await OrderView.updateOne(
        { _id: s.orderId },
        {
          $set: {
            companyId: s.companyId,
            partnerId: s.partnerId,
            orderNumber: s.details.orderNumber,
            title: s.details.title,
            amountYen: s.details.amountYen,
            status: s.status,
            closingDate: s.details.closingDate,
            ...(next !== undefined ? { nextReminderAt: new Date(next) } : {}),
          },
          ...(next === undefined ? { $unset: { nextReminderAt: 1 } } : {}),
        },
        { upsert: true },
      );
      // The order's in-app notifications whose step is now done stop waiting for the partner.
      await InAppNotification.updateMany({ orderId: s.orderId, partnerId: s.partnerId, kind: { $in: doneNotificationKinds(s.status) }, doneAt: { $exists: false } }, { $set: { doneAt: new Date() } });
    },
  };
}
