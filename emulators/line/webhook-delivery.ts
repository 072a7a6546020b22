// Sends webhooks the way LINE does (reference B.4): POST to the channel's webhook URL with
// `{destination: botUserId, events}`, `Content-Type: application/json; charset=utf-8` and
// `x-line-signature` = base64(HMAC-SHA256(raw body, channel secret)). An answer later than 2 s
// counts as a failure (request_timeout), as does any non-2xx. With the channel's webhook
// redelivery on, a failed delivery of a user's event is sent again up to 3 times (after 100, 300,
// 900 ms) with the same webhookEventId and deliveryContext.isRedelivery true. Every delivery and
// attempt is recorded.

import { setTimeout as delay } from 'node:timers/promises';
import { postOutbound } from '../harness/outbound';
import { hmacSha256Base64 } from '../harness/signing';
import type { LineState, MessagingChannel } from './state';
import type { LineWebhookEvent, WebhookAttempt, WebhookDelivery } from './webhook-event';

export const WEBHOOK_TIMEOUT_MS = 2_000;
export const REDELIVERY_BACKOFF_MS = [100, 300, 900];

const succeeded = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

export function asRedelivery(event: LineWebhookEvent, isRedelivery: boolean): LineWebhookEvent {
  return { ...event, deliveryContext: { isRedelivery } };
}

export async function deliverWebhook(
  state: LineState,
  channel: MessagingChannel,
  events: LineWebhookEvent[],
  kind: WebhookDelivery['kind'],
): Promise<WebhookDelivery> {
  if (kind === 'event') state.webhookEvents.push(...events);
  const delivery: WebhookDelivery = {
    kind,
    webhookEventIds: events.map((event) => event.webhookEventId),
    eventTypes: events.map((event) => event.type),
    userIds: [...new Set(events.map((event) => event.source.userId))],
    targetUrl: channel.webhookUrl ?? null,
    attempts: [],
    status: null,
    succeeded: false,
  };
  state.webhookDeliveries.push(delivery);
  if (channel.webhookUrl === undefined) return delivery;

  const redeliveries = kind === 'event' && channel.webhookRedelivery ? REDELIVERY_BACKOFF_MS.length : 0;
  for (let attempt = 0; attempt <= redeliveries; attempt += 1) {
    if (attempt > 0) await delay(REDELIVERY_BACKOFF_MS[attempt - 1] ?? 1_000);
    const isRedelivery = attempt > 0;
    const sent = isRedelivery ? events.map((event) => asRedelivery(event, true)) : events;
    const requestBody = JSON.stringify({ destination: channel.botUserId, events: sent });
    const signature = hmacSha256Base64(channel.channelSecret, requestBody);
    const headers = { 'content-type': 'application/json; charset=utf-8', 'x-line-signature': signature, 'user-agent': 'LineBotWebhook/2.0' };
    const result = await postOutbound(channel.webhookUrl, { body: requestBody, headers, timeoutMs: WEBHOOK_TIMEOUT_MS });
    const record: WebhookAttempt = { requestBody, signature, isRedelivery: sent.some((event) => event.deliveryContext.isRedelivery), status: result.status, body: result.body, sentAt: new Date().toISOString() };
    if (result.error !== undefined) record.error = result.error;
    delivery.attempts.push(record);
    delivery.status = result.status;
    if (succeeded(result.status)) {
      delivery.succeeded = true;
      break;
    }
  }
  return delivery;
}
