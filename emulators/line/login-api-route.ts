// LINE Login APIs around the user access token and the ID token (reference C.2): `GET
// /oauth2/v2.1/verify` (access token → {scope, client_id, expires_in}), `POST /oauth2/v2.1/verify`
// (ID token → its claims, or 400 with LINE's error text), `GET /oauth2/v2.1/userinfo` (openid),
// `GET /v2/profile` (profile; never the e-mail) and `POST /oauth2/v2.1/revoke` (logout).

import { Router, type Request } from 'express';
import { z } from 'zod';
import { bearerToken } from './bearer-token';
import { messagingError, oauthError } from './errors';
import { IdTokenRejected, verifyIdToken } from './id-token';
import type { LiveAccessToken } from './login-tokens';
import { parseForm, requireForm } from './oauth-form';
import type { LineState, LineUser } from './state';

const verifyQuerySchema = z.object({ access_token: z.string().min(1) });
const verifyIdTokenSchema = z.object({ id_token: z.string().min(1), client_id: z.string().min(1), nonce: z.string().min(1).optional(), user_id: z.string().min(1).optional() });
const revokeSchema = z.object({ access_token: z.string().min(1), client_id: z.string().min(1), client_secret: z.string().min(1).optional() });

const hasScope = (token: LiveAccessToken, scope: string): boolean => token.scope.split(' ').includes(scope);

export function createLoginApiRouter(state: LineState): Router {
  const router = Router();

  /** The live user access token of the Bearer header and its user, or an error in `shape`. */
  const userCall = (req: Request, scope: string, shape: 'oauth' | 'message'): { token: LiveAccessToken; user: LineUser } => {
    const presented = bearerToken(req);
    const token = presented === undefined ? undefined : state.loginTokens.findAccess(presented);
    const user = token === undefined ? undefined : state.users.get(token.userId);
    if (token === undefined || user === undefined) {
      throw shape === 'oauth' ? oauthError(401, 'invalid_token', 'The access token is invalid or expired') : messagingError(401, 'invalid token');
    }
    if (!hasScope(token, scope)) {
      throw shape === 'oauth' ? oauthError(403, 'insufficient_scope', `the access token lacks the ${scope} scope`) : messagingError(403, `the access token lacks the ${scope} scope`);
    }
    return { token, user };
  };

  router.get('/oauth2/v2.1/verify', (req, res) => {
    const query = verifyQuerySchema.safeParse(req.query);
    if (!query.success) throw oauthError(400, 'invalid_request', 'access_token is required');
    const token = state.loginTokens.findAccess(query.data.access_token);
    if (token === undefined) throw oauthError(400, 'invalid_request', 'access token expired');
    res.json({ scope: token.scope, client_id: token.channelId, expires_in: Math.max(0, Math.floor((token.expiresAt - Date.now()) / 1000)) });
  });

  router.post('/oauth2/v2.1/verify', async (req, res) => {
    requireForm(req);
    const form = parseForm(verifyIdTokenSchema, req.body);
    const channel = state.loginChannel;
    if (channel === undefined || channel.channelId !== form.client_id) throw oauthError(400, 'invalid_request', 'Invalid IdToken Audience.');
    try {
      res.json(await verifyIdToken(form.id_token, { channelId: channel.channelId, channelSecret: channel.channelSecret, nonce: form.nonce, userId: form.user_id }));
    } catch (error) {
      if (error instanceof IdTokenRejected) throw oauthError(400, 'invalid_request', error.message);
      throw error;
    }
  });

  const userinfo = (req: Request): Record<string, string> => {
    const { token, user } = userCall(req, 'openid', 'oauth');
    const profile = hasScope(token, 'profile');
    return {
      sub: user.userId,
      ...(profile ? { name: user.displayName } : {}),
      ...(profile && user.pictureUrl !== undefined ? { picture: user.pictureUrl } : {}),
    };
  };
  router.get('/oauth2/v2.1/userinfo', (req, res) => {
    res.json(userinfo(req));
  });
  router.post('/oauth2/v2.1/userinfo', (req, res) => {
    res.json(userinfo(req));
  });

  router.get('/v2/profile', (req, res) => {
    const { user } = userCall(req, 'profile', 'message');
    res.json({
      userId: user.userId,
      displayName: user.displayName,
      ...(user.pictureUrl === undefined ? {} : { pictureUrl: user.pictureUrl }),
      ...(user.statusMessage === undefined ? {} : { statusMessage: user.statusMessage }),
    });
  });

  router.post('/oauth2/v2.1/revoke', (req, res) => {
    requireForm(req);
    const form = parseForm(revokeSchema, req.body);
    const channel = state.loginChannel;
    if (channel === undefined || channel.channelId !== form.client_id) throw oauthError(400, 'invalid_client', 'unknown client_id');
    if (form.client_secret !== undefined && form.client_secret !== channel.channelSecret) throw oauthError(400, 'invalid_client', 'invalid client_secret');
    state.loginTokens.revokeAccess(form.access_token, channel.channelId);
    res.status(200).end();
  });

  return router;
}
