// LINE WORKS access and refresh tokens: random opaque strings bound to (tenant, clientId, scope)
// and, for User Account tokens, the user. Refreshing rotates the refresh token (the December 2024
// behaviour, docs/providers/line-works.md#service-account-token).

import { randomBytes } from 'node:crypto';

export interface TokenGrant {
  tenantId: string;
  clientId: string;
  scope: string;
  /** Set for User Account (OAuth) tokens; absent for service-account tokens. */
  userId?: string;
}

interface StoredToken extends TokenGrant {
  expiresAt: number;
  /** Set when the tenant was revoked: the token never works again. */
  revoked?: boolean;
}

/** Outcome of presenting a refresh token. */
export type RefreshOutcome = { kind: 'ok'; grant: TokenGrant } | { kind: 'revoked'; tenantId: string } | { kind: 'invalid' };

export interface IssuedTokens extends TokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;

const opaque = (): string => randomBytes(32).toString('base64url');

export class TokenStore {
  private readonly access = new Map<string, StoredToken>();
  private readonly refresh = new Map<string, StoredToken>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: TokenGrant, accessTtlSeconds: number): IssuedTokens {
    const accessToken = opaque();
    const refreshToken = opaque();
    const now = this.now();
    this.access.set(accessToken, { ...grant, expiresAt: now + accessTtlSeconds * 1000 });
    this.refresh.set(refreshToken, { ...grant, expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000 });
    return { ...grant, accessToken, refreshToken, expiresInSeconds: accessTtlSeconds };
  }

  /** The grant behind a live access token, or undefined (unknown, expired or revoked). */
  findAccess(accessToken: string): TokenGrant | undefined {
    return this.live(this.access, accessToken);
  }

  /** Spends a refresh token issued to clientId (it is single-use: refreshing rotates it). */
  spendRefresh(refreshToken: string, clientId: string): RefreshOutcome {
    const stored = this.refresh.get(refreshToken);
    if (stored === undefined || stored.clientId !== clientId) return { kind: 'invalid' };
    if (stored.revoked === true) return { kind: 'revoked', tenantId: stored.tenantId };
    const grant = this.live(this.refresh, refreshToken);
    if (grant === undefined) return { kind: 'invalid' };
    this.refresh.delete(refreshToken);
    return { kind: 'ok', grant };
  }

  /** Invalidates every token of a tenant for good (app removed / credentials revoked). */
  revokeTenant(tenantId: string): void {
    this.revokeWhere((grant) => grant.tenantId === tenantId);
  }

  /** Invalidates for good every token whose grant matches (e.g. one app in one tenant). */
  revokeWhere(matches: (grant: TokenGrant) => boolean): void {
    for (const [token, stored] of this.access) if (matches(stored)) this.access.delete(token);
    for (const stored of this.refresh.values()) if (matches(stored)) stored.revoked = true;
  }

  /** Makes a tenant's access tokens expired now (refresh tokens stay usable). */
  expireTenantAccess(tenantId: string): void {
    for (const stored of this.access.values()) if (stored.tenantId === tenantId) stored.expiresAt = this.now() - 1;
  }

  clear(): void {
    this.access.clear();
    this.refresh.clear();
  }

  private live(store: Map<string, StoredToken>, token: string): TokenGrant | undefined {
    const stored = store.get(token);
    if (stored === undefined || stored.revoked === true) return undefined;
    if (stored.expiresAt <= this.now()) {
      store.delete(token);
      return undefined;
    }
    const grant: TokenGrant = { tenantId: stored.tenantId, clientId: stored.clientId, scope: stored.scope };
    if (stored.userId !== undefined) grant.userId = stored.userId;
    return grant;
  }
}
