// A session kept in a signed, short-lived cookie (JWT HS256 via jose) holding identifiers only,
// with the CSRF tokens its forms post back (HMAC of the session's random `sid` and the form name,
// compared in constant time). The freee session of renkei's settings pages and the Lansmart
// partner session of the phone pages are two instances with their own cookie and claims.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { SignJWT, jwtVerify } from 'jose';
import type { z } from 'zod';
import { clearCookie, readCookie, writeCookie, type CookieSettings } from './cookies';

export interface SignedSessionOptions<T> {
  cookie: string;
  /** JWT issuer, distinct per kind of session so one cookie's token never passes as the other. */
  issuer: string;
  seconds: number;
  claims: z.ZodType<T>;
}

export class SignedSession<T extends { sid: string }> {
  private readonly key: Uint8Array;

  constructor(
    private readonly secret: string,
    private readonly cookies: CookieSettings,
    private readonly options: SignedSessionOptions<T>,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async read(req: Request): Promise<T | undefined> {
    const token = readCookie(req, this.options.cookie);
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: this.options.issuer });
      const parsed = this.options.claims.safeParse(payload);
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async write(res: Response, s: T): Promise<void> {
    const token = await new SignJWT({ ...s })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(this.options.issuer)
      .setIssuedAt()
      .setExpirationTime(`${this.options.seconds}s`)
      .sign(this.key);
    writeCookie(res, this.cookies, this.options.cookie, token, this.options.seconds);
  }

  clear(res: Response): void {
    clearCookie(res, this.cookies, this.options.cookie);
  }

  csrfToken(s: T, form: string): string {
    return createHmac('sha256', this.secret).update(`${this.options.issuer}:${s.sid}:${form}`).digest('base64url');
  }

  csrfValid(s: T, form: string, given: unknown): boolean {
    if (typeof given !== 'string') return false;
    const expected = Buffer.from(this.csrfToken(s, form));
    const g = Buffer.from(given);
    return g.length === expected.length && timingSafeEqual(g, expected);
  }
}
