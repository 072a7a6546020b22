// What the platform keeps about one purchase order (発注書) and everything that happened to it:
// the work report (業務報告), the partner's work entries (稼動), the invoice (請求書) with its items,
// expenses (立替経費) and remands, the payment notice (支払通知書), and the history. The same shape
// is the order view of `GET /api/v1/orders/{orderId}`.

import type { OrderActor, OrderStatus, OrderTransition } from './order-status';
import type { BasicInfo } from './partner-info';

export interface DateRange {
  /** YYYY-MM-DD */
  from: string;
  to: string;
}

export interface WorkReport {
  reportId: string;
  period: DateRange;
  closingDate: string;
  createdAt: string;
}

export interface WorkEntry {
  date: string;
  hours: number;
  description: string;
}

export interface InvoiceLine {
  name: string;
  amountYen: number;
}

export interface Invoice {
  invoiceId: string;
  /** YYYY-MM */
  billingMonth: string;
  items: InvoiceLine[];
  expenses: InvoiceLine[];
  itemsYen: number;
  expensesYen: number;
  totalYen: number;
  /** 1 for the first submission, +1 for each resubmission after a remand. */
  revision: number;
  submittedAt: string;
  remands: { reason: string; at: string }[];
  /** 請求元: the partner's 基本情報 when the invoice was submitted (the platform issues it with them). */
  issuer: BasicInfo | null;
}

export interface PaymentNotice {
  paymentNoticeId: string;
  amountYen: number;
  /** YYYY-MM-DD: after it the platform may approve on the partner's behalf (期日超過承認). */
  approvalDueDate: string;
  issuedAt: string;
  approvedAt: string | null;
  approvedBy: 'partner' | 'overdue' | null;
}

export interface OrderHistoryEntry {
  at: string;
  transition: OrderTransition | 'order.create';
  by: OrderActor;
  status: OrderStatus;
  /** The partner action (partner transitions) or the event sent (company transitions). */
  actionId?: string;
  eventId?: string;
}

export interface Order {
  orderId: string;
  orderNumber: string;
  companyId: string;
  companyName: string;
  partnerId: string;
  status: OrderStatus;
  title: string;
  amountYen: number;
  workPeriod: DateRange;
  closingDate: string;
  createdAt: string;
  updatedAt: string;
  report: WorkReport | null;
  workEntries: WorkEntry[];
  invoice: Invoice | null;
  paymentNotice: PaymentNotice | null;
  cancellation: { reason: string; at: string } | null;
  history: OrderHistoryEntry[];
}

/** A deep copy, so an answer already sent (idempotent replays) never changes afterwards. */
export function orderSnapshot(order: Order): Order {
  return structuredClone(order);
}
