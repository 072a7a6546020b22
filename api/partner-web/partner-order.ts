// The order a partner's page is about: the order ID of the path (checked), its state from the order
// workflow (the source of truth; its status query answers ended orders too), and only when the
// order is this partner's — any other order is "not found", the same as an unknown one. Also the
// paths of each step's page, and the page where an order currently stands.
import { z } from 'zod';
import type { OrderState, OrderStatusName } from '../../common/orders/types';
import { OrderNotRunningError } from '../temporal/order-commands';
import type { PartnerWebContext } from './context';
import type { PartnerSession } from '../web/session';

export const orderIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export async function partnerOrder(pw: PartnerWebContext, session: PartnerSession, rawOrderId: unknown): Promise<OrderState | undefined> {
  const orderId = orderIdParam.safeParse(rawOrderId);
  if (!orderId.success) return undefined;
  let state: OrderState;
  try {
    state = await pw.orders.status(orderId.data);
  } catch (err) {
    if (err instanceof OrderNotRunningError) return undefined;
    throw err;
  }
  return state.partnerId === session.partnerId && state.companyId === session.companyId ? state : undefined;
}

export const orderPaths = (orderId: string) => {
  const base = `/partner/orders/${encodeURIComponent(orderId)}`;
  return {
    order: base,
    approve: `${base}/approve`,
    bankAccount: `${base}/bank-account`,
    basicInfo: `${base}/basic-info`,
    report: `${base}/report`,
    reportFiles: `${base}/report/files`,
    invoice: `${base}/invoice`,
    paymentNotice: `${base}/payment-notice`,
  };
};

/** The page of the step the order waits for (or that shows how it ended). */
export function currentStepPath(orderId: string, status: OrderStatusName): string {
  const p = orderPaths(orderId);
  switch (status) {
    case 'ordered':
    case 'approved':
    case 'cancelled':
      return p.order;
    case 'reporting':
      return p.report;
    case 'work_registered':
    case 'invoiced':
    case 'remanded':
      return p.invoice;
    case 'payment_notice_issued':
    case 'closed':
      return p.paymentNotice;
  }
}
