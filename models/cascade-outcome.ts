// One document per (cascade, employee link): what the cascade did to that link. Written in bulk
// per page with $setOnInsert: the first outcome wins, so a retried page never rewrites it.
import { Schema, model, type InferSchemaType } from 'mongoose';

export const CASCADE_OUTCOMES = ['revoked', 'already_gone', 'failed'] as const;

const cascadeOutcomeSchema = new Schema(
  {
    /** "{cascadeId}|{employeeLinkId}" */
    _id: { type: String, required: true },
    cascadeId: { type: String, required: true },
    worksTenantId: { type: String, required: true },
    employeeLinkId: { type: String, required: true },
    outcome: { type: String, enum: CASCADE_OUTCOMES, required: true },
    error: { type: String },
  },
  { collection: 'cascade_outcomes', timestamps: true, versionKey: false },
);
cascadeOutcomeSchema.index({ cascadeId: 1, outcome: 1 });

export type CascadeOutcomeDoc = InferSchemaType<typeof cascadeOutcomeSchema>;
export const CascadeOutcomeRecord = model('CascadeOutcome', cascadeOutcomeSchema);
export const cascadeOutcomeId = (cascadeId: string, employeeLinkId: string): string => `${cascadeId}|${employeeLinkId}`;
