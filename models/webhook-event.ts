// Ledger of inbound webhook events (LINE's webhookEventId, the platform's eventId, LINE WORKS's app
// lifecycle eventId): inserting the
// `_id` claims the event, so a redelivered or duplicated event is handled once. Kept with an
// explicit expiry (the embedded Mongo-wire server has no TTL indexes).
import { Schema, model } from 'mongoose';

const webhookEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    source: { type: String, enum: ['line', 'lansmart', 'lineworks'], required: true },
    type: { type: String, required: true },
    outcome: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'webhook_events', timestamps: true, versionKey: false },
);

export const WebhookEvent = model('WebhookEvent', webhookEventSchema);
