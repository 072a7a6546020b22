// Typed client for the Lansmart emulator's control routes, for tests and scripts: seed the
// platform, play the company (orders, work reports, remands, payment notices, cancellation,
// 期日超過承認), read the events sent and the partner actions received, replay events.
// Non-2xx answers throw EmulatorControlError.

import { callControl } from '../harness/control-call';
import type { CancelRequest, CreateOrderRequest, OverdueApprovalRequest, PaymentNoticeRequest, RemandRequest, ReplayRequest, WorkReportRequest } from './control-schema';
import type { Order } from './order';
import type { RecordedPartnerAction } from './partner-action-schema';
import type { EventDelivery } from './platform-event';
import type { LansmartSeed } from './seed-schema';

/** The answer of a company action that sends an event. */
export interface SentCompanyAction {
  order: Order;
  delivery: EventDelivery;
}

export class LansmartControl {
  constructor(readonly baseUrl: string) {}

  async seed(seed: LansmartSeed): Promise<void> {
    await callControl(this.baseUrl, 'POST', '/seed', seed);
  }

  /** 発注書を作成: the order and the order.created sending. */
  createOrder(request: CreateOrderRequest): Promise<SentCompanyAction> {
    return callControl<SentCompanyAction>(this.baseUrl, 'POST', '/orders', request);
  }

  createWorkReport(orderId: string, request: WorkReportRequest = {}): Promise<SentCompanyAction> {
    return callControl<SentCompanyAction>(this.baseUrl, 'POST', `/orders/${encodeURIComponent(orderId)}/work-report`, request);
  }

  remandInvoice(orderId: string, request: RemandRequest): Promise<SentCompanyAction> {
    return callControl<SentCompanyAction>(this.baseUrl, 'POST', `/orders/${encodeURIComponent(orderId)}/remand`, request);
  }

  issuePaymentNotice(orderId: string, request: PaymentNoticeRequest): Promise<SentCompanyAction> {
    return callControl<SentCompanyAction>(this.baseUrl, 'POST', `/orders/${encodeURIComponent(orderId)}/payment-notice`, request);
  }

  cancelOrder(orderId: string, request: CancelRequest = {}): Promise<SentCompanyAction> {
    return callControl<SentCompanyAction>(this.baseUrl, 'POST', `/orders/${encodeURIComponent(orderId)}/cancel`, request);
  }

  /** 期日超過承認 by the platform, and its payment_notice.overdue_approved sending. */
  approveOverdue(orderId: string, request: OverdueApprovalRequest = {}): Promise<SentCompanyAction> {
    return callControl<SentCompanyAction>(this.baseUrl, 'POST', `/orders/${encodeURIComponent(orderId)}/overdue-approval`, request);
  }

  order(orderId: string): Promise<Order> {
    return callControl<Order>(this.baseUrl, 'GET', `/orders/${encodeURIComponent(orderId)}`);
  }

  orders(): Promise<Order[]> {
    return callControl<Order[]>(this.baseUrl, 'GET', '/orders');
  }

  /** Every event sending (first sendings and replays), oldest first. */
  events(): Promise<EventDelivery[]> {
    return callControl<EventDelivery[]>(this.baseUrl, 'GET', '/events');
  }

  /** Re-sends recorded events; answers the sendings in the order they were made. */
  replayEvents(request: ReplayRequest = {}): Promise<EventDelivery[]> {
    return callControl<EventDelivery[]>(this.baseUrl, 'POST', '/events/replay', request);
  }

  partnerActions(): Promise<RecordedPartnerAction[]> {
    return callControl<RecordedPartnerAction[]>(this.baseUrl, 'GET', '/partner-actions');
  }
}
