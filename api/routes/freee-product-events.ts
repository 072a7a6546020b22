// POST /events/freee-products: renkei's signed event endpoint for freee products without webhooks
// (docs/design.md §3). The signature and a 5-minute timestamp window are checked on the raw body, the event
// validated, and `notify:freee:{product}-{id}` started; a redelivery is a duplicate.
import express, { Router } from 'express';
import { HttpError } from '../errors';
import { countingRejections, parseRawBody, rawBodyOf } from '../raw-json';
import { freeeProductEventSchema, toProductEvent } from '../schemas/freee-product-event';
import { checkTimestampedSignature } from '../signatures';
import { startFreeeNotification } from '../temporal/start-notification';
import type { ApiDeps } from '../deps';

export function freeeProductEventsRouter(deps: ApiDeps): Router {
  const router = Router();
  const count = (outcome: string): void => deps.metrics.webhooks.inc({ source: 'freee-product', outcome });

  router.post('/events/freee-products', express.raw({ type: () => true, limit: deps.config.API_BODY_LIMIT }), async (req, res) => {
    const secret = deps.config.FREEE_PRODUCT_EVENT_SECRET;
    if (!secret) throw new HttpError(503, 'endpoint_disabled', 'Product events are not configured (FREEE_PRODUCT_EVENT_SECRET is not set).');
    const event = await countingRejections(count, () => {
      const check = checkTimestampedSignature(rawBodyOf(req.body), req.get('x-renkei-signature'), req.get('x-renkei-timestamp'), secret);
      if (check === 'stale') throw new HttpError(401, 'stale_signature', 'X-Renkei-Timestamp is more than 5 minutes away from now; sign the request again.');
      if (check !== 'ok') throw new HttpError(401, 'invalid_signature', 'X-Renkei-Signature is missing or does not match the body.');
      return Promise.resolve(toProductEvent(parseRawBody(freeeProductEventSchema, req.body, 'product event')));
    });
    const { workflowId, outcome } = await startFreeeNotification(deps.temporal, deps.metrics, deps.config.TEMPORAL_TASK_QUEUE, event);
    count(outcome === 'started' ? 'accepted' : 'duplicate');
    res.status(outcome === 'started' ? 202 : 200).json({ status: outcome === 'started' ? 'accepted' : 'duplicate', workflowId, requestId: req.id });
  });
  return router;
}
