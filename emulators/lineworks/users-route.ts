// `GET /v1.0/users/me` and `GET /v1.0/users/{userId}` (docs/providers/line-works.md#users). `me` needs a User Account
// token (a service account gets 403); `{userId}` may be the userId, the login email or
// `externalKey:{key}`. Either needs one of the user / directory scopes.

import { Router } from 'express';
import { authorise } from './bearer-auth';
import { apiError } from './errors';
import type { LineWorksState } from './state';
import { userView } from './user-view';

const USER_SCOPES = ['user', 'user.read', 'user.profile.read', 'directory', 'directory.read'] as const;

export function createUsersRouter(state: LineWorksState): Router {
  const router = Router();

  router.get('/users/me', (req, res) => {
    const { grant, tenant } = authorise(state, req, { api: 'GET /users/me', scopes: USER_SCOPES });
    if (grant.userId === undefined) throw apiError(403, 'FORBIDDEN', '"me" cannot be used with a service account token');
    const user = tenant.users.get(grant.userId);
    if (user === undefined) throw apiError(404, 'NOT_FOUND', 'user not found');
    res.json(userView(tenant, user));
  });

  router.get('/users/:userId', (req, res) => {
    const { tenant } = authorise(state, req, { api: 'GET /users/{userId}', scopes: USER_SCOPES });
    const user = state.findUser(tenant, req.params.userId);
    if (user === undefined) throw apiError(404, 'NOT_FOUND', 'user not found');
    res.json(userView(tenant, user));
  });

  return router;
}
