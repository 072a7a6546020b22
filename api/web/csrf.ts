// renkei's one CSRF scheme: a form's token is an HMAC of a scope, what the token is bound to and the
// form's name, checked in constant time. A form that leads to a step (the partner's order pages)
// also carries a random request ID minted when it is rendered: the step's update ID, so a double
// tap is one step, and part of the token's form name, so a posted request ID is always one this
// session was given. Signed in, it is bound to the session's random `sid`
// (session.ts). Before any session exists (ユーザー登録's consents, 「LINEでログイン」) it is bound to
// this browser: a signed double submit, where the browser gets a random HttpOnly cookie and each
// form carries the HMAC of that cookie's value. A page on another site can neither read the cookie
// nor compute the token. Sign-out is refused from other sites before its token is checked.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookie, writeCookie, type CookieSettings } from './cookies';

export function csrfToken(secret: string, scope: string, binding: string, form: string): string {
  return createHmac('sha256', secret).update(`${scope}:${binding}:${form}`).digest('base64url');
}

export function csrfValid(secret: string, scope: string, binding: string, form: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfToken(secret, scope, binding, form));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A step form's request ID and its CSRF token. */
export interface FormToken {
  rid: string;
  csrf: string;
}

const RID = /^[A-Za-z0-9_-]{16,64}$/;

export function issueFormToken(secret: string, scope: string, binding: string, form: string): FormToken {
  const rid = randomBytes(16).toString('base64url');
  return { rid, csrf: csrfToken(secret, scope, binding, `${form}:${rid}`) };
}

/** The posted token when its CSRF token is the binding's for this form and request ID. */
export function checkFormToken(secret: string, scope: string, binding: string, form: string, rid: unknown, csrf: unknown): FormToken | undefined {
  if (typeof rid !== 'string' || !RID.test(rid) || typeof csrf !== 'string') return undefined;
  return csrfValid(secret, scope, binding, `${form}:${rid}`, csrf) ? { rid, csrf } : undefined;
}

const BROWSER_COOKIE = 'renkei_pform';
const BROWSER_COOKIE_SECONDS = 24 * 3600;
const BROWSER_SCOPE = 'renkei/partner-form';
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

/** The CSRF tokens of forms posted before sign-in, bound to this browser's cookie. */
export class BrowserCsrf {
  constructor(
    private readonly secret: string,
    private readonly cookies: CookieSettings,
  ) {}

  /** The token of `form` for this browser; gives the browser its cookie when it has none yet. */
  token(req: Request, res: Response, form: string): string {
    let cookie = readCookie(req, BROWSER_COOKIE);
    if (!cookie || !WELL_FORMED.test(cookie)) {
      cookie = randomBytes(32).toString('base64url');
      writeCookie(res, this.cookies, BROWSER_COOKIE, cookie, BROWSER_COOKIE_SECONDS);
    }
    return csrfToken(this.secret, BROWSER_SCOPE, cookie, form);
  }

  /** This browser's random cookie, to key what a form keeps for it (form-flash.ts); undefined before it has one. */
  browserKey(req: Request): string | undefined {
    const cookie = readCookie(req, BROWSER_COOKIE);
    return cookie && WELL_FORMED.test(cookie) ? cookie : undefined;
  }

  /** True when `given` is this browser's token of `form`. */
  valid(req: Request, form: string, given: unknown): boolean {
    const cookie = readCookie(req, BROWSER_COOKIE);
    if (!cookie || !WELL_FORMED.test(cookie)) return false;
    return csrfValid(this.secret, BROWSER_SCOPE, cookie, form, given);
  }
}

/**
 * Whether a state-changing request comes from renkei's own pages. Browsers say where a request
 * comes from: `Sec-Fetch-Site` (every current browser) or else `Origin` (sent with every POST).
 * A request that carries neither is not from a browser (a script with no cookies of anyone's to
 * abuse) and is left to the CSRF token check that follows.
 */
export function fromSameOrigin(req: Request, publicUrl: string): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = req.get('origin');
  if (origin === undefined) return true;
  try {
    return origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}
