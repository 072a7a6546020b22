// `POST /v2/bot/message/push` (reference B.1, B.2, B.3, B.5). In order: the channel token (401),
// the X-Line-Retry-Key (a UUID, else 400), the per-channel rate limit (429), a key already
// accepted (409 with X-Line-Accepted-Request-Id and {message, sentMessages}; nothing is sent
// again), the body (400 with details[{message, property}]), the recipient (400 for an ID that is
// no LINE user of the channel's provider). Then 200 {sentMessages:[{id, quoteToken}]}: delivered
// to a friend, or accepted but not delivered to a user who blocked the account or never added it.

import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { invalidBodyError, messagingError, RATE_LIMIT_MESSAGE } from './errors';
import { authoriseMessaging, RETRY_KEY_HEADER } from './messaging-auth';
import { errorDetails, pushBodySchema } from './message-schema';
import type { PushRecord, SentMessage } from './push-log';
import { requestIdOf } from './request-id';
import type { LineState } from './state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ACCEPTED_REQUEST_ID_HEADER = 'X-Line-Accepted-Request-Id';

export function createPushRouter(state: LineState): Router {
  const router = Router();

  router.post('/v2/bot/message/push', (req, res) => {
    const channel = authoriseMessaging(state, req);
    const retryKey = req.get(RETRY_KEY_HEADER);
    if (retryKey !== undefined && !UUID.test(retryKey)) throw messagingError(400, `The value of the ${RETRY_KEY_HEADER} header must be a UUID`);
    const decision = state.pushLimiter.take(channel.channelId, channel.pushRateLimitPerSecond);
    if (!decision.allowed) throw messagingError(429, RATE_LIMIT_MESSAGE);

    const earlier = retryKey === undefined ? undefined : state.pushes.accepted(retryKey);
    if (earlier !== undefined) {
      throw messagingError(409, 'The retry key is already accepted', {
        headers: { [ACCEPTED_REQUEST_ID_HEADER]: earlier.requestId },
        extra: { sentMessages: earlier.sentMessages },
      });
    }

    const body = pushBodySchema.safeParse(req.body);
    if (!body.success) throw invalidBodyError(errorDetails(body.error));
    const user = state.users.get(body.data.to);
    if (user === undefined) throw invalidBodyError([{ message: 'The property, \'to\', in the request body is invalid', property: 'to' }]);

    const sentMessages: SentMessage[] = body.data.messages.map(() => ({ id: state.newMessageId(), quoteToken: randomBytes(24).toString('base64url') }));
    const reason = user.blocked ? 'blocked' : user.friend ? null : 'not_friend';
    const record: PushRecord = {
      requestId: requestIdOf(res),
      retryKey: retryKey ?? null,
      to: user.userId,
      messages: body.data.messages,
      notificationDisabled: body.data.notificationDisabled ?? false,
      sentMessages,
      delivered: reason === null,
      reason,
      acceptedAt: new Date().toISOString(),
    };
    state.pushes.record(record);
    res.json({ sentMessages });
  });

  return router;
}
