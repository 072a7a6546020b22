// LINE WORKS control routes (under /_emulator): seeding, delivered messages, revoking or restoring
// a tenant's authorisation and expiring its tokens; installations (install / uninstall without the
// admin pages, lifecycle deliveries and redelivery); bots (secret and callback URL, sending a
// callback now, sent callbacks, a user's effective rich menu); what people did in talk rooms.

import { Router, type Request } from 'express';
import { z } from 'zod';
import { HttpError } from '../harness/http-error';
import { optionalQueryParam, parseControlInput } from '../harness/validate';
import type { BotCallbackEvent } from './callback-event';
import { controlCallbackSchema } from './callback-event';
import { callbackSource, sendBotCallback } from './callback-delivery';
import { installApp, redeliverLastLifecycleEvent, uninstallApp } from './install';
import { botSettingsSchema, controlInstallSchema, controlUninstallSchema } from './installation-types';
import { botInfo, installationInfo, type Bot } from './installations';
import type { EffectiveRichMenu } from './richmenu-schema';
import { richMenuView } from './richmenus';
import { lineWorksSeedSchema } from './seed-schema';
import type { LineWorksState, RegisteredApp, Tenant } from './state';

const messageFilterSchema = z.object({
  tenantId: optionalQueryParam(),
  botId: optionalQueryParam(),
  userId: optionalQueryParam(),
});
const installationFilterSchema = z.object({ tenantId: optionalQueryParam(), clientId: optionalQueryParam() });
const talkFilterSchema = z.object({ botId: optionalQueryParam(), userId: optionalQueryParam() });

const notFound = (error: string, message: string): HttpError => new HttpError(404, { error, message });

export function createLineWorksControlRouter(state: LineWorksState): Router {
  const router = Router();

  const tenantOf = (req: Request): Tenant => {
    const tenant = state.tenants.get(String(req.params.tenantId));
    if (tenant === undefined) throw notFound('UNKNOWN_TENANT', `tenant ${String(req.params.tenantId)} is not seeded`);
    return tenant;
  };
  const appOf = (req: Request): RegisteredApp => {
    const app = state.apps.get(String(req.params.clientId));
    if (app === undefined) throw notFound('UNKNOWN_APP', `app ${String(req.params.clientId)} is not seeded`);
    return app;
  };
  const botOf = (req: Request): Bot => {
    const bot = state.installations.bots.get(String(req.params.botId));
    if (bot === undefined) throw notFound('UNKNOWN_BOT', `bot ${String(req.params.botId)} does not exist`);
    return bot;
  };

  router.post('/seed', async (req, res) => {
    await state.seed(parseControlInput(lineWorksSeedSchema, req.body));
    res.json({ ok: true, apps: [...state.apps.keys()], tenants: [...state.tenants.keys()] });
  });

  router.get('/messages', (req, res) => {
    res.json(state.listMessages(parseControlInput(messageFilterSchema, req.query)));
  });

  const tenantAction = (path: string, action: (tenantId: string) => void): void => {
    router.post(`/tenants/:tenantId/${path}`, (req, res) => {
      const { tenantId } = tenantOf(req);
      action(tenantId);
      res.json({ ok: true, tenantId, revoked: state.revokedTenants.has(tenantId) });
    });
  };
  tenantAction('revoke', (tenantId) => state.revoke(tenantId));
  tenantAction('restore', (tenantId) => state.restore(tenantId));
  tenantAction('expire-tokens', (tenantId) => state.tokens.expireTenantAccess(tenantId));

  // --- installations ---

  router.get('/installations', (req, res) => {
    res.json(state.installations.list(parseControlInput(installationFilterSchema, req.query)).map(installationInfo));
  });

  router.post('/apps/:clientId/tenants/:tenantId/install', (req, res) => {
    const app = appOf(req);
    const tenant = tenantOf(req);
    const { members } = parseControlInput(controlInstallSchema, req.body ?? {});
    res.status(201).json(installationInfo(installApp(state, tenant, app, members)));
  });

  router.post('/apps/:clientId/tenants/:tenantId/uninstall', async (req, res) => {
    const app = appOf(req);
    const tenant = tenantOf(req);
    const installation = state.installations.active(tenant.tenantId, app.clientId);
    if (installation === undefined) throw notFound('NOT_INSTALLED', `app ${app.clientId} is not installed in tenant ${tenant.tenantId}`);
    const { notifyApp } = parseControlInput(controlUninstallSchema, req.body ?? {});
    const delivery = await uninstallApp(state, installation, { notifyApp });
    res.json({ installation: installationInfo(installation), delivery: delivery ?? null });
  });

  router.get('/apps/:clientId/lifecycle', (req, res) => {
    const app = appOf(req);
    res.json(state.lifecycle.filter((delivery) => delivery.clientId === app.clientId));
  });

  router.post('/apps/:clientId/lifecycle/redeliver', async (req, res) => {
    const delivery = await redeliverLastLifecycleEvent(state, appOf(req));
    if (delivery === undefined) throw notFound('NO_EVENT', 'the app has no lifecycle event to redeliver');
    res.json(delivery);
  });

  // --- bots ---

  router.get('/bots/:botId', (req, res) => {
    const bot = botOf(req);
    res.json(botInfo(bot, state.apps.get(bot.clientId)));
  });

  router.patch('/bots/:botId', (req, res) => {
    const bot = botOf(req);
    const settings = parseControlInput(botSettingsSchema, req.body);
    if (settings.callbackUrl === null) delete bot.callbackUrl;
    else if (settings.callbackUrl !== undefined) bot.callbackUrl = settings.callbackUrl;
    if (settings.botSecret !== undefined) bot.botSecret = settings.botSecret;
    res.json(botInfo(bot, state.apps.get(bot.clientId)));
  });

  router.post('/bots/:botId/callbacks', async (req, res) => {
    const bot = botOf(req);
    const request = parseControlInput(controlCallbackSchema, req.body);
    const tenant = state.tenants.get(bot.tenantId);
    const userId = (tenant === undefined ? undefined : state.findUser(tenant, request.userId)?.userId) ?? request.userId;
    const issuedTime = new Date().toISOString();
    let event: BotCallbackEvent;
    if (request.type === 'postback') event = { type: 'postback', source: callbackSource(bot, userId, request.channelId), data: request.data, issuedTime };
    else if (request.type === 'message') {
      const content = { type: 'text' as const, text: request.text, ...(request.postback === undefined ? {} : { postback: request.postback }) };
      event = { type: 'message', source: callbackSource(bot, userId, request.channelId), content, issuedTime };
    } else event = { type: 'begin', source: callbackSource(bot, userId), issuedTime };
    const payload = request.rawBody === undefined ? { event } : { rawBody: request.rawBody };
    res.json(await sendBotCallback(state, bot, payload, request.signatureOverride === undefined ? {} : { signatureOverride: request.signatureOverride }));
  });

  router.get('/bots/:botId/callbacks', (req, res) => {
    const bot = botOf(req);
    res.json(state.callbacks.filter((callback) => callback.botId === bot.botId));
  });

  router.get('/bots/:botId/users/:userId/richmenu', (req, res) => {
    const bot = botOf(req);
    const tenant = state.tenants.get(bot.tenantId);
    const userId = (tenant === undefined ? undefined : state.findUser(tenant, String(req.params.userId))?.userId) ?? String(req.params.userId);
    const effective = state.richMenus.effective(bot.botId, userId);
    if (effective === undefined) {
      res.json(null);
      return;
    }
    const image = effective.menu.image;
    const view: EffectiveRichMenu = {
      ...richMenuView(effective.menu),
      source: effective.source,
      image: image === undefined ? null : { fileId: image.fileId, fileName: image.fileName, width: image.width, height: image.height },
    };
    res.json(view);
  });

  router.get('/talk-actions', (req, res) => {
    res.json(state.talk.list(parseControlInput(talkFilterSchema, req.query)));
  });

  return router;
}
