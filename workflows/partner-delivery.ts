// Workflow-side delivery of one partner notification: one activity plans the channels and sends
// in-app, e-mail and LINE side by side, each channel with its own idempotency key (a retry after a
// LINE outage never re-sends the e-mail). Runs started before it plan, then send each channel as an
// activity of its own. Used by the order and LINE-link workflows. An order's reminder may carry the
// order's read model (`viewFirst`), saved by the same activity before anything is sent.
import { log, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import type { OrderViewSave } from '../common/orders/order-view';
import type { DeliveryOutcome, PartnerDeliveryInput } from '../common/partners/delivery';

const { planPartnerDelivery } = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

const { deliverPartnerInApp, deliverPartnerEmail, deliverPartnerLine, markPartnerDeliveryFailed } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // A provider may be down for a while: keep trying for up to a week, never for a refused request.
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

const { deliverPartnerNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

const { markPartnerNotificationFailed, saveOrderView } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Plan and channels in one activity (histories before it ran one activity per channel). */
export const ONE_DELIVERY_ACTIVITY_PATCH = 'partner-delivery-one-activity';

export interface PartnerDeliveryResult {
  inapp: DeliveryOutcome;
  email: DeliveryOutcome;
  line: DeliveryOutcome;
}

async function settle(deliveryKey: string, run: () => Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
  try {
    return await run();
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    log.warn('a partner notification channel failed', { deliveryKey, error });
    await markPartnerDeliveryFailed({ deliveryKey, error });
    return 'failed';
  }
}

export interface PartnerDeliveryOptions {
  /** LINE only (a reply in the talk room). */
  lineOnly?: boolean;
  /** The order's read model, saved before anything is sent. */
  viewFirst?: OrderViewSave;
}

export async function deliverToPartner(input: PartnerDeliveryInput, options: PartnerDeliveryOptions = {}): Promise<PartnerDeliveryResult> {
  if (patched(ONE_DELIVERY_ACTIVITY_PATCH)) return deliverInOneActivity(input, options);
  if (options.viewFirst) await saveOrderView(options.viewFirst);
  const plan = await planPartnerDelivery({ partnerId: input.partnerId, notificationKey: input.notificationKey, workflowId: input.workflowId });
  const skipped = (): Promise<DeliveryOutcome> => Promise.resolve('skipped');
  const linePlan = plan.line;
  const [inapp, email, line] = await Promise.all([
    options.lineOnly ? skipped() : settle(`${input.notificationKey}:inapp`, () => deliverPartnerInApp(input)),
    options.lineOnly ? skipped() : settle(`${input.notificationKey}:email`, () => deliverPartnerEmail({ ...input, to: plan.email })),
    linePlan.send ? settle(`${input.notificationKey}:line`, () => deliverPartnerLine({ ...input, lineUserId: linePlan.lineUserId })) : skipped(),
  ]);
  return { inapp, email, line };
}

async function deliverInOneActivity(input: PartnerDeliveryInput, options: PartnerDeliveryOptions): Promise<PartnerDeliveryResult> {
  try {
    return await deliverPartnerNotification({ ...input, ...(options.lineOnly ? { lineOnly: true } : {}), ...(options.viewFirst ? { viewFirst: options.viewFirst } : {}) });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const { recorded, ...outcomes } = await markPartnerNotificationFailed({ notificationKey: input.notificationKey, error });
    // Nothing reached the delivery log (the plan itself failed): the notification failed as a whole.
    if (recorded === 0) throw err;
    log.warn('a partner notification channel failed', { notificationKey: input.notificationKey, error });
    return outcomes;
  }
}
