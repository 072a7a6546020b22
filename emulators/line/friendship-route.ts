// `GET /friendship/v1/status` (user access token with `profile` → {friendFlag}: a friend of the
// linked Official Account who does not block it) and `POST /user/v1/deauthorize` (Bearer a
// stateless channel access token of the LINE Login channel, JSON {userAccessToken} → 204; the
// user's consent and every token of the app die, as when they unlink it) — reference C.2.

import { Router } from 'express';
import { z } from 'zod';
import { bearerToken } from './bearer-token';
import { invalidBodyError, messagingError, UNAUTHORIZED_MESSAGE } from './errors';
import { errorDetails } from './message-schema';
import { isReachable, type LineState } from './state';
import { unlinkApp } from './user-actions';

const deauthorizeSchema = z.strictObject({ userAccessToken: z.string({ error: 'Must be a string' }).min(1, 'May not be empty') });

export function createFriendshipRouter(state: LineState): Router {
  const router = Router();

  router.get('/friendship/v1/status', (req, res) => {
    const presented = bearerToken(req);
    const token = presented === undefined ? undefined : state.loginTokens.findAccess(presented);
    const user = token === undefined ? undefined : state.users.get(token.userId);
    if (token === undefined || user === undefined) throw messagingError(401, 'invalid token');
    if (!token.scope.split(' ').includes('profile')) throw messagingError(403, 'the access token lacks the profile scope');
    if (state.messagingChannel === undefined) throw messagingError(400, 'no LINE Official Account is linked to the channel');
    res.json({ friendFlag: isReachable(user) });
  });

  router.post('/user/v1/deauthorize', (req, res) => {
    const presented = bearerToken(req);
    const channel = state.loginChannel;
    if (presented === undefined || channel === undefined || state.channelTokens.channelOf(presented) !== channel.channelId) {
      throw messagingError(401, UNAUTHORIZED_MESSAGE);
    }
    const body = deauthorizeSchema.safeParse(req.body);
    if (!body.success) throw invalidBodyError(errorDetails(body.error));
    const token = state.loginTokens.findAccess(body.data.userAccessToken);
    if (token === undefined || token.channelId !== channel.channelId) throw messagingError(400, 'The user access token is invalid or expired');
    unlinkApp(state, token.userId, channel.channelId);
    res.status(204).end();
  });

  return router;
}
