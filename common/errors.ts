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
  /** The order's status does not allow this step (done already, too early, or the order ended). */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** The step was asked for by someone who is not the order's partner. */
  NOT_ORDER_PARTNER: 'NOT_ORDER_PARTNER',
  /** An approval asked for before 口座情報, 基本情報 or the final check (common/orders/approval-rule.ts). */
  APPROVAL_INCOMPLETE: 'APPROVAL_INCOMPLETE',
  /** The e-mail in LINE's ID token is not the partner's e-mail in the platform. */
  EMAIL_MISMATCH: 'EMAIL_MISMATCH',
  /** LINE gave no e-mail (none registered, or the permission was refused). */
  EMAIL_MISSING: 'EMAIL_MISSING',
  /** The partner is LINE-linked to another LINE account. */
  PARTNER_LINKED_ELSEWHERE: 'PARTNER_LINKED_ELSEWHERE',
  /** This LINE account is already linked to another partner. */
  LINE_ACCOUNT_IN_USE: 'LINE_ACCOUNT_IN_USE',
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
  ErrorType.INVALID_TRANSITION,
  ErrorType.NOT_ORDER_PARTNER,
  ErrorType.APPROVAL_INCOMPLETE,
  ErrorType.EMAIL_MISMATCH,
  ErrorType.EMAIL_MISSING,
  ErrorType.PARTNER_LINKED_ELSEWHERE,
  ErrorType.LINE_ACCOUNT_IN_USE,
];
