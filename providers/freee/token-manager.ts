// Keeps each freee user's tokens usable without ever losing them: freee refresh tokens are
// single-use, so when an access token is stale exactly one caller (across processes) claims that
// token version and refreshes; every other caller waits for the new version. A refused
// refresh marks the token as needing the user to authorise again.
import { randomUUID } from 'node:crypto';
import { claimOnce, releaseClaim } from '../../models/claim';
import { FreeeToken, freeeTokenId } from '../../models/freee-token';
import type { TokenCipher } from '../../security/token-cipher';
import { AuthRejectedError } from '../http-errors';
import type { FreeeOAuthClient, FreeeTokenSet } from './oauth-client';

export class FreeeReauthRequiredError extends Error {
  override name = 'FreeeReauthRequiredError';
}

export interface FreeeTokenManagerOptions {
  oauth: FreeeOAuthClient;
  cipher: TokenCipher;
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
    await FreeeToken.updateOne(
      { _id: freeeTokenId(freeeUserId, companyId) },
      {
        $set: {
          freeeUserId,
          companyId,
          accessToken: this.opts.cipher.seal(t.accessToken),
          refreshToken: this.opts.cipher.seal(t.refreshToken),
          expiresAt: new Date(t.expiresAt),
          status: 'valid',
        },
        $inc: { version: 1 },
      },
      { upsert: true },
    );
  }

  /** A usable access token, refreshing it once if it is (nearly) expired. */
  async accessToken(freeeUserId: string, companyId: string): Promise<string> {
    const _id = freeeTokenId(freeeUserId, companyId);
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const doc = await FreeeToken.findById(_id).lean();
      if (!doc || doc.status === 'reauth_required') throw new FreeeReauthRequiredError(`freee user ${freeeUserId} must authorise renkei again for business ${companyId}`);
      if (doc.expiresAt.getTime() - this.margin > Date.now()) return this.opts.cipher.open(doc.accessToken);
      // One refresh per token version: whoever claims this version refreshes it.
      const lease = `freee-refresh:${_id}:${doc.version}`;
      if (await claimOnce(lease, this.owner, this.leaseMs)) {
        try {
          const current = await FreeeToken.findById(_id).lean();
          if (current && current.version !== doc.version) continue; // refreshed meanwhile
          return await this.refreshUnderLease(_id, doc.version, this.opts.cipher.open(doc.refreshToken));
        } finally {
          await releaseClaim(lease, this.owner);
        }
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for another process to refresh freee token ${_id}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async refreshUnderLease(_id: string, version: number, refreshToken: string): Promise<string> {
    let fresh: FreeeTokenSet;
    try {
      fresh = await this.opts.oauth.refresh(refreshToken);
    } catch (err) {
      if (err instanceof AuthRejectedError) {
        await FreeeToken.updateOne({ _id, version }, { $set: { status: 'reauth_required' } });
        throw new FreeeReauthRequiredError(`freee refused the refresh token: ${err.message}`);
      }
      throw err;
    }
    // The new pair is the only valid one now: store it before anything else can fail.
    await FreeeToken.updateOne(
      { _id, version },
      {
        $set: { accessToken: this.opts.cipher.seal(fresh.accessToken), refreshToken: this.opts.cipher.seal(fresh.refreshToken), expiresAt: new Date(fresh.expiresAt) },
        $inc: { version: 1 },
      },
    );
    return fresh.accessToken;
  }
}
