// Answers a failed step of ユーザー登録 / ログイン with LINE with the right page: a typed refusal
// (PartnerSignInError, or the LINE-link workflow's own refusal), a spent / expired / other
// browser's OAuth state, LINE refusing the code or the ID token, an outage (try later, with a
// reference) or anything else (support, with the request ID as the reference).
import type { Request, Response } from 'express';
import { isOutage, OUTAGE_TYPES } from '../errors';
import { AuthRejectedError, ProviderRejectedError } from '../../providers/http-errors';
import { LineIdTokenError } from '../../providers/line/login-client';
import { PartnerCommandError } from '../temporal/partner-commands';
import { StateError } from '../web/oauth-states';
import { pageContext } from '../web/page-context';
import { signInErrorPage, type SignInErrorView } from './pages/sign-in-error-page';
import { isSignInErrorKind, SIGN_IN_ERROR_STATUS, type SignInErrorKind } from './pages/sign-in-messages';
import { maskEmail } from './masked-email';
import { PartnerSignInError, type EmailPair } from './sign-in-error';

/** Which flow stopped, and where its error page leads. */
export interface SignInRetry {
  flow: 'register' | 'login';
  retry: 'register' | 'login';
  retryHref: string;
}

export const LOGIN_RETRY: SignInRetry = { flow: 'login', retry: 'login', retryHref: '/partner/login' };

export const registerRetry = (invitation: string): SignInRetry => ({
  flow: 'register',
  retry: 'register',
  retryHref: `/partner/register?invitation=${encodeURIComponent(invitation)}`,
});

export const loginRetry = (returnTo: string): SignInRetry => ({ flow: 'login', retry: 'login', retryHref: `/partner/login?return_to=${encodeURIComponent(returnTo)}` });

const WITH_REFERENCE = new Set<SignInErrorKind>(['TRANSIENT', 'UNEXPECTED', 'LINE_AUTH_FAILED', 'PARTNER_LINKED_ELSEWHERE', 'LINE_ACCOUNT_IN_USE']);
/** Refusals LINE can never get past: the way on is the platform's e-mail login. */
const EMAIL_LOGIN_INSTEAD = new Set<SignInErrorKind>(['COMPANY_USER', 'NO_LINE_OPTION']);

/** Where the platform's e-mail login is, for this request's pages (set by the partner router). */
export function usePlatformLogin(res: Response, url: string): void {
  res.locals.platformLoginUrl = url;
}

export function sendSignInError(req: Request, res: Response, kind: SignInErrorKind, retry: SignInRetry, emails?: EmailPair): void {
  const loginUrl = res.locals.platformLoginUrl as string | undefined;
  const view: SignInErrorView = {
    kind,
    ...retry,
    ...(WITH_REFERENCE.has(kind) ? { referenceId: req.id as string } : {}),
    ...(kind === 'EMAIL_MISMATCH' && emails ? { emails: { line: maskEmail(emails.line), platform: maskEmail(emails.platform) } } : {}),
    ...(EMAIL_LOGIN_INSTEAD.has(kind) && loginUrl ? { emailLoginUrl: loginUrl } : {}),
  };
  res.status(SIGN_IN_ERROR_STATUS[kind]).type('html').send(signInErrorPage(pageContext(req, res, retry.retryHref), view));
}

/** The kind of page an error is shown as (and whether it is worth a warning or an error log). */
function classify(err: unknown): { kind: SignInErrorKind; level: 'info' | 'warn' | 'error' } {
  if (err instanceof PartnerSignInError) return { kind: err.kind, level: 'info' };
  if (err instanceof StateError) return { kind: err.problem === 'other_browser' ? 'OTHER_BROWSER' : 'EXPIRED', level: 'info' };
  if (err instanceof PartnerCommandError) {
    if (OUTAGE_TYPES.has(err.type)) return { kind: 'TRANSIENT', level: 'warn' };
    if (isSignInErrorKind(err.type)) return { kind: err.type, level: 'info' };
    return { kind: 'UNEXPECTED', level: 'error' };
  }
  if (err instanceof LineIdTokenError || err instanceof AuthRejectedError) return { kind: 'LINE_AUTH_FAILED', level: 'warn' };
  if (isOutage(err)) return { kind: 'TRANSIENT', level: 'warn' };
  if (err instanceof ProviderRejectedError && err.provider === 'line-login') return { kind: 'LINE_AUTH_FAILED', level: 'warn' };
  return { kind: 'UNEXPECTED', level: 'error' };
}

export function sendSignInFailure(req: Request, res: Response, err: unknown, retry: SignInRetry): void {
  const { kind, level } = classify(err);
  // Messages name the check that failed, never a token, a code or an e-mail address.
  if (level === 'info') req.log.info({ kind, reason: err instanceof Error ? err.message : String(err) }, 'partner sign-in refused');
  else if (level === 'warn') req.log.warn({ kind, err }, 'partner sign-in failed');
  else req.log.error({ kind, err }, 'partner sign-in failed');
  sendSignInError(req, res, kind, retry, err instanceof PartnerSignInError ? err.emails : undefined);
}
