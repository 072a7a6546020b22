// The 業務内容 a partner has added to an order's work report and not registered yet (docs/flows/lansmart-line.md,
// work report and invoice), kept per partner and order: each [業務内容を追加] or [削除] saves the list
// and redirects, so the report page shows it again after a reload or Back; deleted once the work is
// registered. Each entry has its own `id` (a [削除] names the entry its page showed, whatever another
// tab changed since); entries kept before ids have none and are named by their content
// (api/partner-web/report-draft-store.ts). Expiry is an explicit `expiresAt` checked on read (the embedded Mongo-wire server has
// no TTL indexes); lookups are by `_id` only.
import { Schema, model, type InferSchemaType } from 'mongoose';

const entrySchema = new Schema(
  { id: { type: String }, date: { type: String, required: true }, hours: { type: Number, required: true }, description: { type: String, required: true } },
  { _id: false },
);

const reportDraftSchema = new Schema(
  {
    /** `{partnerId}:{orderId}` */
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    orderId: { type: String, required: true },
    entries: { type: [entrySchema], default: [] },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'report_drafts', timestamps: true, versionKey: false },
);

export type ReportDraftDoc = InferSchemaType<typeof reportDraftSchema>;
export const ReportDraftRecord = model('ReportDraft', reportDraftSchema);
export const reportDraftId = (partnerId: string, orderId: string): string => `${partnerId}:${orderId}`;
