// One partner notification on every channel in one activity: plan, then in-app, e-mail and LINE side
// by side. Each channel keeps its own idempotency key in the delivery log (`{notificationKey}:{channel}`),
// so a retry of the activity after one channel's outage sends nothing twice: the in-app document is
// an upsert, a sent e-mail is skipped, LINE answers 409 to a repeated retry key. A channel that is
// refused for good is marked failed here; any other failure retries the activity (the channels
// already sent skip). Two Temporal tasks per notification instead of five.
// A notification that asks again for a step the order's page shows already (a reminder) may carry
// the order's read model: it is saved before any channel sends, in the same activity, so the page a
// tap opens is never behind the message and the order needs no activity of its own for the save.
import { ApplicationFailure, log } from '@temporalio/activity';
import { NON_RETRYABLE_ERROR_TYPES } from '../../common/errors';
import type { OrderViewSave } from '../../common/orders/order-view';
import type { DeliveryOutcome, PartnerDeliveryInput, PartnerDeliveryPlan } from '../../common/partners/delivery';
import { Delivery } from '../../models/delivery';
import { deliveryKeyFor, type PartnerChannel } from './delivery-log';

export interface PartnerNotificationOutcomes {
  inapp: DeliveryOutcome;
  email: DeliveryOutcome;
  line: DeliveryOutcome;
}

interface ChannelActivities {
  planPartnerDelivery(input: { partnerId: string; notificationKey: string; workflowId: string }): Promise<PartnerDeliveryPlan>;
  deliverPartnerInApp(input: PartnerDeliveryInput): Promise<DeliveryOutcome>;
  deliverPartnerEmail(input: PartnerDeliveryInput & { to: string }): Promise<DeliveryOutcome>;
  deliverPartnerLine(input: PartnerDeliveryInput & { lineUserId: string }): Promise<DeliveryOutcome>;
  markPartnerDeliveryFailed(input: { deliveryKey: string; error: string }): Promise<void>;
  saveOrderView(input: OrderViewSave): Promise<void>;
}

export type PartnerNotificationInput = PartnerDeliveryInput & {
  lineOnly?: boolean;
  /** The order's read model, saved before any channel sends. */
  viewFirst?: OrderViewSave;
};

function refusedForGood(err: unknown): boolean {
  return err instanceof ApplicationFailure && (err.nonRetryable || (NON_RETRYABLE_ERROR_TYPES as string[]).includes(err.type ?? ''));
}

export function makeDeliverPartnerNotification(channels: ChannelActivities) {
  return async function deliverPartnerNotification(input: PartnerNotificationInput): Promise<PartnerNotificationOutcomes> {
    const { lineOnly, viewFirst, ...message } = input;
    // The plan is a read: it runs beside the save, and nothing is sent before both are done.
    const [planned, saved] = await Promise.allSettled([
      channels.planPartnerDelivery({ partnerId: message.partnerId, notificationKey: message.notificationKey, workflowId: message.workflowId }),
      viewFirst ? channels.saveOrderView(viewFirst) : undefined,
    ]);
    if (saved.status === 'rejected') throw saved.reason;
    if (planned.status === 'rejected') throw planned.reason;
    const plan = planned.value;
    const linePlan = plan.line;
    const retryLater: unknown[] = [];
    const settle = async (channel: PartnerChannel, run: () => Promise<DeliveryOutcome>): Promise<DeliveryOutcome> => {
      try {
        return await run();
      } catch (err) {
        if (!refusedForGood(err)) {
          retryLater.push(err);
          return 'failed';
        }
        const deliveryKey = deliveryKeyFor(message.notificationKey, channel);
        const error = err instanceof Error ? err.message : String(err);
        log.warn('a partner notification channel failed', { deliveryKey, error });
        await channels.markPartnerDeliveryFailed({ deliveryKey, error });
        return 'failed';
      }
    };
    const skipped = (): Promise<DeliveryOutcome> => Promise.resolve('skipped');
    const [inapp, email, line] = await Promise.all([
      lineOnly ? skipped() : settle('inapp', () => channels.deliverPartnerInApp(message)),
      lineOnly ? skipped() : settle('email', () => channels.deliverPartnerEmail({ ...message, to: plan.email })),
      linePlan.send ? settle('line', () => channels.deliverPartnerLine({ ...message, lineUserId: linePlan.lineUserId })) : skipped(),
    ]);
    // A channel that may still get through: the whole activity again (the others skip, sent already).
    if (retryLater.length > 0) throw retryLater[0];
    return { inapp, email, line };
  };
}

/**
 * The notification's delivery gave up (its week of retries ended): every channel not sent or
 * skipped is marked failed, and the channels' outcomes are answered from the delivery log.
 */
export async function markPartnerNotificationFailed(input: { notificationKey: string; error: string }): Promise<PartnerNotificationOutcomes & { recorded: number }> {
  const channels: PartnerChannel[] = ['inapp', 'email', 'line'];
  const keys = channels.map((c) => deliveryKeyFor(input.notificationKey, c));
  await Promise.all(
    keys.map((key) => Delivery.updateOne({ _id: key, status: { $nin: ['sent', 'skipped'] } }, { $set: { status: 'failed', lastError: input.error } })),
  );
  const records = await Promise.all(keys.map((key) => Delivery.findById(key, { status: 1 }).lean()));
  const outcome = (i: number): DeliveryOutcome => {
    const status = records[i]?.status;
    return status === 'sent' ? 'sent' : status === 'skipped' ? 'skipped' : 'failed';
  };
  return { inapp: outcome(0), email: outcome(1), line: outcome(2), recorded: records.filter(Boolean).length };
}
