// freee control routes (under /_emulator): configure the webhook receiver, deliver an event to
// it (optionally with a wrong token or a malformed body), list past deliveries.

import { Router } from 'express';
import { HttpError } from '../harness/http-error';
import { parseControlInput } from '../harness/validate';
import type { FreeeState } from './state';
import { deliverWebhook } from './webhook-delivery';
import { deliverRequestSchema, webhookConfigSchema, type WebhookDeliveryResult } from './webhook-event';

export function createFreeeControlRouter(state: FreeeState): Router {
  const router = Router();

  router.post('/webhook-config', (req, res) => {
    state.webhookConfig = parseControlInput(webhookConfigSchema, req.body);
    res.json({ ok: true, targetUrl: state.webhookConfig.targetUrl });
  });

  router.get('/webhook-config', (_req, res) => {
    res.json(state.webhookConfig ?? null);
  });

  router.post('/webhooks/deliver', async (req, res) => {
    const request = parseControlInput(deliverRequestSchema, req.body);
    const config = state.webhookConfig;
    if (config === undefined) throw new HttpError(409, { error: 'NOT_CONFIGURED', message: 'POST /_emulator/webhook-config first' });
    // Send the event exactly as given (validated above), not zod's re-ordered copy.
    const original: unknown = (req.body as { event?: unknown }).event;
    const delivery = await deliverWebhook(config, {
      body: request.rawBody ?? JSON.stringify(original),
      token: request.tokenOverride ?? config.verificationToken,
    });
    state.recordDelivery(delivery);
    const result: WebhookDeliveryResult = { status: delivery.status, body: delivery.body };
    if (delivery.error !== undefined) result.error = delivery.error;
    res.json(result);
  });

  router.get('/webhooks/deliveries', (_req, res) => {
    res.json(state.listDeliveries());
  });

  return router;
}
