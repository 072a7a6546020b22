// The Official Account chat pages for the signed-in LINE user (emulator pages under /chat): the
// pushes that reached them and what they did, and the actions that send real webhooks — 友だち追加
// (follow), ブロック (unfollow), ブロック解除 (follow, isUnblocked), a text (message), a tap on a
// template or rich-menu postback button (postback). Every action waits for the webhook delivery,
// then returns to the chat.

import { Router, type Response } from 'express';
import { z } from 'zod';
import { formValue } from '../harness/validate';
import { actionsOf } from './message-schema';
import { requireSignedIn } from './page-session';
import { CHAT_NOTICES, sendChatPage, type ChatEntry } from './pages/chat';
import { sendMessagePage } from './pages/layout';
import type { LineState, LineUser, MessagingChannel } from './state';
import { addFriend, block, sendText, tapPostback, unblock, UserActionRefused, type ActionOutcome } from './user-actions';

const noticeQuerySchema = z.object({ done: formValue() });
const textFormSchema = z.object({ text: formValue() });
const postbackFormSchema = z.object({ message: formValue(), action: z.coerce.number().int().min(0).optional() });
const richMenuFormSchema = z.object({ richmenu: formValue(), area: z.coerce.number().int().min(0).optional() });

const back = (res: Response, done?: string): void => {
  res.redirect(303, done === undefined ? '/chat' : `/chat?${new URLSearchParams({ done }).toString()}`);
};

export function createChatRouter(state: LineState): Router {
  const router = Router();

  /** The signed-in user and the Official Account, or undefined after answering. */
  const chatParties = (req: Parameters<typeof requireSignedIn>[1], res: Response): { user: LineUser; channel: MessagingChannel } | undefined => {
    const user = requireSignedIn(state, req, res);
    if (user === undefined) return undefined;
    const channel = state.messagingChannel;
    if (channel === undefined) {
      sendMessagePage(res, 404, 'トークが見つかりません', '公式アカウントがありません。');
      return undefined;
    }
    return { user, channel };
  };

  /** Runs an action; a refused one comes back with the 「できません」 notice. */
  const act = async (res: Response, action: () => Promise<ActionOutcome>, done?: string): Promise<void> => {
    try {
      await action();
      back(res, done);
    } catch (error) {
      if (!(error instanceof UserActionRefused)) throw error;
      back(res, 'refused');
    }
  };

  router.get('/chat', (req, res) => {
    const parties = chatParties(req, res);
    if (parties === undefined) return;
    const { user, channel } = parties;
    const pushed: ChatEntry[] = state.pushes
      .list({ to: user.userId, delivered: true })
      .flatMap((record) => record.messages.map((message, index): ChatEntry => ({ mine: false, at: record.acceptedAt, message, sentMessageId: record.sentMessages[index]?.id ?? '' })));
    const mine: ChatEntry[] = state.chat
      .list(user.userId)
      .filter((action) => (action.kind === 'message' || action.kind === 'postback') && action.text.length > 0)
      .map((action) => ({ mine: true, at: action.at, text: action.text }));
    const done = noticeQuerySchema.safeParse(req.query).data?.done;
    sendChatPage(res, {
      officialAccountName: channel.name,
      user,
      timeline: [...pushed, ...mine].sort((a, b) => a.at.localeCompare(b.at)),
      menu: state.richMenus.forUser(user.userId),
      notice: done === undefined ? undefined : CHAT_NOTICES[done],
    });
  });

  router.post('/chat/friend', async (req, res) => {
    const parties = chatParties(req, res);
    if (parties === undefined) return;
    await act(res, () => addFriend(state, parties.user), 'added');
  });

  router.post('/chat/block', async (req, res) => {
    const parties = chatParties(req, res);
    if (parties === undefined) return;
    await act(res, () => block(state, parties.user), 'blocked');
  });

  router.post('/chat/unblock', async (req, res) => {
    const parties = chatParties(req, res);
    if (parties === undefined) return;
    await act(res, () => unblock(state, parties.user), 'unblocked');
  });

  router.post('/chat/messages', async (req, res) => {
    const parties = chatParties(req, res);
    if (parties === undefined) return;
    const text = textFormSchema.safeParse(req.body).data?.text;
    if (text === undefined) return back(res);
    await act(res, () => sendText(state, parties.user, text));
  });

  router.post('/chat/postback', async (req, res) => {
    const parties = chatParties(req, res);
    if (parties === undefined) return;
    const form = postbackFormSchema.safeParse(req.body).data;
    const found = form?.message === undefined ? undefined : state.pushes.findSent(parties.user.userId, form.message);
    const message = found === undefined ? undefined : found.record.messages[found.index];
    const action = message !== undefined && form?.action !== undefined ? actionsOf(message)[form.action] : undefined;
    if (action?.type !== 'postback') return back(res);
    await act(res, () => tapPostback(state, parties.user, action.data, action.displayText));
  });

  router.post('/chat/richmenu', async (req, res) => {
    const parties = chatParties(req, res);
    if (parties === undefined) return;
    const form = richMenuFormSchema.safeParse(req.body).data;
    const menu = state.richMenus.forUser(parties.user.userId);
    const area = menu === undefined || menu.richMenuId !== form?.richmenu || form.area === undefined ? undefined : menu.areas[form.area];
    if (area?.action.type !== 'postback') return back(res);
    const { data, displayText } = area.action;
    await act(res, () => tapPostback(state, parties.user, data, displayText));
  });

  return router;
}
