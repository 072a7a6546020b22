// POST /webhooks/freee: freee's webhook. Checks x-freee-token in constant time on the raw request,
// validates the body, and starts `notify:freee:{eventId}`; the workflow ID makes a redelivered
// event a no-op. Answers fast: delivery happens in the workflow.
import express, { Router } from 'express';
import { secretEquals } from '../constant-time';
import { HttpError } from '../errors';
import { countingRejections, parseRawBody } from '../raw-json';
import { freeeWebhookSchema, isSupportedResource, toFreeeEvent } from '../schemas/freee-webhook';
import { startFreeeNotification } from '../temporal/start-notification';
import type { ApiDeps } from '../deps';

export function freeeWebhookRouter(deps: ApiDeps): Router {
  const router = Router();
  const count = (outcome: string): void => deps.metrics.webhooks.inc({ source: 'freee', outcome });

  router.post('/webhooks/freee', express.raw({ type: () => true, limit: deps.config.API_BODY_LIMIT }), async (req, res) => {
    const event = await countingRejections(count, async () => {
      if (!secretEquals(req.get('x-freee-token'), deps.config.FREEE_WEBHOOK_TOKEN)) {
        throw new HttpError(401, 'invalid_token', 'The x-freee-token header is missing or does not match the webhook verification token.');
      }
      const payload = parseRawBody(freeeWebhookSchema, req.body, 'freee webhook');
      if (!isSupportedResource(payload.resource)) throw new HttpError(422, 'unsupported_event', `Events of resource "${payload.resource}" are not handled.`);
      const reduced = toFreeeEvent(payload, payload.resource);
      if (typeof reduced === 'string') throw new HttpError(400, 'invalid_event', reduced);
      return Promise.resolve(reduced);
    });
    const { workflowId, outcome } = await startFreeeNotification(deps.temporal, deps.metrics, deps.config.TEMPORAL_TASK_QUEUE, event);
    count(outcome === 'started' ? 'accepted' : 'duplicate');
    req.log.info({ workflowId, outcome }, 'freee event');
    res.status(outcome === 'started' ? 202 : 200).json({ status: outcome === 'started' ? 'accepted' : 'duplicate', workflowId, requestId: req.id });
  });
  return router;
}
