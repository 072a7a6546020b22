// LINE Login token endpoints. `POST /oauth2/v2.1/token` (reference C.2): authorization_code
// (single-use code, 10 minutes, redirect_uri equal to the authorize one, code_verifier checked when
// a challenge was given, client_secret checked) and refresh_token (rotating; a spent one is 400
// invalid_grant). Answers {access_token, expires_in: 2592000, id_token?, refresh_token, scope,
// token_type: "Bearer"}, the ID token only when `openid` was granted. `POST /oauth2/v3/token`:
// client_credentials → a stateless channel access token (15 minutes) for either channel.

import { Router } from 'express';
import { z } from 'zod';
import { oauthError } from './errors';
import { mintIdToken } from './id-token';
import type { IssuedUserTokens } from './login-tokens';
import { parseForm, requireForm } from './oauth-form';
import type { LineState, LoginChannel } from './state';

const grantTypeSchema = z.object({ grant_type: z.string().min(1) });
const authorizationCodeSchema = z.object({
  code: z.string().min(1),
  redirect_uri: z.string().min(1).optional(),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  code_verifier: z.string().min(1).optional(),
});
const refreshSchema = z.object({ refresh_token: z.string().min(1), client_id: z.string().min(1), client_secret: z.string().min(1).optional() });
const clientCredentialsSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

function loginChannelFor(state: LineState, clientId: string, clientSecret: string | undefined): LoginChannel {
  const channel = state.loginChannel;
  if (channel === undefined || channel.channelId !== clientId) throw oauthError(400, 'invalid_client', 'unknown client_id');
  if (clientSecret !== undefined && clientSecret !== channel.channelSecret) throw oauthError(400, 'invalid_client', 'invalid client_secret');
  return channel;
}

export function createTokenRouter(state: LineState): Router {
  const router = Router();

  const answer = (tokens: IssuedUserTokens, scope: string, idToken?: string): Record<string, string | number> => ({
    access_token: tokens.accessToken,
    expires_in: tokens.expiresInSeconds,
    ...(idToken === undefined ? {} : { id_token: idToken }),
    refresh_token: tokens.refreshToken,
    scope,
    token_type: 'Bearer',
  });

  router.post('/oauth2/v2.1/token', async (req, res) => {
    requireForm(req);
    const { grant_type: grantType } = parseForm(grantTypeSchema, req.body);

    if (grantType === 'authorization_code') {
      const form = parseForm(authorizationCodeSchema, req.body);
      const channel = loginChannelFor(state, form.client_id, form.client_secret);
      const redeemed = state.codes.redeem(form.code, { clientId: channel.channelId, redirectUri: form.redirect_uri, codeVerifier: form.code_verifier });
      if (!redeemed.ok) throw oauthError(400, 'invalid_grant', redeemed.reason);
      const { grant } = redeemed;
      const user = state.users.get(grant.userId);
      if (user === undefined) throw oauthError(400, 'invalid_grant', 'the user no longer exists');
      const scopes = grant.scope.split(' ').filter((scope) => scope.length > 0);
      const tokens = state.loginTokens.issue({ channelId: channel.channelId, userId: user.userId, scope: grant.scope });
      const idToken = scopes.includes('openid')
        ? await mintIdToken({ channelId: channel.channelId, channelSecret: channel.channelSecret, user, scopes, nonce: grant.nonce, authTime: grant.authTime })
        : undefined;
      res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(answer(tokens, grant.scope, idToken));
      return;
    }

    if (grantType === 'refresh_token') {
      const form = parseForm(refreshSchema, req.body);
      const channel = loginChannelFor(state, form.client_id, form.client_secret);
      const grant = state.loginTokens.spendRefresh(form.refresh_token, channel.channelId);
      if (grant === undefined) throw oauthError(400, 'invalid_grant', 'invalid refresh token');
      const tokens = state.loginTokens.issue(grant);
      res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(answer(tokens, grant.scope));
      return;
    }

    throw oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  });

  router.post('/oauth2/v3/token', (req, res) => {
    requireForm(req);
    const { grant_type: grantType } = parseForm(grantTypeSchema, req.body);
    if (grantType !== 'client_credentials') throw oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    const form = parseForm(clientCredentialsSchema, req.body);
    const channel = [state.loginChannel, state.messagingChannel].find((candidate) => candidate?.channelId === form.client_id);
    if (channel === undefined || channel.channelSecret !== form.client_secret) throw oauthError(400, 'invalid_client', 'invalid client_id or client_secret');
    const token = state.channelTokens.issue(channel.channelId);
    res.set('Cache-Control', 'no-store').json({ token_type: 'Bearer', access_token: token.accessToken, expires_in: token.expiresInSeconds });
  });

  return router;
}
