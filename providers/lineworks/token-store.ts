// Where service-account access tokens are cached between processes. The shared store (MongoDB,
// sealed at rest) is models/service-token-store; this file holds the contract and a process-local one.

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
