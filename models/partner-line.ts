// A partner's LINE state, read on every partner notification to choose the channels: linked or
// not, friend of the Official Account, blocking it. `_id` is the partnerId; the unique index on
// lineUserId backs "one LINE account ↔ one partner" (the workflow ID backs the other direction).
import { Schema, model, type InferSchemaType } from 'mongoose';

const partnerLineSchema = new Schema(
  {
    _id: { type: String, required: true },
    companyId: { type: String, required: true },
    lineUserId: { type: String, required: true },
    status: { type: String, enum: ['linked', 'unlinked'], required: true },
    friend: { type: Boolean, required: true, default: false },
    blocked: { type: Boolean, required: true, default: false },
    linkedAt: { type: Date },
    unlinkedAt: { type: Date },
  },
  { collection: 'partner_lines', timestamps: true, versionKey: false },
);
partnerLineSchema.index({ lineUserId: 1 }, { unique: true });

export type PartnerLineDoc = InferSchemaType<typeof partnerLineSchema>;
export const PartnerLine = model('PartnerLine', partnerLineSchema);
