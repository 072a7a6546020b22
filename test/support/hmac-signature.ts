// Checks a provider-style request signature: base64(HMAC-SHA256(secret, raw body)), compared in
// constant time. LINE's x-line-signature and LINE WORKS' X-WORKS-Signature both take this form.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSignatureValid(secret: string, body: string, signature: string | undefined): boolean {
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature ?? '', 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
