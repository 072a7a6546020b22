// The freee webhook payload (accounting webhooks, β) as renkei accepts it, and its reduction to
// the FreeeEvent domain type. Unknown extra fields are tolerated (freee may add some); missing or
// mistyped fields are refused.
import { z } from 'zod';
import { isoInstant, wellFormedText } from '../edge/zod-fields';
import { FREEE_ACTIONS, FREEE_RESOURCES, type AccountingEvent, type FreeeResource } from '../../common/freee/events';

/** freee sends numeric IDs; accept numbers or digit strings. */
const numericId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);
/** The event ID becomes part of a workflow ID, so it is restricted to a safe alphabet. */
const eventId = z.union([z.number().int().nonnegative().transform(String), z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1–100 of A–Z a–z 0–9 _ -')]);

const resourceObject = z.looseObject({
  id: numericId,
  company_id: numericId,
  status: wellFormedText(50).optional(),
  applicant_id: numericId.optional(),
});

export const freeeWebhookSchema = z.looseObject({
  id: eventId,
  application_id: numericId.optional(),
  resource: wellFormedText(100, 1),
  action: z.enum(FREEE_ACTIONS),
  created_at: isoInstant(),
  approval_request: resourceObject.optional(),
  expense_application: resourceObject.optional(),
  payment_request: resourceObject.optional(),
});

export type FreeeWebhookPayload = z.infer<typeof freeeWebhookSchema>;

const OBJECT_KEY: Record<FreeeResource, 'approval_request' | 'expense_application' | 'payment_request'> = {
  'accounting:approval_request': 'approval_request',
  'accounting:expense_application': 'expense_application',
  'accounting:payment_request': 'payment_request',
};

export const isSupportedResource = (r: string): r is FreeeResource => (FREEE_RESOURCES as readonly string[]).includes(r);

/** Reduces a valid payload of a supported resource; returns an error text when its object is missing. */
export function toFreeeEvent(p: FreeeWebhookPayload, resource: FreeeResource): AccountingEvent | string {
  const key = OBJECT_KEY[resource];
  const obj = p[key];
  if (!obj) return `"${key}" is required for resource ${resource}`;
  return {
    kind: 'accounting',
    eventId: p.id,
    resource,
    action: p.action,
    companyId: obj.company_id,
    resourceId: obj.id,
    status: obj.status,
    recipientFreeeUserIds: obj.applicant_id ? [obj.applicant_id] : [],
    createdAt: p.created_at,
  };
}
