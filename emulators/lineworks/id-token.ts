// The OpenID Connect ID token of User Account auth (docs/providers/line-works.md#user-account-sign-in): RS256 with `kid`, iss = the
// issuer of openid-configuration, aud = client_id, sub = userId, nonce, iat/exp, at_hash over the
// access token, plus email, name and domain_id.

import { createHash } from 'node:crypto';
import { domainIdOf } from './domain-id';
import type { IssuerKeys } from './issuer-keys';
import type { Tenant, TenantUser } from './state';

export const ID_TOKEN_TTL_SECONDS = 3600;

/** at_hash for RS256: the left half of SHA-256(access token), base64url. */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

export function mintIdToken(
  keys: IssuerKeys,
  input: { issuer: string; clientId: string; tenant: Tenant; user: TenantUser; nonce?: string; accessToken: string },
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return keys.sign({
    iss: input.issuer,
    aud: input.clientId,
    sub: input.user.userId,
    iat,
    exp: iat + ID_TOKEN_TTL_SECONDS,
    ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
    at_hash: atHash(input.accessToken),
    ...(input.user.email === undefined ? {} : { email: input.user.email }),
    name: input.user.name ?? input.user.userId,
    domain_id: domainIdOf(input.tenant.tenantId),
  });
}
