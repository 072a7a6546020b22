// What the company (and the platform itself) does to an order, shared by the control routes and
// the company console page: 発注書を作成, 業務報告を作成, 請求書を差し戻す, 支払通知書を作成,
// 取消, and the platform's 期日超過承認. Each refuses a transition the status does not allow (409,
// nothing sent), changes the order, records the event and sends it to renkei.

import { lansmartError } from './errors';
import { emitPlatformEvent, platformEvent, type SendingOverrides } from './event-delivery';
import { newLansmartId } from './ids';
import { orderSnapshot, type DateRange, type Order } from './order';
import { applyTransition, assertTransitionAllowed } from './order-transition';
import type { EventDelivery } from './platform-event';
import type { LansmartState } from './state';

export interface CompanyActionResult {
  order: Order;
  /** The event sending. */
  delivery: EventDelivery;
}

export const DEFAULT_CANCEL_REASON = '発注が取り消されました';

export function orderOrFail(state: LansmartState, orderId: string): Order {
  const order = state.orders.get(orderId);
  if (order === undefined) throw lansmartError(404, 'NOT_FOUND', '発注書が見つかりません');
  return order;
}

export async function createOrder(
  state: LansmartState,
  input: { partnerId: string; title: string; amountYen: number; workPeriod: DateRange; closingDate: string; orderId?: string; orderNumber?: string },
  overrides: SendingOverrides = {},
): Promise<CompanyActionResult> {
  const partner = state.partners.get(input.partnerId);
  if (partner === undefined) throw lansmartError(404, 'NOT_FOUND', 'パートナーが見つかりません');
  const orderId = input.orderId ?? newLansmartId('ord');
  if (state.orders.has(orderId)) throw lansmartError(409, 'ORDER_EXISTS', `発注書 ${orderId} は既にあります`);
  const at = new Date().toISOString();
  const order: Order = {
    orderId,
    orderNumber: input.orderNumber ?? state.nextOrderNumber(),
    companyId: partner.companyId,
    companyName: state.companyName(partner.companyId),
    partnerId: partner.partnerId,
    status: 'ordered',
    title: input.title,
    amountYen: input.amountYen,
    workPeriod: { ...input.workPeriod },
    closingDate: input.closingDate,
    createdAt: at,
    updatedAt: at,
    report: null,
    workEntries: [],
    invoice: null,
    paymentNotice: null,
    cancellation: null,
    history: [],
  };
  const event = platformEvent(order, 'order.created', {
    orderNumber: order.orderNumber,
    title: order.title,
    amountYen: order.amountYen,
    workPeriod: { ...order.workPeriod },
    closingDate: order.closingDate,
  });
  order.history.push({ at, transition: 'order.create', by: 'company', status: 'ordered', eventId: event.eventId });
  state.orders.set(orderId, order);
  const delivery = await emitPlatformEvent(state, event, overrides);
  return { order: orderSnapshot(order), delivery };
}

export async function createWorkReport(
  state: LansmartState,
  orderId: string,
  input: { period?: DateRange; closingDate?: string },
  overrides: SendingOverrides = {},
): Promise<CompanyActionResult> {
  const order = orderOrFail(state, orderId);
  assertTransitionAllowed(order, 'work_report.create');
  const report = {
    reportId: newLansmartId('rep'),
    period: { ...(input.period ?? order.workPeriod) },
    closingDate: input.closingDate ?? order.closingDate,
    createdAt: new Date().toISOString(),
  };
  const event = platformEvent(order, 'work_report.created', { reportId: report.reportId, period: { ...report.period }, closingDate: report.closingDate });
  order.report = report;
  applyTransition(order, 'work_report.create', { eventId: event.eventId });
  const delivery = await emitPlatformEvent(state, event, overrides);
  return { order: orderSnapshot(order), delivery };
}

export async function remandInvoice(state: LansmartState, orderId: string, input: { reason: string }, overrides: SendingOverrides = {}): Promise<CompanyActionResult> {
  const order = orderOrFail(state, orderId);
  assertTransitionAllowed(order, 'invoice.remand');
  const invoice = order.invoice;
  if (invoice === null) throw lansmartError(409, 'INVALID_STATE', '請求書がありません', { status: order.status });
  const event = platformEvent(order, 'invoice.remanded', { invoiceId: invoice.invoiceId, reason: input.reason });
  invoice.remands.push({ reason: input.reason, at: new Date().toISOString() });
  applyTransition(order, 'invoice.remand', { eventId: event.eventId });
  const delivery = await emitPlatformEvent(state, event, overrides);
  return { order: orderSnapshot(order), delivery };
}

export async function issuePaymentNotice(
  state: LansmartState,
  orderId: string,
  input: { approvalDueDate: string; amountYen?: number },
  overrides: SendingOverrides = {},
): Promise<CompanyActionResult> {
  const order = orderOrFail(state, orderId);
  assertTransitionAllowed(order, 'payment_notice.issue');
  const notice = {
    paymentNoticeId: newLansmartId('pn'),
    amountYen: input.amountYen ?? order.invoice?.totalYen ?? order.amountYen,
    approvalDueDate: input.approvalDueDate,
    issuedAt: new Date().toISOString(),
    approvedAt: null,
    approvedBy: null,
  };
  const event = platformEvent(order, 'payment_notice.issued', {
    paymentNoticeId: notice.paymentNoticeId,
    amountYen: notice.amountYen,
    approvalDueDate: notice.approvalDueDate,
  });
  order.paymentNotice = notice;
  applyTransition(order, 'payment_notice.issue', { eventId: event.eventId });
  const delivery = await emitPlatformEvent(state, event, overrides);
  return { order: orderSnapshot(order), delivery };
}

export async function cancelOrder(state: LansmartState, orderId: string, input: { reason?: string }, overrides: SendingOverrides = {}): Promise<CompanyActionResult> {
  const order = orderOrFail(state, orderId);
  assertTransitionAllowed(order, 'order.cancel');
  const reason = input.reason ?? DEFAULT_CANCEL_REASON;
  const event = platformEvent(order, 'order.cancelled', { reason });
  order.cancellation = { reason, at: new Date().toISOString() };
  applyTransition(order, 'order.cancel', { eventId: event.eventId });
  const delivery = await emitPlatformEvent(state, event, overrides);
  return { order: orderSnapshot(order), delivery };
}

/**
 * 期日超過承認: the platform approves the payment notice on the partner's behalf and tells renkei
 * (`payment_notice.overdue_approved`), as it tells every other change of the order.
 */
export async function approveOverduePaymentNotice(state: LansmartState, orderId: string, overrides: SendingOverrides = {}): Promise<CompanyActionResult> {
  const order = orderOrFail(state, orderId);
  assertTransitionAllowed(order, 'payment_notice.overdue_approve');
  const notice = order.paymentNotice;
  if (notice === null) throw lansmartError(409, 'INVALID_STATE', '支払通知書がありません', { status: order.status });
  const at = new Date().toISOString();
  const event = platformEvent(order, 'payment_notice.overdue_approved', { paymentNoticeId: notice.paymentNoticeId, approvedAt: at });
  notice.approvedAt = at;
  notice.approvedBy = 'overdue';
  applyTransition(order, 'payment_notice.overdue_approve', { eventId: event.eventId }, at);
  const delivery = await emitPlatformEvent(state, event, overrides);
  return { order: orderSnapshot(order), delivery };
}
