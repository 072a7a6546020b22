// Typed client for the emulators' /_emulator control routes, for tests and scripts. One instance
// per emulator base URL; the provider-specific helpers only work against their own emulator.

import { freeeEvent, type FreeeEventInput } from './freee/event-factory';
import type { FreeeProductEvent, ProductEventConfig, ProductEventDeliverRequest, ProductEventDelivery } from './freee/product-event';
import { productEvent, type ProductEventInput } from './freee/product-event-factory';
import type { FreeeSeed } from './freee/seed-schema';
import type { DeliverRequest, FreeeWebhookConfig, FreeeWebhookEvent, RecordedDelivery, WebhookDeliveryResult } from './freee/webhook-event';
import { callControl, EmulatorControlError, type ControlQuery } from './harness/control-call';
import type { ActiveFault, FaultSpecInput } from './harness/fault-spec';
import type { RecordedRequest, RequestFilter } from './harness/recorded-request';
import type { ControlCallbackRequest, RecordedCallback } from './lineworks/callback-event';
import type { BotInfo, BotSettings, ControlInstallRequest, ControlUninstallRequest, InstallationInfo } from './lineworks/installation-types';
import type { LifecycleDelivery } from './lineworks/lifecycle-event';
import type { EffectiveRichMenu } from './lineworks/richmenu-schema';
import type { DeliveredLineWorksMessage, LineWorksMessageFilter, LineWorksSeed } from './lineworks/seed-schema';
import type { TalkAction } from './lineworks/talk-log';

export { EmulatorControlError };

export class EmulatorControl {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  // --- every emulator ---

  /** Clears recorded requests, faults and seeded state. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  /** Requests received, oldest first; `path` uses the fault path-pattern rule. */
  requests(filter: RequestFilter = {}): Promise<RecordedRequest[]> {
    return this.call<RecordedRequest[]>('GET', '/requests', undefined, { method: filter.method, path: filter.path, afterSeq: filter.afterSeq?.toString() });
  }

  /** The `seq` of the last request recorded so far (0 when none): `requests({ afterSeq })` then lists only later ones. */
  async lastRequestSeq(): Promise<number> {
    return Math.max(0, ...(await this.requests()).map((r) => r.seq));
  }

  /** Makes the next `times` (default 1) matching requests answer `status` and/or wait `latencyMs`. */
  fault(spec: FaultSpecInput): Promise<ActiveFault> {
    return this.call<ActiveFault>('POST', '/faults', spec);
  }

  /** Faults still armed. */
  faults(): Promise<ActiveFault[]> {
    return this.call<ActiveFault[]>('GET', '/faults');
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  // --- LINE WORKS ---

  /** Merges apps and tenants into the LINE WORKS emulator. */
  async seedLineWorks(seed: LineWorksSeed): Promise<void> {
    await this.call('POST', '/seed', seed);
  }

  lineWorksMessages(filter: LineWorksMessageFilter = {}): Promise<DeliveredLineWorksMessage[]> {
    return this.call<DeliveredLineWorksMessage[]>('GET', '/messages', undefined, { ...filter });
  }

  /** LINE WORKS revokes the tenant's authorisation (apps stay installed): its tokens die and new ones are refused. */
  async revokeTenant(tenantId: string): Promise<void> {
    await this.call('POST', `/tenants/${encodeURIComponent(tenantId)}/revoke`);
  }

  /** Token requests for the tenant work again (old tokens stay dead). */
  async restoreTenant(tenantId: string): Promise<void> {
    await this.call('POST', `/tenants/${encodeURIComponent(tenantId)}/restore`);
  }

  /** The tenant's access tokens expire now; refresh tokens keep working. */
  async expireTenantTokens(tenantId: string): Promise<void> {
    await this.call('POST', `/tenants/${encodeURIComponent(tenantId)}/expire-tokens`);
  }

  /** Installations of apps in tenants, live and removed, oldest first. */
  installations(filter: { tenantId?: string; clientId?: string } = {}): Promise<InstallationInfo[]> {
    return this.call<InstallationInfo[]>('GET', '/installations', undefined, { ...filter });
  }

  /** Installs an app in a tenant without the admin pages (returns the live one if installed). */
  installApp(clientId: string, tenantId: string, request: ControlInstallRequest = {}): Promise<InstallationInfo> {
    return this.call<InstallationInfo>('POST', `/apps/${encodeURIComponent(clientId)}/tenants/${encodeURIComponent(tenantId)}/install`, request);
  }

  /**
   * Removes an app from a tenant as [削除] does; resolves after the app.uninstalled delivery (and its
   * retries). With `notifyApp: false` the app is not told (delivery null).
   */
  uninstallApp(clientId: string, tenantId: string, request: ControlUninstallRequest = {}): Promise<{ installation: InstallationInfo; delivery: LifecycleDelivery | null }> {
    return this.call('POST', `/apps/${encodeURIComponent(clientId)}/tenants/${encodeURIComponent(tenantId)}/uninstall`, request);
  }

  /** The app's lifecycle deliveries, oldest first, each with its attempts. */
  lifecycleDeliveries(clientId: string): Promise<LifecycleDelivery[]> {
    return this.call<LifecycleDelivery[]>('GET', `/apps/${encodeURIComponent(clientId)}/lifecycle`);
  }

  /** Sends the app's last lifecycle event again, byte for byte (duplicate-delivery tests). */
  redeliverLifecycleEvent(clientId: string): Promise<LifecycleDelivery> {
    return this.call<LifecycleDelivery>('POST', `/apps/${encodeURIComponent(clientId)}/lifecycle/redeliver`);
  }

  /** A bot with its secret and effective callback URL. */
  bot(botId: string): Promise<BotInfo> {
    return this.call<BotInfo>('GET', `/bots/${encodeURIComponent(botId)}`);
  }

  /** Changes a bot's callback URL (null: fall back to the app's) or secret. */
  updateBot(botId: string, settings: BotSettings): Promise<BotInfo> {
    return this.call<BotInfo>('PATCH', `/bots/${encodeURIComponent(botId)}`, settings);
  }

  /** Sends one signed callback (postback, message or begin) now; returns what the bot's server answered. */
  sendBotCallback(botId: string, request: ControlCallbackRequest): Promise<RecordedCallback> {
    return this.call<RecordedCallback>('POST', `/bots/${encodeURIComponent(botId)}/callbacks`, request);
  }

  /** Callbacks sent to a bot's server (by the control route or by people in talk rooms). */
  botCallbacks(botId: string): Promise<RecordedCallback[]> {
    return this.call<RecordedCallback[]>('GET', `/bots/${encodeURIComponent(botId)}/callbacks`);
  }

  /** The rich menu the user sees (their own, else the default), or null. */
  effectiveRichMenu(botId: string, userId: string): Promise<EffectiveRichMenu | null> {
    return this.call<EffectiveRichMenu | null>('GET', `/bots/${encodeURIComponent(botId)}/users/${encodeURIComponent(userId)}/richmenu`);
  }

  /** What people did in talk rooms (taps, messages, rooms opened). */
  talkActions(filter: { botId?: string; userId?: string } = {}): Promise<TalkAction[]> {
    return this.call<TalkAction[]>('GET', '/talk-actions', undefined, { ...filter });
  }

  // --- freee ---

  /** Merges companies, users and apps into the freee emulator. */
  async seedFreee(seed: FreeeSeed): Promise<void> {
    await this.call('POST', '/seed', seed);
  }

  /** Ends every grant of a freee user: access and refresh tokens stop working. */
  revokeFreeeUserTokens(userId: number): Promise<{ revokedGrants: number }> {
    return this.call('POST', `/users/${userId}/revoke-tokens`);
  }

  /** The user's access tokens expire now; refresh tokens keep working. */
  async expireFreeeUserTokens(userId: number): Promise<void> {
    await this.call('POST', `/users/${userId}/expire-tokens`);
  }

  /** Where product events go and the secret they are signed with. */
  async configureProductEvents(config: ProductEventConfig): Promise<void> {
    await this.call('POST', '/product-events/config', config);
  }

  /** Sends one signed product event now and returns the delivery with what the receiver answered. */
  deliverProductEvent(request: ProductEventDeliverRequest): Promise<ProductEventDelivery> {
    return this.call<ProductEventDelivery>('POST', '/product-events/deliver', request);
  }

  productEventDeliveries(): Promise<ProductEventDelivery[]> {
    return this.call<ProductEventDelivery[]>('GET', '/product-events/deliveries');
  }

  /** A realistic product event; see freee/product-event-factory.ts. */
  productEvent(partial: ProductEventInput = {}): FreeeProductEvent {
    return productEvent(partial);
  }

  /** Where webhooks go and which verification token they carry. */
  async configureFreeeWebhook(config: FreeeWebhookConfig): Promise<void> {
    await this.call('POST', '/webhook-config', config);
  }

  /** Sends one webhook now and returns what the receiver answered. */
  deliverFreeeWebhook(request: DeliverRequest): Promise<WebhookDeliveryResult> {
    return this.call<WebhookDeliveryResult>('POST', '/webhooks/deliver', request);
  }

  freeeDeliveries(): Promise<RecordedDelivery[]> {
    return this.call<RecordedDelivery[]>('GET', '/webhooks/deliveries');
  }

  /** A realistic freee accounting webhook event; see freee/event-factory.ts. */
  freeeEvent(partial: FreeeEventInput = {}): FreeeWebhookEvent {
    return freeeEvent(partial);
  }

  private call<T = unknown>(method: string, path: string, body?: unknown, query: ControlQuery = {}): Promise<T> {
    return callControl<T>(this.baseUrl, method, path, body, query);
  }
}
