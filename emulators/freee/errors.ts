// freee error answers: API errors are {status_code, errors:[{type, messages}]} (reference D.5);
// OAuth errors of the token endpoint are {error, error_description} (reference D.1, RFC 6749).

import { HttpError } from '../harness/http-error';

export function freeeErrorBody(status: number, message?: string): { status_code: number; errors: { type: string; messages: string[] }[] } {
  const fallback = status === 429 ? 'Too many requests' : status >= 500 ? 'Internal server error' : `HTTP ${status}`;
  return { status_code: status, errors: [{ type: status >= 500 ? 'error' : 'status', messages: [message ?? fallback] }] };
}

export function freeeApiError(status: number, message: string): HttpError {
  return new HttpError(status, freeeErrorBody(status, message));
}

export function freeeOauthError(status: number, error: string, description: string): HttpError {
  return new HttpError(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}
