// The platform's signed order events (emulators/README.md, "Lansmart platform"): one envelope,
// a data shape per type. Dates are JST calendar dates; anything else is a 400 naming the field.
import { z } from 'zod';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const period = z.object({ from: ymd, to: ymd });

const envelope = {
  eventId: z.string().min(1).max(128),
  occurredAt: z.iso.datetime({ offset: true }),
  companyId: id,
  partnerId: id,
  orderId: id,
};

export const lansmartEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...envelope,
    type: z.literal('order.created'),
    data: z.object({ orderNumber: z.string().min(1).max(64), title: z.string().min(1).max(200), amountYen: z.number().int().nonnegative(), workPeriod: period, closingDate: ymd }),
  }),
  z.object({ ...envelope, type: z.literal('work_report.created'), data: z.object({ reportId: id, period, closingDate: ymd }) }),
  z.object({ ...envelope, type: z.literal('invoice.remanded'), data: z.object({ invoiceId: id, reason: z.string().max(1000).default('') }) }),
  z.object({
    ...envelope,
    type: z.literal('payment_notice.issued'),
    data: z.object({ paymentNoticeId: id, amountYen: z.number().int().nonnegative(), approvalDueDate: ymd }),
  }),
  z.object({ ...envelope, type: z.literal('order.cancelled'), data: z.object({ reason: z.string().max(1000).default('') }) }),
]);

export type LansmartEvent = z.infer<typeof lansmartEventSchema>;
