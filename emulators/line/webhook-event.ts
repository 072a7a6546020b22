// Webhook events as LINE sends them (reference B.4; line-openapi webhook.yml): the fields every
// event has (type, source, timestamp, mode, webhookEventId, deliveryContext), the four kinds the
// emulator sends (follow, unfollow, message, postback), the request body, and what is recorded per
// delivery. Pure (zod only) so the control client shares the types.

import { z } from 'zod';

export interface WebhookEventBase {
  type: string;
  source: { type: 'user'; userId: string };
  /** Milliseconds since the epoch. */
  timestamp: number;
  mode: 'active';
  /** A ULID: the same on every redelivery of the event; deduplicate on it. */
  webhookEventId: string;
  deliveryContext: { isRedelivery: boolean };
}

export interface FollowEvent extends WebhookEventBase {
  type: 'follow';
  replyToken: string;
  follow: { isUnblocked: boolean };
}

export interface UnfollowEvent extends WebhookEventBase {
  type: 'unfollow';
}

export interface MessageEvent extends WebhookEventBase {
  type: 'message';
  replyToken: string;
  message: { id: string; type: 'text'; quoteToken: string; text: string };
}

export interface PostbackEvent extends WebhookEventBase {
  type: 'postback';
  replyToken: string;
  postback: { data: string };
}

export type LineWebhookEvent = FollowEvent | UnfollowEvent | MessageEvent | PostbackEvent;

export interface LineWebhookBody {
  destination: string;
  events: LineWebhookEvent[];
}

/** One POST of a delivery. */
export interface WebhookAttempt {
  /** The exact bytes sent (the signature covers them). */
  requestBody: string;
  signature: string;
  isRedelivery: boolean;
  /** What the receiver answered; null when it did not answer within 2 s or was unreachable. */
  status: number | null;
  body: unknown;
  error?: string;
  sentAt: string;
}

/** One delivery of one or more events, with every attempt (`GET /_emulator/webhooks`). */
export interface WebhookDelivery {
  /** "event": a user's action; "replay": sent again by the control route; "verify": an empty batch. */
  kind: 'event' | 'replay' | 'verify';
  webhookEventIds: string[];
  eventTypes: string[];
  userIds: string[];
  targetUrl: string | null;
  attempts: WebhookAttempt[];
  /** The last attempt's status (null: never answered or no webhook URL). */
  status: number | null;
  /** True when an attempt got a 2xx. */
  succeeded: boolean;
}

/** `POST /_emulator/webhooks/replay`. */
export const replayRequestSchema = z.strictObject({
  /** Events to send again (recorded originals); all recorded events when absent. */
  webhookEventIds: z.array(z.string().min(1)).min(1).optional(),
  /** How many times each event is sent (default 2: a duplicate). */
  copies: z.number().int().min(1).max(10).default(2),
  /** Order of the sends: as recorded, reversed, or shuffled. */
  order: z.enum(['original', 'reverse', 'shuffle']).default('original'),
  /** deliveryContext.isRedelivery on the copies (default true). */
  redelivery: z.boolean().default(true),
  /** Send all copies in one request body instead of one request each. */
  batch: z.boolean().default(false),
});
export type ReplayRequest = z.input<typeof replayRequestSchema>;
export type ReplayRequestParsed = z.output<typeof replayRequestSchema>;

/** `POST /_emulator/users/:userId/postback`. */
export const controlPostbackSchema = z.strictObject({ data: z.string().min(1).max(300), displayText: z.string().min(1).optional() });
/** `POST /_emulator/users/:userId/messages`. */
export const controlTextSchema = z.strictObject({ text: z.string().min(1).max(5000) });
