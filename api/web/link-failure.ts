// Answers a failed link step with the right page, in the person's language: a refusal of the link
// workflows (typed), an expired or reused flow, a LINE WORKS login that did not verify, a provider
// or Temporal outage (try later), or anything else (support, with the request ID as the reference
// the operator can search in the logs).
import type { Request, Response } from 'express';
import { isOutage, OUTAGE_TYPES } from '../errors';
import { LineWorksLoginError } from '../lineworks-login/errors';
import { LinkCommandError } from '../temporal/link-commands';
import { isLinkErrorKind, type LinkErrorKind } from '../pages/link-messages';
import { renderLinkView, type LinkAction, type LinkView } from '../pages/link-views';
import { StateError } from './oauth-states';
import { outcomeContext } from './page-snapshot';

/** The ways forward a route offers on its error pages, by kind (set by sendLinkFailure). */
export type LinkErrorActions = (kind: LinkErrorKind) => LinkAction[];

/** Sends the error page of `kind` (with the request ID when the person may need a reference) and its ways forward. */
export function sendLinkError(req: Request, res: Response, status: number, kind: LinkErrorKind, withReference = false, actions?: LinkErrorActions): void {
  const offered = actions ?? (res.locals.linkErrorActions as LinkErrorActions | undefined);
  const view: LinkView = { page: 'error', kind, status, ref: withReference ? (req.id as string) : undefined, actions: offered?.(kind) ?? [] };
  res.status(status).type('html').send(renderLinkView(outcomeContext(req, res, view), view));
}

/** A form body the link pages cannot read (not a form, too large, another charset): a stale form. */
export function refuseLinkForm(req: Request, res: Response, status: number): void {
  sendLinkError(req, res, status, 'EXPIRED');
}

export function sendLinkFailure(req: Request, res: Response, err: unknown, actions?: LinkErrorActions): void {
  if (actions) res.locals.linkErrorActions = actions;
  if (err instanceof LinkCommandError && OUTAGE_TYPES.has(err.type)) {
    req.log.warn({ err }, 'link step failed on a provider outage');
    return sendLinkError(req, res, 503, 'TRANSIENT', true);
  }
  if (err instanceof LinkCommandError && isLinkErrorKind(err.type)) {
    return sendLinkError(req, res, 409, err.type);
  }
  if (err instanceof StateError) {
    return sendLinkError(req, res, 400, 'EXPIRED');
  }
  if (err instanceof LineWorksLoginError) {
    // The message names the check that failed, never a token or a claim value.
    req.log.warn({ problem: err.problem, reason: err.message }, 'LINE WORKS login did not verify');
    if (err.problem === 'denied') return sendLinkError(req, res, 400, 'LINEWORKS_LOGIN_INCOMPLETE');
    if (err.problem === 'token_refused' || err.problem === 'id_token_invalid') return sendLinkError(req, res, 403, 'TOKEN_INVALID');
    if (err.problem === 'unavailable') return sendLinkError(req, res, 503, 'TRANSIENT', true);
    return sendLinkError(req, res, 502, 'UNEXPECTED', true);
  }
  if (isOutage(err)) {
    req.log.warn({ err }, 'link step failed on an outage');
    return sendLinkError(req, res, 503, 'TRANSIENT', true);
  }
  req.log.error({ err }, 'link step failed');
  sendLinkError(req, res, 500, 'UNEXPECTED', true);
}
