// Bot callbacks as LINE WORKS sends them (docs/providers/line-works.md#callbacks): the event bodies, the control request
// that makes the emulator send one, and what is recorded. Pure (zod only) so the control client
// shares the types.

import { z } from 'zod';

export interface CallbackSource {
  userId: string;
  channelId?: string;
  domainId: number | string;
}

export type BotCallbackEvent =
  | { type: 'postback'; source: CallbackSource; data: string; issuedTime: string }
  | { type: 'message'; source: CallbackSource; content: { type: 'text'; text: string; postback?: string }; issuedTime: string }
  | { type: 'begin'; source: CallbackSource; issuedTime: string };

const overrides = {
  /** Sent instead of the correct X-WORKS-Signature (to test refusal). */
  signatureOverride: z.string().optional(),
  /** Sent verbatim instead of the event, signed as given (to test malformed bodies). */
  rawBody: z.string().optional(),
};

/** `POST /_emulator/bots/:botId/callbacks`. */
export const controlCallbackSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('postback'), userId: z.string().min(1), data: z.string().min(1), channelId: z.string().min(1).optional(), ...overrides }),
  z.strictObject({
    type: z.literal('message'),
    userId: z.string().min(1),
    text: z.string().min(1),
    postback: z.string().min(1).optional(),
    channelId: z.string().min(1).optional(),
    ...overrides,
  }),
  z.strictObject({ type: z.literal('begin'), userId: z.string().min(1), ...overrides }),
]);
export type ControlCallbackRequest = z.input<typeof controlCallbackSchema>;

/** What the bot's server answered; status null when unreachable. */
export interface CallbackResult {
  status: number | null;
  body: unknown;
  error?: string;
}

/** One callback the emulator sent (`GET /_emulator/bots/:botId/callbacks`). */
export interface RecordedCallback extends CallbackResult {
  botId: string;
  targetUrl: string;
  headers: Record<string, string>;
  requestBody: string;
  sentAt: string;
}
