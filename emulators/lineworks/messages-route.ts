// `POST /v1.0/bots/:botId/users/:userId/messages`: a bot message to one user (docs/providers/line-works.md#bot-messages).
// 201 with an empty body on success; the message is recorded as delivered.

import { Router } from 'express';
import { authorise } from './bearer-auth';
import { apiError } from './errors';
import { describeInvalidBody, sendMessageBodySchema } from './message-content';
import type { LineWorksState } from './state';

const SEND_TO_USER_API = 'POST /bots/{botId}/users/{userId}/messages';

export function createMessagesRouter(state: LineWorksState): Router {
  const router = Router();

  router.post('/bots/:botId/users/:userId/messages', (req, res) => {
    const { botId, userId } = req.params;
    const { grant, tenant } = authorise(state, req, { api: SEND_TO_USER_API, scopes: ['bot', 'bot.message'] });
    if (state.botOf(tenant.tenantId, grant.clientId, botId) === undefined) throw apiError(403, 'FORBIDDEN', `bot ${botId} is not available in this domain`);
    const user = state.findUser(tenant, userId);
    if (user === undefined) throw apiError(404, 'NOT_FOUND', 'user not found');
    const body = sendMessageBodySchema.safeParse(req.body);
    if (!body.success) throw apiError(400, 'INVALID_PARAMETER', describeInvalidBody(body.error));

    state.recordMessage({
      tenantId: tenant.tenantId,
      botId,
      userId: user.userId,
      content: body.data.content,
      receivedAt: new Date().toISOString(),
    });
    res.status(201).end();
  });

  return router;
}
