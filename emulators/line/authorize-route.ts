// LINE Login authorization (reference C.1). `GET /oauth2/v2.1/authorize` checks the client and the
// exact redirect_uri first (a bad one gets a 400 page and no redirect), then the request (errors go
// back to the client with error, error_description and state), signs the user in if needed, and
// either shows the consent page or — auto-login — goes straight on when the user already consented
// to every requested scope. After consent, `bot_prompt=aggressive` shows the add-friend screen
// unless the user is already a friend who does not block the account; `bot_prompt=normal` puts an
// add-friend box on the consent page. The client gets `code`, `state` and, when bot_prompt was
// given, `friendship_status_changed`.

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { authorizeErrorRedirect, authorizeQuerySchema } from '../harness/authorize-request';
import { pkceRequestProblem } from '../harness/pkce';
import { appendQuery } from '../harness/redirect-uri';
import { formValue } from '../harness/validate';
import { loginUrlFor } from './page-session';
import { CONSENT_PATH, sendConsentPage } from './pages/consent';
import { FRIEND_ADD_PATH, sendFriendAddPage } from './pages/friend-add';
import { sendInvalidRequestPage, sendMessagePage } from './pages/layout';
import { isReachable, type LineState, type LineUser, type PendingAuthorization } from './state';
import { addFriend } from './user-actions';

export const AUTHORIZE_PATH = '/oauth2/v2.1/authorize';
export const LOGIN_SCOPES = ['profile', 'openid', 'email'] as const;
export const ACCESS_DENIED_DESCRIPTION = 'The resource owner denied the request.';

const lineAuthorizeQuerySchema = authorizeQuerySchema.extend({ bot_prompt: formValue() });

const consentFormSchema = z.object({ request: formValue(), decision: formValue(), email: formValue(), add_friend: formValue() });
const friendFormSchema = z.object({ request: formValue(), decision: formValue() });

export function createAuthorizeRouter(state: LineState): Router {
  const router = Router();

  const finish = (res: Response, pending: PendingAuthorization): void => {
    const code = state.codes.issue(
      { clientId: pending.channelId, redirectUri: pending.redirectUri, codeChallenge: pending.codeChallenge },
      { userId: pending.userId, scope: (pending.grantedScopes ?? []).join(' '), nonce: pending.nonce, authTime: pending.authTime },
    );
    res.redirect(
      303,
      appendQuery(pending.redirectUri, {
        code,
        state: pending.state,
        friendship_status_changed: pending.botPrompt === undefined ? undefined : String(pending.friendshipChanged),
      }),
    );
  };

  /** After consent (or auto-login): the add-friend screen of bot_prompt=aggressive, else back to the client. */
  const afterConsent = (res: Response, pending: PendingAuthorization, user: LineUser): void => {
    const account = state.messagingChannel;
    if (pending.botPrompt === 'aggressive' && account !== undefined && !isReachable(user)) {
      const requestId = state.pendingAuthorizations.put(pending);
      sendFriendAddPage(res, { requestId, officialAccountName: account.name, appName: state.loginChannel?.name ?? '', blocked: user.blocked });
      return;
    }
    finish(res, pending);
  };

  /** The pending request of a form post, if it belongs to the signed-in user; else an error page. */
  const pendingFor = (req: Request, res: Response, requestId: string | undefined): { pending: PendingAuthorization; user: LineUser } | undefined => {
    const pending = state.pendingAuthorizations.take(requestId);
    if (pending === undefined) {
      sendMessagePage(res, 400, '認証リクエストが無効です', '認証リクエストの有効期限が切れたか、既に処理されています。もう一度最初からお試しください。');
      return undefined;
    }
    const user = state.sessionUser(state.sessions.get(req));
    if (user === undefined || user.userId !== pending.userId) {
      sendMessagePage(res, 403, '認証リクエストが無効です', 'ログイン中のアカウントが認証リクエストのアカウントと異なります。');
      return undefined;
    }
    return { pending, user };
  };

  router.get(AUTHORIZE_PATH, (req, res) => {
    const parsed = lineAuthorizeQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      sendInvalidRequestPage(res, 'リクエストのパラメータが正しくありません。');
      return;
    }
    const query = parsed.data;
    const channel = state.loginChannel;
    if (channel === undefined || query.client_id !== channel.channelId) {
      sendInvalidRequestPage(res, 'Invalid client_id. client_id が正しくありません。');
      return;
    }
    if (query.redirect_uri === undefined || !channel.redirectUris.includes(query.redirect_uri)) {
      sendInvalidRequestPage(res, 'Invalid redirect_uri value. Check if it is registered on a LINE developers site.');
      return;
    }
    const redirectUri = query.redirect_uri;
    const fail = authorizeErrorRedirect(res, redirectUri, query.state);

    if (query.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    if (query.state === undefined) return fail('invalid_request', 'state is required');
    const scopes = [...new Set((query.scope ?? '').split(' ').filter((scope) => scope.length > 0))];
    if (scopes.length === 0) return fail('invalid_scope', 'scope is required');
    const unknown = scopes.filter((scope) => !(LOGIN_SCOPES as readonly string[]).includes(scope));
    if (unknown.length > 0) return fail('invalid_scope', `unknown scope: ${unknown.join(' ')}`);
    if (query.bot_prompt !== undefined && query.bot_prompt !== 'normal' && query.bot_prompt !== 'aggressive') {
      return fail('invalid_request', 'bot_prompt must be normal or aggressive');
    }
    const pkceProblem = pkceRequestProblem(query.code_challenge, query.code_challenge_method);
    if (pkceProblem !== undefined) return fail('invalid_request', pkceProblem);

    const session = state.sessions.get(req);
    const user = state.sessionUser(session);
    if (session === undefined || user === undefined) {
      res.redirect(303, loginUrlFor(req.originalUrl));
      return;
    }

    const pending: PendingAuthorization = {
      channelId: channel.channelId,
      redirectUri,
      scopes,
      state: query.state,
      nonce: query.nonce,
      codeChallenge: query.code_challenge,
      // bot_prompt needs an Official Account linked to the channel; without one it is ignored.
      botPrompt: state.messagingChannel === undefined ? undefined : query.bot_prompt,
      userId: user.userId,
      authTime: session.authTime,
      friendshipChanged: false,
    };
    const forceConsent = (query.prompt ?? '').split(' ').includes('consent');
    if (!forceConsent && state.consents.covers(channel.channelId, user.userId, scopes)) {
      pending.grantedScopes = scopes;
      afterConsent(res, pending, user);
      return;
    }
    const requestId = state.pendingAuthorizations.put(pending);
    sendConsentPage(res, {
      requestId,
      appName: channel.name,
      userName: user.displayName,
      scopes,
      addFriendToggle: pending.botPrompt === 'normal' && !isReachable(user) ? state.messagingChannel?.name : undefined,
    });
  });

  router.post(CONSENT_PATH, async (req, res) => {
    const form = consentFormSchema.safeParse(req.body).data;
    const found = pendingFor(req, res, form?.request);
    if (found === undefined) return;
    const { pending, user } = found;
    if (form?.decision !== 'allow') {
      res.redirect(303, appendQuery(pending.redirectUri, { error: 'access_denied', error_description: ACCESS_DENIED_DESCRIPTION, state: pending.state }));
      return;
    }
    const granted = pending.scopes.filter((scope) => scope !== 'email' || form.email === 'allow');
    state.consents.grant(pending.channelId, user.userId, granted);
    pending.grantedScopes = granted;
    if (pending.botPrompt === 'normal' && form.add_friend !== undefined) pending.friendshipChanged = (await addFriend(state, user)).changed;
    afterConsent(res, pending, user);
  });

  router.post(FRIEND_ADD_PATH, async (req, res) => {
    const form = friendFormSchema.safeParse(req.body);
    const found = pendingFor(req, res, form.data?.request);
    if (found === undefined) return;
    const { pending, user } = found;
    if (form.data?.decision === 'add') pending.friendshipChanged = (await addFriend(state, user)).changed;
    finish(res, pending);
  });

  return router;
}
