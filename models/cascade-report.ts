// The report of a cascade unlink (one per removal request), kept for the admin and operators.
import { Schema, model, type InferSchemaType } from 'mongoose';

const cascadeReportSchema = new Schema(
  {
    /** The cascade ID: "{worksTenantId}:{requestId}". */
    _id: { type: String, required: true },
    worksTenantId: { type: String, required: true },
    companyId: { type: String, required: true },
    revoked: { type: Number, required: true },
    alreadyGone: { type: Number, required: true },
    failed: { type: Number, required: true },
    finishedAt: { type: Date, required: true },
  },
  { collection: 'cascade_reports', timestamps: true, versionKey: false },
);
cascadeReportSchema.index({ worksTenantId: 1, finishedAt: -1 });

export type CascadeReportDoc = InferSchemaType<typeof cascadeReportSchema>;
export const CascadeReportRecord = model('CascadeReport', cascadeReportSchema);
