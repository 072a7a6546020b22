// Delivers app lifecycle events to the app's appCallbackUrl (emulator-specific contract, see
// emulators/README.md): JSON body, `X-WORKS-Signature` = base64(HMAC-SHA256(raw body, client
// secret)), `X-WORKS-Event-Id`; retried up to 3 times with a short backoff when the answer is a
// 5xx or the server is unreachable. Every delivery and its attempts are recorded.

import { setTimeout as delay } from 'node:timers/promises';
import { postOutbound } from '../harness/outbound';
import { hmacSha256Base64 } from '../harness/signing';
import type { LifecycleAttempt, LifecycleDelivery } from './lifecycle-event';
import type { LineWorksState, RegisteredApp } from './state';

export const LIFECYCLE_RETRIES = 3;
const BACKOFF_MS = [100, 300, 900];
const ATTEMPT_TIMEOUT_MS = 5_000;

const worthRetrying = (status: number | null): boolean => status === null || status >= 500;

export async function deliverLifecycleEvent(
  state: LineWorksState,
  app: RegisteredApp,
  input: { eventId: string; tenantId: string; requestBody: string; redelivery: boolean },
): Promise<LifecycleDelivery> {
  const headers = {
    'content-type': 'application/json; charset=UTF-8',
    'x-works-signature': hmacSha256Base64(app.clientSecret, input.requestBody),
    'x-works-event-id': input.eventId,
    'user-agent': 'LINE-WORKS-App-Lifecycle-Emulator',
  };
  const delivery: LifecycleDelivery = {
    eventId: input.eventId,
    clientId: app.clientId,
    tenantId: input.tenantId,
    targetUrl: app.appCallbackUrl ?? null,
    headers,
    requestBody: input.requestBody,
    attempts: [],
    status: null,
    body: null,
    redelivery: input.redelivery,
  };
  state.lifecycle.push(delivery);
  if (app.appCallbackUrl === undefined) return delivery;

  for (let attempt = 0; attempt <= LIFECYCLE_RETRIES; attempt += 1) {
    if (attempt > 0) await delay(BACKOFF_MS[attempt - 1] ?? 1_000);
    const result = await postOutbound(app.appCallbackUrl, { body: input.requestBody, headers, timeoutMs: ATTEMPT_TIMEOUT_MS });
    const record: LifecycleAttempt = { status: result.status, at: new Date().toISOString() };
    if (result.error !== undefined) record.error = result.error;
    delivery.attempts.push(record);
    delivery.status = result.status;
    delivery.body = result.body;
    if (!worthRetrying(result.status)) break;
  }
  return delivery;
}
