// Stateless channel access tokens (`POST /oauth2/v3/token`, client_credentials): valid 15 minutes,
// cannot be revoked, any number may be live. The LINE Login channel uses one for
// `/user/v1/deauthorize`; the Messaging API accepts one of its own channel too.

import { randomBytes } from 'node:crypto';

export const STATELESS_TOKEN_TTL_SECONDS = 15 * 60;

export class ChannelTokenStore {
  private readonly tokens = new Map<string, { channelId: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(channelId: string): { accessToken: string; expiresInSeconds: number } {
    const accessToken = randomBytes(64).toString('base64url');
    this.tokens.set(accessToken, { channelId, expiresAt: this.now() + STATELESS_TOKEN_TTL_SECONDS * 1000 });
    return { accessToken, expiresInSeconds: STATELESS_TOKEN_TTL_SECONDS };
  }

  /** The channel a live token belongs to. */
  channelOf(accessToken: string): string | undefined {
    const stored = this.tokens.get(accessToken);
    if (stored === undefined) return undefined;
    if (stored.expiresAt <= this.now()) {
      this.tokens.delete(accessToken);
      return undefined;
    }
    return stored.channelId;
  }

  clear(): void {
    this.tokens.clear();
  }
}
