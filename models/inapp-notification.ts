// The in-app channel: one document per partner notification, listed on the partner's page and by
// the API with an unread count. `_id` is the notification's delivery key (written once however
// often the activity runs). `doneAt`: when the step it asks for was done (or at once when it asks
// for nothing, common/orders/notification-steps.ts); unread counts only what is not done.
import { Schema, model, type InferSchemaType } from 'mongoose';

const inAppNotificationSchema = new Schema(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    path: { type: String, required: true },
    orderId: { type: String },
    readAt: { type: Date },
    doneAt: { type: Date },
  },
  { collection: 'inapp_notifications', timestamps: true, versionKey: false },
);
inAppNotificationSchema.index({ partnerId: 1, createdAt: -1 });

export type InAppNotificationDoc = InferSchemaType<typeof inAppNotificationSchema>;
export const InAppNotification = model('InAppNotification', inAppNotificationSchema);
