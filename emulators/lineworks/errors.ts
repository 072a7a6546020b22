// LINE WORKS error answers: API errors are {"code","description"} (docs/providers/line-works.md#errors-and-rate-limits), OAuth token
// errors are {"error","error_description"} (RFC 6749).

import { HttpError } from '../harness/http-error';

export function apiError(status: number, code: string, description: string, headers: Record<string, string> = {}): HttpError {
  return new HttpError(status, { code, description }, headers);
}

export function oauthError(status: number, error: string, description: string): HttpError {
  return new HttpError(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

const FAULT_BODIES: Record<number, { code: string; description: string }> = {
  400: { code: 'INVALID_PARAMETER', description: 'Invalid parameter' },
  401: { code: 'UNAUTHORIZED', description: 'Authentication failed' },
  403: { code: 'FORBIDDEN', description: 'Forbidden' },
  404: { code: 'NOT_FOUND', description: 'Not found' },
  409: { code: 'CONFLICT', description: 'Conflict' },
  429: { code: 'TOO_MANY_REQUESTS', description: 'API rate limit exceeded' },
};

/** The error body LINE WORKS would send for a status. */
export function lineWorksErrorBody(status: number, description?: string): { code: string; description: string } {
  const known = FAULT_BODIES[status];
  if (known !== undefined) return description === undefined ? known : { code: known.code, description };
  if (status >= 500) return { code: 'SERVER_ERROR', description: description ?? 'Internal server error' };
  return { code: 'INVALID_REQUEST', description: description ?? `HTTP ${status}` };
}
