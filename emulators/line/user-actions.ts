// What a LINE user can do to the Official Account and to the LINE Login app, shared by the pages
// and the control routes: add it as a friend (follow), block it (unfollow), unblock it (follow with
// isUnblocked), send a text (message), tap a postback button (postback) — each sends the real
// webhook and waits for its delivery — and unlink the app (連動の解除, C.4: the app's tokens for the
// user die at once and the consent is forgotten; no webhook).

import { followEvent, postbackEvent, textMessageEvent, unfollowEvent } from './event-factory';
import { isReachable, type LineState, type LineUser, type MessagingChannel } from './state';
import type { LineWebhookEvent, WebhookDelivery } from './webhook-event';
import { deliverWebhook } from './webhook-delivery';

export interface ActionOutcome {
  /** False when the action changed nothing (already a friend, already blocked...). */
  changed: boolean;
  event: LineWebhookEvent | null;
  delivery: WebhookDelivery | null;
}

/** The user cannot do this now (e.g. message an account they blocked). */
export class UserActionRefused extends Error {
  constructor(readonly reason: 'blocked' | 'not_friend' | 'no_official_account') {
    super(`the action is refused: ${reason}`);
    this.name = 'UserActionRefused';
  }
}

const unchanged: ActionOutcome = { changed: false, event: null, delivery: null };

function channelOf(state: LineState): MessagingChannel {
  if (state.messagingChannel === undefined) throw new UserActionRefused('no_official_account');
  return state.messagingChannel;
}

async function send(state: LineState, channel: MessagingChannel, user: LineUser, event: LineWebhookEvent, shown: string): Promise<ActionOutcome> {
  state.chat.record({ userId: user.userId, kind: event.type, text: shown, at: new Date(event.timestamp).toISOString(), webhookEventId: event.webhookEventId });
  return { changed: true, event, delivery: await deliverWebhook(state, channel, [event], 'event') };
}

/** 友だち追加: a new friend gets follow{isUnblocked:false}; a blocking one is unblocked. */
export async function addFriend(state: LineState, user: LineUser): Promise<ActionOutcome> {
  const channel = channelOf(state);
  if (isReachable(user)) return unchanged;
  const isUnblocked = user.blocked;
  user.friend = true;
  user.blocked = false;
  return send(state, channel, user, followEvent(state, user.userId, isUnblocked), isUnblocked ? 'ブロックを解除しました' : '友だち追加しました');
}

/** ブロック: unfollow (sent only when the user was a friend). */
export async function block(state: LineState, user: LineUser): Promise<ActionOutcome> {
  const channel = channelOf(state);
  if (user.blocked) return unchanged;
  user.blocked = true;
  if (!user.friend) return { changed: true, event: null, delivery: null };
  return send(state, channel, user, unfollowEvent(state, user.userId), 'ブロックしました');
}

/** ブロック解除: the user is a friend again, follow{isUnblocked:true}. */
export async function unblock(state: LineState, user: LineUser): Promise<ActionOutcome> {
  const channel = channelOf(state);
  if (!user.blocked) return unchanged;
  user.blocked = false;
  user.friend = true;
  return send(state, channel, user, followEvent(state, user.userId, true), 'ブロックを解除しました');
}

function requireReachable(user: LineUser): void {
  if (user.blocked) throw new UserActionRefused('blocked');
  if (!user.friend) throw new UserActionRefused('not_friend');
}

export async function sendText(state: LineState, user: LineUser, text: string): Promise<ActionOutcome> {
  const channel = channelOf(state);
  requireReachable(user);
  return send(state, channel, user, textMessageEvent(state, user.userId, text), text);
}

/** A postback tap; the chat shows displayText when the action has one. */
export async function tapPostback(state: LineState, user: LineUser, data: string, displayText?: string): Promise<ActionOutcome> {
  const channel = channelOf(state);
  requireReachable(user);
  return send(state, channel, user, postbackEvent(state, user.userId, data), displayText ?? '');
}

export interface UnlinkOutcome {
  channelId: string;
  revokedAccessTokens: number;
  revokedRefreshTokens: number;
  consentForgotten: boolean;
}

/** 連動の解除 of the LINE Login app (also what `/user/v1/deauthorize` does). */
export function unlinkApp(state: LineState, userId: string, channelId: string): UnlinkOutcome {
  const revoked = state.loginTokens.revokeUser(channelId, userId);
  const consentForgotten = state.consents.forget(channelId, userId);
  return { channelId, revokedAccessTokens: revoked.accessTokens, revokedRefreshTokens: revoked.refreshTokens, consentForgotten };
}
