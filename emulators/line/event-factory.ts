// Builds the webhook events a user's action causes (reference B.4): the common fields (source,
// timestamp in ms, mode "active", a time-ordered ULID webhookEventId, isRedelivery false) and a
// replyToken for follow, message and postback (unfollow has none).

import { randomBytes } from 'node:crypto';
import type { LineState } from './state';
import type { FollowEvent, MessageEvent, PostbackEvent, UnfollowEvent, WebhookEventBase } from './webhook-event';

const replyToken = (): string => randomBytes(16).toString('hex');

function base<T extends string>(state: LineState, userId: string, type: T): WebhookEventBase & { type: T } {
  const timestamp = Date.now();
  return {
    type,
    source: { type: 'user', userId },
    timestamp,
    mode: 'active',
    webhookEventId: state.nextEventId(timestamp),
    deliveryContext: { isRedelivery: false },
  };
}

export function followEvent(state: LineState, userId: string, isUnblocked: boolean): FollowEvent {
  return { ...base(state, userId, 'follow'), replyToken: replyToken(), follow: { isUnblocked } };
}

export function unfollowEvent(state: LineState, userId: string): UnfollowEvent {
  return base(state, userId, 'unfollow');
}

export function textMessageEvent(state: LineState, userId: string, text: string): MessageEvent {
  return {
    ...base(state, userId, 'message'),
    replyToken: replyToken(),
    message: { id: state.newMessageId(), type: 'text', quoteToken: randomBytes(24).toString('base64url'), text },
  };
}

export function postbackEvent(state: LineState, userId: string, data: string): PostbackEvent {
  return { ...base(state, userId, 'postback'), replyToken: replyToken(), postback: { data } };
}
