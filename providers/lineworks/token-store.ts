// Where service-account access tokens are cached between processes: Mongo, sealed at rest.
// One document per tenant credential; a token is only ever replaced by a newer one.
import type { TokenCipher } from '../../security/token-cipher';
import { ServiceToken } from '../../models/service-token';

export interface AccessToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scope: string;
}

export interface TokenStore {
  load(key: string): Promise<AccessToken | null>;
  save(key: string, token: AccessToken): Promise<void>;
  /** Forgets the token, but only if it is still the one given (a newer one is kept). */
  drop(key: string, token: string): Promise<void>;
}

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

/** A process-local store, for tests of the client alone and for single-process tools. */
export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, AccessToken>();
  load(key: string): Promise<AccessToken | null> {
    const t = this.tokens.get(key);
    return Promise.resolve(t && t.expiresAt > Date.now() ? t : null);
  }
  save(key: string, token: AccessToken): Promise<void> {
    this.tokens.set(key, token);
    return Promise.resolve();
  }
  drop(key: string, token: string): Promise<void> {
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key);
    return Promise.resolve();
  }
}
