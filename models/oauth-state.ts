// OAuth `state` records (docs/design.md §3, RFC 9700): single-use, short-lived, bound to the browser that
// started the flow, carrying the PKCE verifier and what the flow needs on return. Expiry is an
// explicit `expiresAt` checked on read (the embedded Mongo-wire server has no TTL indexes).
import { Schema, model, type InferSchemaType } from 'mongoose';

export const OAUTH_PURPOSES = ['freee_login', 'lineworks_admin', 'lineworks_install', 'lineworks_user', 'employee_consent', 'employee_unlink', 'lineworks_login', 'line_register', 'line_login'] as const;
export type OAuthPurpose = (typeof OAUTH_PURPOSES)[number];

const oauthStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    purpose: { type: String, enum: OAUTH_PURPOSES, required: true },
    /** SHA-256 of the browser-binding cookie. */
    binding: { type: String, required: true },
    codeVerifier: { type: String },
    data: { type: Schema.Types.Mixed, default: {} },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date },
  },
  { collection: 'oauth_states', timestamps: true, versionKey: false, minimize: false },
);
oauthStateSchema.index({ expiresAt: 1 });

export type OAuthStateDoc = InferSchemaType<typeof oauthStateSchema>;
export const OAuthState = model('OAuthState', oauthStateSchema);
