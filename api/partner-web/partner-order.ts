// The order a partner's page is about: the order ID of the path (checked), its state from the
// orders read model (written by the order workflow after every change, so the page renders while
// no worker runs), and only when the order is this partner's — any other order is "not found", the
// same as an unknown one. A view older than the version a step answered with (or none yet) is
// replaced by the workflow's own answer (its status query), so a page shows the step it follows.
// Also the paths of each step's page, and the page where an order currently stands.
import { z } from 'zod';
import { orderViewOf, type OrderView } from '../../common/orders/order-view';
import type { OrderStatusName } from '../../common/orders/types';
import { isOutage } from '../errors';
import { OrderNotRunningError } from '../temporal/order-commands';
import type { PartnerWebContext } from './context';
import { readOrderView } from './order-view-store';
import type { PartnerSession } from '../web/session';

export const orderIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export async function partnerOrder(pw: PartnerWebContext, session: PartnerSession, rawOrderId: unknown, minVersion = 0): Promise<OrderView | undefined> {
  const orderId = orderIdParam.safeParse(rawOrderId);
  if (!orderId.success) return undefined;
  const stored = await readOrderView(orderId.data);
  let view = stored;
  if (!view || view.version < minVersion) {
    try {
      const state = await pw.orders.status(orderId.data);
      view = orderViewOf(state, state.viewVersion ?? 0);
    } catch (err) {
      // An unknown order, or no worker to answer: what the read model has, if anything.
      if (!(err instanceof OrderNotRunningError) && !isOutage(err)) throw err;
      if (!stored) {
        if (err instanceof OrderNotRunningError) return undefined;
        throw err;
      }
      view = stored;
    }
  }
  return view.partnerId === session.partnerId && view.companyId === session.companyId ? view : undefined;
}

/**
 * `?done=<version>` on a step's page: the step just taken (Post/Redirect/Get), and the read-model
 * version its answer named, which the page reads at least.
 */
export const doneParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Where a taken step's form redirects: its page, showing the step done, at the version it wrote. */
export function donePath(path: string, viewVersion: number | undefined): string {
  // No version (a run from before versions, or an order that has ended): ask the workflow itself.
  return `${path}?done=${viewVersion ?? Number.MAX_SAFE_INTEGER}`;
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
