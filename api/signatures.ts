// Webhook signature checks on the raw request body, all compared in constant time:
// - renkei's signed event endpoint: `X-Renkei-Signature: sha256=<hex HMAC-SHA256(secret, "{ts}.{body}")>`
//   with `X-Renkei-Timestamp` (unix seconds) inside a 5-minute window, so a captured request cannot
//   be replayed later;
// - LINE WORKS: `X-WORKS-Signature: base64(HMAC-SHA256(secret, body))`;
// - LINE: `x-line-signature: base64(HMAC-SHA256(channel secret, body))`, checked by @line/bot-sdk.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { validateSignature } from '@line/bot-sdk';

export const MAX_CLOCK_SKEW_SECONDS = 300;

function equalBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TimestampedCheck = 'ok' | 'missing' | 'stale' | 'mismatch';

export function checkTimestampedSignature(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  timestampHeader: string | undefined,
  secret: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): TimestampedCheck {
  if (!signatureHeader || !timestampHeader) return 'missing';
  if (!/^\d{1,12}$/.test(timestampHeader)) return 'mismatch';
  if (Math.abs(nowSeconds - Number(timestampHeader)) > MAX_CLOCK_SKEW_SECONDS) return 'stale';
  const match = /^sha256=([0-9a-f]{64})$/.exec(signatureHeader);
  if (!match?.[1]) return 'mismatch';
  const expected = createHmac('sha256', secret).update(`${timestampHeader}.`).update(rawBody).digest();
  return equalBytes(Buffer.from(match[1], 'hex'), expected) ? 'ok' : 'mismatch';
}

export function signTimestamped(rawBody: string, secret: string, timestamp: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** `base64(HMAC-SHA256(secret, body))` in a header: LINE WORKS (`X-WORKS-Signature`) and LINE (`x-line-signature`). */
export function base64BodySignatureValid(rawBody: Buffer, signatureHeader: string | undefined, secret: string): boolean {
  if (!signatureHeader) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return equalBytes(Buffer.from(signatureHeader, 'base64'), expected);
}

export const worksSignatureValid = base64BodySignatureValid;

/** LINE Messaging API, keyed by the channel secret: the LINE SDK's own check. */
export function lineSignatureValid(rawBody: Buffer, signatureHeader: string | undefined, channelSecret: string): boolean {
  return signatureHeader !== undefined && signatureHeader !== '' && validateSignature(rawBody, channelSecret, signatureHeader);
}
