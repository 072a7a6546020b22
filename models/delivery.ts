// Delivery log: one document per (notification, recipient, channel), written idempotently by the
// delivering activity. `_id` is the delivery key, so a retried activity finds its own record.
import { Schema, model, type InferSchemaType } from 'mongoose';

export const DELIVERY_STATUSES = ['sending', 'sent', 'failed', 'skipped'] as const;

const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    workflowId: { type: String, required: true },
    channel: { type: String, enum: ['lineworks', 'line', 'email', 'inapp'], required: true },
    recipient: { type: String, required: true },
    worksTenantId: { type: String },
    status: { type: String, enum: DELIVERY_STATUSES, required: true },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String },
    /** Why a channel was not used (e.g. the partner blocks the LINE account). */
    skipReason: { type: String },
    sentAt: { type: Date },
  },
  { collection: 'deliveries', timestamps: true, versionKey: false },
);
deliverySchema.index({ workflowId: 1 });

export type DeliveryDoc = InferSchemaType<typeof deliverySchema>;
export const Delivery = model('Delivery', deliverySchema);
