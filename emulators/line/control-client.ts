// Typed client for the LINE emulator's control routes (tests and scripts). It extends the shared
// control client (reset, recorded requests, faults) with the LINE ones; non-2xx answers throw
// EmulatorControlError.

import { EmulatorControl } from '../control-client';
import { callControl, type ControlQuery } from '../harness/control-call';
import type { Consent } from './consents';
import type { PushFilter, PushRecord } from './push-log';
import type { RichMenuView } from './richmenu-schema';
import type { LineSeed } from './seed-schema';
import type { ActionOutcome, UnlinkOutcome } from './user-actions';
import type { LineUserView } from './user-view';
import type { LineWebhookEvent, ReplayRequest, WebhookDelivery } from './webhook-event';

export class LineControl extends EmulatorControl {
  /** Merges channels and users into the LINE emulator. */
  async seed(seed: LineSeed): Promise<void> {
    await this.send('POST', '/seed', seed);
  }

  users(): Promise<LineUserView[]> {
    return this.send('GET', '/users');
  }

  /** Friendship (friend, blocked, friendFlag), consents and rich menu of one user. */
  user(userId: string): Promise<LineUserView> {
    return this.send('GET', `/users/${encodeURIComponent(userId)}`);
  }

  addFriend(userId: string): Promise<ActionOutcome> {
    return this.send('POST', `/users/${encodeURIComponent(userId)}/add-friend`);
  }

  block(userId: string): Promise<ActionOutcome> {
    return this.send('POST', `/users/${encodeURIComponent(userId)}/block`);
  }

  unblock(userId: string): Promise<ActionOutcome> {
    return this.send('POST', `/users/${encodeURIComponent(userId)}/unblock`);
  }

  sendText(userId: string, text: string): Promise<ActionOutcome> {
    return this.send('POST', `/users/${encodeURIComponent(userId)}/messages`, { text });
  }

  tapPostback(userId: string, postback: { data: string; displayText?: string }): Promise<ActionOutcome> {
    return this.send('POST', `/users/${encodeURIComponent(userId)}/postback`, postback);
  }

  /** 連動の解除 of the LINE Login app (the seeded one unless another channelId is given). */
  unlinkApp(userId: string, channelId?: string): Promise<UnlinkOutcome> {
    return this.send('POST', `/users/${encodeURIComponent(userId)}/unlink`, channelId === undefined ? {} : { channelId });
  }

  expireLoginTokens(userId: string): Promise<{ expiredAccessTokens: number }> {
    return this.send('POST', `/users/${encodeURIComponent(userId)}/expire-tokens`);
  }

  userRichMenu(userId: string): Promise<(RichMenuView & { image: unknown }) | null> {
    return this.send('GET', `/users/${encodeURIComponent(userId)}/richmenu`);
  }

  consents(filter: { userId?: string } = {}): Promise<Consent[]> {
    return this.send('GET', '/consents', undefined, { ...filter });
  }

  pushes(filter: PushFilter = {}): Promise<PushRecord[]> {
    return this.send('GET', '/pushes', undefined, { to: filter.to, delivered: filter.delivered === undefined ? undefined : String(filter.delivered) });
  }

  webhooks(filter: { userId?: string; type?: string } = {}): Promise<WebhookDelivery[]> {
    return this.send('GET', '/webhooks', undefined, { ...filter });
  }

  webhookEvents(): Promise<LineWebhookEvent[]> {
    return this.send('GET', '/webhook-events');
  }

  replayWebhooks(request: ReplayRequest = {}): Promise<WebhookDelivery[]> {
    return this.send('POST', '/webhooks/replay', request);
  }

  /** Sends `{destination, events: []}`, as LINE's webhook "Verify" button does. */
  verifyWebhook(): Promise<WebhookDelivery> {
    return this.send('POST', '/webhooks/verify');
  }

  private send<T>(method: string, path: string, body?: unknown, query: ControlQuery = {}): Promise<T> {
    return callControl<T>(this.baseUrl, method, path, body, query);
  }
}
