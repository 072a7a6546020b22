// /partner/orders/:orderId/payment-notice — from 「支払通知書を確認してください」 and 「支払通知書の
// 承認が完了しました」: the notice and [承認する] (payment_notice.approve as an update of the order
// workflow, recorded on the platform), or how the notice was approved — by the partner, or on their
// behalf when its due date passed (期日超過承認).
import { Router } from 'express';
import { refusePartnerAction } from '../../common/orders/transitions';
import type { PartnerWebContext } from './context';
import { orderContext } from './order-context';
import { donePath, orderPaths, partnerOrder } from './partner-order';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { paymentNoticeApprovedPage, paymentNoticeClosedView, paymentNoticePage } from './pages/payment-notice-pages';
import { sendStepRefusal, takeStep } from './step';
import { formBodyOf } from '../edge/form-body';
import { sendErrorPage } from '../web/error-pages';

const noticeForm = (orderId: string) => `payment-notice:${orderId}`;

export function paymentNoticeRoutes(pw: PartnerWebContext): Router {
  const router = Router();

  router.get(
    '/partner/orders/:orderId/payment-notice',
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'paymentNotice');
      if (!c) return;
      const { session, order } = c;
      const ctx = partnerPageContext(req, res);
      const notice = order.paymentNotice;
      // After [承認する] (Post/Redirect/Get): the result, read from the version the step wrote.
      if (c.done && order.closedBy === 'partner') return sendPage(res, 200, paymentNoticeApprovedPage(ctx));
      if (notice && order.status === 'payment_notice_issued') {
        return sendPage(res, 200, paymentNoticePage(ctx, order, notice, pw.sessions.formToken(session, noticeForm(order.orderId))));
      }
      if (notice && order.status === 'closed') return sendPage(res, 200, paymentNoticeClosedView(ctx, order, notice));
      const refusal = refusePartnerAction('payment_notice.approve', order.status) ?? { reason: 'not_yet', status: order.status };
      sendStepRefusal(req, res, { kind: 'refused', ...refusal }, 'payment_notice.approve', order.orderId);
    }),
  );

  router.post(
    '/partner/orders/:orderId/payment-notice',
    formBody(),
    pageRoute(async (req, res) => {
      const c = await orderContext(pw, req, res, 'paymentNotice');
      if (!c) return;
      const { session, order } = c;
      const token = pw.sessions.checkFormToken(session, noticeForm(order.orderId), formBodyOf(req.body));
      if (!token) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
      const outcome = await takeStep(pw, session, order.orderId, { type: 'payment_notice.approve' }, token.rid);
      if (outcome.kind === 'done') return res.redirect(303, donePath(orderPaths(order.orderId).paymentNotice, outcome.viewVersion));
      // Approved on the partner's behalf meanwhile: the page says so rather than "cannot".
      if (outcome.kind === 'refused' && outcome.reason === 'order_closed') {
        const now = await partnerOrder(pw, session, order.orderId);
        if (now?.status === 'closed' && now.closedBy === 'overdue_approval' && now.paymentNotice) return res.redirect(303, orderPaths(order.orderId).paymentNotice);
      }
      sendStepRefusal(req, res, outcome, 'payment_notice.approve', order.orderId);
    }),
  );

  return router;
}
