// `GET /oauth2/v2.0/authorize` (User Account auth, docs/providers/line-works.md#user-account-sign-in): checks the client and the
// exact redirect_uri first (a bad one gets the 有効ではないクライアント情報です page and no
// redirect), then the request (errors go back to the client per RFC 6749 §4.1.2.1), then signs the
// user in if needed — LINE WORKS shows its login page only when the browser is not signed in
// (docs/providers/line-works.md#user-account-sign-in); `prompt=login` forces it, `prompt=none` refuses to ask — and asks for consent
// unless the member allowed the app these scopes before (consents.ts; `prompt=consent` asks again).
// `POST /oauth2/v2.0/authorize` is the consent form: [許可する] → code&state (and the consent is
// remembered), [キャンセル] → error=access_denied.

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { authorizeErrorRedirect, authorizeQuerySchema } from '../harness/authorize-request';
import { pkceRequestProblem } from '../harness/pkce';
import { appendQuery } from '../harness/redirect-uri';
import { formValue } from '../harness/validate';
import { loginUrlFor } from './page-session';
import { sendConsentPage } from './pages/consent';
import { sendInvalidClientPage, sendMessagePage } from './pages/layout';
import type { LineWorksState, PendingAuthorization } from './state';

const consentFormSchema = z.object({ request: formValue(), decision: formValue() });

function sendToClient(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  res.redirect(303, appendQuery(redirectUri, params));
}

/** Answers an allowed authorization request: a single-use code and the state, at the redirect URI. */
function sendCode(state: LineWorksState, res: Response, request: PendingAuthorization): void {
  const code = state.codes.issue(
    { clientId: request.clientId, redirectUri: request.redirectUri, codeChallenge: request.codeChallenge },
    { tenantId: request.tenantId, userId: request.userId, scope: request.scope, nonce: request.nonce },
  );
  sendToClient(res, request.redirectUri, { code, state: request.state });
}

/** The same authorize URL without `login` in prompt (where the login page comes back to). */
function withoutPromptLogin(req: Request): string {
  const url = new URL(req.originalUrl, 'http://emulator.invalid');
  const prompt = (url.searchParams.get('prompt') ?? '').split(' ').filter((value) => value !== '' && value !== 'login');
  if (prompt.length > 0) url.searchParams.set('prompt', prompt.join(' '));
  else url.searchParams.delete('prompt');
  return `${url.pathname}${url.search}`;
}

export function createAuthorizeRouter(state: LineWorksState): Router {
  const router = Router();

  router.get('/authorize', (req, res) => {
    const parsed = authorizeQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      sendInvalidClientPage(res, 'リクエストのパラメータが正しくありません。');
      return;
    }
    const query = parsed.data;
    const app = query.client_id === undefined ? undefined : state.apps.get(query.client_id);
    if (app === undefined) {
      sendInvalidClientPage(res, 'client_id が登録されていません。');
      return;
    }
    if (query.redirect_uri === undefined || !app.redirectUris.includes(query.redirect_uri)) {
      sendInvalidClientPage(res, 'redirect_uri がアプリに登録されたものと一致しません。');
      return;
    }
    const redirectUri = query.redirect_uri;
    const fail = authorizeErrorRedirect(res, redirectUri, query.state);

    if (query.response_type !== 'code') {
      fail('unsupported_response_type', 'response_type must be code');
      return;
    }
    const scopes = (query.scope ?? '').split(' ').filter((scope) => scope.length > 0);
    if (scopes.length === 0) {
      fail('invalid_scope', 'scope is required');
      return;
    }
    const pkceProblem = pkceRequestProblem(query.code_challenge, query.code_challenge_method);
    if (pkceProblem !== undefined) {
      fail('invalid_request', pkceProblem);
      return;
    }

    const prompts = (query.prompt ?? '').split(' ');
    const signedIn = state.sessionUser(state.sessions.get(req));
    if (signedIn === undefined && prompts.includes('none')) {
      fail('login_required', 'the user is not signed in');
      return;
    }
    if (signedIn === undefined || prompts.includes('login')) {
      res.redirect(303, loginUrlFor(withoutPromptLogin(req)));
      return;
    }

    const request: PendingAuthorization = {
      clientId: app.clientId,
      redirectUri,
      scope: scopes.join(' '),
      state: query.state,
      nonce: query.nonce,
      codeChallenge: query.code_challenge,
      tenantId: signedIn.tenant.tenantId,
      userId: signedIn.user.userId,
    };
    const consented = state.consents.covers({ clientId: app.clientId, tenantId: request.tenantId, userId: request.userId }, scopes);
    if (consented && !prompts.includes('consent')) {
      sendCode(state, res, request);
      return;
    }
    if (prompts.includes('none')) {
      fail('consent_required', 'the user has not allowed the app these scopes');
      return;
    }
    const requestId = state.pendingAuthorizations.put(request);
    sendConsentPage(res, {
      requestId,
      appName: app.name,
      userName: signedIn.user.name ?? signedIn.user.userId,
      domainName: signedIn.tenant.domainName,
      scopes,
    });
  });

  router.post('/authorize', (req, res) => {
    const form = consentFormSchema.safeParse(req.body);
    const pending = state.pendingAuthorizations.take(form.success ? form.data.request : undefined);
    if (pending === undefined) {
      sendMessagePage(res, 400, '認可リクエストが無効です', '認可リクエストの有効期限が切れたか、既に処理されています。もう一度最初からお試しください。');
      return;
    }
    const signedIn = state.sessionUser(state.sessions.get(req));
    if (signedIn === undefined || signedIn.tenant.tenantId !== pending.tenantId || signedIn.user.userId !== pending.userId) {
      sendMessagePage(res, 403, '認可リクエストが無効です', 'ログイン中のアカウントが認可リクエストのアカウントと異なります。');
      return;
    }
    if (!form.success || form.data.decision !== 'allow') {
      sendToClient(res, pending.redirectUri, { error: 'access_denied', error_description: 'the user denied the request', state: pending.state });
      return;
    }
    state.consents.grant({ clientId: pending.clientId, tenantId: pending.tenantId, userId: pending.userId }, pending.scope.split(' '));
    sendCode(state, res, pending);
  });

  return router;
}
