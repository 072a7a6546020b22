// LINE error answers. The Messaging API (and the v2 profile, friendship and deauthorize APIs)
// answer an ErrorResponse `{message, details?[{message, property}]}` (reference B.3); the LINE Login
// OAuth endpoints answer `{error, error_description}` (reference C.2).

import { HttpError } from '../harness/http-error';

export interface ErrorDetail {
  message: string;
  property?: string;
}

export const UNAUTHORIZED_MESSAGE = 'Authentication failed. Confirm that the access token in the authorization header is valid.';
export const RATE_LIMIT_MESSAGE = 'The API rate limit has been exceeded. Try again later.';

export function messagingError(status: number, message: string, options: { details?: ErrorDetail[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): HttpError {
  const body: Record<string, unknown> = { message, ...options.extra };
  if (options.details !== undefined) body.details = options.details;
  return new HttpError(status, body, options.headers ?? {});
}

export function oauthError(status: number, error: string, description: string): HttpError {
  return new HttpError(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

const FAULT_MESSAGES: Record<number, string> = {
  400: 'The request body has 1 error(s)',
  401: UNAUTHORIZED_MESSAGE,
  403: 'Access to this API is not available for your account',
  404: 'Not found',
  409: 'The retry key is already accepted',
  413: 'Request entity too large',
  429: RATE_LIMIT_MESSAGE,
};

/** The ErrorResponse LINE would send for a status (also the body of injected faults). */
export function lineErrorBody(status: number, description?: string): { message: string } {
  return { message: description ?? FAULT_MESSAGES[status] ?? (status >= 500 ? 'Internal server error' : `HTTP ${status}`) };
}

/** 400 for a body that failed validation, one detail per problem. */
export function invalidBodyError(details: ErrorDetail[]): HttpError {
  return messagingError(400, `The request body has ${details.length} error(s)`, { details });
}
