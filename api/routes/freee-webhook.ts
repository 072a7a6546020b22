// POST /webhooks/freee: freee's webhook. Checks x-freee-token in constant time on the raw request,
// validates the body, and starts `notify:freee:{eventId}`; the workflow ID makes a redelivered
// event a no-op. Answers fast: delivery happens in the workflow.
import express, { Router } from 'express';
import { secretEquals } from '../constant-time';
import { HttpError } from '../errors';
import { parseRawJson } from '../raw-json';
import { freeeWebhookSchema, isSupportedResource, toFreeeEvent } from '../schemas/freee-webhook';
import { startFreeeNotification } from '../temporal/start-notification';
import type { ApiDeps } from '../deps';

export function freeeWebhookRouter(deps: ApiDeps): Router {
  const router = Router();
  const count = (outcome: string): void => deps.metrics.webhooks.inc({ source: 'freee', outcome });

  router.post('/webhooks/freee', express.raw({ type: () => true, limit: deps.config.API_BODY_LIMIT }), async (req, res) => {
    const token = req.get('x-freee-token');
    if (!secretEquals(token, deps.config.FREEE_WEBHOOK_TOKEN)) {
      count('rejected');
      throw new HttpError(401, 'invalid_token', 'The x-freee-token header is missing or does not match the webhook verification token.');
    }
    let json: unknown;
    try {
      json = parseRawJson(req.body);
    } catch (err) {
      count('rejected');
      throw err;
    }
    const parsed = freeeWebhookSchema.safeParse(json);
    if (!parsed.success) {
      count('rejected');
      throw new HttpError(400, 'invalid_event', 'The event does not match the freee webhook schema.', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    const { resource } = parsed.data;
    if (!isSupportedResource(resource)) {
      count('rejected');
      throw new HttpError(422, 'unsupported_event', `Events of resource "${resource}" are not handled.`);
    }
    const event = toFreeeEvent(parsed.data, resource);
    if (typeof event === 'string') {
      count('rejected');
      throw new HttpError(400, 'invalid_event', event);
    }
    const { workflowId, outcome } = await startFreeeNotification(deps.temporal, deps.metrics, deps.config.TEMPORAL_TASK_QUEUE, event);
    count(outcome === 'started' ? 'accepted' : 'duplicate');
    req.log.info({ workflowId, outcome }, 'freee event');
    res.status(outcome === 'started' ? 202 : 200).json({ status: outcome === 'started' ? 'accepted' : 'duplicate', workflowId, requestId: req.id });
  });
  return router;
}
