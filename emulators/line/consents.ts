// What each LINE user has agreed to per LINE Login channel: the scopes granted on the consent page
// (without `email` when the e-mail box was unticked). A consent lets the next login skip the
// consent page (auto-login); 連動の解除 and deauthorize forget it.

export interface Consent {
  channelId: string;
  userId: string;
  scopes: string[];
  consentedAt: string;
}

const keyOf = (channelId: string, userId: string): string => `${channelId}\u0000${userId}`;

export class ConsentStore {
  private readonly consents = new Map<string, Consent>();

  grant(channelId: string, userId: string, scopes: string[]): Consent {
    const consent: Consent = { channelId, userId, scopes: [...scopes], consentedAt: new Date().toISOString() };
    this.consents.set(keyOf(channelId, userId), consent);
    return consent;
  }

  get(channelId: string, userId: string): Consent | undefined {
    return this.consents.get(keyOf(channelId, userId));
  }

  /** True when the consent covers every requested scope (the consent page can be skipped). */
  covers(channelId: string, userId: string, requested: readonly string[]): boolean {
    const consent = this.get(channelId, userId);
    return consent !== undefined && requested.every((scope) => consent.scopes.includes(scope));
  }

  forget(channelId: string, userId: string): boolean {
    return this.consents.delete(keyOf(channelId, userId));
  }

  list(filter: { userId?: string } = {}): Consent[] {
    return [...this.consents.values()].filter((consent) => filter.userId === undefined || consent.userId === filter.userId);
  }

  clear(): void {
    this.consents.clear();
  }
}
