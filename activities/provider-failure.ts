// Turns a classified provider error into the ApplicationFailure that tells Temporal how to retry:
// 429 → retry after the provider's Retry-After; 5xx / network → retry with the activity's
// backoff; refused credentials → TOKEN_INVALID, and any other 4xx → PROVIDER_REJECTED, never retried.
import { ApplicationFailure } from '@temporalio/activity';
import { ErrorType } from '../common/errors';
import { AuthRejectedError, ProviderError, ProviderRejectedError, ProviderUnavailableError, RateLimitedError } from '../providers/http-errors';

export function toApplicationFailure(err: unknown): unknown {
  if (!(err instanceof ProviderError)) return err;
  if (err instanceof RateLimitedError) {
    return ApplicationFailure.create({
      message: err.message,
      type: ErrorType.RATE_LIMITED,
      nextRetryDelay: err.retryAfterMs,
    });
  }
  if (err instanceof ProviderUnavailableError) {
    return ApplicationFailure.retryable(err.message, ErrorType.PROVIDER_UNAVAILABLE);
  }
  if (err instanceof AuthRejectedError) {
    return ApplicationFailure.nonRetryable(err.message, ErrorType.TOKEN_INVALID, { status: err.status, code: err.code });
  }
  if (err instanceof ProviderRejectedError) {
    return ApplicationFailure.nonRetryable(err.message, ErrorType.PROVIDER_REJECTED, { status: err.status, code: err.code });
  }
  return ApplicationFailure.retryable(err.message, ErrorType.PROVIDER_UNAVAILABLE);
}
