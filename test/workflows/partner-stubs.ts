// Stub activities of a partner notification (plan, in-app, e-mail, LINE, and all in one) that record
// what was sent, for the fast tests of the workflows that notify partners; the order's tests hand in
// their save of the order view, which a reminder's delivery carries.
import { ApplicationFailure } from '@temporalio/common';
import { ErrorType } from '../../common/errors';
import { makeDeliverPartnerNotification, type PartnerNotificationOutcomes } from '../../activities/partners/deliver-notification';
import type { OrderViewSave } from '../../common/orders/order-view';
import type { DeliveryOutcome, PartnerDeliveryInput, PartnerDeliveryPlan } from '../../common/partners/delivery';

export interface SentNotice {
  key: string;
  kind: string;
  channel: 'inapp' | 'email' | 'line';
}

export interface PartnerDeliveryStubOptions {
  /** Every plan is refused for good. */
  refusePlan?: boolean;
  /** The save of an order's view that a delivery carries (the order's own stub, or none). */
  saveOrderView?: (input: OrderViewSave) => Promise<void>;
  /** Runs when a channel sends (after the carried view, if any, was saved). */
  onSend?: (notice: SentNotice) => void;
}

export function partnerDeliveryStubs(options: PartnerDeliveryStubOptions = {}) {
  const sent: SentNotice[] = [];
  const record = (input: PartnerDeliveryInput, channel: SentNotice['channel']): Promise<DeliveryOutcome> => {
    const notice = { key: input.notificationKey, kind: input.kind, channel };
    sent.push(notice);
    options.onSend?.(notice);
    return Promise.resolve('sent');
  };
  const channels = {
    planPartnerDelivery: async (): Promise<PartnerDeliveryPlan> => {
      await Promise.resolve();
      if (options.refusePlan) throw ApplicationFailure.nonRetryable('the platform does not know this partner', ErrorType.PROVIDER_REJECTED);
      return { email: 'partner@example.com', line: { send: true, lineUserId: 'U1' } };
    },
    saveOrderView: options.saveOrderView ?? ((): Promise<void> => Promise.resolve()),
    deliverPartnerInApp: (input: PartnerDeliveryInput) => record(input, 'inapp'),
    deliverPartnerEmail: (input: PartnerDeliveryInput & { to: string }) => record(input, 'email'),
    deliverPartnerLine: (input: PartnerDeliveryInput & { lineUserId: string }) => record(input, 'line'),
    markPartnerDeliveryFailed: (): Promise<void> => Promise.resolve(),
  };
  return {
    sent,
    /** The kinds sent in-app, in order. */
    inAppKinds: (): string[] => sent.filter((s) => s.channel === 'inapp').map((s) => s.kind),
    activities: {
      ...channels,
      // The one-activity delivery over the same stub channels (the product's code).
      deliverPartnerNotification: makeDeliverPartnerNotification(channels),
      /** Nothing reaches a delivery log here: the notification failed as a whole. */
      markPartnerNotificationFailed: (): Promise<PartnerNotificationOutcomes & { recorded: number }> =>
        Promise.resolve({ inapp: 'failed', email: 'failed', line: 'failed', recorded: 0 }),
    },
  };
}
