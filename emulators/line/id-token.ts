// The LINE Login ID token for web login (reference C.3): HS256 keyed by the LINE Login channel
// secret, iss "https://access.line.me", sub = userId, aud = channel ID, exp (+1 h), iat,
// auth_time, nonce (when sent), amr ["pwd"], name, picture (when the user has one) and email
// (only when the email scope was granted and the account has an address). Also the checks of
// `POST /oauth2/v2.1/verify`.

import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { LineUser } from './state';

export const LINE_ISSUER = 'https://access.line.me';
export const ID_TOKEN_TTL_SECONDS = 3600;

const keyOf = (channelSecret: string): Uint8Array => new TextEncoder().encode(channelSecret);

export function mintIdToken(input: { channelId: string; channelSecret: string; user: LineUser; scopes: readonly string[]; nonce?: string; authTime: number }): Promise<string> {
  const claims: JWTPayload & Record<string, unknown> = { auth_time: input.authTime, amr: ['pwd'], name: input.user.displayName };
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  if (input.user.pictureUrl !== undefined) claims.picture = input.user.pictureUrl;
  if (input.scopes.includes('email') && input.user.email !== null) claims.email = input.user.email;
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'HS256' })
    .setIssuer(LINE_ISSUER)
    .setSubject(input.user.userId)
    .setAudience(input.channelId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ID_TOKEN_TTL_SECONDS)
    .sign(keyOf(input.channelSecret));
}

/** Why `POST /oauth2/v2.1/verify` refuses an ID token: LINE's error_description texts. */
export class IdTokenRejected extends Error {
  constructor(description: string) {
    super(description);
    this.name = 'IdTokenRejected';
  }
}

export async function verifyIdToken(idToken: string, input: { channelId: string; channelSecret: string; nonce?: string; userId?: string }): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keyOf(input.channelSecret), { algorithms: ['HS256'], issuer: LINE_ISSUER }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new IdTokenRejected('IdToken expired.');
    throw new IdTokenRejected('Invalid IdToken.');
  }
  const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audience.includes(input.channelId)) throw new IdTokenRejected('Invalid IdToken Audience.');
  if (input.nonce !== undefined && payload.nonce !== input.nonce) throw new IdTokenRejected('Invalid IdToken Nonce.');
  if (input.userId !== undefined && payload.sub !== input.userId) throw new IdTokenRejected('Invalid IdToken Subject Identifier.');
  return payload;
}
