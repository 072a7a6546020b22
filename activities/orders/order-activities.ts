// The order workflow's side effects: the partner's steps and the overdue approval recorded in the
// platform (with an Idempotency-Key, so a retried activity records them once), and the order read
// model with the in-app notifications whose step is done.
import { ApplicationFailure } from '@temporalio/activity';
import { ErrorType } from '../../common/errors';
import { asksNothing, doneNotificationKinds } from '../../common/orders/notification-steps';
import { orderViewOf, type OrderView as OrderViewRecord } from '../../common/orders/order-view';
import type { OrderState, PartnerAction } from '../../common/orders/types';
import { InAppNotification } from '../../models/inapp-notification';
import { writeOrderView } from '../../models/order-view';
import { ProviderRejectedError } from '../../providers/http-errors';
import { PlatformInvalidStateError, type LansmartPlatformClient, type PlatformPartnerAction } from '../../providers/lansmart/platform-client';
import { toApplicationFailure } from '../provider-failure';
import { deliveryKeyFor } from '../partners/delivery-log';

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

    /**
     * Writes the order's read model; a write older than the stored one changes nothing. Runs
     * scheduled before versions existed carry the whole state (then projected, version 0). With the
     * order's notification keys, the in-app notifications whose step is done are marked by their
     * `_id` (an index lookup each); without them, by a query on the order (a collection scan on the
     * embedded Mongo-wire server).
     */
    async saveOrderView(input: ({ view: OrderViewRecord } | { state: OrderState }) & { notifications?: { key: string; kind: string }[] }): Promise<void> {
      const view = 'view' in input ? input.view : orderViewOf(input.state, input.state.viewVersion ?? 0);
      await writeOrderView(view);
      // The order's in-app notifications whose step is now done stop waiting for the partner.
      const done: string[] = doneNotificationKinds(view.status);
      if (!input.notifications) {
        await InAppNotification.updateMany(
          { orderId: view.orderId, partnerId: view.partnerId, kind: { $in: done }, doneAt: { $exists: false } },
          { $set: { doneAt: new Date() } },
        );
        return;
      }
      const ids = input.notifications.filter((n) => done.includes(n.kind) && !asksNothing(n.kind)).map((n) => deliveryKeyFor(n.key, 'inapp'));
      if (ids.length === 0) return;
      const doneAt = new Date();
      await InAppNotification.bulkWrite(
        ids.map((_id) => ({ updateOne: { filter: { _id, orderId: view.orderId, partnerId: view.partnerId, doneAt: { $exists: false } }, update: { $set: { doneAt } } } })),
        { ordered: false },
      );
    },
  };
}
