// Issues and consumes OAuth `state` values: random, HMAC-signed (a forged or malformed value is
// refused before any lookup), stored server-side with the PKCE verifier, bound to the browser by a
// cookie the server issued and signed (a value a browser brings that renkei did not issue is never
// adopted, so the binding cannot be fixated), valid ten minutes, and consumable exactly once. A consumed state keeps no
// verifier.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { claimOnce } from '../../models/claim';
import { OAuthState, type OAuthPurpose } from '../../models/oauth-state';
import { readCookie, writeCookie, type CookieSettings } from './cookies';

const BINDING_COOKIE = 'renkei_bind';
const UNBOUND = '-';
export const STATE_TTL_MS = 10 * 60_000;
/** A state or ticket as issued: 24 random bytes and a 22-character signature, base64url. */
export const oauthStateValue = z.string().regex(/^[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{22}$/);
/** The binding cookie as issued: 32 random bytes and their signature, base64url. */
const bindingValue = z.string().regex(/^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{22})$/);
/** The flow data key that is a secret of the sign-in (an OIDC nonce), deleted once the state is used. */
const CONSUMED_SECRET_DATA = 'nonce';

export type StateProblem = 'invalid' | 'expired' | 'reused' | 'other_browser';

export class StateError extends Error {
  /** For a reused state: what the first use carried (to show its outcome again). */
  constructor(
    readonly problem: StateProblem,
    readonly data?: Record<string, string>,
  ) {
    super(`OAuth state ${problem}`);
    this.name = 'StateError';
  }
}

const b64url = (b: Buffer): string => b.toString('base64url');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

export interface IssuedState {
  state: string;
  codeChallenge: string;
}

export class OAuthStates {
  constructor(
    private readonly secret: string,
    private readonly cookies: CookieSettings,
  ) {}

  private sign(id: string): string {
    return b64url(createHmac('sha256', this.secret).update(id).digest()).slice(0, 22);
  }

  /** This browser's binding cookie, only if renkei issued it (its signature verifies). */
  private issuedBinding(req: Request): string | undefined {
    const parsed = bindingValue.safeParse(readCookie(req, BINDING_COOKIE));
    if (!parsed.success) return undefined;
    const [random, sig] = parsed.data.split('.') as [string, string];
    return timingSafeEqual(Buffer.from(sig), Buffer.from(this.sign(`binding:${random}`))) ? parsed.data : undefined;
  }

  private binding(req: Request, res: Response): string {
    let value = this.issuedBinding(req);
    if (!value) {
      const random = b64url(randomBytes(32));
      value = `${random}.${this.sign(`binding:${random}`)}`;
      writeCookie(res, this.cookies, BINDING_COOKIE, value, 24 * 3600);
    }
    return value;
  }

  async issue(req: Request, res: Response, purpose: OAuthPurpose, data: Record<string, string> = {}): Promise<IssuedState> {
    const id = b64url(randomBytes(24));
    const codeVerifier = b64url(randomBytes(48));
    await OAuthState.create({
      _id: id,
      purpose,
      binding: sha256(this.binding(req, res)),
      codeVerifier,
      data,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    });
    return { state: `${id}.${this.sign(id)}`, codeChallenge: b64url(createHash('sha256').update(codeVerifier).digest()) };
  }

  /**
   * A single-use value that is not bound to a browser (a link sent to a person in LINE WORKS):
   * whoever opens it first consumes it, and the flow continues bound to that browser.
   */
  async issueTicket(purpose: OAuthPurpose, data: Record<string, string>): Promise<string> {
    const id = b64url(randomBytes(24));
    await OAuthState.create({ _id: id, purpose, binding: UNBOUND, data, expiresAt: new Date(Date.now() + STATE_TTL_MS) });
    return `${id}.${this.sign(id)}`;
  }

  private idOf(state: unknown): string {
    const parsed = oauthStateValue.safeParse(state);
    if (!parsed.success) throw new StateError('invalid');
    const [id, sig] = parsed.data.split('.') as [string, string];
    if (!timingSafeEqual(Buffer.from(sig), Buffer.from(this.sign(id)))) throw new StateError('invalid');
    return id;
  }

  /** The data of a live state of this browser, without consuming it (for a page before its form). */
  async peek(req: Request, state: unknown, purpose: OAuthPurpose): Promise<Record<string, string>> {
    const id = this.idOf(state);
    const doc = await OAuthState.findOne({ _id: id, purpose }).lean();
    if (!doc) throw new StateError('invalid');
    if (doc.usedAt) throw new StateError('reused');
    if (doc.expiresAt.getTime() <= Date.now()) throw new StateError('expired');
    const cookie = this.issuedBinding(req);
    if (!cookie || sha256(cookie) !== doc.binding) throw new StateError('other_browser');
    return (doc.data ?? {}) as Record<string, string>;
  }

  /** The record ID inside a state value (stable across retries: an idempotency key). */
  stateId(state: string): string {
    return this.idOf(state);
  }

  /** Consumes a state once; returns its data and PKCE verifier, or throws StateError. */
  async consume(req: Request, state: unknown, purpose: OAuthPurpose): Promise<{ data: Record<string, string>; codeVerifier: string }> {
    const id = this.idOf(state);
    const now = new Date();
    const doc = await OAuthState.findOne({ _id: id, purpose }).lean();
    if (!doc) throw new StateError('invalid');
    // Exactly one consumer, even for two clicks at the same instant.
    const sameBrowser = (): boolean => {
      if (doc.binding === UNBOUND) return true;
      const cookie = this.issuedBinding(req);
      return !!cookie && sha256(cookie) === doc.binding;
    };
    if (doc.usedAt || !(await claimOnce(`oauth-state:${id}`, 'consume', STATE_TTL_MS * 2))) {
      // Only the browser that started the flow learns what the first use carried.
      throw sameBrowser() ? new StateError('reused', (doc.data ?? {}) as Record<string, string>) : new StateError('reused');
    }
    // A used state keeps what single-use and double-click detection need (usedAt, binding, the
    // flow's data); its secrets go: the PKCE verifier and the ID token's nonce.
    await OAuthState.updateOne({ _id: id }, { $set: { usedAt: now }, $unset: { codeVerifier: '', [`data.${CONSUMED_SECRET_DATA}`]: '' } });
    if (doc.expiresAt.getTime() <= now.getTime()) throw new StateError('expired');
    if (!sameBrowser()) throw new StateError('other_browser');
    return { data: (doc.data ?? {}) as Record<string, string>, codeVerifier: doc.codeVerifier ?? '' };
  }
}
