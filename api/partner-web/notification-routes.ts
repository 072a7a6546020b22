// The in-app channel for the signed-in partner: the home page /partner (notifications newest first,
// unread marked and counted; opening one marks it read and goes to its page), and the JSON API
// `GET /api/partner/notifications` (`{ unread, items, nextBefore }`, paged with `?before=` and
// `limit`) and `POST /api/partner/notifications/:id/read` (CSRF token in `X-CSRF-Token`).
import { Router, type Request } from 'express';
import { z } from 'zod';
import { HttpError } from '../errors';
import type { PartnerWebContext } from './context';
import { formBodyOf, formString } from '../edge/form-body';
import { cursorParam, listNotifications, markRead, notificationIdParam, countUnread, type PartnerNotification } from './notification-store';
import { LOGOUT_FORM } from './login-routes';
import { listOrderViews } from './order-view-store';
import { formBody, pageRoute, partnerPageContext, sendPage } from './page-handler';
import { homePage } from './pages/home-page';
import type { PartnerSession } from '../web/session';
import { sendErrorPage } from '../web/error-pages';

/** The CSRF form name of the notification actions (the home page's forms and the API). */
const NOTIFICATIONS_FORM = 'notifications';
const HOME_PAGE_SIZE = 20;
/** The newest orders the home page shows (all of them on /partner/orders). */
const HOME_ORDERS = 5;

export const notificationsPageQuery = z.object({
  before: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(HOME_PAGE_SIZE),
});

/** Where an opened notification may lead: renkei's partner pages only (no open redirect). */
const safePartnerPath = (path: string): string => (/^\/partner(\/[A-Za-z0-9_\-./%]*)?$/.test(path) && !path.includes('//') ? path : '/partner');

const itemJson = (n: PartnerNotification) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  path: n.path,
  orderId: n.orderId,
  createdAt: n.createdAt.toISOString(),
  read: n.readAt !== null,
  readAt: n.readAt?.toISOString() ?? null,
  done: n.doneAt !== null,
  doneAt: n.doneAt?.toISOString() ?? null,
});

export function notificationRoutes(pw: PartnerWebContext): Router {
  const router = Router();

  router.get(
    '/partner',
    pageRoute(async (req, res) => {
      const session = await pw.sessions.readOrLogin(req, res);
      if (!session) return;
      const query = notificationsPageQuery.safeParse({ before: req.query.before, limit: HOME_PAGE_SIZE });
      if (!query.success) return sendErrorPage(req, res, { page: 'partner', code: 'bad_request' });
      const [page, orders] = await Promise.all([listNotifications(session.partnerId, query.data), listOrderViews(session, { limit: HOME_ORDERS })]);
      sendPage(
        res,
        200,
        homePage(partnerPageContext(req, res), {
          displayName: session.displayName,
          page,
          csrf: pw.sessions.csrfToken(session, NOTIFICATIONS_FORM),
          older: query.data.before !== undefined,
          orders: { items: orders.items, more: orders.nextBefore !== null },
          logoutCsrf: pw.sessions.csrfToken(session, LOGOUT_FORM),
        }),
      );
    }),
  );

  router.post(
    '/partner/notifications/:id/open',
    formBody(),
    pageRoute(async (req, res) => {
      const session = await pw.sessions.read(req);
      if (!session) return res.redirect(303, `/partner/login?return_to=${encodeURIComponent('/partner')}`);
      if (!pw.sessions.csrfValid(session, NOTIFICATIONS_FORM, formString(formBodyOf(req.body), 'csrf'))) return sendErrorPage(req, res, { page: 'partner', code: 'forbidden' });
      const id = notificationIdParam.safeParse(req.params.id);
      const opened = id.success ? await markRead(session.partnerId, id.data) : undefined;
      if (!opened) return sendErrorPage(req, res, { page: 'partner', code: 'notification_not_found' });
      res.redirect(303, safePartnerPath(opened.path));
    }),
  );

  async function apiSession(req: Request): Promise<PartnerSession> {
    const session = await pw.sessions.read(req);
    if (!session) throw new HttpError(401, 'unauthenticated', 'Sign in as a partner first (LINEでログイン).');
    return session;
  }

  router.get('/api/partner/notifications', async (req, res) => {
    const session = await apiSession(req);
    const query = notificationsPageQuery.safeParse(req.query);
    if (!query.success) {
      throw new HttpError(400, 'invalid_query', '`before` must be a cursor from `nextBefore` and `limit` an integer from 1 to 100.', z.flattenError(query.error).fieldErrors);
    }
    const page = await listNotifications(session.partnerId, query.data);
    res.set('Cache-Control', 'no-store').json({
      unread: page.unread,
      items: page.items.map(itemJson),
      nextBefore: page.nextBefore,
      csrfToken: pw.sessions.csrfToken(session, NOTIFICATIONS_FORM),
    });
  });

  router.post('/api/partner/notifications/:id/read', async (req, res) => {
    const session = await apiSession(req);
    if (!pw.sessions.csrfValid(session, NOTIFICATIONS_FORM, req.get('x-csrf-token'))) {
      throw new HttpError(403, 'invalid_csrf_token', 'X-CSRF-Token is missing or is not this session’s (take it from GET /api/partner/notifications).');
    }
    const id = notificationIdParam.safeParse(req.params.id);
    const read = id.success ? await markRead(session.partnerId, id.data) : undefined;
    if (!id.success || !read) throw new HttpError(404, 'not_found', 'No such notification for this partner.');
    res.json({ id: id.data, read: true, readAt: read.readAt.toISOString(), unread: await countUnread(session.partnerId) });
  });

  return router;
}
