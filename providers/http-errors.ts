// Typed provider errors, classified once from HTTP answers, so activities decide retry policy
// by type: 429 → RateLimited (retry after Retry-After), 5xx / network / timeout → Unavailable
// (retry with backoff), auth refusal → AuthRejected, any other 4xx → Rejected (never retried).
import { AxiosError } from 'axios';

export abstract class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RateLimitedError extends ProviderError {
  constructor(provider: string, readonly retryAfterMs: number | undefined, code?: string) {
    super(provider, `${provider} rate limit (429)${retryAfterMs !== undefined ? `, retry after ${retryAfterMs} ms` : ''}`, 429, code);
  }
}
export class ProviderUnavailableError extends ProviderError {}
export class AuthRejectedError extends ProviderError {}
export class ProviderRejectedError extends ProviderError {}

/** Parses Retry-After (delta-seconds or HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

interface ErrorBody {
  code?: unknown;
  description?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/**
 * Maps an axios failure to a ProviderError.
 * @param isAuthRefusal decides which 401/403 answers mean "credentials refused".
 */
export function classifyHttpError(
  provider: string,
  err: unknown,
  isAuthRefusal: (status: number, body: ErrorBody) => boolean,
): ProviderError {
  if (!(err instanceof AxiosError)) {
    return new ProviderUnavailableError(provider, err instanceof Error ? err.message : String(err));
  }
  const res = err.response;
  if (!res) return new ProviderUnavailableError(provider, `${provider} unreachable: ${err.code ?? err.message}`);
  const body: ErrorBody = typeof res.data === 'object' && res.data !== null ? (res.data as ErrorBody) : {};
  const code = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : undefined;
  const detail = typeof body.description === 'string' ? body.description : typeof body.error_description === 'string' ? body.error_description : '';
  const message = `${provider} answered ${res.status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`;
  if (res.status === 429) {
    const retryAfter = (res.headers as Record<string, unknown>)['retry-after'];
    return new RateLimitedError(provider, parseRetryAfter(retryAfter), code);
  }
  if (res.status >= 500 || res.status === 408) return new ProviderUnavailableError(provider, message, res.status, code);
  if (isAuthRefusal(res.status, body)) return new AuthRejectedError(provider, message, res.status, code);
  return new ProviderRejectedError(provider, message, res.status, code);
}
