// `GET /public_api/authorize` (reference D.1): an unknown client_id or an unregistered
// redirect_uri gets an error page and no redirect; other bad requests go back to the client with
// error=...; a signed-out user goes through /login first. The consent page proposes the session's
// current 事業所 (with `prompt=select_company` the user may pick another of theirs).
// `POST /public_api/authorize` is the consent form: [許可する] → code&state, [キャンセル] →
// error=access_denied. PKCE (S256) is supported.

import { Router } from 'express';
import { z } from 'zod';
import { authorizeErrorRedirect, authorizeQuerySchema } from '../harness/authorize-request';
import { pkceRequestProblem } from '../harness/pkce';
import { appendQuery } from '../harness/redirect-uri';
import { formValue } from '../harness/validate';
import { freeeLoginUrlFor } from './page-session';
import { sendFreeeConsentPage } from './pages/consent';
import { sendFreeeMessagePage, sendInvalidAuthorizePage } from './pages/layout';
import type { FreeeState } from './state';

export const FREEE_SCOPE = 'read write';

const freeeAuthorizeQuerySchema = authorizeQuerySchema.omit({ scope: true, nonce: true });
const consentFormSchema = z.object({ request: formValue(), decision: formValue(), company_id: z.coerce.number().int().positive().optional() });

export function createFreeeAuthorizeRouter(state: FreeeState): Router {
  const router = Router();

  router.get('/public_api/authorize', (req, res) => {
    const query = freeeAuthorizeQuerySchema.safeParse(req.query).data;
    const app = query?.client_id === undefined ? undefined : state.apps.get(query.client_id);
    if (query === undefined || app === undefined) {
      sendInvalidAuthorizePage(res, 'クライアントIDが正しくありません。');
      return;
    }
    if (query.redirect_uri === undefined || !app.redirectUris.includes(query.redirect_uri)) {
      sendInvalidAuthorizePage(res, 'リダイレクトURIがアプリに登録されたものと一致しません。');
      return;
    }
    const redirectUri = query.redirect_uri;
    const fail = authorizeErrorRedirect(res, redirectUri, query.state);
    if (query.response_type !== 'code') {
      fail('unsupported_response_type', 'response_type must be code');
      return;
    }
    const pkceProblem = pkceRequestProblem(query.code_challenge, query.code_challenge_method);
    if (pkceProblem !== undefined) {
      fail('invalid_request', pkceProblem);
      return;
    }
    const signedIn = state.sessionUser(state.sessions.get(req));
    if (signedIn === undefined) {
      res.redirect(303, freeeLoginUrlFor(req.originalUrl));
      return;
    }
    if (signedIn.companyId === undefined) {
      sendFreeeMessagePage(res, 403, '事業所がありません', 'このアカウントはどの事業所にも所属していません。');
      return;
    }
    const requestId = state.pendingAuthorizations.put({
      clientId: app.clientId,
      redirectUri,
      state: query.state,
      codeChallenge: query.code_challenge,
      userId: signedIn.user.id,
      selectCompany: (query.prompt ?? '').split(' ').includes('select_company'),
    });
    sendFreeeConsentPage(res, {
      requestId,
      appName: app.name ?? app.clientId,
      userName: signedIn.user.display_name ?? signedIn.user.email,
      companies: signedIn.user.companies.map((membership) => ({ id: membership.id, name: state.companyName(membership.id) })),
      currentId: signedIn.companyId,
      selectCompany: (query.prompt ?? '').split(' ').includes('select_company'),
    });
  });

  router.post('/public_api/authorize', (req, res) => {
    const form = consentFormSchema.safeParse(req.body).data;
    const pending = state.pendingAuthorizations.take(form?.request);
    if (pending === undefined) {
      sendFreeeMessagePage(res, 400, '認可リクエストが無効です', '認可リクエストの有効期限が切れたか、既に処理されています。もう一度お試しください。');
      return;
    }
    const signedIn = state.sessionUser(state.sessions.get(req));
    if (signedIn === undefined || signedIn.user.id !== pending.userId) {
      sendFreeeMessagePage(res, 403, '認可リクエストが無効です', 'ログイン中のアカウントが認可リクエストのアカウントと異なります。');
      return;
    }
    if (form?.decision !== 'allow') {
      res.redirect(303, appendQuery(pending.redirectUri, { error: 'access_denied', error_description: 'the user denied the request', state: pending.state }));
      return;
    }
    const companyId = pending.selectCompany ? (form.company_id ?? signedIn.companyId) : signedIn.companyId;
    if (companyId === undefined || !signedIn.user.companies.some((membership) => membership.id === companyId)) {
      sendFreeeMessagePage(res, 400, '事業所を選択できません', 'この事業所には所属していません。');
      return;
    }
    const code = state.codes.issue(
      { clientId: pending.clientId, redirectUri: pending.redirectUri, codeChallenge: pending.codeChallenge },
      { userId: signedIn.user.id, companyId, scope: FREEE_SCOPE },
    );
    res.redirect(303, appendQuery(pending.redirectUri, { code, state: pending.state }));
  });

  return router;
}
