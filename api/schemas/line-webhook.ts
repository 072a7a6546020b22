// The LINE Messaging API webhook body (reference B.4): `{destination, events[]}`. Only the fields
// renkei acts on are typed; other event types pass through as `other` and are acknowledged.
// An empty `events` array is LINE's connectivity check.
import { z } from 'zod';
import { wellFormedId } from '../edge/zod-fields';

const source = z.object({ type: z.string(), userId: wellFormedId(100).optional() });
const common = {
  webhookEventId: wellFormedId(64),
  timestamp: z.number().int().nonnegative(),
  /** Optional in LINE's Event schema: some events (module channel, bot suspension) carry none. */
  source: source.optional(),
  mode: z.string().optional(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
  replyToken: z.string().optional(),
};

/** An event renkei cannot read (no type, an odd ID) is ignored and counted, never refused. */
export const lineEventBase = z.object({ ...common, type: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/) });
export const followEvent = z.object({ ...common, type: z.literal('follow'), follow: z.object({ isUnblocked: z.boolean() }).optional() });
export const unfollowEvent = z.object({ ...common, type: z.literal('unfollow') });
export const postbackEvent = z.object({ ...common, type: z.literal('postback'), postback: z.object({ data: z.string().max(300) }) });

export const lineWebhookSchema = z.object({
  destination: z.string(),
  events: z.array(z.unknown()),
});
