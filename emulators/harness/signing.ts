// HMAC signatures the emulators put on what they send: LINE WORKS' base64 HMAC-SHA256 of the raw
// body (X-WORKS-Signature) and the hex form used by renkei's signed event endpoint.

import { createHmac } from 'node:crypto';

export function hmacSha256Base64(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

export function hmacSha256Hex(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}
