// Stub activities of a partner notification (plan, in-app, e-mail, LINE, and all in one) that record
// what was sent, for the fast tests of the workflows that notify partners.
import { ApplicationFailure } from '@temporalio/common';
import { ErrorType } from '../../common/errors';
import { makeDeliverPartnerNotification, type PartnerNotificationOutcomes } from '../../activities/partners/deliver-notification';
import type { DeliveryOutcome, PartnerDeliveryInput, PartnerDeliveryPlan } from '../../common/partners/delivery';

export interface SentNotice {
  key: string;
  kind: string;
  channel: 'inapp' | 'email' | 'line';
}

export function partnerDeliveryStubs(options: { refusePlan?: boolean } = {}) {
  const sent: SentNotice[] = [];
  const record = (input: PartnerDeliveryInput, channel: SentNotice['channel']): Promise<DeliveryOutcome> => {
    sent.push({ key: input.notificationKey, kind: input.kind, channel });
    return Promise.resolve('sent');
  };
  const channels = {
    planPartnerDelivery: async (): Promise<PartnerDeliveryPlan> => {
      await Promise.resolve();
      if (options.refusePlan) throw ApplicationFailure.nonRetryable('the platform does not know this partner', ErrorType.PROVIDER_REJECTED);
      return { email: 'partner@example.com', line: { send: true, lineUserId: 'U1' } };
    },
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
