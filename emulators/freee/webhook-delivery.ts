// Sends one webhook to the configured receiver the way freee does: POST, JSON body, and the
// static verification token in `x-freee-token` (reference D.6).

import type { FreeeWebhookConfig, RecordedDelivery } from './webhook-event';

const DELIVERY_TIMEOUT_MS = 15_000;

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function deliverWebhook(config: FreeeWebhookConfig, payload: { body: string; token: string }): Promise<RecordedDelivery> {
  const headers = { 'content-type': 'application/json', 'x-freee-token': payload.token, 'user-agent': 'freee-webhook-emulator' };
  const base = { targetUrl: config.targetUrl, headers, requestBody: payload.body, sentAt: new Date().toISOString() };
  try {
    const response = await fetch(config.targetUrl, {
      method: 'POST',
      headers,
      body: payload.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    return { ...base, status: response.status, body: await readBody(response) };
  } catch (error) {
    return { ...base, status: null, body: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
