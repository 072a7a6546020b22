// Read model of the orders: one document per order, written by the order workflow after each
// change, so a partner's order list is one query. The workflow stays the source of truth (its
// status query answers the order pages).
import { Schema, model, type InferSchemaType } from 'mongoose';

const orderViewSchema = new Schema(
  {
    _id: { type: String, required: true },
    companyId: { type: String, required: true },
    partnerId: { type: String, required: true },
    orderNumber: { type: String, required: true },
    title: { type: String, required: true },
    amountYen: { type: Number, required: true },
    status: { type: String, required: true },
    closingDate: { type: String, required: true },
    nextReminderAt: { type: Date },
    /** 「請求書を作成してください」 still to come (key and due instant), for the operators' list. */
    upcomingReminders: { type: [new Schema({ key: { type: String, required: true }, dueAt: { type: Date, required: true } }, { _id: false })], default: undefined },
  },
  { collection: 'order_views', timestamps: true, versionKey: false },
);
orderViewSchema.index({ partnerId: 1, updatedAt: -1 });
orderViewSchema.index({ companyId: 1, nextReminderAt: 1 });

export type OrderViewDoc = InferSchemaType<typeof orderViewSchema>;
export const OrderView = model('OrderView', orderViewSchema);
