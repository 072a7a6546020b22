// The freee token manager's store in MongoDB: token pairs in `freee_tokens`, refresh leases as
// exactly-once claims. Wired in where the manager is constructed.
import type { FreeeTokenStore, SealedFreeeTokens, StoredFreeeToken } from '../providers/freee/token-manager';
import { claimOnce, releaseClaim } from './claim';
import { FreeeToken, freeeTokenId } from './freee-token';

export class MongoFreeeTokenStore implements FreeeTokenStore {
  async save(freeeUserId: string, companyId: string, t: SealedFreeeTokens): Promise<void> {
    await FreeeToken.updateOne(
      { _id: freeeTokenId(freeeUserId, companyId) },
      {
        $set: { freeeUserId, companyId, accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt, status: 'valid' },
        $inc: { version: 1 },
      },
      { upsert: true },
    );
  }

  async load(freeeUserId: string, companyId: string): Promise<StoredFreeeToken | null> {
    const doc = await FreeeToken.findById(freeeTokenId(freeeUserId, companyId)).lean();
    if (!doc) return null;
    return { id: doc._id, accessToken: doc.accessToken, refreshToken: doc.refreshToken, expiresAt: doc.expiresAt, version: doc.version, status: doc.status };
  }

  async markReauthRequired(id: string, version: number): Promise<void> {
    await FreeeToken.updateOne({ _id: id, version }, { $set: { status: 'reauth_required' } });
  }

  async replace(id: string, version: number, t: SealedFreeeTokens): Promise<void> {
    await FreeeToken.updateOne(
      { _id: id, version },
      { $set: { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt }, $inc: { version: 1 } },
    );
  }

  claim(lease: string, owner: string, ttlMs: number): Promise<boolean> {
    return claimOnce(lease, owner, ttlMs);
  }

  release(lease: string, owner: string): Promise<void> {
    return releaseClaim(lease, owner);
  }
}
