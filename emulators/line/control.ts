// LINE control routes (under /_emulator): seeding; users with their friendship and consent state;
// a user's actions without the pages (add friend, block, unblock, send a text, tap a postback —
// each sends the real webhook and answers the outcome with the delivery — and unlink the app);
// accepted pushes; sent webhooks, their events, replays and the empty verification batch.

import { Router, type Request } from 'express';
import { z } from 'zod';
import { HttpError } from '../harness/http-error';
import { optionalQueryParam, parseControlInput } from '../harness/validate';
import { richMenuView } from './richmenus';
import { lineSeedSchema } from './seed-schema';
import type { LineState, LineUser, MessagingChannel } from './state';
import { addFriend, block, sendText, tapPostback, unblock, unlinkApp, UserActionRefused, type ActionOutcome } from './user-actions';
import { lineUserView } from './user-view';
import { deliverWebhook } from './webhook-delivery';
import { controlPostbackSchema, controlTextSchema, replayRequestSchema } from './webhook-event';
import { replayEvents } from './webhook-replay';

const booleanParam = () =>
  optionalQueryParam((value) => value === 'true' || value === 'false', 'must be true or false').transform((value) => (value === undefined ? undefined : value === 'true'));
const pushFilterSchema = z.object({ to: optionalQueryParam(), delivered: booleanParam() });
const webhookFilterSchema = z.object({ userId: optionalQueryParam(), type: optionalQueryParam() });
const consentFilterSchema = z.object({ userId: optionalQueryParam() });
const unlinkSchema = z.strictObject({ channelId: z.string().min(1).optional() });

export function createLineControlRouter(state: LineState): Router {
  const router = Router();

  const userOf = (req: Request): LineUser => {
    const user = state.users.get(String(req.params.userId));
    if (user === undefined) throw new HttpError(404, { error: 'UNKNOWN_USER', message: `user ${String(req.params.userId)} is not seeded` });
    return user;
  };
  const channelOf = (): MessagingChannel => {
    if (state.messagingChannel === undefined) throw new HttpError(409, { error: 'NO_MESSAGING_CHANNEL', message: 'seed a messagingChannel first' });
    return state.messagingChannel;
  };
  /** Runs a user's action; one the user cannot do now answers 409 with the reason. */
  const act = async (action: () => Promise<ActionOutcome>): Promise<ActionOutcome> => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof UserActionRefused) throw new HttpError(409, { error: 'ACTION_REFUSED', reason: error.reason, message: error.message });
      throw error;
    }
  };

  router.post('/seed', (req, res) => {
    state.seed(parseControlInput(lineSeedSchema, req.body));
    res.json({ ok: true, loginChannel: state.loginChannel?.channelId ?? null, messagingChannel: state.messagingChannel?.channelId ?? null, users: [...state.users.keys()] });
  });

  router.get('/users', (_req, res) => {
    res.json([...state.users.values()].map((user) => lineUserView(state, user)));
  });

  router.get('/users/:userId', (req, res) => {
    res.json(lineUserView(state, userOf(req)));
  });

  router.post('/users/:userId/add-friend', async (req, res) => {
    const user = userOf(req);
    res.json(await act(() => addFriend(state, user)));
  });

  router.post('/users/:userId/block', async (req, res) => {
    const user = userOf(req);
    res.json(await act(() => block(state, user)));
  });

  router.post('/users/:userId/unblock', async (req, res) => {
    const user = userOf(req);
    res.json(await act(() => unblock(state, user)));
  });

  router.post('/users/:userId/messages', async (req, res) => {
    const user = userOf(req);
    const { text } = parseControlInput(controlTextSchema, req.body);
    res.json(await act(() => sendText(state, user, text)));
  });

  router.post('/users/:userId/postback', async (req, res) => {
    const user = userOf(req);
    const { data, displayText } = parseControlInput(controlPostbackSchema, req.body);
    res.json(await act(() => tapPostback(state, user, data, displayText)));
  });

  router.post('/users/:userId/unlink', (req, res) => {
    const user = userOf(req);
    const { channelId } = parseControlInput(unlinkSchema, req.body ?? {});
    const target = channelId ?? state.loginChannel?.channelId;
    if (target === undefined) throw new HttpError(409, { error: 'NO_LOGIN_CHANNEL', message: 'seed a loginChannel first' });
    res.json(unlinkApp(state, user.userId, target));
  });

  router.post('/users/:userId/expire-tokens', (req, res) => {
    res.json({ expiredAccessTokens: state.loginTokens.expireUserAccess(userOf(req).userId) });
  });

  router.get('/users/:userId/richmenu', (req, res) => {
    const menu = state.richMenus.forUser(userOf(req).userId);
    res.json(menu === undefined ? null : { ...richMenuView(menu), image: menu.image ?? null });
  });

  router.get('/consents', (req, res) => {
    res.json(state.consents.list(parseControlInput(consentFilterSchema, req.query)));
  });

  router.get('/pushes', (req, res) => {
    res.json(state.pushes.list(parseControlInput(pushFilterSchema, req.query)));
  });

  router.get('/webhooks', (req, res) => {
    const filter = parseControlInput(webhookFilterSchema, req.query);
    res.json(
      state.webhookDeliveries.filter(
        (delivery) => (filter.userId === undefined || delivery.userIds.includes(filter.userId)) && (filter.type === undefined || delivery.eventTypes.includes(filter.type)),
      ),
    );
  });

  router.get('/webhook-events', (_req, res) => {
    res.json(state.webhookEvents);
  });

  router.post('/webhooks/replay', async (req, res) => {
    const request = parseControlInput(replayRequestSchema, req.body ?? {});
    res.json(await replayEvents(state, channelOf(), request));
  });

  router.post('/webhooks/verify', async (_req, res) => {
    res.json(await deliverWebhook(state, channelOf(), [], 'verify'));
  });

  return router;
}
