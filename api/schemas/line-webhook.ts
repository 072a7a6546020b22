// The LINE Messaging API webhook body (docs/providers/line.md#webhook): `{destination, events[]}`.
// Only the events renkei acts on are typed, and each schema's output is assignable to the LINE
// SDK's own `webhook` type for it (test/unit/contracts-line.test.ts checks at compile time); other
// event types pass through as `other` and are acknowledged. An empty `events` array is LINE's
// connectivity check.
import { z } from 'zod';
import { wellFormedId } from '../edge/zod-fields';

const userId = wellFormedId(100).optional();
/** The SDK's Source: a user, a group or a multi-person chat (the user ID only with consent). */
const source = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId }),
  z.object({ type: z.literal('group'), groupId: wellFormedId(100), userId }),
  z.object({ type: z.literal('room'), roomId: wellFormedId(100), userId }),
]);
const common = {
  webhookEventId: wellFormedId(64),
  timestamp: z.number().int().nonnegative(),
  /** Optional in LINE's Event schema: some events (module channel, bot suspension) carry none. */
  source: source.optional(),
  mode: z.enum(['active', 'standby']),
  deliveryContext: z.object({ isRedelivery: z.boolean() }),
};

/** An event renkei cannot read (no type, an odd ID, no mode) is ignored and counted, never refused. */
export const lineEventBase = z.object({ ...common, type: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/) });
export const followEvent = z.object({ ...common, type: z.literal('follow'), replyToken: z.string(), follow: z.object({ isUnblocked: z.boolean() }) });
export const unfollowEvent = z.object({ ...common, type: z.literal('unfollow') });
export const postbackEvent = z.object({
  ...common,
  type: z.literal('postback'),
  replyToken: z.string().optional(),
  postback: z.object({ data: z.string().max(300), params: z.record(z.string(), z.string()).optional() }),
});

export const lineWebhookSchema = z.object({
  destination: z.string(),
  events: z.array(z.unknown()),
});
