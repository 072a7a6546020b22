// Everything the LINE emulator knows: the LINE Login channel and the Messaging API channel of the
// linked Official Account, LINE users and their friendship with it, browser sessions, pending
// authorizations, codes, tokens and consents, accepted pushes, rich menus, and every webhook it
// sent. Reset empties it.

import { monotonicFactory } from 'ulid';
import { AuthorizationCodes } from '../harness/auth-codes';
import { PendingStore } from '../harness/pending';
import { FixedWindowRateLimiter } from '../harness/rate-limiter';
import { SessionStore } from '../harness/sessions';
import { ChannelTokenStore } from './channel-tokens';
import { ChatLog } from './chat-log';
import { ConsentStore } from './consents';
import { LoginTokenStore } from './login-tokens';
import { PushLog } from './push-log';
import { RichMenuStore } from './richmenus';
import {
  DEFAULT_PUSH_RATE_LIMIT_PER_SECOND,
  DEFAULT_USER_PASSWORD,
  type LineSeedLoginChannel,
  type LineSeedMessagingChannel,
  type LineSeedParsed,
  type LineSeedUser,
} from './seed-schema';
import type { LineWebhookEvent, WebhookDelivery } from './webhook-event';

export interface LoginChannel {
  channelId: string;
  channelSecret: string;
  name: string;
  redirectUris: string[];
}

export interface MessagingChannel {
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
  botUserId: string;
  name: string;
  webhookUrl?: string;
  webhookRedelivery: boolean;
  pushRateLimitPerSecond: number;
}

export interface LineUser {
  userId: string;
  displayName: string;
  email: string | null;
  password: string;
  pictureUrl?: string;
  statusMessage?: string;
  /** Has added the Official Account as a friend (stays true while blocked). */
  friend: boolean;
  blocked: boolean;
}

/** Who is signed in to the emulator's pages in one browser. */
export interface LineSession {
  userId: string;
  /** Seconds since the epoch when the user signed in (the ID token's auth_time). */
  authTime: number;
}

/** What an authorization code stands for. */
export interface LoginCodeGrant {
  userId: string;
  scope: string;
  nonce?: string;
  /** Seconds since the epoch when the user authenticated (auth_time). */
  authTime: number;
}

/** An authorization request between the consent and friend-add screens. */
export interface PendingAuthorization {
  channelId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  nonce?: string;
  codeChallenge?: string;
  botPrompt?: 'normal' | 'aggressive';
  userId: string;
  authTime: number;
  /** Set once consent was given (or skipped by auto-login). */
  grantedScopes?: string[];
  friendshipChanged: boolean;
}

/** friendFlag of the friendship API: a friend who has not blocked the account. */
export const isReachable = (user: LineUser): boolean => user.friend && !user.blocked;

function loginChannelOf(input: LineSeedLoginChannel, existing: LoginChannel | undefined): LoginChannel {
  const same = existing?.channelId === input.channelId ? existing : undefined;
  return {
    channelId: input.channelId,
    channelSecret: input.channelSecret,
    name: input.name ?? same?.name ?? input.channelId,
    redirectUris: input.redirectUris ?? same?.redirectUris ?? [],
  };
}

function messagingChannelOf(input: LineSeedMessagingChannel, existing: MessagingChannel | undefined): MessagingChannel {
  const same = existing?.channelId === input.channelId ? existing : undefined;
  const channel: MessagingChannel = {
    channelId: input.channelId,
    channelSecret: input.channelSecret,
    channelAccessToken: input.channelAccessToken,
    botUserId: input.botUserId,
    name: input.name ?? same?.name ?? input.channelId,
    webhookRedelivery: input.webhookRedelivery ?? same?.webhookRedelivery ?? false,
    pushRateLimitPerSecond: input.pushRateLimitPerSecond ?? same?.pushRateLimitPerSecond ?? DEFAULT_PUSH_RATE_LIMIT_PER_SECOND,
  };
  const webhookUrl = input.webhookUrl === null ? undefined : (input.webhookUrl ?? same?.webhookUrl);
  if (webhookUrl !== undefined) channel.webhookUrl = webhookUrl;
  return channel;
}

function lineUserOf(input: LineSeedUser, existing: LineUser | undefined): LineUser {
  const user: LineUser = {
    userId: input.userId,
    displayName: input.displayName,
    email: input.email === undefined ? (existing?.email ?? null) : input.email,
    password: input.password ?? existing?.password ?? DEFAULT_USER_PASSWORD,
    friend: input.friend ?? existing?.friend ?? false,
    blocked: input.blocked ?? existing?.blocked ?? false,
  };
  const pictureUrl = input.pictureUrl ?? existing?.pictureUrl;
  if (pictureUrl !== undefined) user.pictureUrl = pictureUrl;
  const statusMessage = input.statusMessage ?? existing?.statusMessage;
  if (statusMessage !== undefined) user.statusMessage = statusMessage;
  return user;
}

export class LineState {
  loginChannel?: LoginChannel;
  messagingChannel?: MessagingChannel;
  readonly users = new Map<string, LineUser>();
  readonly sessions = new SessionStore<LineSession>('lineemu_sid');
  readonly pendingAuthorizations = new PendingStore<PendingAuthorization>();
  readonly codes = new AuthorizationCodes<LoginCodeGrant>();
  readonly loginTokens = new LoginTokenStore();
  readonly channelTokens = new ChannelTokenStore();
  readonly consents = new ConsentStore();
  readonly pushes = new PushLog();
  readonly pushLimiter = new FixedWindowRateLimiter(1_000);
  readonly richMenus = new RichMenuStore();
  readonly chat = new ChatLog();
  /** Every event sent, as first sent (isRedelivery false), oldest first. */
  readonly webhookEvents: LineWebhookEvent[] = [];
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Time-ordered ULIDs for webhookEventId. */
  readonly nextEventId = monotonicFactory();
  private messageSeq = 0;

  /** Merges a seed: channels are replaced or updated (same channelId), users upserted. */
  seed(seed: LineSeedParsed): void {
    if (seed.loginChannel !== undefined) this.loginChannel = loginChannelOf(seed.loginChannel, this.loginChannel);
    if (seed.messagingChannel !== undefined) this.messagingChannel = messagingChannelOf(seed.messagingChannel, this.messagingChannel);
    for (const input of seed.users) this.users.set(input.userId, lineUserOf(input, this.users.get(input.userId)));
  }

  /** A user by login ID: e-mail (case-insensitive) or userId. */
  userForLogin(loginId: string): LineUser | undefined {
    const wanted = loginId.trim().toLowerCase();
    for (const user of this.users.values()) if (user.email?.toLowerCase() === wanted || user.userId.toLowerCase() === wanted) return user;
    return undefined;
  }

  /** The signed-in user of a session, if the account still exists. */
  sessionUser(session: LineSession | undefined): LineUser | undefined {
    return session === undefined ? undefined : this.users.get(session.userId);
  }

  /** A new message ID (numeric, as LINE's are), for sent messages and message events. */
  newMessageId(): string {
    this.messageSeq += 1;
    return `${Date.now()}${String(this.messageSeq % 100_000).padStart(5, '0')}`;
  }

  reset(): void {
    this.loginChannel = undefined;
    this.messagingChannel = undefined;
    this.users.clear();
    this.sessions.clear();
    this.pendingAuthorizations.clear();
    this.codes.clear();
    this.loginTokens.clear();
    this.channelTokens.clear();
    this.consents.clear();
    this.pushes.clear();
    this.pushLimiter.clear();
    this.richMenus.clear();
    this.chat.clear();
    this.webhookEvents.length = 0;
    this.webhookDeliveries.length = 0;
    this.messageSeq = 0;
  }
}
