// Verifies a service-account JWT assertion as LINE WORKS does (docs/providers/line-works.md#service-account-token): RS256 signature
// by the app's key, iss = client_id, sub = a service account, numeric iat/exp, at most one hour
// apart, not expired.

import { errors, jwtVerify } from 'jose';
import type { RegisteredApp } from './state';

export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

export class AssertionRejected extends Error {
  override name = 'AssertionRejected';
}

export async function verifyAssertion(assertion: string, app: RegisteredApp): Promise<{ serviceAccountId: string }> {
  if (app.publicKey === undefined) throw new AssertionRejected('the app has no service account public key');
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, app.publicKey, {
      algorithms: ['RS256'],
      issuer: app.clientId,
      requiredClaims: ['iss', 'sub', 'iat', 'exp'],
    }));
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new AssertionRejected(`assertion rejected: ${error.code}: ${error.message}`);
    throw new AssertionRejected('assertion is not a JWT');
  }
  const { sub, iat, exp } = payload;
  if (typeof sub !== 'string' || sub.length === 0) throw new AssertionRejected('assertion has no sub');
  if (typeof iat !== 'number' || typeof exp !== 'number') throw new AssertionRejected('iat and exp must be numbers');
  if (exp <= iat || exp - iat > MAX_ASSERTION_LIFETIME_SECONDS) {
    throw new AssertionRejected(`exp - iat must be between 1 and ${MAX_ASSERTION_LIFETIME_SECONDS} seconds`);
  }
  return { serviceAccountId: sub };
}
