// POST /webhooks/line: the LINE Messaging API webhook. The signature is checked on the raw body
// (constant time), an empty batch (LINE's connectivity check) is answered 200, and each event is
// handled once per webhookEventId; the answer comes well within LINE's 2 seconds because the work
// itself runs in workflows.
import express, { Router } from 'express';
import { HttpError } from '../errors';
import { handleLineEvent, WEBHOOK_ANSWER_BUDGET_MS, type LineEventDeps } from '../lansmart/line-event-handler';
import { countingRejections, parseRawBody, rawBodyOf } from '../raw-json';
import { lineWebhookSchema } from '../schemas/line-webhook';
import { lineSignatureValid } from '../signatures';
import type { ApiDeps } from '../deps';

export function lineWebhookRouter(deps: ApiDeps, events: LineEventDeps): Router {
  const router = Router();
  const count = (outcome: string): void => deps.metrics.webhooks.inc({ source: 'line', outcome });

  router.post('/webhooks/line', express.raw({ type: () => true, limit: deps.config.API_BODY_LIMIT }), async (req, res) => {
    const body = await countingRejections(count, () => {
      if (!lineSignatureValid(rawBodyOf(req.body), req.get('x-line-signature'), deps.config.LINE_CHANNEL_SECRET)) {
        throw new HttpError(401, 'invalid_signature', 'x-line-signature is missing or does not match the body.');
      }
      return Promise.resolve(parseRawBody(lineWebhookSchema, req.body, 'LINE webhook'));
    });
    const outcomes: string[] = [];
    const answerBy = Date.now() + WEBHOOK_ANSWER_BUDGET_MS;
    for (const event of body.events) {
      const outcome = await handleLineEvent(events, event, answerBy);
      count(outcome);
      outcomes.push(outcome);
    }
    res.status(200).json({ status: 'ok', events: outcomes, requestId: req.id });
  });
  return router;
}
