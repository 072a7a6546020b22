// renkei's one rule for a page that cannot go on, for both integrations: a typed failure code maps
// to its HTTP status, the message it shows (a key of the integration's catalogue, in the person's
// language), whether a reference number is shown, and the way forward. The catalogues stay data
// files of their integration (pages/link-messages.ts for the freee × LINE WORKS link flows,
// partner-web/pages/sign-in-messages.ts and common-catalogue.ts for the partner's pages); every
// route answers a failure through sendErrorPage, and pages/error-page.ts lays every one out.
import type { Request, Response } from 'express';
import type { RefusalReason } from '../../common/orders/transitions';
import type { OrderStatusName, PartnerActionType } from '../../common/orders/types';
import { AuthRejectedError, ProviderRejectedError } from '../../providers/http-errors';
import { isOutage, OUTAGE_TYPES } from '../errors';
import { LineLoginError } from '../line-login/errors';
import { LineWorksLoginError } from '../lineworks-login/errors';
import { errorPage, type ErrorPageLink, type ErrorPageView } from '../pages/error-page';
import { html } from '../pages/html';
import { LINK_TEXT } from '../pages/link-catalogue';
import { LINK_ERROR_TABLE, type LinkErrorKind } from '../pages/link-messages';
import { renderLinkView, type LinkAction, type LinkView } from '../pages/link-views';
import type { PageContext } from '../pages/locale';
import { maskEmail } from '../partner-web/masked-email';
import { COMMON_TEXT } from '../partner-web/pages/common-catalogue';
import { SIGN_IN_ERROR_TEXT } from '../partner-web/pages/sign-in-error-catalogue';
import { isSignInErrorKind, SIGN_IN_ERROR_TABLE, type SignInErrorKind } from '../partner-web/pages/sign-in-messages';
import { PartnerCommandError } from '../temporal/partner-commands';
import { LinkCommandError } from '../temporal/link-commands';
import { StateError } from './oauth-states';
import { pageContext } from './page-context';
import { outcomeContext } from './page-snapshot';

/** What a rule says beyond the words: the status, and whether support may need a reference. */
interface Rule<K extends string> {
  status: number;
  message: K;
  reference?: true;
}

const refusal = <K extends string>(message: K): Rule<K> => ({ status: 409, message });

type ProblemMessage = 'notFound' | 'notificationNotFound' | 'forbidden' | 'badRequest' | 'unavailable' | 'unexpected';

/**
 * The table: `link.*` are the freee × LINE WORKS link flows (messages of pages/link-messages.ts; the
 * person starts again from LINE WORKS, so no link forward); `partner.*` the partner's order and
 * notification pages (messages of common-catalogue.ts; the way forward is お知らせ一覧). The
 * sign-in pages and a refused step follow below.
 */
const RULES = {
  // The link workflows' refusals.
  'link.BUSINESS_MISMATCH': refusal('BUSINESS_MISMATCH'),
  'link.ALREADY_LINKED': refusal('ALREADY_LINKED'),
  'link.ACCOUNT_IN_USE': refusal('ACCOUNT_IN_USE'),
  'link.NOT_LINKED': refusal('NOT_LINKED'),
  'link.TENANT_LINKED_ELSEWHERE': refusal('TENANT_LINKED_ELSEWHERE'),
  'link.NOT_LINKED_EMPLOYEE': refusal('NOT_LINKED_EMPLOYEE'),
  'link.TOKEN_INVALID': refusal('TOKEN_INVALID'),
  /** The LINE WORKS account that logged in is not the one the link was started for. */
  'link.WORKS_ACCOUNT_MISMATCH': refusal('WORKS_ACCOUNT_MISMATCH'),
  'link.ADMIN_ONLY': { status: 403, message: 'ADMIN_ONLY' },
  /** An OAuth state or flow that is spent, expired or of another browser. */
  'link.STATE_EXPIRED': { status: 400, message: 'EXPIRED' },
  /** A form whose CSRF token is not this session's (an old tab, another site). */
  'link.FORM_EXPIRED': { status: 403, message: 'EXPIRED' },
  'link.FORM_UNREADABLE': { status: 400, message: 'EXPIRED' },
  'link.FORM_TOO_LARGE': { status: 413, message: 'EXPIRED' },
  'link.NOT_A_FORM': { status: 415, message: 'EXPIRED' },
  'link.FREEE_LOGIN_INCOMPLETE': { status: 400, message: 'FREEE_LOGIN_INCOMPLETE' },
  /** freee refused the code (invalid_grant): log in again. */
  'link.FREEE_AUTH_FAILED': { status: 400, message: 'FREEE_AUTH_FAILED' },
  /** freee refused the client itself. */
  'link.FREEE_REFUSED': { status: 502, message: 'FREEE_AUTH_FAILED', reference: true },
  'link.LINEWORKS_LOGIN_INCOMPLETE': { status: 400, message: 'LINEWORKS_LOGIN_INCOMPLETE' },
  /** LINE WORKS refused the code, or its ID token did not verify. */
  'link.LINEWORKS_LOGIN_REFUSED': { status: 403, message: 'TOKEN_INVALID' },
  /** A provider sent the person back with something renkei cannot use (an unsigned install return). */
  'link.BAD_PROVIDER_RETURN': { status: 400, message: 'UNEXPECTED', reference: true },
  /** A provider answered something renkei cannot read. */
  'link.PROVIDER_ANSWER_UNREADABLE': { status: 502, message: 'UNEXPECTED', reference: true },
  'link.OUTAGE': { status: 503, message: 'TRANSIENT', reference: true },
  'link.UNEXPECTED': { status: 500, message: 'UNEXPECTED', reference: true },
  // The partner's order and notification pages.
  'partner.not_found': { status: 404, message: 'notFound' },
  'partner.notification_not_found': { status: 404, message: 'notificationNotFound' },
  'partner.forbidden': { status: 403, message: 'forbidden' },
  'partner.bad_request': { status: 400, message: 'badRequest' },
  'partner.too_large': { status: 413, message: 'badRequest' },
  'partner.not_a_form': { status: 415, message: 'badRequest' },
  'partner.unavailable': { status: 503, message: 'unavailable', reference: true },
  'partner.unexpected': { status: 500, message: 'unexpected', reference: true },
} satisfies Record<`link.${string}`, Rule<LinkErrorKind>> & Record<`partner.${string}`, Rule<ProblemMessage>>;

type RuleCode = keyof typeof RULES;
export type LinkFailureCode = RuleCode extends infer K ? (K extends `link.${infer C}` ? C : never) : never;
export type PartnerProblem = RuleCode extends infer K ? (K extends `partner.${infer C}` ? C : never) : never;

const LINK_REFUSALS = new Set<string>(['BUSINESS_MISMATCH', 'ALREADY_LINKED', 'ACCOUNT_IN_USE', 'NOT_LINKED', 'TENANT_LINKED_ELSEWHERE', 'NOT_LINKED_EMPLOYEE', 'TOKEN_INVALID', 'WORKS_ACCOUNT_MISMATCH']);
const isLinkRefusal = (type: string): type is LinkFailureCode => LINK_REFUSALS.has(type);

/** ユーザー登録 / ログイン with LINE: the status of each refusal (its message has the same key). */
const SIGN_IN_STATUS: Record<SignInErrorKind, number> = {
  INVITATION_NOT_FOUND: 404,
  INVITATION_USED: 409,
  NO_LINE_OPTION: 403,
  COMPANY_USER: 403,
  EMAIL_PERMISSION_REFUSED: 403,
  EMAIL_MISSING: 403,
  EMAIL_MISMATCH: 403,
  PARTNER_NOT_FOUND: 403,
  PARTNER_LINKED_ELSEWHERE: 409,
  LINE_ACCOUNT_IN_USE: 409,
  LINE_LOGIN_CANCELLED: 400,
  LINE_AUTH_FAILED: 400,
  EXPIRED: 400,
  OTHER_BROWSER: 400,
  FORM_EXPIRED: 403,
  TRANSIENT: 503,
  UNEXPECTED: 500,
};

/** The sign-in refusals support may need to look up. */
const SIGN_IN_WITH_REFERENCE = new Set<SignInErrorKind>(['TRANSIENT', 'UNEXPECTED', 'LINE_AUTH_FAILED', 'PARTNER_LINKED_ELSEWHERE', 'LINE_ACCOUNT_IN_USE']);

/** The way forward of a sign-in page: that flow again (registration or login). */
const signInRule = (kind: SignInErrorKind): Rule<SignInErrorKind> => ({
  status: SIGN_IN_STATUS[kind],
  message: kind,
  ...(SIGN_IN_WITH_REFERENCE.has(kind) ? { reference: true as const } : {}),
});


const PROBLEM_TITLE: Record<ProblemMessage, 'notFoundTitle' | 'forbiddenTitle' | 'badRequestTitle' | 'unavailableTitle' | 'unexpectedTitle'> = {
  notFound: 'notFoundTitle',
  notificationNotFound: 'notFoundTitle',
  forbidden: 'forbiddenTitle',
  badRequest: 'badRequestTitle',
  unavailable: 'unavailableTitle',
  unexpected: 'unexpectedTitle',
};

/** Why a partner's step is refused: the order workflow's reasons, or the platform turning it down. */
export type StepRefusal = RefusalReason | 'platform_refused';

/** A step refused changed nothing: 409, and the way forward is where the order stands. */
const STEP_RULE = { status: 409 } as const;

/** Which sign-in flow stopped, and where its error page leads. */
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

/** The two addresses an e-mail mismatch is about (shown masked on its page, never logged). */
export interface EmailPair {
  line: string;
  platform: string;
}

/** Sign-in refusals LINE can never get past: the way on is the platform's e-mail login. */
const EMAIL_LOGIN_INSTEAD = new Set<SignInErrorKind>(['COMPANY_USER', 'NO_LINE_OPTION']);

/** Where the platform's e-mail login is, for this request's pages (set by the partner router). */
export function usePlatformLogin(res: Response, url: string): void {
  res.locals.platformLoginUrl = url;
}

/** The ways forward a link route offers on its error pages, by the message shown. */
export type LinkErrorActions = (kind: LinkErrorKind) => LinkAction[];

/**
 * A typed failure: what the person is shown, and what the page leads back to. A link page's ways
 * forward are the route's (`actions`: retry, [事業所を変更する], back to the talk room or 通知設定);
 * a sign-in page's are its flow again, or the platform's e-mail login (`platformLoginUrl`).
 */
export type PageFailure =
  | { page: 'link'; code: LinkFailureCode; actions?: LinkAction[] }
  | { page: 'sign-in'; code: SignInErrorKind; retry: SignInRetry; emails?: EmailPair; platformLoginUrl?: string }
  | { page: 'partner'; code: PartnerProblem }
  | { page: 'step'; action: PartnerActionType; reason: StepRefusal; status?: OrderStatusName; href: string };

/** A refusal of ユーザー登録 / ログイン with LINE, thrown by its steps; nothing is linked when one is. */
export class PartnerSignInError extends Error {
  constructor(
    readonly kind: SignInErrorKind,
    message: string,
    readonly emails?: EmailPair,
  ) {
    super(message);
    this.name = 'PartnerSignInError';
  }
}

function ruleOf(f: PageFailure): { status: number; reference?: true } {
  switch (f.page) {
    case 'link':
      return RULES[`link.${f.code}`];
    case 'sign-in':
      return signInRule(f.code);
    case 'partner':
      return RULES[`partner.${f.code}`];
    case 'step':
      return STEP_RULE;
  }
}

export const statusOf = (f: PageFailure): number => ruleOf(f).status;

function stepMessage(ctx: PageContext, f: Extract<PageFailure, { page: 'step' }>): string {
  const t = COMMON_TEXT[ctx.locale];
  if (f.reason === 'already_done') return t.alreadyDone[f.action];
  if (f.reason === 'not_yet') return t.notYet[f.action];
  if (f.reason === 'order_closed') return f.status === 'cancelled' ? t.orderCancelled : t.orderClosed;
  return t.platformRefused;
}

/** The page of a failure in the person's language (`referenceId`: the request's ID). */
export function errorPageView(ctx: PageContext, f: PageFailure, referenceId?: string): ErrorPageView {
  const withReference = ruleOf(f).reference && referenceId ? referenceId : undefined;
  switch (f.page) {
    case 'link': {
      const t = LINK_TEXT[ctx.locale];
      const key = RULES[`link.${f.code}`].message;
      const e = LINK_ERROR_TABLE[ctx.locale][key];
      return {
        code: `link.${f.code}`,
        kind: key,
        title: t.errorTitle,
        heading: t.errorHeading,
        message: e.message,
        remedy: { heading: t.remedyHeading, text: e.remedy },
        ...(withReference ? { reference: { label: t.referenceId, id: withReference } } : {}),
        links: (f.actions ?? []).map((a, i) => ({ href: a.href, label: t[a.label], primary: i === 0, action: a.label })),
      };
    }
    case 'sign-in': {
      const t = SIGN_IN_ERROR_TEXT[ctx.locale];
      const key = signInRule(f.code).message;
      const e = SIGN_IN_ERROR_TABLE[ctx.locale][key];
      return {
        code: `sign-in.${f.code}`,
        kind: key,
        title: f.retry.flow === 'register' ? t.registerTitle : t.loginTitle,
        heading: t.heading,
        message: e.message,
        remedy: { heading: t.remedyHeading, text: e.remedy },
        ...(f.code === 'EMAIL_MISMATCH' && f.emails
          ? {
              notes: [
                html`<dl data-emails><dt>${t.lineEmail}</dt><dd data-line-email>${maskEmail(f.emails.line)}</dd><dt>${t.platformEmail}</dt><dd data-platform-email>${maskEmail(f.emails.platform)}</dd></dl>`,
              ],
            }
          : {}),
        ...(withReference ? { reference: { label: t.referenceId, id: withReference } } : {}),
        links:
          EMAIL_LOGIN_INSTEAD.has(f.code) && f.platformLoginUrl
            ? [{ href: f.platformLoginUrl, label: t.emailLogin, primary: true, emailLogin: true }]
            : [{ href: f.retry.retryHref, label: f.retry.retry === 'register' ? t.retryRegister : t.retryLogin, retry: true }],
      };
    }
    case 'partner': {
      const t = COMMON_TEXT[ctx.locale];
      const key = RULES[`partner.${f.code}`].message;
      const title = t[PROBLEM_TITLE[key]];
      return {
        code: `partner.${f.code}`,
        kind: f.code,
        problem: f.code,
        title,
        heading: title,
        message: t[key],
        ...(withReference ? { reference: { label: t.referenceId, id: withReference } } : {}),
        links: [{ href: '/partner', label: t.home }],
      };
    }
    case 'step': {
      const t = COMMON_TEXT[ctx.locale];
      const links: ErrorPageLink[] = [
        { href: f.href, label: t.backToOrder, primary: true },
        { href: '/partner', label: t.home },
      ];
      return {
        code: `step.${f.reason}`,
        kind: f.reason,
        refusal: f.reason,
        title: t.refusalTitle,
        heading: t.refusalTitle,
        message: stepMessage(ctx, f),
        notes: [
          html`<p>${t.nothingChanged}</p>`,
          ...(f.status ? [html`<p class="muted" data-order-status="${f.status}">${t.currentStatus(t.status[f.status])}</p>`] : []),
        ],
        links,
      };
    }
  }
}

/** The page of a failure, rendered. */
export function renderErrorPage(ctx: PageContext, f: PageFailure, referenceId?: string): string {
  return errorPage(ctx, errorPageView(ctx, f, referenceId));
}

/** Where the language switch of an error page leads (the page itself may not be asked for again). */
function safePageOf(f: PageFailure): string | undefined {
  if (f.page === 'sign-in') return f.retry.retryHref;
  if (f.page === 'partner' || f.page === 'step') return '/partner';
  return undefined;
}

/** Answers the request with the failure's page and status (never cached). */
export function sendErrorPage(req: Request, res: Response, f: PageFailure): void {
  if (f.page === 'link') {
    // Through the link pages' signed copy, so that the language switch keeps the page and its ways forward.
    const rule = RULES[`link.${f.code}`];
    const view: LinkView = { page: 'error', kind: rule.message, code: f.code, status: rule.status, ref: 'reference' in rule && rule.reference ? (req.id as string) : undefined, actions: f.actions ?? [] };
    res.status(rule.status).type('html').set('Cache-Control', 'no-store').send(renderLinkView(outcomeContext(req, res, view), view));
    return;
  }
  if (f.page === 'sign-in' && !f.platformLoginUrl && typeof res.locals.platformLoginUrl === 'string') f = { ...f, platformLoginUrl: res.locals.platformLoginUrl };
  const ctx = pageContext(req, res, safePageOf(f));
  res
    .status(statusOf(f))
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(renderErrorPage(ctx, f, req.id as string));
}

/** The failure of a form body the page cannot read, by the status the form reader gives. */
export function unreadableForm(page: 'link', status: number): PageFailure;
export function unreadableForm(page: 'partner', status: number): PageFailure;
export function unreadableForm(page: 'link' | 'partner', status: number): PageFailure {
  if (page === 'link') return { page, code: status === 413 ? 'FORM_TOO_LARGE' : status === 415 ? 'NOT_A_FORM' : 'FORM_UNREADABLE' };
  return { page, code: status === 413 ? 'too_large' : status === 415 ? 'not_a_form' : 'bad_request' };
}

/** The link-flow failure an error is shown as (refusals, spent states, LINE WORKS login, outages). */
export function linkFailureOf(err: unknown): { code: LinkFailureCode; level: 'info' | 'warn' | 'error' } {
  if (err instanceof LinkCommandError && OUTAGE_TYPES.has(err.type)) return { code: 'OUTAGE', level: 'warn' };
  if (err instanceof LinkCommandError && isLinkRefusal(err.type)) return { code: err.type, level: 'info' };
  if (err instanceof StateError) return { code: 'STATE_EXPIRED', level: 'info' };
  if (err instanceof LineWorksLoginError) {
    if (err.problem === 'denied') return { code: 'LINEWORKS_LOGIN_INCOMPLETE', level: 'warn' };
    if (err.problem === 'token_refused' || err.problem === 'id_token_invalid') return { code: 'LINEWORKS_LOGIN_REFUSED', level: 'warn' };
    if (err.problem === 'unavailable') return { code: 'OUTAGE', level: 'warn' };
    return { code: 'PROVIDER_ANSWER_UNREADABLE', level: 'warn' };
  }
  if (isOutage(err)) return { code: 'OUTAGE', level: 'warn' };
  return { code: 'UNEXPECTED', level: 'error' };
}

/** The sign-in failure an error is shown as. */
export function signInFailureOf(err: unknown): { code: SignInErrorKind; level: 'info' | 'warn' | 'error' } {
  if (err instanceof PartnerSignInError) return { code: err.kind, level: 'info' };
  if (err instanceof StateError) return { code: err.problem === 'other_browser' ? 'OTHER_BROWSER' : 'EXPIRED', level: 'info' };
  if (err instanceof PartnerCommandError) {
    if (OUTAGE_TYPES.has(err.type)) return { code: 'TRANSIENT', level: 'warn' };
    if (isSignInErrorKind(err.type)) return { code: err.type, level: 'info' };
    return { code: 'UNEXPECTED', level: 'error' };
  }
  if (err instanceof LineLoginError) return { code: err.problem === 'unavailable' ? 'TRANSIENT' : 'LINE_AUTH_FAILED', level: 'warn' };
  if (err instanceof AuthRejectedError) return { code: 'LINE_AUTH_FAILED', level: 'warn' };
  if (isOutage(err)) return { code: 'TRANSIENT', level: 'warn' };
  if (err instanceof ProviderRejectedError && err.provider === 'line-login') return { code: 'LINE_AUTH_FAILED', level: 'warn' };
  return { code: 'UNEXPECTED', level: 'error' };
}

/** The partner-page failure an error is shown as (an outage, else unexpected). */
export function partnerFailureOf(err: unknown): { code: PartnerProblem; level: 'warn' | 'error' } {
  return isOutage(err) ? { code: 'unavailable', level: 'warn' } : { code: 'unexpected', level: 'error' };
}

type Level = 'info' | 'warn' | 'error';

function classifyFailure(err: unknown, page: 'link' | 'sign-in' | 'partner', retry: SignInRetry, actions?: LinkErrorActions): { failure: PageFailure; level: Level } {
  if (page === 'link') {
    const { code, level } = linkFailureOf(err);
    return { failure: { page, code, ...(actions ? { actions: actions(RULES[`link.${code}`].message) } : {}) }, level };
  }
  if (page === 'sign-in') {
    const { code, level } = signInFailureOf(err);
    const emails = err instanceof PartnerSignInError ? err.emails : undefined;
    return { failure: { page, code, retry, ...(emails ? { emails } : {}) }, level };
  }
  const { code, level } = partnerFailureOf(err);
  return { failure: { page, code }, level };
}

/**
 * Answers an error thrown by a step with its page, logged by how much it matters. Log lines name
 * the check that failed, never a token, a code, a claim value or an e-mail address.
 */
export function sendFailure(req: Request, res: Response, err: unknown, page: 'partner'): void;
export function sendFailure(req: Request, res: Response, err: unknown, page: 'link', actions?: LinkErrorActions): void;
export function sendFailure(req: Request, res: Response, err: unknown, page: 'sign-in', retry: SignInRetry): void;
export function sendFailure(req: Request, res: Response, err: unknown, page: 'link' | 'sign-in' | 'partner', extra?: SignInRetry | LinkErrorActions): void {
  const { failure, level } = classifyFailure(err, page, typeof extra === 'object' ? extra : LOGIN_RETRY, typeof extra === 'function' ? extra : undefined);
  const code = 'code' in failure ? failure.code : undefined;
  if (level === 'info') req.log.info({ page, code, reason: err instanceof Error ? err.message : String(err) }, 'page step refused');
  else if (level === 'warn' && err instanceof LineWorksLoginError) req.log.warn({ page, code, problem: err.problem, reason: err.message }, 'page step failed');
  else if (level === 'warn') req.log.warn({ page, code, err }, 'page step failed');
  else req.log.error({ page, code, err }, 'page step failed');
  sendErrorPage(req, res, failure);
}
