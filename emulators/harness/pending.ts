// Short-lived server-side records of a multi-page flow in progress (an authorization request
// waiting for consent, an install wizard between its pages), referenced from a hidden form field.

import { randomBytes } from 'node:crypto';

const DEFAULT_TTL_MS = 30 * 60_000;

export class PendingStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number = DEFAULT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  put(value: T): string {
    const id = randomBytes(18).toString('base64url');
    this.entries.set(id, { value, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  get(id: string | undefined): T | undefined {
    if (id === undefined) return undefined;
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  /** Gets and forgets (a flow's last page). */
  take(id: string | undefined): T | undefined {
    const value = this.get(id);
    if (id !== undefined) this.entries.delete(id);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
