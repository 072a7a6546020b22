// The talk screens (emulator pages under /talk, for the signed-in member): pick an installed app
// to talk to (the first time sends a `begin` callback), read the bot's messages, tap rich-menu
// areas (on a phone, over the menu's image, served by GET /talk/richmenu-image) and send messages.
// A tap or message becomes the signed callback LINE WORKS would send; if
// the bot's server answers it with JSON `{"openUrl": "https://..."}` the browser is sent there
// (emulator-specific convenience, see emulators/README.md), else back to the room.

import { Router, type Response } from 'express';
import { z } from 'zod';
import { safeHref } from '../../api/pages/html';
import { formValue } from '../harness/validate';
import type { BotCallbackEvent, RecordedCallback } from './callback-event';
import { callbackSource, sendBotCallback } from './callback-delivery';
import { talkDeviceOf } from './device';
import type { Bot } from './installations';
import { requireSignedIn, type SignedIn } from './page-session';
import { sendMessagePage } from './pages/layout';
import { areaLabel, sendTalkListPage, sendTalkNewPage, sendTalkRoomPage, type TalkBot, type TimelineEntry } from './pages/talk';
import type { LineWorksState } from './state';

const roomQuerySchema = z.object({ bot: formValue() });
const imageQuerySchema = z.object({ bot: formValue(), richmenu: formValue() });
const actionFormSchema = z.object({ bot: formValue(), richmenu: formValue(), area: z.coerce.number().int().min(0).optional() });
const messageFormSchema = z.object({ bot: formValue(), text: formValue(), postback: formValue() });

/** The URL a callback answer asks the browser to open, if any (http(s) only). */
export function openUrlOf(result: RecordedCallback): string | undefined {
  if (result.status === null || result.status < 200 || result.status >= 300) return undefined;
  const body = result.body;
  if (typeof body !== 'object' || body === null || !('openUrl' in body) || typeof body.openUrl !== 'string') return undefined;
  const href = safeHref(body.openUrl);
  return href !== undefined && !href.startsWith('/') ? href : undefined;
}

export function createTalkRouter(state: LineWorksState): Router {
  const router = Router();

  const talkBots = (signedIn: SignedIn): TalkBot[] =>
    state.installations
      .list({ tenantId: signedIn.tenant.tenantId })
      .filter((installation) => installation.status === 'installed' && state.installations.canUse(installation, signedIn.user.userId))
      .flatMap((installation) => {
        const app = state.apps.get(installation.clientId);
        return [...installation.botIds].map((botId) => ({ botId, name: app?.bot.name ?? app?.name ?? installation.clientId }));
      });

  /** The bot the member may talk to, or undefined after answering with an error page. */
  const usableBot = (signedIn: SignedIn, botId: string | undefined, res: Response): Bot | undefined => {
    const bot = botId === undefined ? undefined : state.installations.liveBot(botId);
    const installation = bot === undefined ? undefined : state.installations.byId(bot.installationId);
    if (bot === undefined || installation === undefined || bot.tenantId !== signedIn.tenant.tenantId) {
      sendMessagePage(res, 404, 'トークが見つかりません', 'このBotはこのドメインで利用できません。', [{ href: '/talk/new', label: '新規トーク' }]);
      return undefined;
    }
    if (!state.installations.canUse(installation, signedIn.user.userId)) {
      sendMessagePage(res, 403, 'トークを利用できません', 'このアプリを利用する権限がありません。管理者にお問い合わせください。');
      return undefined;
    }
    return bot;
  };

  const roomUrl = (botId: string): string => `/talk?${new URLSearchParams({ bot: botId }).toString()}`;

  const callbackAndFollow = async (res: Response, signedIn: SignedIn, bot: Bot, event: BotCallbackEvent, shown: string): Promise<void> => {
    const result = await sendBotCallback(state, bot, { event });
    state.talk.record({
      tenantId: signedIn.tenant.tenantId,
      botId: bot.botId,
      userId: signedIn.user.userId,
      kind: event.type,
      text: shown,
      at: event.issuedTime,
      callbackStatus: result.status,
    });
    res.redirect(303, openUrlOf(result) ?? roomUrl(bot.botId));
  };

  router.get('/talk/new', (req, res) => {
    const signedIn = requireSignedIn(state, req, res);
    if (signedIn === undefined) return;
    sendTalkNewPage(res, talkBots(signedIn));
  });

  router.post('/talk/new', async (req, res) => {
    const signedIn = requireSignedIn(state, req, res);
    if (signedIn === undefined) return;
    const bot = usableBot(signedIn, roomQuerySchema.safeParse(req.body).data?.bot, res);
    if (bot === undefined) return;
    if (!state.talk.open(bot.botId, signedIn.user.userId)) {
      res.redirect(303, roomUrl(bot.botId));
      return;
    }
    const event: BotCallbackEvent = { type: 'begin', source: callbackSource(bot, signedIn.user.userId), issuedTime: new Date().toISOString() };
    await callbackAndFollow(res, signedIn, bot, event, '');
  });

  router.get('/talk', (req, res) => {
    const signedIn = requireSignedIn(state, req, res);
    if (signedIn === undefined) return;
    const botId = roomQuerySchema.safeParse(req.query).data?.bot;
    if (botId === undefined) {
      sendTalkListPage(res, talkBots(signedIn));
      return;
    }
    const bot = usableBot(signedIn, botId, res);
    if (bot === undefined) return;
    const userId = signedIn.user.userId;
    const timeline: TimelineEntry[] = [
      ...state.listMessages({ botId: bot.botId, userId }).map((message): TimelineEntry => ({ mine: false, at: message.receivedAt, content: message.content })),
      ...state.talk
        .list({ botId: bot.botId, userId })
        .filter((action) => action.kind !== 'begin')
        .map((action): TimelineEntry => ({ mine: true, at: action.at, text: action.text })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    const name = talkBots(signedIn).find((candidate) => candidate.botId === bot.botId)?.name ?? bot.botId;
    sendTalkRoomPage(res, { bot: { botId: bot.botId, name }, timeline, menu: state.richMenus.effective(bot.botId, userId), device: talkDeviceOf(req) });
  });

  router.get('/talk/richmenu-image', (req, res) => {
    const signedIn = requireSignedIn(state, req, res);
    if (signedIn === undefined) return;
    const query = imageQuerySchema.safeParse(req.query).data;
    const bot = usableBot(signedIn, query?.bot, res);
    if (bot === undefined) return;
    const image = query?.richmenu === undefined ? undefined : state.richMenus.get(bot.botId, query.richmenu)?.image;
    if (image === undefined) {
      res.status(404).type('text/plain').send('no image is set on this rich menu');
      return;
    }
    res
      .status(200)
      .set({ 'Content-Type': image.type === 'png' ? 'image/png' : 'image/jpeg', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
      .send(image.data);
  });

  router.post('/talk/actions', async (req, res) => {
    const signedIn = requireSignedIn(state, req, res);
    if (signedIn === undefined) return;
    const form = actionFormSchema.safeParse(req.body);
    const bot = usableBot(signedIn, form.data?.bot, res);
    if (bot === undefined) return;
    const menu = form.data?.richmenu === undefined ? undefined : state.richMenus.get(bot.botId, form.data.richmenu);
    const area = form.data?.area === undefined ? undefined : menu?.areas[form.data.area];
    if (area === undefined || area.action.type === 'uri' || area.action.type === 'copy') {
      res.redirect(303, roomUrl(bot.botId));
      return;
    }
    const source = callbackSource(bot, signedIn.user.userId);
    const issuedTime = new Date().toISOString();
    const label = areaLabel(area.action, form.data?.area ?? 0);
    if (area.action.type === 'postback') {
      const event: BotCallbackEvent = { type: 'postback', source, data: area.action.data, issuedTime };
      await callbackAndFollow(res, signedIn, bot, event, area.action.displayText ?? label);
      return;
    }
    const content = { type: 'text' as const, text: area.action.text, ...(area.action.postback === undefined ? {} : { postback: area.action.postback }) };
    await callbackAndFollow(res, signedIn, bot, { type: 'message', source, content, issuedTime }, area.action.text);
  });

  router.post('/talk/messages', async (req, res) => {
    const signedIn = requireSignedIn(state, req, res);
    if (signedIn === undefined) return;
    const form = messageFormSchema.safeParse(req.body);
    const bot = usableBot(signedIn, form.data?.bot, res);
    if (bot === undefined) return;
    const text = form.data?.text;
    if (text === undefined) {
      res.redirect(303, roomUrl(bot.botId));
      return;
    }
    const content = { type: 'text' as const, text, ...(form.data?.postback === undefined ? {} : { postback: form.data.postback }) };
    const event: BotCallbackEvent = { type: 'message', source: callbackSource(bot, signedIn.user.userId), content, issuedTime: new Date().toISOString() };
    await callbackAndFollow(res, signedIn, bot, event, text);
  });

  return router;
}
