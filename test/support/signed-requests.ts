// Requests as each sender signs them, for tests that speak to the API's edge directly: LINE
// (`x-line-signature`), LINE WORKS (`X-WORKS-Signature`, the Bot Secret or the Client Secret), freee
// (`x-freee-token`), renkei's signed events (`X-Renkei-Signature` / `X-Renkei-Timestamp`), and the
// freee session cookie of renkei's own pages with its CSRF tokens.
import { createHmac, randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { Sessions, type WebSession } from '../../api/web/session';
import { signTimestamped } from '../../api/signatures';
import { stack } from './stack';

export type SignedSender = 'line' | 'lineworks-bot' | 'lineworks-app' | 'freee' | 'freee-products' | 'lansmart';

const base64Hmac = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('base64');

/** The headers `sender` puts on `body` (a JSON content type included). */
export function signedHeaders(sender: SignedSender, body: string): Record<string, string> {
  const s = stack().secrets;
  const json = { 'content-type': 'application/json' };
  const ts = Math.floor(Date.now() / 1000);
  switch (sender) {
    case 'line':
      return { ...json, 'x-line-signature': base64Hmac(s.lineChannelSecret, body) };
    case 'lineworks-bot':
      return { ...json, 'x-works-signature': base64Hmac(s.botSecret, body) };
    case 'lineworks-app':
      return { ...json, 'x-works-signature': base64Hmac(s.clientSecret, body) };
    case 'freee':
      return { ...json, 'x-freee-token': s.freeeWebhookToken };
    case 'freee-products':
      return { ...json, 'x-renkei-timestamp': String(ts), 'x-renkei-signature': signTimestamped(body, s.productEventSecret, ts) };
    case 'lansmart':
      return { ...json, 'x-renkei-timestamp': String(ts), 'x-renkei-signature': signTimestamped(body, s.lansmartEventSecret, ts) };
  }
}

export const testWebSessions = (): Sessions => new Sessions(stack().secrets.sessionSecret, { secure: false });

export function webSessionFor(p: { freeeUserId: string; companyId: string; role?: string }): WebSession {
  return { freeeUserId: p.freeeUserId, companyId: p.companyId, companyName: 'テスト株式会社', role: p.role ?? 'admin', displayName: 'テスト', sid: randomBytes(16).toString('base64url') };
}

/** A `Cookie` header carrying the freee session renkei's pages would have issued. */
export async function webSessionCookie(session: WebSession): Promise<string> {
  let header = '';
  const sink = {
    cookie(name: string, v: string) {
      header = `${name}=${v}`;
      return sink;
    },
  };
  await testWebSessions().write(sink as unknown as Response, session);
  return header;
}
