// One freee event's recipients resolved and each tried once, in one activity: the delivery log is
// written in two bulk writes (before the sends: every addressed user's record, the reachable ones
// as `sending`; after: each answer), instead of one activity and four writes per recipient.
// What the first try did not settle (LINE WORKS down, rate-limiting, a refused token, a suspended
// tenant) the workflow carries on with deliverLineWorksMessage under the same delivery key, so a
// message is still sent once per event and recipient, however often this activity is retried.
import { activityInfo, ApplicationFailure } from '@temporalio/activity';
import type { AnyBulkWriteOperation } from 'mongoose';
import { ErrorType } from '../../common/errors';
import { lineWorksDeliveryKey } from '../../common/notify/delivery-key';
import type { Notice } from '../../common/freee/notice';
import type { LineWorksRecipient } from '../../common/notify/types';
import { ATTEMPT_LOG_SIZE, bulkUpdateDeliveries, Delivery, type DeliveryDoc } from '../../models/delivery';
import { onlyDuplicateKeys } from '../../models/mongo-errors';
import { toApplicationFailure } from '../provider-failure';
import { noticeContent, type DeliverLineWorksDeps } from './deliver-lineworks';
import { findFreeeRecipients, recipientRecord, resolutionWrites, type ResolvedRecipients } from './resolve-recipients';

export interface NotifyFreeeRecipientsInput {
  companyId: string;
  freeeUserIds: string[];
  notice: Notice;
}

/**
 * How a recipient's first try ended: `sent` (now or by an earlier attempt), `waiting` (the tenant
 * is suspended: not tried), `retry` (LINE WORKS unavailable or rate-limiting; `retryAfterMs` when it
 * said when), `token_refused` (the tenant's token was refused), `failed` (refused for good, logged).
 */
export type FirstTry =
  | { outcome: 'sent' }
  | { outcome: 'waiting' }
  | { outcome: 'retry'; error: string; retryAfterMs?: number }
  | { outcome: 'token_refused' }
  | { outcome: 'failed'; error: string };

export interface NotifiedRecipients extends ResolvedRecipients {
  /** One per recipient, in the same order. */
  firstTries: FirstTry[];
}

export function makeNotifyFreeeRecipients(deps: DeliverLineWorksDeps) {
  return async function notifyFreeeRecipients(input: NotifyFreeeRecipientsInput): Promise<NotifiedRecipients> {
    const info = activityInfo();
    const workflowId = info.workflowExecution?.workflowId;
    if (!workflowId) throw ApplicationFailure.nonRetryable('notifyFreeeRecipients runs only in a workflow', 'NOT_IN_WORKFLOW');
    const { recipients, unlinkedFreeeUserIds, businessLinked } = await findFreeeRecipients(input);
    const keyOf = (r: LineWorksRecipient): string => lineWorksDeliveryKey(workflowId, r.worksTenantId, r.worksUserId);
    const active = recipients.filter((r) => r.tenantStatus === 'active');

    // Before any send: the reachable recipients' records become `sending` unless already sent (an
    // upsert whose filter misses a `sent` record fails on the duplicate key), the others are logged.
    const sending: Array<AnyBulkWriteOperation<DeliveryDoc>> = active.map((r) => ({
      updateOne: {
        filter: { _id: keyOf(r), status: { $ne: 'sent' } },
        update: { $set: { status: 'sending', attempts: info.attempt }, $unset: { skipReason: 1 }, $setOnInsert: recipientRecord(workflowId, input.companyId, r) },
        upsert: true,
      },
    }));
    const others = await resolutionWrites(
      workflowId,
      input.companyId,
      recipients.filter((r) => r.tenantStatus !== 'active'),
      unlinkedFreeeUserIds,
      businessLinked,
    );
    const alreadySent = await writeSkippingSent([...sending, ...others], active.map(keyOf));

    const tries = await Promise.all(
      active.map(async (r): Promise<{ key: string; first: FirstTry; answer?: string }> => {
        const key = keyOf(r);
        if (alreadySent.has(key)) return { key, first: { outcome: 'sent' } };
        try {
          await deps.lineWorks.sendUserMessage(
            { worksTenantId: r.worksTenantId, serviceAccountId: r.serviceAccountId },
            r.botId,
            r.worksUserId,
            noticeContent({ deliveryKey: key, workflowId, recipient: r, notice: input.notice }, deps.freeeWebBaseUrl),
          );
          return { key, first: { outcome: 'sent' }, answer: 'accepted by LINE WORKS' };
        } catch (err) {
          return { key, first: firstTryOf(err), answer: err instanceof Error ? err.message : String(err) };
        }
      }),
    );

    // After the sends: every answer in one write.
    const answers: Array<AnyBulkWriteOperation<DeliveryDoc>> = tries
      .filter((t) => t.answer !== undefined)
      .map(({ key, first, answer = '' }) => {
        const logged = { $push: { attemptLog: { $each: [{ attempt: info.attempt, at: new Date(), ok: first.outcome === 'sent', answer: answer.slice(0, 500) }], $slice: -ATTEMPT_LOG_SIZE } } };
        const update =
          first.outcome === 'sent'
            ? { $set: { status: 'sent', sentAt: new Date() }, $unset: { lastError: 1 }, ...logged }
            : first.outcome === 'failed'
              ? { $set: { status: 'failed', lastError: first.error }, ...logged }
              : { $set: { lastError: answer }, ...logged };
        return { updateOne: { filter: { _id: key }, update } };
      });
    if (answers.length) await bulkUpdateDeliveries(answers);

    const byKey = new Map(tries.map((t) => [t.key, t.first]));
    return {
      recipients,
      unlinkedFreeeUserIds,
      firstTries: recipients.map((r) => byKey.get(keyOf(r)) ?? { outcome: 'waiting' }),
    };
  };
}

/** Runs the writes; answers the keys whose record was already `sent` (their upsert hit the duplicate key). */
async function writeSkippingSent(ops: Array<AnyBulkWriteOperation<DeliveryDoc>>, sendingKeys: string[]): Promise<Set<string>> {
  if (ops.length === 0) return new Set();
  try {
    await bulkUpdateDeliveries(ops);
    return new Set();
  } catch (err) {
    if (!onlyDuplicateKeys(err)) throw err;
    const duplicates = (err as { writeErrors?: unknown[] }).writeErrors?.length ?? 1;
    const sent = await Delivery.find({ _id: { $in: sendingKeys }, status: 'sent' }, { _id: 1 }).lean();
    // Every duplicate must be a sent record; anything else is left to the activity's retry.
    if (sent.length !== duplicates) throw err;
    return new Set(sent.map((d) => d._id));
  }
}

function firstTryOf(err: unknown): FirstTry {
  const failure = toApplicationFailure(err);
  if (!(failure instanceof ApplicationFailure)) return { outcome: 'retry', error: ErrorType.PROVIDER_UNAVAILABLE };
  const error = failure.type ?? ErrorType.PROVIDER_UNAVAILABLE;
  if (error === ErrorType.TOKEN_INVALID) return { outcome: 'token_refused' };
  if (failure.nonRetryable) return { outcome: 'failed', error };
  const retryAfterMs = failure.nextRetryDelay === undefined ? undefined : Number(failure.nextRetryDelay);
  return retryAfterMs === undefined || Number.isNaN(retryAfterMs) ? { outcome: 'retry', error } : { outcome: 'retry', error, retryAfterMs };
}
