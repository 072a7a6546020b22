// The partner channels' shared use of the delivery log: claim a send unless it was sent already,
// mark it sent, failed or skipped (with the reason), keyed by `{notificationKey}:{channel}`. Each
// step is one write (a reminder to ten thousand partners at once is tens of thousands of them): the
// claim is an upsert whose filter misses a `sent` record, so it fails on the duplicate key instead of
// reading first, and the attempt's answer goes into the same write as its outcome.
import { activityInfo } from '@temporalio/activity';
import { backOff } from 'exponential-backoff';
import { onlyDuplicateKeys } from '../../models/mongo-errors';
import { attemptLogPush, bulkUpdateDeliveries, Delivery } from '../../models/delivery';

export type PartnerChannel = 'line' | 'email' | 'inapp';

export const deliveryKeyFor = (notificationKey: string, channel: PartnerChannel): string => `${notificationKey}:${channel}`;

/**
 * Marks the send in progress, unless the channel was sent already: then answers false and writes
 * nothing. A duplicate key that is not a sent record (two attempts inserting at once) is left to the
 * activity's retry.
 */
export async function claimSend(deliveryKey: string, workflowId: string, channel: PartnerChannel, partnerId: string): Promise<boolean> {
  try {
    await bulkUpdateDeliveries([
      {
        updateOne: {
          filter: { _id: deliveryKey, status: { $ne: 'sent' } },
          update: { $set: { status: 'sending', attempts: activityInfo().attempt }, $setOnInsert: { workflowId, channel, recipient: partnerId } },
          upsert: true,
        },
      },
    ]);
    return true;
  } catch (err) {
    if (!onlyDuplicateKeys(err)) throw err;
    const existing = await Delivery.findById(deliveryKey, { status: 1 }).lean();
    if (existing?.status === 'sent') return false;
    throw err;
  }
}

/**
 * Records a send the provider has accepted, with its answer in the attempt log. Retried here, with
 * backoff, before the activity is allowed to fail: a failed activity would be retried and send the
 * e-mail again (SMTP has no idempotency key), so a briefly locked or unreachable database must not
 * cost a second e-mail.
 */
export async function markSent(deliveryKey: string, answer: string): Promise<void> {
  const attempt = activityInfo().attempt;
  await backOff(
    () =>
      bulkUpdateDeliveries([
        { updateOne: { filter: { _id: deliveryKey }, update: { $set: { status: 'sent', sentAt: new Date() }, $unset: { lastError: 1 }, $push: attemptLogPush(attempt, true, answer) } } },
      ]),
    { numOfAttempts: 8, startingDelay: 100, timeMultiple: 2, maxDelay: 5_000, jitter: 'full' },
  );
}

export async function markError(deliveryKey: string, err: unknown): Promise<void> {
  const answer = err instanceof Error ? err.message : String(err);
  await bulkUpdateDeliveries([
    { updateOne: { filter: { _id: deliveryKey }, update: { $set: { lastError: answer }, $push: attemptLogPush(activityInfo().attempt, false, answer) } } },
  ]);
}

export async function markSkipped(deliveryKey: string, workflowId: string, channel: PartnerChannel, partnerId: string, reason: string): Promise<void> {
  await Delivery.updateOne(
    { _id: deliveryKey },
    { $set: { status: 'skipped', skipReason: reason }, $setOnInsert: { workflowId, channel, recipient: partnerId, attempts: 0 } },
    { upsert: true },
  );
}
