// Typed client for the emulators' /_emulator control routes, for tests and scripts. One instance
// per emulator base URL; the provider-specific helpers only work against their own emulator.

import { freeeEvent, type FreeeEventInput } from './freee/event-factory';
import type { DeliverRequest, FreeeWebhookConfig, FreeeWebhookEvent, RecordedDelivery, WebhookDeliveryResult } from './freee/webhook-event';
import type { ActiveFault, FaultSpecInput } from './harness/fault-spec';
import type { RecordedRequest, RequestFilter } from './harness/recorded-request';
import type { DeliveredLineWorksMessage, LineWorksMessageFilter, LineWorksSeed } from './lineworks/seed-schema';

/** A control route answered with a non-2xx status. */
export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'EmulatorControlError';
  }
}

type Query = Record<string, string | undefined>;

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
    return this.call<RecordedRequest[]>('GET', '/requests', undefined, { method: filter.method, path: filter.path });
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

  /** The admin removed the app: every token of the tenant dies and new ones are refused. */
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

  // --- freee ---

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

  private async call<T = unknown>(method: string, path: string, body?: unknown, query: Query = {}): Promise<T> {
    const url = new URL(`${this.baseUrl}/_emulator${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text.length > 0 ? JSON.parse(text) : undefined;
    if (!response.ok) throw new EmulatorControlError(response.status, parsed, `${method} ${path}`);
    return parsed as T;
  }
}
