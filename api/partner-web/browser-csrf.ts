// CSRF protection for the forms a partner posts before any session exists (ユーザー登録's consents,
// 「LINEでログイン」): a signed double-submit token. The browser gets a random HttpOnly cookie; each
// form carries an HMAC of that cookie's value and the form's name, checked in constant time. A
// page on another site can neither read the cookie nor compute the token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookie, writeCookie, type CookieSettings } from '../web/cookies';

const COOKIE = 'renkei_pform';
const COOKIE_SECONDS = 24 * 3600;
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

export class BrowserCsrf {
  constructor(
    private readonly secret: string,
    private readonly cookies: CookieSettings,
  ) {}

  private mac(cookie: string, form: string): string {
    return createHmac('sha256', this.secret).update(`renkei/partner-form:${cookie}:${form}`).digest('base64url');
  }

  /** The token of `form` for this browser; gives the browser its cookie when it has none yet. */
  token(req: Request, res: Response, form: string): string {
    let cookie = readCookie(req, COOKIE);
    if (!cookie || !WELL_FORMED.test(cookie)) {
      cookie = randomBytes(32).toString('base64url');
      writeCookie(res, this.cookies, COOKIE, cookie, COOKIE_SECONDS);
    }
    return this.mac(cookie, form);
  }

  /** True when `given` is this browser's token of `form`. */
  valid(req: Request, form: string, given: unknown): boolean {
    const cookie = readCookie(req, COOKIE);
    if (!cookie || !WELL_FORMED.test(cookie) || typeof given !== 'string') return false;
    const expected = Buffer.from(this.mac(cookie, form));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
