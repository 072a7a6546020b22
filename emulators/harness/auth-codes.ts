// Authorization codes (RFC 6749 §4.1) for the emulated authorization servers: random, valid ten
// minutes, single-use (a second presentation fails even if the first one failed), bound to the
// client, the redirect_uri and, when one was given, the PKCE challenge.

import { randomBytes } from 'node:crypto';
import { verifyPkce } from './pkce';

export const AUTHORIZATION_CODE_TTL_MS = 10 * 60_000;

export interface CodeBinding {
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
}

export type RedeemOutcome<T> = { ok: true; grant: T } | { ok: false; reason: string };

export class AuthorizationCodes<T> {
  private readonly codes = new Map<string, { binding: CodeBinding; grant: T; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(binding: CodeBinding, grant: T): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { binding, grant, expiresAt: this.now() + AUTHORIZATION_CODE_TTL_MS });
    return code;
  }

  redeem(code: string, presented: { clientId: string; redirectUri: string | undefined; codeVerifier: string | undefined }): RedeemOutcome<T> {
    const stored = this.codes.get(code);
    this.codes.delete(code);
    if (stored === undefined) return { ok: false, reason: 'authorization code is unknown or already used' };
    if (stored.expiresAt <= this.now()) return { ok: false, reason: 'authorization code expired' };
    if (stored.binding.clientId !== presented.clientId) return { ok: false, reason: 'authorization code was issued to another client' };
    if (stored.binding.redirectUri !== presented.redirectUri) return { ok: false, reason: 'redirect_uri does not match the authorization request' };
    if (stored.binding.codeChallenge !== undefined && !verifyPkce(stored.binding.codeChallenge, presented.codeVerifier)) {
      return { ok: false, reason: 'code_verifier does not match the code_challenge' };
    }
    return { ok: true, grant: stored.grant };
  }

  clear(): void {
    this.codes.clear();
  }
}
