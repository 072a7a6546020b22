// The partner's pages for each order step and the in-app notifications, mounted as one router:
// home (/partner) and the notifications API, the purchase order, the work report, the invoice and
// the payment notice. Each page needs the partner session (else LINEでログイン, then back).
import { Router } from 'express';
import type { PartnerWebContext } from './context';
import { invoiceRoutes } from './invoice-routes';
import { notificationRoutes } from './notification-routes';
import { orderRoutes } from './order-routes';
import { paymentNoticeRoutes } from './payment-notice-routes';
import { reportRoutes } from './report-routes';

export function partnerOrderPagesRouter(pw: PartnerWebContext): Router {
  const router = Router();
  router.use(notificationRoutes(pw));
  router.use(orderRoutes(pw));
  router.use(reportRoutes(pw));
  router.use(invoiceRoutes(pw));
  router.use(paymentNoticeRoutes(pw));
  return router;
}
