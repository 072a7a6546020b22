// The platform's signed order events (emulators/README.md, "Lansmart platform"): one envelope,
// a data shape per type. Dates are JST calendar dates; anything else is a 400 naming the field.
import { z } from 'zod';
import { calendarDate, isoInstant, wellFormedId, wellFormedText } from '../edge/zod-fields';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
const ymd = calendarDate();
const period = z.object({ from: ymd, to: ymd }).refine((p) => p.from <= p.to, 'from must not be after to');

const envelope = {
  eventId: wellFormedId(128),
  occurredAt: isoInstant(),
  companyId: id,
  partnerId: id,
  orderId: id,
};

export const lansmartEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...envelope,
    type: z.literal('order.created'),
    data: z.object({ orderNumber: wellFormedText(64, 1), title: wellFormedText(200, 1), amountYen: z.number().int().nonnegative(), workPeriod: period, closingDate: ymd }),
  }),
  z.object({ ...envelope, type: z.literal('work_report.created'), data: z.object({ reportId: id, period, closingDate: ymd }) }),
  z.object({ ...envelope, type: z.literal('invoice.remanded'), data: z.object({ invoiceId: id, reason: wellFormedText(1000).default('') }) }),
  z.object({
    ...envelope,
    type: z.literal('payment_notice.issued'),
    data: z.object({ paymentNoticeId: id, amountYen: z.number().int().nonnegative(), approvalDueDate: ymd }),
  }),
  z.object({ ...envelope, type: z.literal('order.cancelled'), data: z.object({ reason: wellFormedText(1000).default('') }) }),
  // The platform's own 期日超過承認 of a pending payment notice.
  z.object({ ...envelope, type: z.literal('payment_notice.overdue_approved'), data: z.object({ paymentNoticeId: id, approvedAt: isoInstant() }) }),
]);

export type LansmartEvent = z.infer<typeof lansmartEventSchema>;
