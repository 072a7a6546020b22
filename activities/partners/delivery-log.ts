// The partner channels' shared use of the delivery log: skip what was sent already, mark a send
// in progress, sent, failed or skipped (with the reason), keyed by `{notificationKey}:{channel}`.
import { activityInfo } from '@temporalio/activity';
import { backOff } from 'exponential-backoff';
import { Delivery, recordAttempt } from '../../models/delivery';

export type PartnerChannel = 'line' | 'email' | 'inapp';

export const deliveryKeyFor = (notificationKey: string, channel: PartnerChannel): string => `${notificationKey}:${channel}`;

export async function alreadySent(deliveryKey: string): Promise<boolean> {
  const existing = await Delivery.findById(deliveryKey, { status: 1 }).lean();
  return existing?.status === 'sent';
}

export async function markSending(deliveryKey: string, workflowId: string, channel: PartnerChannel, partnerId: string): Promise<void> {
  await Delivery.updateOne(
    { _id: deliveryKey },
    { $set: { status: 'sending', attempts: activityInfo().attempt }, $setOnInsert: { workflowId, channel, recipient: partnerId } },
    { upsert: true },
  );
}

/**
 * Records a send the provider has accepted. Retried here, with backoff, before the activity is
 * allowed to fail: a failed activity would be retried and send the e-mail again (SMTP has no
 * idempotency key), so a briefly locked or unreachable database must not cost a second e-mail.
 */
export async function markSent(deliveryKey: string, answer: string): Promise<void> {
  await backOff(() => Delivery.updateOne({ _id: deliveryKey }, { $set: { status: 'sent', sentAt: new Date() }, $unset: { lastError: 1 } }), {
    numOfAttempts: 8,
    startingDelay: 100,
    timeMultiple: 2,
    maxDelay: 5_000,
    jitter: 'full',
  });
  await recordAttempt(deliveryKey, activityInfo().attempt, true, answer).catch(() => undefined);
}

export async function markError(deliveryKey: string, err: unknown): Promise<void> {
  const answer = err instanceof Error ? err.message : String(err);
  await Delivery.updateOne({ _id: deliveryKey }, { $set: { lastError: answer } });
  await recordAttempt(deliveryKey, activityInfo().attempt, false, answer);
}

export async function markSkipped(deliveryKey: string, workflowId: string, channel: PartnerChannel, partnerId: string, reason: string): Promise<void> {
  await Delivery.updateOne(
    { _id: deliveryKey },
    { $set: { status: 'skipped', skipReason: reason }, $setOnInsert: { workflowId, channel, recipient: partnerId, attempts: 0 } },
    { upsert: true },
  );
}
