// Provider access tokens at rest, sealed with TokenCipher (AES-256-GCM, key ID for rotation).
// `_id` names the credential, e.g. "lineworks-sa:{worksTenantId}". Expiry is explicit (`expiresAt`,
// checked on read) because the embedded Mongo-wire server has no TTL indexes.
import { Schema, model, type InferSchemaType } from 'mongoose';
import { sealedSecretSchema } from './sealed-secret-schema';

const serviceTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    accessToken: { type: sealedSecretSchema, required: true },
    expiresAt: { type: Date, required: true },
    scope: { type: String, required: true },
  },
  { collection: 'service_tokens', timestamps: true, versionKey: false },
);

export type ServiceTokenDoc = InferSchemaType<typeof serviceTokenSchema>;
export const ServiceToken = model('ServiceToken', serviceTokenSchema);
