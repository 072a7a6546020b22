// The gate in front of every Messaging API route: `Authorization: Bearer` must be the channel's
// long-lived channel access token (or a live stateless token of the same channel), else 401
// ErrorResponse; and `X-Line-Retry-Key` is refused (400) on every API but push (reference B.2).

import type { Request } from 'express';
import { bearerToken } from './bearer-token';
import { messagingError, UNAUTHORIZED_MESSAGE } from './errors';
import type { LineState, MessagingChannel } from './state';

export const RETRY_KEY_HEADER = 'X-Line-Retry-Key';

export function authoriseMessaging(state: LineState, req: Request): MessagingChannel {
  const channel = state.messagingChannel;
  const token = bearerToken(req);
  if (channel === undefined || token === undefined) throw messagingError(401, UNAUTHORIZED_MESSAGE);
  if (token !== channel.channelAccessToken && state.channelTokens.channelOf(token) !== channel.channelId) throw messagingError(401, UNAUTHORIZED_MESSAGE);
  return channel;
}

/** 400 when a retry key is sent to an API that does not support one. */
export function refuseRetryKey(req: Request): void {
  if (req.get(RETRY_KEY_HEADER) !== undefined) throw messagingError(400, 'The X-Line-Retry-Key header is not supported by this API');
}
