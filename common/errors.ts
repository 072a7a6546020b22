// Error types that cross the workflow/activity/API boundary as ApplicationFailure `type`s.
// Activities throw them, workflows mark them non-retryable, the API maps them to answers.

export const ErrorType = {
  /** The addressed business has no LINE WORKS link (nothing to deliver to). */
  NOT_LINKED: 'NOT_LINKED',
  /** LINE WORKS refused the tenant's credentials (revoked app or token). */
  TOKEN_INVALID: 'TOKEN_INVALID',
  /** The provider rejected the request itself (4xx other than auth / rate limit); never retried. */
  PROVIDER_REJECTED: 'PROVIDER_REJECTED',
  /** The provider is rate-limiting us; retried after Retry-After. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The provider is down or answered 5xx / timed out; retried with backoff. */
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  BUSINESS_MISMATCH: 'BUSINESS_MISMATCH',
  ALREADY_LINKED: 'ALREADY_LINKED',
} as const;

export type ErrorTypeName = (typeof ErrorType)[keyof typeof ErrorType];

/** Errors a retry cannot fix: activities fail fast on them. */
export const NON_RETRYABLE_ERROR_TYPES: ErrorTypeName[] = [
  ErrorType.NOT_LINKED,
  ErrorType.TOKEN_INVALID,
  ErrorType.PROVIDER_REJECTED,
  ErrorType.BUSINESS_MISMATCH,
  ErrorType.ALREADY_LINKED,
];
