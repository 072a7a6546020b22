// A partner's LINE Login tokens, sealed at rest. renkei uses them only to learn that the partner
// revoked the app in LINE (連動の解除): LINE then refuses them. Refresh tokens rotate.
import { Schema, model, type InferSchemaType } from 'mongoose';
import { sealedSecretSchema } from './sealed-secret-schema';

const partnerLineTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    lineUserId: { type: String, required: true },
    accessToken: { type: sealedSecretSchema, required: true },
    refreshToken: { type: sealedSecretSchema, required: true },
    expiresAt: { type: Date, required: true },
    /** When LINE last confirmed the access token; checks are spaced out, not one per message. */
    verifiedAt: { type: Date, required: true },
    status: { type: String, enum: ['valid', 'refused'], required: true, default: 'valid' },
    /** When LINE refused them (連動の解除); a later link's tokens replace them. */
    refusedAt: { type: Date },
  },
  { collection: 'partner_line_tokens', timestamps: true, versionKey: false },
);

export type PartnerLineTokenDoc = InferSchemaType<typeof partnerLineTokenSchema>;
export const PartnerLineToken = model('PartnerLineToken', partnerLineTokenSchema);
