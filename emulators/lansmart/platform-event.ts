// The events the platform sends to renkei's signed event endpoint, and the record of each delivery
// (`GET /_emulator/events`). The request is `POST <eventTargetUrl>`, JSON, with
// `X-Renkei-Timestamp: <unix s>` and `X-Renkei-Signature: sha256=<hex HMAC-SHA256(secret,
// "<timestamp>.<raw body>")>`. Pure (types only) so the control client and renkei share them.

import type { DateRange } from './order';

export interface PlatformEventData {
  'order.created': { orderNumber: string; title: string; amountYen: number; workPeriod: DateRange; closingDate: string };
  'work_report.created': { reportId: string; period: DateRange; closingDate: string };
  'invoice.remanded': { invoiceId: string; reason: string };
  'payment_notice.issued': { paymentNoticeId: string; amountYen: number; approvalDueDate: string };
  'order.cancelled': { reason: string };
  /** The platform's own 期日超過承認 of a pending payment notice. */
  'payment_notice.overdue_approved': { paymentNoticeId: string; approvedAt: string };
}

export type PlatformEventType = keyof PlatformEventData;

export type PlatformEvent = {
  [Type in PlatformEventType]: {
    /** UUID, unique per event: the receiver deduplicates on it. Replays keep it. */
    eventId: string;
    type: Type;
    occurredAt: string;
    companyId: string;
    partnerId: string;
    orderId: string;
    data: PlatformEventData[Type];
  };
}[PlatformEventType];

/** One POST of an event (first sending or replay). */
export interface EventDelivery {
  eventId: string;
  type: PlatformEventType;
  /** Empty when no eventTargetUrl was seeded (nothing was sent). */
  targetUrl: string;
  headers: Record<string, string>;
  requestBody: string;
  sentAt: string;
  /** What renkei answered; null when unreachable or not sent. */
  status: number | null;
  body: unknown;
  error?: string;
  /** True for a `POST /_emulator/events/replay` sending. */
  replay: boolean;
}
