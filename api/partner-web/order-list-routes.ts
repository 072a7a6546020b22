// GET /partner/orders: the signed-in partner's orders, newest first, paged with `?before=` — read
// from the orders read model, so the list shows whether or not a worker is running.
import { Router } from 'express';
import { z } from 'zod';
import type { PartnerWebContext } from './context';
import { listOrderViews, orderCursorParam } from './order-view-store';
import { pageRoute, partnerPageContext, sendPage } from './page-handler';
import { orderListPage } from './pages/order-list';
import { sendErrorPage } from '../web/error-pages';

export const ORDER_LIST_PAGE_SIZE = 20;

const orderListQuery = z.object({ before: orderCursorParam.optional() });

export function orderListRoutes(pw: PartnerWebContext): Router {
  const router = Router();
  router.get(
    '/partner/orders',
    pageRoute(async (req, res) => {
      const session = await pw.sessions.readOrLogin(req, res);
      if (!session) return;
      const query = orderListQuery.safeParse({ before: req.query.before });
      if (!query.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const page = await listOrderViews(session, { limit: ORDER_LIST_PAGE_SIZE, before: query.data.before });
      sendPage(res, 200, orderListPage(partnerPageContext(req, res), page, query.data.before !== undefined));
    }),
  );
  return router;
}
