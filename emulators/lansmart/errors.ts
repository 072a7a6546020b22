// The platform API's error answers: `{error:{code, message, ...details}}` with a stable code
// (UNAUTHORIZED, VALIDATION_ERROR with `fields`, NOT_FOUND, FORBIDDEN, INVALID_STATE with the
// order's `status`, ...).

import type { z } from 'zod';
import { HttpError } from '../harness/http-error';

export interface LansmartErrorBody {
  error: { code: string; message: string } & Record<string, unknown>;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export function lansmartErrorBody(status: number, message?: string, code?: string): LansmartErrorBody {
  const fallbackCode = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');
  return { error: { code: code ?? fallbackCode, message: message ?? `HTTP ${status}` } };
}

export function lansmartError(status: number, code: string, message: string, details: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { error: { code, message, ...details } });
}

/** 400 VALIDATION_ERROR listing each field with its message. */
export function validationError(error: z.ZodError): HttpError {
  const fields = error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
  return lansmartError(400, 'VALIDATION_ERROR', '入力内容に誤りがあります', { fields });
}

/** Parses a request body, or throws 400 VALIDATION_ERROR. */
export function parseOrReject<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
