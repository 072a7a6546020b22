// Which company event or partner action the order's current status allows. Pure, so the workflow's
// update validators, the API (to answer a stale LINE tap) and the unit tests share one table.
import type { CompanyEventType, OrderStatusName, PartnerActionType } from './types';

/** Why a step is refused: it was done already, it is too early, or the order has ended. */
export type RefusalReason = 'already_done' | 'not_yet' | 'order_closed';

export interface Refusal {
  reason: RefusalReason;
  status: OrderStatusName;
}

const PARTNER_ACTION_FROM: Record<PartnerActionType, readonly OrderStatusName[]> = {
  'order.approve': ['ordered'],
  'work.register': ['reporting'],
  'invoice.submit': ['work_registered', 'remanded'],
  'payment_notice.approve': ['payment_notice_issued'],
};

const COMPANY_EVENT_FROM: Record<CompanyEventType, readonly OrderStatusName[]> = {
  'work_report.created': ['approved'],
  'invoice.remanded': ['invoiced'],
  'payment_notice.issued': ['invoiced'],
  // Also once closed: renkei's own 期日超過承認 may have closed the order first (then it changes nothing).
  'payment_notice.overdue_approved': ['payment_notice_issued', 'closed'],
  'order.cancelled': ['ordered', 'approved', 'reporting', 'work_registered', 'invoiced', 'remanded', 'payment_notice_issued'],
};

/** The order of statuses along the happy path; used to tell "done already" from "too early". */
const PROGRESS: Record<OrderStatusName, number> = {
  ordered: 0,
  approved: 1,
  reporting: 2,
  work_registered: 3,
  remanded: 3,
  invoiced: 4,
  payment_notice_issued: 5,
  closed: 6,
  cancelled: 6,
};

/** The status each step first becomes possible in (for already_done vs not_yet). */
const STEP_AT: Record<PartnerActionType | CompanyEventType, number> = {
  'order.approve': 0,
  'work.register': 2,
  'invoice.submit': 3,
  'payment_notice.approve': 5,
  'work_report.created': 1,
  'invoice.remanded': 4,
  'payment_notice.issued': 4,
  'payment_notice.overdue_approved': 5,
  'order.cancelled': 0,
};

function refusal(step: PartnerActionType | CompanyEventType, status: OrderStatusName): Refusal {
  if (status === 'closed' || status === 'cancelled') return { reason: 'order_closed', status };
  return { reason: PROGRESS[status] > STEP_AT[step] ? 'already_done' : 'not_yet', status };
}

export function refusePartnerAction(action: PartnerActionType, status: OrderStatusName): Refusal | undefined {
  return PARTNER_ACTION_FROM[action].includes(status) ? undefined : refusal(action, status);
}

export function refuseCompanyEvent(event: CompanyEventType, status: OrderStatusName): Refusal | undefined {
  return COMPANY_EVENT_FROM[event].includes(status) ? undefined : refusal(event, status);
}

/** Statuses in which an unsent invoice is awaited (reminders run only then). */
export const AWAITING_INVOICE: readonly OrderStatusName[] = ['reporting', 'work_registered', 'remanded'];
