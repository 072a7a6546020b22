// Turns a validated platform event into the order workflow's input, computing the instants the
// workflow will wait for here, outside the workflow sandbox, by the order's time rules
// (common/orders/invoice-reminder-rule.ts).
import { invoiceReminderDueAts, paymentNoticeOverdueAt, remandReminderDueAts } from '../../common/orders/invoice-reminder-rule';
import { InvalidDateError } from '../../common/orders/schedule';
import type { CompanyEvent, StartOrderInput } from '../../common/orders/types';
import { HttpError } from '../errors';
import type { LansmartEvent } from '../schemas/lansmart-event';

export function toStartOrder(event: Extract<LansmartEvent, { type: 'order.created' }>): StartOrderInput {
  return { orderId: event.orderId, companyId: event.companyId, partnerId: event.partnerId, eventId: event.eventId, occurredAt: event.occurredAt, details: event.data };
}

export function toCompanyEvent(event: Exclude<LansmartEvent, { type: 'order.created' }>, reminderHourJst: number): CompanyEvent {
  const base = { eventId: event.eventId, occurredAt: event.occurredAt };
  try {
    switch (event.type) {
      case 'work_report.created':
        return { ...base, type: event.type, data: event.data, reminderDueAts: invoiceReminderDueAts(event.data.closingDate, reminderHourJst) };
      case 'invoice.remanded':
        return { ...base, type: event.type, data: event.data, reminderDueAts: remandReminderDueAts(event.occurredAt, reminderHourJst) };
      case 'payment_notice.issued':
        return { ...base, type: event.type, data: event.data, approvalDueAt: paymentNoticeOverdueAt(event.data.approvalDueDate) };
      case 'order.cancelled':
        return { ...base, type: event.type, data: event.data };
      case 'payment_notice.overdue_approved':
        return { ...base, type: event.type, data: event.data };
    }
  } catch (err) {
    if (err instanceof InvalidDateError) throw new HttpError(400, 'invalid_event', err.message);
    throw err;
  }
}
