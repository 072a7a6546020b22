// `GET /v2/bot/profile/{userId}` (reference B.1): the profile of a user who is a friend of the
// Official Account and does not block it; 404 for anyone else.

import { Router } from 'express';
import { messagingError } from './errors';
import { authoriseMessaging, refuseRetryKey } from './messaging-auth';
import { isReachable, type LineState } from './state';

export function createBotProfileRouter(state: LineState): Router {
  const router = Router();

  router.get('/v2/bot/profile/:userId', (req, res) => {
    authoriseMessaging(state, req);
    refuseRetryKey(req);
    const user = state.users.get(req.params.userId);
    if (user === undefined || !isReachable(user)) throw messagingError(404, 'Not found');
    res.json({
      displayName: user.displayName,
      userId: user.userId,
      language: 'ja',
      ...(user.pictureUrl === undefined ? {} : { pictureUrl: user.pictureUrl }),
      ...(user.statusMessage === undefined ? {} : { statusMessage: user.statusMessage }),
    });
  });

  return router;
}
