// renkei's sessions: a signed, short-lived cookie (JWT HS256 via jose) holding identifiers only —
// tokens stay sealed in Mongo — with the CSRF tokens its forms post back, bound to the session's
// random `sid` (csrf.ts). Two kinds, each with its own cookie and issuer so one never passes as the
// other: the freee session of renkei's settings and link pages, and the Lansmart partner session
// of the phone pages (opened by LINE Login). A page that needs a session and finds none sends the
// person to that session's sign-in (freee's login, 「LINEでログイン」), which comes back to the page.
import type { Request, Response } from 'express';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { clearCookie, readCookie, writeCookie, type CookieSettings } from './cookies';
import { checkFormToken, csrfToken, csrfValid, issueFormToken, type FormToken } from './csrf';

export interface SignedSessionOptions<T> {
  cookie: string;
  /** JWT issuer, distinct per kind of session so one cookie's token never passes as the other. */
  issuer: string;
  seconds: number;
  claims: z.ZodType<T>;
  /** Where a page that needs this session sends a person who has none (`?return_to=` the page). */
  loginPath: string;
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

  /** The session, or a redirect to the sign-in that comes back to the same page. */
  async readOrLogin(req: Request, res: Response): Promise<T | undefined> {
    const session = await this.read(req);
    if (session) return session;
    res.redirect(303, `${this.options.loginPath}?return_to=${encodeURIComponent(req.originalUrl)}`);
    return undefined;
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

  /** The CSRF token of `form` for this session: bound to the session's `sid`, scoped by the issuer. */
  csrfToken(s: T, form: string): string {
    return csrfToken(this.secret, this.options.issuer, s.sid, form);
  }

  csrfValid(s: T, form: string, given: unknown): boolean {
    return csrfValid(this.secret, this.options.issuer, s.sid, form, given);
  }

  /** A new request ID for a step form of `form`, with its CSRF token (csrf.ts). */
  formToken(s: T, form: string): FormToken {
    return issueFormToken(this.secret, this.options.issuer, s.sid, form);
  }

  /** The posted form's request ID and token (fields `rid`, `csrf`) when they are this session's for `form`. */
  checkFormToken(s: T, form: string, body: Readonly<Record<string, unknown>>): FormToken | undefined {
    return checkFormToken(this.secret, this.options.issuer, s.sid, form, body.rid, body.csrf);
  }
}

/** Who a person is in freee and which business (事業所) they act for. */
const webSession = z.object({
  freeeUserId: z.string().min(1),
  companyId: z.string().min(1),
  companyName: z.string().default(''),
  role: z.string().default(''),
  displayName: z.string().default(''),
  /** Every business of the person (at most 50): 通知設定 names the LINE WORKS already linked to another of them. */
  companyIds: z.array(z.string().min(1)).max(50).optional(),
  /** Random per session: CSRF tokens derive from it. */
  sid: z.string().min(1),
});
export type WebSession = z.infer<typeof webSession>;

export class Sessions extends SignedSession<WebSession> {
  constructor(secret: string, cookies: CookieSettings) {
    super(secret, cookies, { cookie: 'renkei_session', issuer: 'renkei', seconds: 8 * 3600, claims: webSession, loginPath: '/auth/freee/login' });
  }
}

/** Which partner of which company, through which LINE account. */
const partnerSession = z.object({
  partnerId: z.string().min(1),
  companyId: z.string().min(1),
  lineUserId: z.string().min(1),
  displayName: z.string().default(''),
  sid: z.string().min(1),
});
export type PartnerSession = z.infer<typeof partnerSession>;

/** A partner stays signed in on the phone for a working day. */
export const PARTNER_SESSION_SECONDS = 12 * 3600;

export class PartnerSessions extends SignedSession<PartnerSession> {
  constructor(secret: string, cookies: CookieSettings) {
    super(secret, cookies, { cookie: 'renkei_partner', issuer: 'renkei/partner', seconds: PARTNER_SESSION_SECONDS, claims: partnerSession, loginPath: '/partner/login' });
  }
}
