// Notification status for operators (JSON, behind the operator token) and people (HTML, signed in
// with freee: only their own delivery of their business's notification — anything else is the same
// not-found page as an unknown event), answered by the notification workflow's status query:
// Temporal is the source of truth for process state.
import { WorkflowNotFoundError } from '@temporalio/client';
import { Router, type Request } from 'express';
import { notificationWorkflowId } from '../../common/ids';
import { notificationStatusQuery } from '../../common/notify/messages';
import type { NotificationState } from '../../common/notify/types';
import { HttpError } from '../errors';
import { operatorAuth } from '../middleware/operator-auth';
import { ownDelivery } from '../notifications/own-delivery';
import { notFoundPage, notificationStatusPage } from '../pages/notification-status';
import type { ApiDeps } from '../deps';
import type { WebContext } from '../web/context';
import { pageContext } from '../web/page-context';

const EVENT_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function notificationsRouter(deps: ApiDeps, web: WebContext): Router {
  const router = Router();
  router.use('/api/notifications', operatorAuth(deps.config.OPERATOR_API_TOKEN));

  async function stateOf(req: Request): Promise<NotificationState | null> {
    const eventId = String(req.params.eventId);
    if (!EVENT_ID.test(eventId)) throw new HttpError(400, 'invalid_event_id', 'The event ID must be 1–100 of A–Z a–z 0–9 _ -.');
    const handle = deps.temporal.workflow.getHandle(notificationWorkflowId('freee', eventId));
    try {
      // A finished workflow answers from its result (no worker needed); a running one from its query.
      const { status } = await handle.describe();
      if (status.name === 'COMPLETED') return (await handle.result()) as NotificationState;
      if (status.name === 'RUNNING') return await handle.query(notificationStatusQuery);
      throw new HttpError(409, 'notification_ended', `The notification workflow ended as ${status.name}.`);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  router.get('/api/notifications/freee/:eventId', async (req, res) => {
    const state = await stateOf(req);
    if (!state) throw new HttpError(404, 'not_found', 'No notification for this event.');
    res.json(state);
  });

  router.get('/notifications/freee/:eventId', async (req, res) => {
    const eventId = String(req.params.eventId);
    if (!EVENT_ID.test(eventId)) {
      res.status(400).type('html').send(notFoundPage(pageContext(req, res), 'badEventId'));
      return;
    }
    const session = await web.sessions.readOrLogin(req, res);
    if (!session) return;
    const state = await stateOf(req).catch((err: unknown) => {
      // A notification that ended abnormally is not the person's business either.
      if (err instanceof HttpError && err.status === 409) return null;
      throw err;
    });
    const own = state ? ownDelivery(state, session) : undefined;
    if (!own) {
      res.status(404).type('html').send(notFoundPage(pageContext(req, res), 'noSuchNotification'));
      return;
    }
    res.type('html').send(notificationStatusPage(pageContext(req, res), own, session.companyName || session.companyId));
  });
  return router;
}
