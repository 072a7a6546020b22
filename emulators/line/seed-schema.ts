// The wire contract of LINE seeding (`POST /_emulator/seed`): the LINE Login channel (the app people
// consent to), the Messaging API channel of the linked Official Account (its token, secret, bot
// user ID and webhook URL) and LINE users with their friendship state. Pure (zod only) so the
// control client shares the types.

import { z } from 'zod';

const httpUrl = () => z.url({ protocol: /^https?$/ });

/** LINE user IDs and bot user IDs: "U" and 32 lower-case hex digits. */
export const LINE_USER_ID = /^U[0-9a-f]{32}$/;
export const lineUserIdSchema = () => z.string().regex(LINE_USER_ID, 'must be U followed by 32 hex digits');

export const DEFAULT_USER_PASSWORD = 'password';
export const DEFAULT_PUSH_RATE_LIMIT_PER_SECOND = 2_000;

export const seedLoginChannelSchema = z.strictObject({
  /** The LINE Login channel ID: `client_id` and the ID token's `aud`. */
  channelId: z.string().regex(/^\d+$/, 'channelId is digits'),
  /** The channel secret: `client_secret` and the HS256 key of ID tokens. */
  channelSecret: z.string().min(1),
  /** The app's name on the consent page and under 連動アプリ (e.g. "Lansmart by SmartHR"). */
  name: z.string().min(1).optional(),
  /** Callback URLs, matched exactly at authorize and token. */
  redirectUris: z.array(httpUrl()).optional(),
});

export const seedMessagingChannelSchema = z.strictObject({
  channelId: z.string().regex(/^\d+$/, 'channelId is digits'),
  /** Key of the x-line-signature HMAC on webhooks. */
  channelSecret: z.string().min(1),
  /** The long-lived channel access token the Messaging API accepts. */
  channelAccessToken: z.string().min(1),
  /** The Official Account's bot user ID: the webhook `destination`. */
  botUserId: lineUserIdSchema(),
  /** The Official Account's name (chat title, friend-add screen). */
  name: z.string().min(1).optional(),
  /** Where webhooks go; none are sent (but all are recorded) while absent. */
  webhookUrl: httpUrl().nullable().optional(),
  /** "Webhook redelivery" setting: failed deliveries are sent again (default off). */
  webhookRedelivery: z.boolean().optional(),
  /** Push requests per second for the channel (default 2000). */
  pushRateLimitPerSecond: z.number().int().min(1).optional(),
});

export const seedLineUserSchema = z.strictObject({
  userId: lineUserIdSchema(),
  displayName: z.string().min(1),
  /** The LINE account's e-mail (the `email` claim); null or absent when it has none. */
  email: z.string().min(1).nullable().optional(),
  /** Password of the emulator's login page (default "password"). */
  password: z.string().min(1).optional(),
  pictureUrl: httpUrl().optional(),
  statusMessage: z.string().optional(),
  /** Has added the Official Account as a friend. */
  friend: z.boolean().optional(),
  /** Has blocked the Official Account. */
  blocked: z.boolean().optional(),
});

export const lineSeedSchema = z.strictObject({
  loginChannel: seedLoginChannelSchema.optional(),
  messagingChannel: seedMessagingChannelSchema.optional(),
  users: z.array(seedLineUserSchema).default([]),
});

export type LineSeed = z.input<typeof lineSeedSchema>;
export type LineSeedParsed = z.output<typeof lineSeedSchema>;
export type LineSeedUser = z.output<typeof seedLineUserSchema>;
export type LineSeedLoginChannel = z.output<typeof seedLoginChannelSchema>;
export type LineSeedMessagingChannel = z.output<typeof seedMessagingChannelSchema>;
