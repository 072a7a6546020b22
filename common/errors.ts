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
  /** The logged-in freee business is not the one the LINE WORKS tenant is linked to. */
  BUSINESS_MISMATCH: 'BUSINESS_MISMATCH',
  /** This freee user (in this business) is ID-linked to another LINE WORKS account. */
  ALREADY_LINKED: 'ALREADY_LINKED',
  /** This LINE WORKS account is already ID-linked to another freee user of the business. */
  ACCOUNT_IN_USE: 'ACCOUNT_IN_USE',
  /** The LINE WORKS tenant is linked to another freee business. */
  TENANT_LINKED_ELSEWHERE: 'TENANT_LINKED_ELSEWHERE',
  /** The action needs a link that does not exist (or no longer does). */
  NOT_LINKED_EMPLOYEE: 'NOT_LINKED_EMPLOYEE',
} as const;

export type ErrorTypeName = (typeof ErrorType)[keyof typeof ErrorType];

/** Errors a retry cannot fix: activities fail fast on them. */
export const NON_RETRYABLE_ERROR_TYPES: ErrorTypeName[] = [
  ErrorType.NOT_LINKED,
  ErrorType.TOKEN_INVALID,
  ErrorType.PROVIDER_REJECTED,
  ErrorType.BUSINESS_MISMATCH,
  ErrorType.ALREADY_LINKED,
  ErrorType.ACCOUNT_IN_USE,
  ErrorType.TENANT_LINKED_ELSEWHERE,
  ErrorType.NOT_LINKED_EMPLOYEE,
];
