// Answers a failed link step with the right page: a refusal of the link workflows (typed), an
// expired or reused flow, a provider or Temporal outage (try later), or anything else (support,
// with the request ID as the reference the operator can search in the logs).
import { ServiceError } from '@temporalio/client';
import type { Request, Response } from 'express';
import { ErrorType } from '../../common/errors';
import { LinkCommandError } from '../temporal/link-commands';
import { isLinkErrorKind, LINK_ERRORS } from '../pages/link-messages';
import { linkErrorPage } from '../pages/link-pages';
import { ProviderUnavailableError, RateLimitedError } from '../../providers/http-errors';
import { StateError } from './oauth-states';

const TRANSIENT_TYPES = new Set<string>([ErrorType.PROVIDER_UNAVAILABLE, ErrorType.RATE_LIMITED]);

export function sendLinkFailure(req: Request, res: Response, err: unknown): void {
  if (err instanceof LinkCommandError && TRANSIENT_TYPES.has(err.type)) {
    req.log.warn({ err }, 'link step failed on a provider outage');
    res.status(503).type('html').send(linkErrorPage(LINK_ERRORS.TRANSIENT, req.id as string));
    return;
  }
  if (err instanceof LinkCommandError && isLinkErrorKind(err.type)) {
    res.status(409).type('html').send(linkErrorPage(LINK_ERRORS[err.type]));
    return;
  }
  if (err instanceof StateError) {
    res.status(400).type('html').send(linkErrorPage(LINK_ERRORS.EXPIRED));
    return;
  }
  if (err instanceof ServiceError || err instanceof ProviderUnavailableError || err instanceof RateLimitedError) {
    req.log.warn({ err }, 'link step failed on an outage');
    res.status(503).type('html').send(linkErrorPage(LINK_ERRORS.TRANSIENT, req.id as string));
    return;
  }
  req.log.error({ err }, 'link step failed');
  res.status(500).type('html').send(linkErrorPage(LINK_ERRORS.UNEXPECTED, req.id as string));
}
