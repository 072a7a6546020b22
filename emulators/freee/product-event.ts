// renkei's signed event endpoint contract, for freee products that have no webhooks (人事労務,
// 販売, 請求書, 振込代行, 工数管理, カード): the event shape, and the request of
// `POST /_emulator/product-events/deliver`. The request carries `X-Renkei-Timestamp` (unix
// seconds) and `X-Renkei-Signature: sha256=<hex HMAC-SHA256("<timestamp>.<raw body>", secret)>`.
// Pure (zod only) so the control client shares the types.

import { z } from 'zod';

export const FREEE_PRODUCTS = ['hr', 'sales', 'invoice', 'payment', 'pm', 'card'] as const;
export type FreeeProduct = (typeof FREEE_PRODUCTS)[number];

export const productEventSchema = z.strictObject({
  /** Unique per event (the receiver deduplicates on it). */
  id: z.string().min(1),
  product: z.enum(FREEE_PRODUCTS),
  /** What happened, e.g. "approval_request.approved". */
  type: z.string().min(1),
  company_id: z.number().int().positive(),
  /** freee user IDs to notify. */
  user_ids: z.array(z.number().int().positive()),
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  occurred_at: z.iso.datetime({ offset: true }),
});
export type FreeeProductEvent = z.output<typeof productEventSchema>;

export const productEventConfigSchema = z.strictObject({
  targetUrl: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(1),
});
export type ProductEventConfig = z.output<typeof productEventConfigSchema>;

export const productEventDeliverSchema = z
  .strictObject({
    /** Overrides the configured receiver. */
    targetUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Overrides the configured secret. */
    secret: z.string().min(1).optional(),
    event: productEventSchema.optional(),
    /** Sent verbatim (and signed) instead of the event, to test malformed bodies. */
    rawBody: z.string().optional(),
    /** Sent instead of the correct X-Renkei-Signature. */
    signatureOverride: z.string().optional(),
    /** Unix seconds to sign with instead of now (to test stale timestamps). */
    timestamp: z.number().int().min(0).optional(),
  })
  .refine((request) => request.event !== undefined || request.rawBody !== undefined, { message: 'give an event or a rawBody' });
export type ProductEventDeliverRequest = z.input<typeof productEventDeliverSchema>;

/** One delivery (`POST /_emulator/product-events/deliver`, `GET /_emulator/product-events/deliveries`). */
export interface ProductEventDelivery {
  targetUrl: string;
  headers: Record<string, string>;
  requestBody: string;
  sentAt: string;
  /** What the receiver answered; null when unreachable. */
  status: number | null;
  body: unknown;
  error?: string;
}
