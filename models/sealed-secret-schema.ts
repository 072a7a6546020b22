// How a secret sealed by TokenCipher (security/token-cipher) is stored: key ID, IV, tag, data.
import { Schema } from 'mongoose';

export const sealedSecretSchema = new Schema(
  { kid: { type: String, required: true }, iv: { type: String, required: true }, tag: { type: String, required: true }, data: { type: String, required: true } },
  { _id: false },
);
