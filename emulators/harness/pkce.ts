// PKCE (RFC 7636) as the emulated authorization servers support it: S256 only. A verifier is
// 43-128 characters of [A-Za-z0-9-._~]; the challenge is BASE64URL(SHA256(verifier)).

import { createHash } from 'node:crypto';

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export const PKCE_METHOD = 'S256';

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Why an authorize request's PKCE parameters are unacceptable, or undefined when they are fine. */
export function pkceRequestProblem(challenge: string | undefined, method: string | undefined): string | undefined {
  if (challenge === undefined) return method === undefined ? undefined : 'code_challenge_method without code_challenge';
  if ((method ?? 'plain') !== PKCE_METHOD) return 'code_challenge_method must be S256';
  if (!CHALLENGE.test(challenge)) return 'code_challenge must be 43 base64url characters';
  return undefined;
}

export function verifyPkce(challenge: string, verifier: string | undefined): boolean {
  return verifier !== undefined && VERIFIER.test(verifier) && s256Challenge(verifier) === challenge;
}
