// The purchase-order lifecycle of Lansmart (`order:{orderId}`) as plain JSON shared by the API
// that feeds it, the order workflow and whoever queries it: statuses, company events, partner
// actions, reminders and notifications.
import type { PartnerNotificationKind } from '../partners/notifications';
import type { ApprovalChecks } from './approval-rule';

/** The document state machine (the seed's 発注書 → 業務報告 → 請求書 → 支払通知書). */
export const ORDER_STATUSES = [
  'ordered', // 発注書 created, waiting for the partner's approval
  'approved', // the partner approved the order
  'reporting', // a 業務報告 exists; the partner registers the work
  'work_registered', // the work is registered; the partner creates the 請求書
  'invoiced', // the 請求書 was sent
  'remanded', // the company sent the 請求書 back; waiting for the resubmission
  'payment_notice_issued', // 支払通知書 issued; waiting for the partner's approval
  'closed', // 支払通知書 approved (by the partner, or on their behalf when overdue)
  'cancelled',
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export const TERMINAL_ORDER_STATUSES: readonly OrderStatusName[] = ['closed', 'cancelled'];

export interface DatePeriod {
  /** YYYY-MM-DD (JST calendar date). */
  from: string;
  to: string;
}

export interface OrderDetails {
  orderNumber: string;
  title: string;
  amountYen: number;
  workPeriod: DatePeriod;
  /** 締め日, YYYY-MM-DD. */
  closingDate: string;
}

/** What starts an order workflow (the platform's `order.created`). */
export interface StartOrderInput {
  orderId: string;
  companyId: string;
  partnerId: string;
  eventId: string;
  occurredAt: string;
  details: OrderDetails;
}

/**
 * A company-side event after the order exists. Instants (reminder and overdue due times) are
 * computed by the caller, outside the workflow sandbox, and passed in.
 */
export type CompanyEvent =
  | {
      type: 'work_report.created';
      eventId: string;
      occurredAt: string;
      data: { reportId: string; period: DatePeriod; closingDate: string };
      reminderDueAts: string[];
    }
  | {
      type: 'invoice.remanded';
      eventId: string;
      occurredAt: string;
      data: { invoiceId: string; reason: string };
      reminderDueAts: string[];
    }
  | {
      type: 'payment_notice.issued';
      eventId: string;
      occurredAt: string;
      data: { paymentNoticeId: string; amountYen: number; approvalDueDate: string };
      /** When the notice is approved on the partner's behalf (期日超過承認) if still pending. */
      approvalDueAt: string;
    }
  | { type: 'order.cancelled'; eventId: string; occurredAt: string; data: { reason: string } }
  /** The platform approved the pending payment notice itself (期日超過承認). */
  | { type: 'payment_notice.overdue_approved'; eventId: string; occurredAt: string; data: { paymentNoticeId: string; approvedAt: string } };

export type CompanyEventType = CompanyEvent['type'];

export interface WorkEntry {
  /** YYYY-MM-DD */
  date: string;
  hours: number;
  description: string;
}

export interface InvoiceLine {
  name: string;
  amountYen: number;
}

/** A step the partner takes, from renkei's pages or from LINE. */
export type PartnerAction =
  /** `checks`: what the caller established (approval-rule.ts); absent only in histories from before the rule. */
  | { type: 'order.approve'; checks?: ApprovalChecks }
  | { type: 'work.register'; entries: WorkEntry[] }
  | { type: 'invoice.submit'; billingMonth: string; items: InvoiceLine[]; expenses: InvoiceLine[] }
  | { type: 'payment_notice.approve' };

export type PartnerActionType = PartnerAction['type'];

export interface PartnerActionRequest {
  partnerId: string;
  via: 'web' | 'line';
  action: PartnerAction;
}

export type ReminderStatus = 'scheduled' | 'sent' | 'cancelled' | 'superseded';

export interface ReminderEntry {
  /** Stable per order: `r{cycle}-{index}`; also part of the delivery key (never sent twice). */
  key: string;
  /** 0 for the closing date's reminders, n for those after the n-th remand. */
  cycle: number;
  index: number;
  dueAt: string;
  status: ReminderStatus;
  sentAt?: string;
}

export interface OrderNotificationRecord {
  /** Delivery key prefix of this notification (`order:{id}:{kind}:{n}`). */
  key: string;
  kind: PartnerNotificationKind;
  status: 'queued' | 'done';
  queuedAt: string;
  /** Why the delivery failed (its planning, or a channel's activity beyond its retries), shown to operators. */
  error?: string;
}

export interface InvoiceSummary {
  billingMonth: string;
  items: InvoiceLine[];
  expenses: InvoiceLine[];
  totalYen: number;
  submittedAt: string;
  submissions: number;
}

export interface OrderState {
  orderId: string;
  companyId: string;
  partnerId: string;
  status: OrderStatusName;
  details: OrderDetails;
  createdAt: string;
  approvedAt?: string;
  report?: { reportId: string; period: DatePeriod; closingDate: string; createdAt: string };
  work?: { entries: WorkEntry[]; registeredAt: string };
  invoice?: InvoiceSummary;
  remands: Array<{ invoiceId: string; reason: string; at: string }>;
  paymentNotice?: { paymentNoticeId: string; amountYen: number; approvalDueDate: string; approvalDueAt: string; issuedAt: string };
  closedAt?: string;
  closedBy?: 'partner' | 'overdue_approval' | 'cancelled';
  reminders: ReminderEntry[];
  notifications: OrderNotificationRecord[];
  /** LINE replies to a step taken from LINE that were not delivered (key and why); the last few. */
  lineReplyErrors?: { key: string; error: string; at: string }[];
  /** Company event IDs already applied (dedup across continue-as-new). */
  appliedEventIds: string[];
  /** Partner action request IDs already applied (dedup across continue-as-new). */
  appliedActionIds: string[];
  /** The version of the last read-model write (common/orders/order-view.ts); grows with each. */
  viewVersion?: number;
}

export interface CompanyEventResult {
  status: OrderStatusName;
  /** The event had been applied before (a redelivery). */
  duplicate: boolean;
}

export interface PartnerActionResult {
  status: OrderStatusName;
  /** The platform's ID of the recorded action. */
  actionId: string;
  /** The read model holds at least this version when the step is answered (absent from older runs). */
  viewVersion?: number;
}
