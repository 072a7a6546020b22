// Sends one product event to renkei's signed event endpoint: POST, JSON body,
// `X-Renkei-Timestamp: <unix seconds>` and `X-Renkei-Signature: sha256=<hex HMAC-SHA256 of
// "<timestamp>.<raw body>" keyed by the shared secret>`.

import { postOutbound } from '../harness/outbound';
import { hmacSha256Hex } from '../harness/signing';
import type { ProductEventDelivery } from './product-event';

export function renkeiSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${hmacSha256Hex(secret, `${timestamp}.${body}`)}`;
}

export async function deliverProductEvent(input: {
  targetUrl: string;
  secret: string;
  body: string;
  timestamp: number;
  signatureOverride?: string;
}): Promise<ProductEventDelivery> {
  const headers = {
    'content-type': 'application/json',
    'x-renkei-timestamp': String(input.timestamp),
    'x-renkei-signature': input.signatureOverride ?? renkeiSignature(input.secret, input.timestamp, input.body),
    'user-agent': 'freee-product-event-emulator',
  };
  const sentAt = new Date().toISOString();
  const result = await postOutbound(input.targetUrl, { body: input.body, headers });
  return { targetUrl: input.targetUrl, headers, requestBody: input.body, sentAt, ...result };
}
