// What each member has allowed each app (User Account auth): the scopes a member granted on the
// consent page, remembered per app, member and tenant, so the next authorization request for
// scopes already granted goes straight back to the app with a code — as OAuth/OIDC providers do.
// LINE WORKS's own pages do not say when its consent screen shows (docs/providers/line-works.md#user-account-sign-in): the emulator
// takes the conservative reading and asks once per member and app, again for any new scope.

export interface ConsentSubject {
  clientId: string;
  tenantId: string;
  userId: string;
}

const keyOf = (s: ConsentSubject): string => JSON.stringify([s.clientId, s.tenantId, s.userId]);

export class ConsentStore {
  private readonly granted = new Map<string, Set<string>>();

  /** Records that the member allowed the app these scopes (added to any granted before). */
  grant(subject: ConsentSubject, scopes: readonly string[]): void {
    const key = keyOf(subject);
    const known = this.granted.get(key) ?? new Set<string>();
    for (const scope of scopes) known.add(scope);
    this.granted.set(key, known);
  }

  /** True when the member allowed the app every one of these scopes already. */
  covers(subject: ConsentSubject, scopes: readonly string[]): boolean {
    const known = this.granted.get(keyOf(subject));
    return known !== undefined && scopes.every((scope) => known.has(scope));
  }

  clear(): void {
    this.granted.clear();
  }
}
