// freee control routes (under /_emulator): seeding companies, users and apps; revoking or expiring
// a user's tokens; the accounting webhook (configure the receiver, deliver an event, optionally
// with a wrong token or a malformed body, list deliveries); and product events for renkei's
// signed event endpoint (configure, deliver, list).

import { Router, type Request } from 'express';
import { HttpError } from '../harness/http-error';
import { parseControlInput } from '../harness/validate';
import { deliverProductEvent } from './product-event-delivery';
import { productEventConfigSchema, productEventDeliverSchema } from './product-event';
import { freeeSeedSchema } from './seed-schema';
import type { FreeeState } from './state';
import { deliverWebhook } from './webhook-delivery';
import { deliverRequestSchema, webhookConfigSchema, type WebhookDeliveryResult } from './webhook-event';

export function createFreeeControlRouter(state: FreeeState): Router {
  const router = Router();

  router.post('/seed', (req, res) => {
    state.seed(parseControlInput(freeeSeedSchema, req.body));
    res.json({ ok: true, companies: [...state.companies.keys()], users: [...state.users.keys()], apps: [...state.apps.keys()] });
  });

  const userOf = (req: Request): number => {
    const userId = Number(req.params.userId);
    if (!state.users.has(userId)) throw new HttpError(404, { error: 'UNKNOWN_USER', message: `user ${String(req.params.userId)} is not seeded` });
    return userId;
  };

  router.post('/users/:userId/revoke-tokens', (req, res) => {
    const userId = userOf(req);
    res.json({ ok: true, userId, revokedGrants: state.tokens.revokeUser(userId) });
  });

  router.post('/users/:userId/expire-tokens', (req, res) => {
    const userId = userOf(req);
    state.tokens.expireUserAccess(userId);
    res.json({ ok: true, userId });
  });

  // --- accounting webhooks ---

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

  // --- product events (renkei's signed event endpoint) ---

  router.post('/product-events/config', (req, res) => {
    state.productEventConfig = parseControlInput(productEventConfigSchema, req.body);
    res.json({ ok: true, targetUrl: state.productEventConfig.targetUrl });
  });

  router.post('/product-events/deliver', async (req, res) => {
    const request = parseControlInput(productEventDeliverSchema, req.body);
    const targetUrl = request.targetUrl ?? state.productEventConfig?.targetUrl;
    const secret = request.secret ?? state.productEventConfig?.secret;
    if (targetUrl === undefined || secret === undefined) {
      throw new HttpError(409, { error: 'NOT_CONFIGURED', message: 'give targetUrl and secret, or POST /_emulator/product-events/config first' });
    }
    const original: unknown = (req.body as { event?: unknown }).event;
    const delivery = await deliverProductEvent({
      targetUrl,
      secret,
      body: request.rawBody ?? JSON.stringify(original),
      timestamp: request.timestamp ?? Math.floor(Date.now() / 1000),
      ...(request.signatureOverride === undefined ? {} : { signatureOverride: request.signatureOverride }),
    });
    state.productDeliveries.push(delivery);
    res.json(delivery);
  });

  router.get('/product-events/deliveries', (_req, res) => {
    res.json(state.productDeliveries);
  });

  return router;
}
