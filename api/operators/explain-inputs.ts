// The operator view's inputs, validated at the edge (zod): what to explain (an event, an employee,
// a partner or an order) and the upcoming-reminders filter. Shared by the routes and the OpenAPI
// description.
import { z } from 'zod';
import { jstMidnight } from '../../common/orders/schedule';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - (1–64)');

export const eventIdParam = z.object({ eventId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'letters, digits, _ and - (1–100)') });
export const employeeParams = z.object({ companyId: id.describe('The freee 事業所 ID.'), freeeUserId: id.describe('The freee user ID.') });
export const partnerParam = z.object({ partnerId: id.describe('The Lansmart partner ID.') });
export const orderParam = z.object({ orderId: id.describe('The Lansmart order ID.') });

const jstDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a JST calendar day, YYYY-MM-DD')
  .refine((d) => {
    try {
      jstMidnight(d);
      return true;
    } catch {
      return false;
    }
  }, 'not a calendar day');

export const remindersQuery = z.strictObject({
  companyId: id.optional().describe('Only this Lansmart company’s orders.'),
  day: jstDay.optional().describe('Only reminders due on this JST day.'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The page: exactly one subject. */
export const explainPageQuery = z.union([
  z.strictObject({ event: eventIdParam.shape.eventId }),
  z.strictObject({ company: id, user: id }),
  z.strictObject({ partner: id }),
  z.strictObject({ order: id }),
  z.strictObject({ reminders: z.literal('1'), company: id.optional(), day: jstDay.optional() }),
]);
export type ExplainPageQuery = z.infer<typeof explainPageQuery>;

/** The zod issues as `field: problem` lines, for the 400 answer. */
export const problemsOf = (error: z.ZodError): string[] =>
  error.issues.map((i) =>
    i.code === 'invalid_union' && i.path.length === 0
      ? 'query: exactly one subject — event; company and user; partner; order; or reminders (with company, day) — each well-formed'
      : `${i.path.join('.') || 'query'}: ${i.message}`,
  );
