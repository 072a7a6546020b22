// freee OAuth tokens (reference D.1): access tokens live 6 hours, refresh tokens 90 days and are
// single-use (a refresh returns a new one). Presenting a spent refresh token again answers 401
// invalid_grant and, as RFC 9700 §4.14.2 recommends for refresh-token reuse detection, revokes the
// whole grant: the refresh token that replaced it and its access tokens die too. (freee documents
// only the 401; the revocation is this emulator's choice, see emulators/README.md.)

import { randomBytes } from 'node:crypto';

export const FREEE_ACCESS_TOKEN_TTL_SECONDS = 21_600;
const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;

export interface FreeeGrant {
  clientId: string;
  userId: number;
  companyId: number;
  scope: string;
}

interface Stored {
  grant: FreeeGrant;
  /** One authorization and every token rotated from it. */
  family: string;
  expiresAt: number;
}

export interface IssuedFreeeTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  createdAt: number;
}

export type FreeeRefreshOutcome = { kind: 'ok'; grant: FreeeGrant; family: string } | { kind: 'reused' } | { kind: 'invalid' };

const opaque = (): string => randomBytes(32).toString('hex');

export class FreeeTokenStore {
  private readonly access = new Map<string, Stored>();
  private readonly refresh = new Map<string, Stored & { spent: boolean }>();
  private readonly revokedFamilies = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: FreeeGrant, family: string = opaque()): IssuedFreeeTokens {
    const now = this.now();
    const accessToken = opaque();
    const refreshToken = opaque();
    this.access.set(accessToken, { grant, family, expiresAt: now + FREEE_ACCESS_TOKEN_TTL_SECONDS * 1000 });
    this.refresh.set(refreshToken, { grant, family, expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000, spent: false });
    return { accessToken, refreshToken, expiresIn: FREEE_ACCESS_TOKEN_TTL_SECONDS, createdAt: Math.floor(now / 1000) };
  }

  findAccess(token: string): FreeeGrant | undefined {
    const stored = this.access.get(token);
    if (stored === undefined || this.revokedFamilies.has(stored.family) || stored.expiresAt <= this.now()) return undefined;
    return stored.grant;
  }

  spendRefresh(token: string, clientId: string): FreeeRefreshOutcome {
    const stored = this.refresh.get(token);
    if (stored === undefined || stored.grant.clientId !== clientId || this.revokedFamilies.has(stored.family)) return { kind: 'invalid' };
    if (stored.spent) {
      this.revokedFamilies.add(stored.family);
      return { kind: 'reused' };
    }
    if (stored.expiresAt <= this.now()) return { kind: 'invalid' };
    stored.spent = true;
    return { kind: 'ok', grant: stored.grant, family: stored.family };
  }

  /** RFC 7009 revocation of one token: the grant it belongs to ends. False when unknown. */
  revokeToken(token: string): boolean {
    const stored = this.access.get(token) ?? this.refresh.get(token);
    if (stored === undefined) return false;
    this.revokedFamilies.add(stored.family);
    return true;
  }

  revokeUser(userId: number): number {
    const families = new Set<string>();
    for (const stored of [...this.access.values(), ...this.refresh.values()]) if (stored.grant.userId === userId) families.add(stored.family);
    for (const family of families) this.revokedFamilies.add(family);
    return families.size;
  }

  /** The user's access tokens expire now; refresh tokens keep working. */
  expireUserAccess(userId: number): void {
    for (const stored of this.access.values()) if (stored.grant.userId === userId) stored.expiresAt = this.now() - 1;
  }

  clear(): void {
    this.access.clear();
    this.refresh.clear();
    this.revokedFamilies.clear();
  }
}
