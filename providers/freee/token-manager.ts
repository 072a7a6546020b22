// Keeps each freee user's tokens usable without ever losing them: freee refresh tokens are
// single-use, so when an access token is stale exactly one caller (across processes) claims that
// token version and refreshes; every other caller waits for the new version. A refused
// refresh marks the token as needing the user to authorise again.
import { randomUUID } from 'node:crypto';
import type { SealedSecret, TokenCipher } from '../../security/token-cipher';
import { AuthRejectedError } from '../http-errors';
import type { FreeeOAuthClient, FreeeTokenSet } from './oauth-client';

export class FreeeReauthRequiredError extends Error {
  override name = 'FreeeReauthRequiredError';
}

/** A freee token pair as stored: sealed, versioned (every refresh bumps the version). */
export interface StoredFreeeToken {
  id: string;
  accessToken: SealedSecret;
  refreshToken: SealedSecret;
  expiresAt: Date;
  version: number;
  status: 'valid' | 'reauth_required';
}

export interface SealedFreeeTokens {
  accessToken: SealedSecret;
  refreshToken: SealedSecret;
  expiresAt: Date;
}

/** Where the manager keeps tokens and its refresh leases; the database implementation lives in models/. */
export interface FreeeTokenStore {
  /** Stores a fresh authorisation (upsert), status valid, version bumped. */
  save(freeeUserId: string, companyId: string, tokens: SealedFreeeTokens): Promise<void>;
  load(freeeUserId: string, companyId: string): Promise<StoredFreeeToken | null>;
  /** Marks that version as refused by freee. */
  markReauthRequired(id: string, version: number): Promise<void>;
  /** Replaces that version with a refreshed pair (version bumped). */
  replace(id: string, version: number, tokens: SealedFreeeTokens): Promise<void>;
  /** True for the one caller that claims `lease`; an expired claim is taken over. */
  claim(lease: string, owner: string, ttlMs: number): Promise<boolean>;
  release(lease: string, owner: string): Promise<void>;
}

export interface FreeeTokenManagerOptions {
  oauth: FreeeOAuthClient;
  cipher: TokenCipher;
  store: FreeeTokenStore;
  /** Refresh this long before expiry. */
  marginMs?: number;
  leaseMs?: number;
  waitMs?: number;
}

export class FreeeTokenManager {
  private readonly owner = randomUUID();
  private readonly margin: number;
  private readonly leaseMs: number;
  private readonly waitMs: number;

  constructor(private readonly opts: FreeeTokenManagerOptions) {
    this.margin = opts.marginMs ?? 5 * 60_000;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.waitMs = opts.waitMs ?? 15_000;
  }

  /** Stores the tokens of a fresh authorisation (replacing any earlier ones). */
  async save(freeeUserId: string, companyId: string, t: FreeeTokenSet): Promise<void> {
    await this.opts.store.save(freeeUserId, companyId, this.seal(t));
  }

  /** A usable access token, refreshing it once if it is (nearly) expired. */
  async accessToken(freeeUserId: string, companyId: string): Promise<string> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const doc = await this.opts.store.load(freeeUserId, companyId);
      if (!doc || doc.status === 'reauth_required') throw new FreeeReauthRequiredError(`freee user ${freeeUserId} must authorise renkei again for business ${companyId}`);
      if (doc.expiresAt.getTime() - this.margin > Date.now()) return this.opts.cipher.open(doc.accessToken);
      // One refresh per token version: whoever claims this version refreshes it.
      const lease = `freee-refresh:${doc.id}:${doc.version}`;
      if (await this.opts.store.claim(lease, this.owner, this.leaseMs)) {
        try {
          const current = await this.opts.store.load(freeeUserId, companyId);
          if (current && current.version !== doc.version) continue; // refreshed meanwhile
          return await this.refreshUnderLease(doc.id, doc.version, this.opts.cipher.open(doc.refreshToken));
        } finally {
          await this.opts.store.release(lease, this.owner);
        }
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for another process to refresh freee token ${doc.id}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async refreshUnderLease(_id: string, version: number, refreshToken: string): Promise<string> {
    let fresh: FreeeTokenSet;
    try {
      fresh = await this.opts.oauth.refresh(refreshToken);
    } catch (err) {
      if (err instanceof AuthRejectedError) {
        await this.opts.store.markReauthRequired(_id, version);
        throw new FreeeReauthRequiredError(`freee refused the refresh token: ${err.message}`);
      }
      throw err;
    }
    // The new pair is the only valid one now: store it before anything else can fail.
    await this.opts.store.replace(_id, version, this.seal(fresh));
    return fresh.accessToken;
  }

  private seal(t: FreeeTokenSet): SealedFreeeTokens {
    return { accessToken: this.opts.cipher.seal(t.accessToken), refreshToken: this.opts.cipher.seal(t.refreshToken), expiresAt: new Date(t.expiresAt) };
  }
}
