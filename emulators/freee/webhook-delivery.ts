// Sends one webhook to the configured receiver the way freee does: POST, JSON body, and the
// static verification token in `x-freee-token` (reference D.6).

import { postOutbound } from '../harness/outbound';
import type { FreeeWebhookConfig, RecordedDelivery } from './webhook-event';

export async function deliverWebhook(config: FreeeWebhookConfig, payload: { body: string; token: string }): Promise<RecordedDelivery> {
  const headers = { 'content-type': 'application/json', 'x-freee-token': payload.token, 'user-agent': 'freee-webhook-emulator' };
  const sentAt = new Date().toISOString();
  const result = await postOutbound(config.targetUrl, { body: payload.body, headers });
  return { targetUrl: config.targetUrl, headers, requestBody: payload.body, sentAt, ...result };
}
