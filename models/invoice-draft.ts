// The invoice a partner is writing, kept per partner and order until it is sent (docs/flows/lansmart-line.md,
// work report and invoice ⑤–⑧): rows exactly as typed, saved on every post of the invoice form, so
// leaving the page — to upload a report, to correct 基本情報, or for any reason — loses nothing; deleted
// once the invoice is sent. Expiry is an explicit `expiresAt` checked on read (the embedded
// Mongo-wire server has no TTL indexes); lookups are by `_id` only.
import { Schema, model, type InferSchemaType } from 'mongoose';

const rowSchema = new Schema({ name: { type: String, default: '' }, amount: { type: String, default: '' } }, { _id: false });

const invoiceDraftSchema = new Schema(
  {
    /** `{partnerId}:{orderId}` */
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    orderId: { type: String, required: true },
    items: { type: [rowSchema], default: [] },
    expenses: { type: [rowSchema], default: [] },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'invoice_drafts', timestamps: true, versionKey: false },
);

export type InvoiceDraftDoc = InferSchemaType<typeof invoiceDraftSchema>;
export const InvoiceDraftRecord = model('InvoiceDraft', invoiceDraftSchema);
export const invoiceDraftId = (partnerId: string, orderId: string): string => `${partnerId}:${orderId}`;
