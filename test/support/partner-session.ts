// A signed-in Lansmart partner for tests that are not about LINE Login: the partner session the
// test API would issue (PartnerSessions with its SESSION_SECRET), as a cookie for a Playwright
// context or a Cookie header for fetch, plus the session's CSRF tokens.
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { BrowserContext } from 'playwright-core';
import { PartnerSessions, type PartnerSession } from '../../api/web/session';
import type { TestApi } from './api-server';
import { stack } from './stack';

export const PARTNER_COOKIE = 'renkei_partner';

/** The session implementation of the test API (same secret; cookies not Secure on http). */
export const testPartnerSessions = (): PartnerSessions => new PartnerSessions(stack().secrets.sessionSecret, { secure: false });

export function partnerSessionFor(partner: { partnerId: string; companyId: string }, displayName = '山田 花子'): PartnerSession {
  return { partnerId: partner.partnerId, companyId: partner.companyId, lineUserId: `U${randomBytes(16).toString('hex')}`, displayName, sid: randomBytes(16).toString('base64url') };
}

/** The signed cookie value of `session`, as PartnerSessions writes it. */
export async function signPartnerSession(session: PartnerSession): Promise<string> {
  let value: string | undefined;
  const cookieSink = {
    cookie(name: string, v: string) {
      if (name === PARTNER_COOKIE) value = v;
      return cookieSink;
    },
  };
  await testPartnerSessions().write(cookieSink as unknown as Response, session);
  if (!value) throw new Error(`PartnerSessions wrote no ${PARTNER_COOKIE} cookie`);
  return value;
}

/** Signs the partner in within a browser context (the cookie LINE Login would have set). */
export async function signInPartner(context: BrowserContext, api: TestApi, partner: { partnerId: string; companyId: string }): Promise<PartnerSession> {
  const session = partnerSessionFor(partner);
  await context.addCookies([{ name: PARTNER_COOKIE, value: await signPartnerSession(session), url: api.url, httpOnly: true, sameSite: 'Lax' }]);
  return session;
}

/** A `Cookie` header carrying the partner's session, for fetch. */
export async function partnerCookieHeader(session: PartnerSession): Promise<string> {
  return `${PARTNER_COOKIE}=${await signPartnerSession(session)}`;
}
