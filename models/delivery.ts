// Delivery log: one document per (notification, recipient, channel), written idempotently by the
// delivering activity. `_id` is the delivery key, so a retried activity finds its own record.
// Operators read it to explain a notification (docs/design.md §2 "Operators"): whom it concerned
// (the freee user and business, or the partner), each attempt with the provider's answer, and why
// a channel was skipped or is waiting.
import { Schema, model, type AnyBulkWriteOperation, type InferSchemaType } from 'mongoose';

/** `pending`: resolved, not tried yet; `waiting`: held back (e.g. its tenant is suspended). */
export const DELIVERY_STATUSES = ['pending', 'waiting', 'sending', 'sent', 'failed', 'skipped'] as const;

/** Attempts kept per delivery (the latest ones): enough to explain a retry without growing for a week. */
export const ATTEMPT_LOG_SIZE = 20;

const attemptSchema = new Schema(
  {
    attempt: { type: Number, required: true },
    at: { type: Date, required: true },
    ok: { type: Boolean, required: true },
    /** What the provider answered: accepted, or its error (status, code, description). */
    answer: { type: String, required: true },
  },
  { _id: false },
);

const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    channel: { type: String, enum: ['lineworks', 'line', 'email', 'inapp'], required: true },
    recipient: { type: String, required: true },
    worksTenantId: { type: String },
    /** freee × LINE WORKS: the business and freee user the delivery is for. */
    companyId: { type: String },
    freeeUserId: { type: String },
    status: { type: String, enum: DELIVERY_STATUSES, required: true },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String },
    /** Why a channel was not used (e.g. the partner blocks the LINE account) or is waiting. */
    skipReason: { type: String },
    attemptLog: { type: [attemptSchema], default: undefined },
    sentAt: { type: Date },
  },
  { collection: 'deliveries', timestamps: true, versionKey: false },
);
deliverySchema.index({ workflowId: 1 });
deliverySchema.index({ recipient: 1 });
deliverySchema.index({ companyId: 1, freeeUserId: 1 });

export type DeliveryDoc = InferSchemaType<typeof deliverySchema>;
export const Delivery = model('Delivery', deliverySchema);

/** The `$push` that appends one attempt and its answer to a delivery's log (the latest ATTEMPT_LOG_SIZE are kept). */
export function attemptLogPush(attempt: number, ok: boolean, answer: string) {
  return { attemptLog: { $each: [{ attempt, at: new Date(), ok, answer: answer.slice(0, 500) }], $slice: -ATTEMPT_LOG_SIZE } };
}

/** Appends one attempt and its answer to a delivery's log. */
export async function recordAttempt(deliveryKey: string, attempt: number, ok: boolean, answer: string): Promise<void> {
  await Delivery.updateOne({ _id: deliveryKey }, { $push: attemptLogPush(attempt, ok, answer) });
}

/**
 * Runs updateOne writes on the delivery log through the driver, stamping `updatedAt` (and
 * `createdAt` on insert) as the schema's timestamps would: the notification path's writes are
 * already of the schema's types, and mongoose's casting of each write cost more CPU than the write.
 * Undefined fields are left out, as mongoose leaves them out.
 */
export async function bulkUpdateDeliveries(ops: Array<AnyBulkWriteOperation<DeliveryDoc>>): Promise<void> {
  const now = new Date();
  const stamped = ops.map((op) => {
    if (!('updateOne' in op)) throw new TypeError('bulkUpdateDeliveries takes updateOne writes only');
    const { filter, update, upsert } = op.updateOne as { filter: Record<string, unknown>; update: Record<string, Record<string, unknown> | undefined>; upsert?: boolean };
    return {
      updateOne: {
        filter,
        update: { ...update, $set: { ...update.$set, updatedAt: now }, $setOnInsert: { ...update.$setOnInsert, createdAt: now } },
        ...(upsert ? { upsert: true } : {}),
      },
    };
  });
  await Delivery.collection.bulkWrite(stamped, { ordered: false, ignoreUndefined: true });
}
