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
    /**
     * When LINE last confirmed the access token. It is checked before every LINE message; this is
     * written at most once a minute (VERIFIED_AT_RESOLUTION_MS), so a burst of messages writes it once.
     */
    verifiedAt: { type: Date, required: true },
    status: { type: String, enum: ['valid', 'refused'], required: true, default: 'valid' },
    /** When LINE refused them (連動の解除); a later link's tokens replace them. */
    refusedAt: { type: Date },
  },
  { collection: 'partner_line_tokens', timestamps: true, versionKey: false },
);

/** How stale `verifiedAt` may get before a confirmed check writes it again. */
export const VERIFIED_AT_RESOLUTION_MS = 60_000;

export type PartnerLineTokenDoc = InferSchemaType<typeof partnerLineTokenSchema>;
export const PartnerLineToken = model('PartnerLineToken', partnerLineTokenSchema);
