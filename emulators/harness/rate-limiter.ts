// Fixed-window request counter, keyed by whatever the provider counts per (e.g. tenant + API).
// The window opens at a key's first request and lasts `windowMs`; over the limit, callers are
// told how many whole seconds remain until it closes (their Retry-After).

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, limit: number): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (window === undefined || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)) };
    }
    window.count += 1;
    return { allowed: true, remaining: limit - window.count };
  }

  clear(): void {
    this.windows.clear();
  }
}
