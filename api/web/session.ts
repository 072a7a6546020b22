// The freee session of a person using renkei's pages: who they are in freee and which business
// (事業所) they act for. A signed, short-lived cookie (JWT HS256 via jose) holding identifiers only —
// tokens stay sealed in Mongo. Also the CSRF token every form posts back.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { SignJWT, jwtVerify } from 'jose';
import { clearCookie, readCookie, writeCookie, type CookieSettings } from './cookies';

const SESSION_COOKIE = 'renkei_session';
const SESSION_SECONDS = 8 * 3600;

export interface WebSession {
  freeeUserId: string;
  companyId: string;
  companyName: string;
  role: string;
  displayName: string;
  /** Random per session: CSRF tokens derive from it. */
  sid: string;
}

export class Sessions {
  private readonly key: Uint8Array;

  constructor(
    private readonly secret: string,
    private readonly cookies: CookieSettings,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async read(req: Request): Promise<WebSession | undefined> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'renkei' });
      const s = payload as Partial<WebSession>;
      if (!s.freeeUserId || !s.companyId || !s.sid) return undefined;
      return { freeeUserId: s.freeeUserId, companyId: s.companyId, companyName: s.companyName ?? '', role: s.role ?? '', displayName: s.displayName ?? '', sid: s.sid };
    } catch {
      return undefined;
    }
  }

  async write(res: Response, s: WebSession): Promise<void> {
    const token = await new SignJWT({ ...s }).setProtectedHeader({ alg: 'HS256' }).setIssuer('renkei').setIssuedAt().setExpirationTime(`${SESSION_SECONDS}s`).sign(this.key);
    writeCookie(res, this.cookies, SESSION_COOKIE, token, SESSION_SECONDS);
  }

  clear(res: Response): void {
    clearCookie(res, this.cookies, SESSION_COOKIE);
  }

  csrfToken(s: WebSession, form: string): string {
    return createHmac('sha256', this.secret).update(`${s.sid}:${form}`).digest('base64url');
  }

  csrfValid(s: WebSession, form: string, given: unknown): boolean {
    if (typeof given !== 'string') return false;
    const expected = Buffer.from(this.csrfToken(s, form));
    const g = Buffer.from(given);
    return g.length === expected.length && timingSafeEqual(g, expected);
  }
}
