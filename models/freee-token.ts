// A freee user's OAuth tokens for one business, sealed at rest. freee refresh tokens are
// single-use, so refreshing is guarded by an exactly-once claim per token version (models/claim):
// one process refreshes, the others wait for the new version instead of spending the same refresh
// token twice.
import { Schema, model, type InferSchemaType } from 'mongoose';
import { sealedSecretSchema } from './sealed-secret-schema';

export const freeeTokenId = (freeeUserId: string, companyId: string): string => `freee:${freeeUserId}:${companyId}`;

const freeeTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    freeeUserId: { type: String, required: true },
    companyId: { type: String, required: true },
    accessToken: { type: sealedSecretSchema, required: true },
    refreshToken: { type: sealedSecretSchema, required: true },
    expiresAt: { type: Date, required: true },
    /** Bumped by every refresh; waiters watch it. */
    version: { type: Number, required: true, default: 1 },
    status: { type: String, enum: ['valid', 'reauth_required'], required: true, default: 'valid' },
  },
  { collection: 'freee_tokens', timestamps: true, versionKey: false },
);

export type FreeeTokenDoc = InferSchemaType<typeof freeeTokenSchema>;
export const FreeeToken = model('FreeeToken', freeeTokenSchema);
