// Read model of the orders: one small document per order (common/orders/order-view.ts), written by
// the order workflow after each change, read by the partner's pages — the order page by `_id`, the
// order list by partner, newest first — so they render whether or not a worker is running. A write
// carries the view's version and never replaces a newer one.
import { Schema, model, type InferSchemaType } from 'mongoose';
import type { OrderView as OrderViewRecord } from '../common/orders/order-view';
import { isDuplicateKey } from './mongo-errors';

const orderViewSchema = new Schema(
  {
    _id: { type: String, required: true },
    companyId: { type: String, required: true },
    partnerId: { type: String, required: true },
    status: { type: String, required: true },
    orderNumber: { type: String },
    /** When the order was created (the order list's order). */
    orderedAt: { type: Date },
    version: { type: Number },
    nextReminderAt: { type: Date },
    /** 「請求書を作成してください」 still to come (key and due instant), for the operators' list. */
    upcomingReminders: { type: [new Schema({ key: { type: String, required: true }, dueAt: { type: Date, required: true } }, { _id: false })], default: undefined },
    /** The view itself (written whole, read whole). */
    view: { type: Schema.Types.Mixed },
  },
  { collection: 'order_views', timestamps: true, versionKey: false },
);
orderViewSchema.index({ partnerId: 1, orderedAt: -1 });
orderViewSchema.index({ companyId: 1, nextReminderAt: 1 });

export type OrderViewDoc = InferSchemaType<typeof orderViewSchema>;
export const OrderView = model('OrderView', orderViewSchema);

/** Upserts the view unless a newer (or the same) version is stored already. */
export async function writeOrderView(view: OrderViewRecord): Promise<void> {
  const set = {
    companyId: view.companyId,
    partnerId: view.partnerId,
    status: view.status,
    orderNumber: view.details.orderNumber,
    orderedAt: new Date(view.createdAt),
    version: view.version,
    view,
    // What operators list as upcoming: the reminders still scheduled while the invoice is awaited.
    upcomingReminders: view.nextReminderAt ? view.reminders.map((r) => ({ key: r.key, dueAt: new Date(r.dueAt) })) : [],
    ...(view.nextReminderAt ? { nextReminderAt: new Date(view.nextReminderAt) } : {}),
  };
  try {
    await OrderView.updateOne(
      // Documents written before versions existed have none: any versioned write replaces them.
      { _id: view.orderId, $or: [{ version: { $lt: view.version } }, { version: { $exists: false } }] },
      { $set: set, ...(view.nextReminderAt ? {} : { $unset: { nextReminderAt: 1 } }) },
      { upsert: true },
    );
  } catch (err) {
    // The document exists with this version or a newer one: the upsert's insert collided with it.
    if (isDuplicateKey(err)) return;
    throw err;
  }
}
