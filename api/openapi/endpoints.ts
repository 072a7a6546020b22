// Every HTTP endpoint the API mounts, described with the zod schemas its edge validates with: who
// calls it (and how the call is authenticated), its path, query and body, and what it answers.
// The OpenAPI document (document.ts) is built from this list, a test checks it against the routes
// the app really mounts, and the edge fuzz suite derives its inputs from the document.
import { z } from 'zod';
import { BASIC_INFO_FIELDS } from '../partner-web/basic-info-form';
import { approveOp, BANK_ACCOUNT_TYPES, invoiceOp, reportOp } from '../partner-web/form-schemas';
import { lineCallbackQuery } from '../partner-web/line-callback-route';
import { notificationsPageQuery } from '../partner-web/notification-routes';
import { notificationIdParam } from '../partner-web/notification-store';
import { orderCursorParam } from '../partner-web/order-view-store';
import { doneParam, orderIdParam } from '../partner-web/partner-order';
import { reportFilesQuery } from '../partner-web/report-file-routes';
import { freeeProductEventSchema } from '../schemas/freee-product-event';
import { freeeWebhookSchema } from '../schemas/freee-webhook';
import { lansmartEventSchema } from '../schemas/lansmart-event';
import { lineWebhookSchema } from '../schemas/line-webhook';
import { linksPageQuery, tenantId } from '../routes/operator-links';
import { employeeParams, eventIdParam as explainEventParam, orderParam as explainOrderParam, partnerParam, remindersQuery } from '../operators/explain-inputs';
import { domainId, domainName, installReturn } from '../routes/web-admin-link';
import { appLifecycleSchema, botCallbackSchema } from '../schemas/lineworks-callbacks';
import { oauthStateValue } from '../web/oauth-states';

/** Who may call an endpoint, and how the call proves it (components.securitySchemes). */
export type Caller = 'public' | 'metricsToken' | 'freeeToken' | 'renkeiSignature' | 'lineSignature' | 'worksSignature' | 'operatorToken' | 'webSession' | 'partnerSession';

/** JSON answers (APIs, webhooks) or HTML pages (people's browsers). */
export type Answers = 'json' | 'html';

export interface Endpoint {
  method: 'get' | 'post';
  /** OpenAPI form: `{param}`. */
  path: string;
  summary: string;
  tag: string;
  caller: Caller;
  answers: Answers;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { type: 'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data'; schema: z.ZodType };
  /** Status → what it means (every 4xx the edge answers for bad input is listed). */
  responses: Record<string, string>;
}

const state = oauthStateValue.describe('An OAuth state renkei issued (signed, single-use, bound to this browser).');
const code = z.string().min(1).max(2000).describe('The authorisation code the provider returned.');
const providerError = z.string().min(1).max(100).describe('The provider’s error answer (e.g. access_denied).');
const csrf = z.string().max(200).describe('The CSRF token the page carried.');
const returnTo = z.string().max(2000).regex(/^\/(?!\/)/).describe('A path of renkei to return to.');
const lang = z.enum(['ja', 'en']).describe('The page language (remembered in a cookie).');
const eventIdParam = z.object({ eventId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) });
const tenantParam = z.object({ worksTenantId: tenantId });
const orderParam = z.object({ orderId: orderIdParam });
const cursor = z.string().regex(/^\d{1,15}\.[A-Za-z0-9_:.@-]{1,300}$/).describe('`nextBefore` of the previous page.');
const EXPLAINED = { 200: 'The explanation: subject, workflows (Web UI links), recipients, deliveries, skipped, pending, findings.', 401: 'No or wrong token.', 503: 'OPERATOR_API_TOKEN is not configured.' };
/** The page's query, flattened for the description (the edge checks that exactly one subject is given). */
const explainPageQueryDoc = z.object({
  event: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional(),
  company: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  user: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  partner: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  order: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  reminders: z.literal('1').optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
const form = (schema: z.ZodType) => ({ type: 'application/x-www-form-urlencoded' as const, schema });
const json = (schema: z.ZodType) => ({ type: 'application/json' as const, schema });
const pageQuery = (shape: z.ZodRawShape = {}) => z.object({ lang: lang.optional(), ...shape });

const PAGE = { 200: 'The page.', 400: 'Bad input: the error page.' };
const FORM_POST = { 303: 'Done: on to the next page.', 400: 'Bad input: the page again with the problems, or the error page.', 403: 'A stale or forged form.', 413: 'A body over the limit.', 415: 'Not a form (or not UTF-8).' };
const SIGNED = { 400: 'Not JSON, or not the schema (each field named).', 401: 'Signature missing, wrong or stale.', 413: 'A body over the limit.' };

/** The partner's forms answer every post by redirect (post → redirect → get). */
const PARTNER_FORM_POST = { ...FORM_POST, 303: 'Done: on to the next page; or, with a mistake, back to the form’s page, which shows the problems and what was typed once.', 400: 'An unreadable form: the error page.' };

const orderStep = (path: string, summary: string, body: z.ZodType): Endpoint[] => [
  { method: 'get', path, summary: `${summary} (page; \`done\` after the step)`, tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, query: pageQuery({ done: doneParam.optional() }), responses: { ...PAGE, 303: 'Not signed in, or the order is at another step.', 404: 'Not this partner’s order.' } },
  { method: 'post', path, summary, tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, body: form(body), responses: { ...PARTNER_FORM_POST, 404: 'Not this partner’s order.', 409: 'Not possible in the order’s state.', 503: 'No worker answered in time: nothing recorded yet; post again.' } },
];

const token = { rid: z.string().max(100), csrf };

export const ENDPOINTS: Endpoint[] = [
  // Operations.
  { method: 'get', path: '/healthz', summary: 'The process is up.', tag: 'operations', caller: 'public', answers: 'json', responses: { 200: 'Up.' } },
  { method: 'get', path: '/readyz', summary: 'Temporal and MongoDB are reachable.', tag: 'operations', caller: 'public', answers: 'json', responses: { 200: 'Ready.', 503: 'A dependency is down.' } },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics.', tag: 'operations', caller: 'metricsToken', answers: 'json', responses: { 200: 'Metrics (text exposition format).', 401: 'No or a wrong METRICS_TOKEN.', 503: 'METRICS_TOKEN is not configured.' } },
  { method: 'get', path: '/assets/{name}', summary: 'A page stylesheet (cached a year, versioned by `?v=`).', tag: 'operations', caller: 'public', answers: 'html', params: z.object({ name: z.string().regex(/^[a-z-]{1,40}\.css$/) }), responses: { 200: 'The stylesheet (text/css).', 404: 'No such stylesheet.' } },
  { method: 'get', path: '/openapi.json', summary: 'This document.', tag: 'operations', caller: 'public', answers: 'json', responses: { 200: 'The OpenAPI 3.1 document.' } },

  // Webhooks and signed events.
  { method: 'post', path: '/webhooks/freee', summary: 'freee accounting webhooks.', tag: 'webhooks', caller: 'freeeToken', answers: 'json', body: json(freeeWebhookSchema), responses: { 200: 'A duplicate.', 202: 'Accepted: the notification started.', ...SIGNED, 422: 'A resource renkei does not notify.' } },
  { method: 'post', path: '/events/freee-products', summary: 'Signed events of the freee products without webhooks.', tag: 'webhooks', caller: 'renkeiSignature', answers: 'json', body: json(freeeProductEventSchema), responses: { 200: 'A duplicate.', 202: 'Accepted.', ...SIGNED, 503: 'Not configured.' } },
  { method: 'post', path: '/events/lansmart', summary: 'The Lansmart platform’s signed order events.', tag: 'webhooks', caller: 'renkeiSignature', answers: 'json', body: json(lansmartEventSchema), responses: { 200: 'A duplicate, or the platform’s 期日超過承認 of an order that has closed.', 202: 'Applied.', ...SIGNED, 404: 'Unknown order.', 409: 'Not possible in the order’s state.', 503: 'Not configured.' } },
  { method: 'post', path: '/webhooks/line', summary: 'The LINE Messaging API webhook (events renkei cannot read are ignored and counted).', tag: 'webhooks', caller: 'lineSignature', answers: 'json', body: json(lineWebhookSchema), responses: { 200: 'Handled, each event’s outcome listed.', ...SIGNED } },
  { method: 'post', path: '/webhooks/lineworks/bot', summary: 'LINE WORKS bot callbacks (Bot Secret).', tag: 'webhooks', caller: 'worksSignature', answers: 'json', body: json(botCallbackSchema), responses: { 200: 'Acknowledged (an [ID連携] tap answers the link to open).', ...SIGNED } },
  { method: 'post', path: '/webhooks/lineworks/app', summary: 'LINE WORKS app lifecycle events (Client Secret).', tag: 'webhooks', caller: 'worksSignature', answers: 'json', body: json(appLifecycleSchema), responses: { 200: 'Acknowledged.', ...SIGNED } },

  // Notifications.
  { method: 'get', path: '/api/notifications/freee/{eventId}', summary: 'A freee notification’s delivery: every recipient’s IDs and status, the notice.', tag: 'notifications', caller: 'operatorToken', answers: 'json', params: eventIdParam, responses: { 200: 'Its state.', 401: 'No or a wrong operator token.', 400: 'Not an event ID.', 404: 'No such notification.', 409: 'The workflow ended otherwise.' } },
  { method: 'get', path: '/notifications/freee/{eventId}', summary: 'A recipient’s own delivery of a notification of their business (page).', tag: 'notifications', caller: 'webSession', answers: 'html', params: eventIdParam, query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in: to the freee sign-in.', 404: 'No such notification, or not the viewer’s.' } },

  // Operators.
  { method: 'get', path: '/api/tenants/{worksTenantId}', summary: 'A tenant’s link status.', tag: 'operators', caller: 'operatorToken', answers: 'json', params: tenantParam, responses: { 200: 'Its status.', 400: 'Not a tenant ID.', 401: 'No or wrong token.', 404: 'Unknown tenant.' } },
  { method: 'get', path: '/api/tenants/{worksTenantId}/links', summary: 'A tenant’s employee links, paged.', tag: 'operators', caller: 'operatorToken', answers: 'json', params: tenantParam, query: linksPageQuery, responses: { 200: 'A page of links.', 400: 'Bad tenant ID or query.', 401: 'No or wrong token.' } },
  { method: 'get', path: '/api/tenants/{worksTenantId}/cascades', summary: 'A tenant’s cascade reports.', tag: 'operators', caller: 'operatorToken', answers: 'json', params: tenantParam, responses: { 200: 'The reports.', 400: 'Not a tenant ID.', 401: 'No or wrong token.' } },
  { method: 'post', path: '/api/tenants/{worksTenantId}/unlink', summary: 'Unlinks a tenant (the cascade revokes every employee link).', tag: 'operators', caller: 'operatorToken', answers: 'json', params: tenantParam, responses: { 202: 'Started.', 400: 'Not a tenant ID.', 401: 'No or wrong token.', 404: 'Unknown tenant.', 409: 'Not linked.' } },
  { method: 'get', path: '/api/operator/events/freee/{eventId}', summary: 'Why a freee notification reached whom: its workflow, the recipients’ links and tenants, each delivery’s attempts with LINE WORKS’s answers, what was skipped and why, what is pending.', tag: 'operators', caller: 'operatorToken', answers: 'json', params: explainEventParam, responses: { ...EXPLAINED, 400: 'Not an event ID.', 404: 'No such notification.' } },
  { method: 'get', path: '/api/operator/employees/{companyId}/{freeeUserId}', summary: 'Why an employee did (not) get notifications: the ID-link and tenant, the link workflow (with a refused attempt), the notifications’ deliveries.', tag: 'operators', caller: 'operatorToken', answers: 'json', params: employeeParams, responses: { ...EXPLAINED, 400: 'Bad 事業所 or user ID.', 404: 'Nothing known of this user.' } },
  { method: 'get', path: '/api/operator/partners/{partnerId}', summary: 'Why a partner did (not) get notifications: the LINE state, every channel’s deliveries and skipped LINE sends, retries and reminders to come.', tag: 'operators', caller: 'operatorToken', answers: 'json', params: partnerParam, responses: { ...EXPLAINED, 400: 'Not a partner ID.', 404: 'Nothing known of this partner.' } },
  { method: 'get', path: '/api/operator/orders/{orderId}', summary: 'An order’s notifications: the order and LINE link workflows, each channel’s deliveries, skipped sends, retries and reminders to come (JST and UTC).', tag: 'operators', caller: 'operatorToken', answers: 'json', params: explainOrderParam, responses: { ...EXPLAINED, 400: 'Not an order ID.', 404: 'No such order.' } },
  { method: 'get', path: '/api/operator/reminders', summary: 'The 「請求書を作成してください」 reminders to come across orders, soonest first, by company and JST due day.', tag: 'operators', caller: 'operatorToken', answers: 'json', query: remindersQuery, responses: { 200: '`{ reminders }`.', 400: 'A bad companyId, day or limit.', 401: 'No or wrong token.', 503: 'OPERATOR_API_TOKEN is not configured.' } },
  { method: 'get', path: '/operator/explain', summary: 'The operator view as a page: one of `event`; `company` and `user`; `partner`; `order`; or `reminders=1` (with `company`, `day`).', tag: 'operators', caller: 'operatorToken', answers: 'html', query: explainPageQueryDoc, responses: { 200: 'The page.', 400: 'Not exactly one subject, or a malformed one.', 401: 'No or wrong token.', 404: 'Nothing known of it.', 503: 'OPERATOR_API_TOKEN is not configured.' } },

  // freee sign-in and the LINE WORKS link pages.
  { method: 'get', path: '/auth/freee/login', summary: 'Starts signing in with freee.', tag: 'link pages', caller: 'public', answers: 'html', query: pageQuery({ return_to: returnTo.optional() }), responses: { 303: 'To freee’s authorisation page.' } },
  { method: 'get', path: '/auth/freee/callback', summary: 'freee’s return from sign-in.', tag: 'link pages', caller: 'public', answers: 'html', query: z.object({ state, code: code.optional(), error: providerError.optional() }), responses: { 303: 'Signed in.', 400: 'A stale, reused, forged or other browser’s state, or a code freee refused.', 502: 'freee answered otherwise.', 503: 'freee is unavailable.' } },
  { method: 'post', path: '/auth/logout', summary: 'Signs out of renkei’s freee session.', tag: 'link pages', caller: 'public', answers: 'html', responses: { 303: 'To the top page.' } },
  { method: 'get', path: '/settings/notifications', summary: '通知設定.', tag: 'link pages', caller: 'webSession', answers: 'html', query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in: to freee.' } },
  { method: 'post', path: '/lineworks/admin/connect', summary: '[アカウントを連携する].', tag: 'link pages', caller: 'webSession', answers: 'html', body: form(z.object({ csrf })), responses: { ...FORM_POST, 303: 'To the LINE WORKS app page (or to freee when not signed in).' } },
  { method: 'get', path: '/lineworks/admin/add', summary: '「連携を開始しますか?」 for a LINE WORKS tenant.', tag: 'link pages', caller: 'webSession', answers: 'html', query: pageQuery({ domain_id: domainId, domain_name: domainName.optional() }), responses: { ...PAGE, 303: 'Not signed in: to freee.', 403: 'Not an admin.', 409: 'The LINE WORKS is linked with another business: what to do.' } },
  { method: 'post', path: '/lineworks/admin/add', summary: '[許可する]: on to the LINE WORKS install.', tag: 'link pages', caller: 'webSession', answers: 'html', body: form(z.object({ domain_id: domainId, csrf })), responses: { ...FORM_POST, 303: 'To the LINE WORKS install (or to freee when not signed in).', 409: 'The LINE WORKS is linked with another business: what to do.' } },
  {
    method: 'get',
    path: '/lineworks/admin/installed',
    summary: 'LINE WORKS’s signed return from the install.',
    tag: 'link pages',
    caller: 'webSession',
    answers: 'html',
    query: installReturn.extend({ state }),
    responses: { ...PAGE, 409: 'A refusal of the link.', 503: 'A provider or Temporal is unavailable.' },
  },
  { method: 'get', path: '/link/page', summary: 'An outcome page of the link flows shown again (its language switch).', tag: 'link pages', caller: 'public', answers: 'html', query: pageQuery({ copy: z.string().min(1).max(6100) }), responses: { ...PAGE, 409: 'A refusal of the link, shown again.', 503: 'An outage, shown again.' } },
  { method: 'get', path: '/link/start', summary: 'The talk room’s single-use link into ID連携 / ID連携解除.', tag: 'link pages', caller: 'public', answers: 'html', query: pageQuery({ ticket: state }), responses: { 303: 'On to freee sign-in or the consent page.', 400: 'A stale, reused or forged ticket.' } },
  { method: 'get', path: '/link/consent', summary: '「連携を開始しますか?」 for an employee.', tag: 'link pages', caller: 'webSession', answers: 'html', query: pageQuery({ s: state }), responses: { ...PAGE, 303: 'Not signed in: to freee.' } },
  { method: 'post', path: '/link/consent', summary: '[許可する]: links or unlinks the employee.', tag: 'link pages', caller: 'webSession', answers: 'html', body: form(z.object({ s: state, csrf })), responses: { ...FORM_POST, 200: 'The outcome page.', 409: 'A refusal of the link.', 503: 'A provider or Temporal is unavailable.' } },
  { method: 'get', path: '/auth/lineworks/login', summary: 'On a phone, the consent step continues with a LINE WORKS login.', tag: 'link pages', caller: 'webSession', answers: 'html', query: pageQuery({ s: state }), responses: { 303: 'To LINE WORKS’s login.', 400: 'A stale, reused or forged state.' } },
  { method: 'get', path: '/auth/lineworks/callback', summary: 'LINE WORKS’s return from that login.', tag: 'link pages', caller: 'public', answers: 'html', query: z.object({ state, code: code.optional(), error: providerError.optional() }), responses: { 303: 'On to the consent page.', 400: 'A stale state or a refused login.', 403: 'LINE WORKS refused the code or the ID token.', 503: 'LINE WORKS is unavailable.' } },

  // Lansmart partner sign-in (LINE Login).
  { method: 'get', path: '/partner/register', summary: 'ユーザー登録 from the platform’s invitation.', tag: 'partner sign-in', caller: 'public', answers: 'html', query: pageQuery({ invitation: z.string().min(1).max(200).regex(/^[A-Za-z0-9._~-]+$/) }), responses: { ...PAGE, 403: 'No LINE option.', 404: 'Unknown invitation.', 409: 'Already used.' } },
  { method: 'post', path: '/partner/register', summary: '「LINEでユーザー登録」.', tag: 'partner sign-in', caller: 'public', answers: 'html', body: form(z.object({ invitation: z.string().max(200), csrf, consent: z.union([z.string(), z.array(z.string())]).optional() })), responses: { ...PARTNER_FORM_POST, 404: 'Unknown invitation.', 409: 'Already used.' } },
  { method: 'get', path: '/partner/login', summary: 'ログイン.', tag: 'partner sign-in', caller: 'public', answers: 'html', query: pageQuery({ return_to: returnTo.optional(), logged_out: z.literal('1').optional() }), responses: { ...PAGE, 303: 'Already signed in: to the page asked for.' } },
  { method: 'post', path: '/partner/login', summary: '「LINEでログイン」.', tag: 'partner sign-in', caller: 'public', answers: 'html', body: form(z.object({ csrf, return_to: returnTo.optional() })), responses: { ...PARTNER_FORM_POST, 303: 'To LINE Login.' } },
  { method: 'post', path: '/partner/logout', summary: 'ログアウト.', tag: 'partner sign-in', caller: 'partnerSession', answers: 'html', body: form(z.object({ csrf })), responses: { ...PARTNER_FORM_POST, 303: 'To the login page.' } },
  {
    method: 'get',
    path: '/auth/line/callback',
    summary: 'LINE Login’s return, for ユーザー登録 and ログイン.',
    tag: 'partner sign-in',
    caller: 'public',
    answers: 'html',
    query: lineCallbackQuery.extend({ state }),
    responses: { 303: 'Signed in: on to 基本情報登録 or the page asked for.', 400: 'A stale state, a cancelled or refused login.', 403: 'The LINE account does not match the partner.', 409: 'Linked elsewhere.', 503: 'LINE or Temporal is unavailable.' },
  },
  { method: 'get', path: '/partner/register/consents', summary: 'The three consents of ユーザー登録 for a partner who logged in before registering.', tag: 'partner sign-in', caller: 'partnerSession', answers: 'html', query: pageQuery(), responses: { ...PAGE, 303: 'Agreed already: on to 基本情報登録; not signed in: to the login page.' } },
  { method: 'post', path: '/partner/register/consents', summary: 'Records the three consents, then 基本情報登録.', tag: 'partner sign-in', caller: 'partnerSession', answers: 'html', body: form(z.object({ csrf, consent: z.union([z.string(), z.array(z.string())]).optional() })), responses: { ...PARTNER_FORM_POST, 303: 'To 基本情報登録 (or to the login page when not signed in).' } },
  { method: 'get', path: '/partner/register/basic-info', summary: '基本情報登録.', tag: 'partner sign-in', caller: 'partnerSession', answers: 'html', query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in: to the login page.' } },
  { method: 'post', path: '/partner/register/basic-info', summary: '基本情報登録 [登録する].', tag: 'partner sign-in', caller: 'partnerSession', answers: 'html', body: form(z.object({ csrf, ...Object.fromEntries(BASIC_INFO_FIELDS.map((f) => [f, z.string().max(200)])) })), responses: { ...PARTNER_FORM_POST, 303: 'To 基本情報登録完了 (or to the login page when not signed in).' } },
  { method: 'get', path: '/partner/register/complete', summary: '基本情報登録完了.', tag: 'partner sign-in', caller: 'partnerSession', answers: 'html', query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in: to the login page.' } },

  // Lansmart partner pages.
  { method: 'get', path: '/partner', summary: 'The partner’s home: in-app notifications.', tag: 'partner pages', caller: 'partnerSession', answers: 'html', query: pageQuery({ before: cursor.optional() }), responses: { ...PAGE, 303: 'Not signed in: to the login page.' } },
  { method: 'post', path: '/partner/notifications/{id}/open', summary: 'Opens a notification (marks it read).', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: z.object({ id: notificationIdParam }), body: form(z.object(token)), responses: { ...PARTNER_FORM_POST, 404: 'No such notification.' } },
  { method: 'get', path: '/api/partner/notifications', summary: 'The in-app notifications with the unread count.', tag: 'partner pages', caller: 'partnerSession', answers: 'json', query: notificationsPageQuery, responses: { 200: '`{ unread, items, nextBefore }`.', 400: 'A bad cursor or limit.', 401: 'Not signed in.' } },
  { method: 'post', path: '/api/partner/notifications/{id}/read', summary: 'Marks a notification read (`X-CSRF-Token`).', tag: 'partner pages', caller: 'partnerSession', answers: 'json', params: z.object({ id: notificationIdParam }), responses: { 200: 'Marked.', 400: 'Not a notification ID.', 401: 'Not signed in.', 403: 'No or wrong X-CSRF-Token.', 404: 'No such notification.' } },
  { method: 'get', path: '/partner/orders', summary: 'The partner’s orders, newest first (from the read model).', tag: 'partner pages', caller: 'partnerSession', answers: 'html', query: pageQuery({ before: orderCursorParam.optional() }), responses: { ...PAGE, 303: 'Not signed in: to the login page.' } },
  { method: 'get', path: '/partner/orders/{orderId}', summary: 'An order (発注書); `done` after [実行する].', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, query: pageQuery({ done: doneParam.optional() }), responses: { ...PAGE, 303: 'Not signed in: to the login page.', 404: 'Not this partner’s order.' } },
  { method: 'get', path: '/partner/orders/{orderId}/approve', summary: '[承認する]: 最終確認.', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in, or the order is not waiting for approval: to the order.', 404: 'Not this partner’s order.' } },
  { method: 'post', path: '/partner/orders/{orderId}/approve', summary: '[実行する].', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, body: form(z.object({ ...token, op: approveOp })), responses: { ...PARTNER_FORM_POST, 303: 'Approved: to the order (`?done=`); or to 最終確認.', 404: 'Not this partner’s order.', 409: 'Not possible in the order’s state.', 503: 'No worker answered in time: nothing recorded yet; post again.' } },
  {
    method: 'post',
    path: '/partner/orders/{orderId}/bank-account',
    summary: '口座情報 before approval.',
    tag: 'partner pages',
    caller: 'partnerSession',
    answers: 'html',
    params: orderParam,
    body: form(z.object({ ...token, bankName: z.string().max(200), branchName: z.string().max(200), accountType: z.enum(BANK_ACCOUNT_TYPES), accountNumber: z.string().max(20), accountHolderKana: z.string().max(200) })),
    responses: { ...PARTNER_FORM_POST, 404: 'Not this partner’s order.' },
  },
  { method: 'post', path: '/partner/orders/{orderId}/basic-info', summary: '基本情報 before approval.', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, body: form(z.object({ ...token, ...Object.fromEntries(BASIC_INFO_FIELDS.map((f) => [f, z.string().max(200)])) })), responses: { ...PARTNER_FORM_POST, 404: 'Not this partner’s order.' } },
  ...orderStep('/partner/orders/{orderId}/report', '稼動登録', z.object({ ...token, op: reportOp, date: z.string().max(20).optional(), hours: z.string().max(20).optional(), description: z.string().max(1000).optional(), index: z.string().max(5).optional() })),
  { method: 'get', path: '/partner/orders/{orderId}/report/files', summary: '報告書のアップロード: the order’s files on the platform and the upload form (page).', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, query: reportFilesQuery, responses: { ...PAGE, 303: 'Not signed in: to the login page.', 404: 'Not this partner’s order.' } },
  {
    method: 'post',
    path: '/partner/orders/{orderId}/report/files',
    summary: 'Uploads one 報告書 (PDF, JPEG or PNG, read from its bytes; at most REPORT_FILE_MAX_BYTES) to the platform, then back to the page.',
    tag: 'partner pages',
    caller: 'partnerSession',
    answers: 'html',
    params: orderParam,
    body: { type: 'multipart/form-data', schema: z.object({ ...token, file: z.string().describe('The file’s bytes (binary).') }) },
    responses: { 303: 'Uploaded: the page with the notice; refused (no file, unreadable, over the size limit, not a PDF, JPEG or PNG by its content, the platform refused it, the order takes no reports now): the page, which says why once; nothing kept.', 403: 'A stale or forged form.', 404: 'Not this partner’s order.' },
  },
  ...orderStep('/partner/orders/{orderId}/invoice', '請求書', z.object({ ...token, op: invoiceOp, billingMonth: z.string().max(7).optional(), draft: z.string().max(32_000).optional() })),
  { method: 'get', path: '/partner/orders/{orderId}/invoice/confirm', summary: 'The invoice draft kept on the server, confirmed again (page).', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in, or no complete draft: to the invoice form.', 404: 'Not this partner’s order.' } },
  { method: 'get', path: '/partner/orders/{orderId}/invoice/month', summary: '[送信] → 請求月: the invoice draft kept on the server with the month to send it for (page).', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in, or no complete draft: to the invoice form.', 404: 'Not this partner’s order.' } },
  { method: 'get', path: '/partner/orders/{orderId}/invoice/basic-info', summary: '基本情報の修正 from the invoice (page).', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, query: pageQuery(), responses: { ...PAGE, 303: 'Not signed in, or the invoice is not being written.', 404: 'Not this partner’s order.' } },
  { method: 'post', path: '/partner/orders/{orderId}/invoice/basic-info', summary: '基本情報の修正 from the invoice: saved on the platform, then back to the invoice’s confirmation.', tag: 'partner pages', caller: 'partnerSession', answers: 'html', params: orderParam, body: form(z.object({ ...token, ...Object.fromEntries(BASIC_INFO_FIELDS.map((f) => [f, z.string().max(200)])) })), responses: { ...PARTNER_FORM_POST, 404: 'Not this partner’s order.' } },
  ...orderStep('/partner/orders/{orderId}/payment-notice', '支払通知書', z.object({ ...token, op: approveOp })),
];
