// LINE Login user tokens (reference C.2): opaque access tokens (30 days) and refresh tokens (90
// days from issue) bound to (channel, user, scope). Refreshing rotates the refresh token; revoking
// an access token also ends the refresh token issued with it; unlinking the app (連動の解除, C.4)
// ends every token of that user for that channel at once.

import { randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
export const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;

export interface UserTokenGrant {
  channelId: string;
  userId: string;
  /** Space-separated granted scopes. */
  scope: string;
}

export interface LiveAccessToken extends UserTokenGrant {
  expiresAt: number;
}

export interface IssuedUserTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

interface Stored extends UserTokenGrant {
  /** Links the access and refresh token issued together. */
  pair: string;
  expiresAt: number;
}

const opaque = (bytes: number): string => randomBytes(bytes).toString('base64url');

export class LoginTokenStore {
  private readonly access = new Map<string, Stored>();
  private readonly refresh = new Map<string, Stored>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: UserTokenGrant): IssuedUserTokens {
    const pair = opaque(9);
    const accessToken = opaque(48);
    const refreshToken = opaque(15);
    const now = this.now();
    this.access.set(accessToken, { ...grant, pair, expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000 });
    this.refresh.set(refreshToken, { ...grant, pair, expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000 });
    return { accessToken, refreshToken, expiresInSeconds: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** The grant of a live access token, or undefined (unknown, expired, revoked). */
  findAccess(accessToken: string): LiveAccessToken | undefined {
    const stored = this.access.get(accessToken);
    if (stored === undefined) return undefined;
    if (stored.expiresAt <= this.now()) {
      this.access.delete(accessToken);
      return undefined;
    }
    return { channelId: stored.channelId, userId: stored.userId, scope: stored.scope, expiresAt: stored.expiresAt };
  }

  /** Spends a refresh token of `channelId` (single use), or undefined when it is not live. */
  spendRefresh(refreshToken: string, channelId: string): UserTokenGrant | undefined {
    const stored = this.refresh.get(refreshToken);
    if (stored === undefined || stored.channelId !== channelId) return undefined;
    this.refresh.delete(refreshToken);
    if (stored.expiresAt <= this.now()) return undefined;
    return { channelId: stored.channelId, userId: stored.userId, scope: stored.scope };
  }

  /** Revokes an access token of `channelId` and the refresh token issued with it; false when unknown. */
  revokeAccess(accessToken: string, channelId: string): boolean {
    const stored = this.access.get(accessToken);
    if (stored === undefined || stored.channelId !== channelId) return false;
    this.dropWhere((candidate) => candidate.pair === stored.pair);
    return true;
  }

  /** Ends every token of a user for a channel; answers how many of each kind died. */
  revokeUser(channelId: string, userId: string): { accessTokens: number; refreshTokens: number } {
    return this.dropWhere((candidate) => candidate.channelId === channelId && candidate.userId === userId);
  }

  /** Makes a user's access tokens expired now (refresh tokens keep working). */
  expireUserAccess(userId: string): number {
    let count = 0;
    for (const stored of this.access.values()) {
      if (stored.userId !== userId) continue;
      stored.expiresAt = this.now() - 1;
      count += 1;
    }
    return count;
  }

  clear(): void {
    this.access.clear();
    this.refresh.clear();
  }

  private dropWhere(matches: (stored: Stored) => boolean): { accessTokens: number; refreshTokens: number } {
    let accessTokens = 0;
    let refreshTokens = 0;
    for (const [token, stored] of this.access) {
      if (!matches(stored)) continue;
      this.access.delete(token);
      if (stored.expiresAt > this.now()) accessTokens += 1;
    }
    for (const [token, stored] of this.refresh) {
      if (!matches(stored)) continue;
      this.refresh.delete(token);
      refreshTokens += 1;
    }
    return { accessTokens, refreshTokens };
  }
}
