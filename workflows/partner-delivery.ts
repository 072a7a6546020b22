// Workflow-side delivery of one partner notification: plan the channels, then send in-app, e-mail
// and LINE side by side, each an activity that Temporal retries on its own (a LINE outage never
// re-sends the e-mail). Used by the order and LINE-link workflows.
import { log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
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

export async function deliverToPartner(input: PartnerDeliveryInput, options: { lineOnly?: boolean } = {}): Promise<PartnerDeliveryResult> {
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
