// POST /events/lansmart: the platform's signed order events. The signature and a 5-minute
// timestamp window are checked on the raw body, the event validated, then `order.created` starts
// `order:{orderId}` and every other event is an update of it (update ID = event ID). Answers:
// 202 applied, 200 duplicate (or already_closed: the platform's 期日超過承認 of an order that has
// closed), 404 unknown order, 409 not possible in the order's state (nothing changed; the platform
// may send it again later), 4xx bad input.
import express, { Router } from 'express';
import { HttpError } from '../errors';
import { toCompanyEvent, toStartOrder } from '../lansmart/company-event';
import { countingRejections, parseRawBody, rawBodyOf } from '../raw-json';
import { lansmartEventSchema } from '../schemas/lansmart-event';
import { checkTimestampedSignature } from '../signatures';
import { OrderCommandError, OrderNotRunningError, type OrderCommands } from '../temporal/order-commands';
import type { ApiDeps } from '../deps';

export function lansmartEventsRouter(deps: ApiDeps, orders: OrderCommands): Router {
  const router = Router();
  const count = (outcome: string): void => deps.metrics.webhooks.inc({ source: 'lansmart', outcome });

  router.post('/events/lansmart', express.raw({ type: () => true, limit: deps.config.API_BODY_LIMIT }), async (req, res) => {
    const secret = deps.config.LANSMART_EVENT_SECRET;
    if (!secret) throw new HttpError(503, 'endpoint_disabled', 'Platform events are not configured (LANSMART_EVENT_SECRET is not set).');
    const event = await countingRejections(count, () => {
      const check = checkTimestampedSignature(rawBodyOf(req.body), req.get('x-renkei-signature'), req.get('x-renkei-timestamp'), secret);
      if (check === 'stale') throw new HttpError(401, 'stale_signature', 'X-Renkei-Timestamp is more than 5 minutes away from now; sign the request again.');
      if (check !== 'ok') throw new HttpError(401, 'invalid_signature', 'X-Renkei-Signature is missing or does not match the body.');
      return Promise.resolve(parseRawBody(lansmartEventSchema, req.body, 'platform event'));
    });
    const answer = (status: number, outcome: string, extra: Record<string, unknown> = {}): void => {
      count(outcome);
      res.status(status).json({ status: outcome, eventId: event.eventId, orderId: event.orderId, requestId: req.id, ...extra });
    };

    if (event.type === 'order.created') {
      const outcome = await orders.start(toStartOrder(event));
      answer(outcome === 'started' ? 202 : 200, outcome === 'started' ? 'accepted' : 'duplicate');
      return;
    }
    const companyEvent = await countingRejections(count, () => Promise.resolve(toCompanyEvent(event, deps.config.REMINDER_HOUR_JST)));
    try {
      const result = await orders.applyCompanyEvent(event.orderId, companyEvent);
      if (result.duplicate) answer(200, 'duplicate', { orderStatus: result.status });
      else answer(202, 'applied', { orderStatus: result.status });
    } catch (err) {
      if (err instanceof OrderNotRunningError) {
        if (!err.state) {
          count('rejected');
          throw new HttpError(404, 'unknown_order', `Order ${event.orderId} is unknown: send order.created first.`);
        }
        if (err.state.appliedEventIds.includes(event.eventId)) return answer(200, 'duplicate', { orderStatus: err.state.status });
        // The platform's 期日超過承認 of an order renkei closed already (its own, or the partner's): nothing to do.
        if (event.type === 'payment_notice.overdue_approved' && err.state.status === 'closed') return answer(200, 'already_closed', { orderStatus: err.state.status });
        count('rejected');
        throw new HttpError(409, 'order_closed', `Order ${event.orderId} has ended (${err.state.status}); nothing changed.`);
      }
      if (err instanceof OrderCommandError) {
        count('rejected');
        throw new HttpError(409, 'invalid_transition', `${event.type} is not possible while the order is ${err.refusal?.status ?? 'in its current state'}; nothing changed.`, err.refusal);
      }
      throw err;
    }
  });
  return router;
}
