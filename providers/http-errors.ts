// Typed provider errors, classified once from HTTP answers (axios failures, or any client's
// status, body and Retry-After), so activities decide retry policy by type: 429 → RateLimited
// (retry after Retry-After), 5xx / network / timeout → Unavailable (retry with backoff), auth
// refusal → AuthRejected, any other 4xx → Rejected (never retried).
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

/** An HTTP answer that is not a success, as any client reads it. */
export interface HttpFailure {
  status: number;
  /** The parsed JSON body (anything else when it is not JSON). */
  body: unknown;
  retryAfter: string | undefined;
}

/**
 * Maps a non-2xx answer to a ProviderError.
 * @param isAuthRefusal decides which 401/403 answers mean "credentials refused".
 */
export function classifyHttpFailure(
  provider: string,
  failure: HttpFailure,
  isAuthRefusal: (status: number, body: ErrorBody) => boolean,
): ProviderError {
  const { status } = failure;
  const body: ErrorBody = typeof failure.body === 'object' && failure.body !== null ? failure.body : {};
  const code = typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : undefined;
  const detail = typeof body.description === 'string' ? body.description : typeof body.error_description === 'string' ? body.error_description : '';
  const message = `${provider} answered ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`;
  if (status === 429) return new RateLimitedError(provider, parseRetryAfter(failure.retryAfter), code);
  if (status >= 500 || status === 408) return new ProviderUnavailableError(provider, message, status, code);
  if (isAuthRefusal(status, body)) return new AuthRejectedError(provider, message, status, code);
  return new ProviderRejectedError(provider, message, status, code);
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
  const retryAfter: unknown = (res.headers as Record<string, unknown>)['retry-after'];
  return classifyHttpFailure(provider, { status: res.status, body: res.data, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined }, isAuthRefusal);
}
