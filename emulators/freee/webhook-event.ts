// The freee accounting webhook (β) event, as freee sends it (reference D.6): common fields plus
// one resource object named after the resource. Pure (zod only) so the control client shares it.

import { z } from 'zod';

export const FREEE_WEBHOOK_RESOURCES = ['accounting:approval_request', 'accounting:expense_application', 'accounting:payment_request'] as const;
export type FreeeWebhookResource = (typeof FREEE_WEBHOOK_RESOURCES)[number];

/** The property holding the resource object: "accounting:approval_request" → "approval_request". */
export type FreeeResourceKey = FreeeWebhookResource extends `accounting:${infer Key}` ? Key : never;

export function resourceKeyOf(resource: FreeeWebhookResource): FreeeResourceKey {
  return resource.slice('accounting:'.length) as FreeeResourceKey;
}

export const freeeResourceObjectSchema = z.looseObject({
  id: z.number().int(),
  company_id: z.number().int(),
  status: z.string().min(1),
  applicant_id: z.number().int(),
  /** On updates: draft, apply, approve, force_approve, cancel, reject, feedback, force_feedback. */
  approval_action: z.string().optional(),
});
export type FreeeResourceObject = z.output<typeof freeeResourceObjectSchema>;

export const freeeWebhookEventSchema = z
  .looseObject({
    /** Unique per notification (use it to deduplicate). */
    id: z.union([z.string().min(1), z.number().int()]),
    application_id: z.number().int(),
    resource: z.enum(FREEE_WEBHOOK_RESOURCES),
    action: z.enum(['created', 'updated', 'destroyed']),
    created_at: z.iso.datetime({ offset: true }),
    approval_request: freeeResourceObjectSchema.optional(),
    expense_application: freeeResourceObjectSchema.optional(),
    payment_request: freeeResourceObjectSchema.optional(),
  })
  .refine((event) => event[resourceKeyOf(event.resource)] !== undefined, {
    message: 'the event must carry the object named after its resource (e.g. approval_request)',
  });

export type FreeeWebhookEvent = z.output<typeof freeeWebhookEventSchema>;

/** Options of `POST /_emulator/webhooks/deliver`. */
export const deliverRequestSchema = z
  .strictObject({
    event: freeeWebhookEventSchema.optional(),
    /** Sent instead of the configured verification token (to test refusal). */
    tokenOverride: z.string().optional(),
    /** Sent verbatim instead of the serialised event (to test malformed bodies). */
    rawBody: z.string().optional(),
  })
  .refine((request) => request.event !== undefined || request.rawBody !== undefined, { message: 'give an event or a rawBody' });
export type DeliverRequest = z.input<typeof deliverRequestSchema>;

export const webhookConfigSchema = z.strictObject({
  targetUrl: z.url({ protocol: /^https?$/ }),
  verificationToken: z.string().min(1),
});
export type FreeeWebhookConfig = z.output<typeof webhookConfigSchema>;

/** What the receiver answered (`POST /_emulator/webhooks/deliver`); status null when unreachable. */
export interface WebhookDeliveryResult {
  status: number | null;
  body: unknown;
  error?: string;
}

/** One recorded delivery (`GET /_emulator/webhooks/deliveries`). */
export interface RecordedDelivery extends WebhookDeliveryResult {
  targetUrl: string;
  headers: Record<string, string>;
  requestBody: string;
  sentAt: string;
}
