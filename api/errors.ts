// HTTP errors the API answers with, and the final error handler: bad input gets a clear 4xx JSON
// body; anything else a 500 with only a reference ID (never a stack trace). Also what every page
// counts as an outage (try again later) rather than a refusal or a bug.
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { ErrorType } from '../common/errors';
import { ProviderUnavailableError, RateLimitedError } from '../providers/http-errors';

/**
 * Temporal or a provider unreachable, a provider's rate limit, or no worker answering an update in
 * time (its deadline passed): the step may be tried again later.
 */
export function isOutage(err: unknown): boolean {
  return (
    err instanceof ServiceError ||
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    err instanceof ProviderUnavailableError ||
    err instanceof RateLimitedError
  );
}

/** A workflow's refusal types that are an outage of a provider, not a refusal. */
export const OUTAGE_TYPES: ReadonlySet<string> = new Set<string>([ErrorType.PROVIDER_UNAVAILABLE, ErrorType.RATE_LIMITED]);

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendError(req: Request, res: Response, err: HttpError): void {
  res.status(err.status).json({
    error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) },
    requestId: req.id,
  });
}

interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (err instanceof HttpError) return sendError(req, res, err);
  const bp = (typeof err === 'object' && err !== null ? err : {}) as BodyParserError;
  if (bp.type === 'entity.too.large') return sendError(req, res, new HttpError(413, 'payload_too_large', 'The request body is too large.'));
  if (typeof bp.status === 'number' && bp.status >= 400 && bp.status < 500) {
    return sendError(req, res, new HttpError(bp.status, 'bad_request', 'The request could not be read.'));
  }
  if (err instanceof ServiceError) {
    req.log.error({ err }, 'temporal unavailable');
    return sendError(req, res, new HttpError(503, 'temporal_unavailable', 'The workflow service is unavailable; retry later.'));
  }
  req.log.error({ err }, 'unhandled error');
  if (res.headersSent) return;
  sendError(req, res, new HttpError(500, 'internal_error', 'An unexpected error occurred. Quote the request ID when you contact support.'));
};
