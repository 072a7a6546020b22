// What every order page starts from: the signed-in partner and their order. Without a session a
// page goes to LINEでログイン and comes back to itself; a form posted without one comes back to
// the page the form was on (a form post cannot be replayed after the login). An order that is not
// this partner's is the not-found page.
import type { Request, Response } from 'express';
import type { OrderView } from '../../common/orders/order-view';
import type { PartnerWebContext } from './context';
import { sendErrorPage } from '../web/error-pages';
import { doneParam, orderIdParam, orderPaths, partnerOrder } from './partner-order';
import type { PartnerSession } from '../web/session';

export interface OrderContext {
  session: PartnerSession;
  order: OrderView;
  /** The page follows a step the partner just took (`?done=`): show it done. */
  done: boolean;
}

type PageOf = keyof ReturnType<typeof orderPaths>;

/** The partner and their order, or undefined when the answer was sent already (login, 404). */
export async function orderContext(pw: PartnerWebContext, req: Request, res: Response, formPage: PageOf = 'order'): Promise<OrderContext | undefined> {
  let session: PartnerSession | undefined;
  if (req.method === 'GET' || req.method === 'HEAD') {
    session = await pw.sessions.readOrLogin(req, res);
    if (!session) return undefined;
  } else {
    session = await pw.sessions.read(req);
    if (!session) {
      const id = orderIdParam.safeParse(req.params.orderId);
      const back = id.success ? orderPaths(id.data)[formPage] : '/partner';
      res.redirect(303, `/partner/login?return_to=${encodeURIComponent(back)}`);
      return undefined;
    }
  }
  const done = req.method === 'GET' ? doneParam.safeParse(req.query.done) : undefined;
  const order = await partnerOrder(pw, session, req.params.orderId, done?.success ? done.data : 0);
  if (!order) {
    sendErrorPage(req, res, { page: 'partner', code: 'not_found' });
    return undefined;
  }
  return { session, order, done: done?.success === true };
}
