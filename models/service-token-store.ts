// Where LINE WORKS service-account access tokens are cached between processes: Mongo, sealed at
// rest. One document per tenant credential; a token is only ever replaced by a newer one.
import type { AccessToken, TokenStore } from '../providers/lineworks/token-store';
import type { TokenCipher } from '../security/token-cipher';
import { ServiceToken } from './service-token';

export class MongoTokenStore implements TokenStore {
  constructor(private readonly cipher: TokenCipher) {}

  async load(key: string): Promise<AccessToken | null> {
    const doc = await ServiceToken.findById(key).lean();
    if (!doc || doc.expiresAt.getTime() <= Date.now()) return null;
    return { token: this.cipher.open(doc.accessToken), expiresAt: doc.expiresAt.getTime(), scope: doc.scope };
  }

  async save(key: string, token: AccessToken): Promise<void> {
    await ServiceToken.updateOne(
      { _id: key },
      { $set: { accessToken: this.cipher.seal(token.token), expiresAt: new Date(token.expiresAt), scope: token.scope } },
      { upsert: true },
    );
  }

  async drop(key: string, token: string): Promise<void> {
    const doc = await ServiceToken.findById(key).lean();
    if (doc && this.cipher.open(doc.accessToken) === token) await ServiceToken.deleteOne({ _id: key, updatedAt: doc.updatedAt });
  }
}
