// LINE WORKS service-account authentication (JWT bearer, RFC 7523): mint an RS256 assertion
// (iss = client ID, sub = service account, 1 h), exchange it for an access token, cache it
// (memory, then the shared TokenStore) until shortly before expiry, and mint one at a time per
// tenant even when many deliveries ask at once.
import axios, { type AxiosInstance } from 'axios';
import { SignJWT, importPKCS8, type CryptoKey } from 'jose';
import { z } from 'zod';
import { AuthRejectedError, classifyHttpError } from '../http-errors';
import type { AccessToken, TokenStore } from './token-store';
import type { TenantCredentials } from './types';

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  scope: z.string().optional(),
  // LINE WORKS has sent both numbers and numeric strings here.
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number),
});

/**
 * The token endpoint's answer to a removed app's service account: the client authenticated but is
 * no longer authorised for this grant in the domain (RFC 6749 §5.2). A revoked tenant answers
 * `invalid_client`, a bad assertion or unknown account `invalid_grant`. How LINE WORKS tells an
 * integrator about a removal is not publicly documented; this is the contract renkei expects
 * (emulators/README.md, "App install and removal").
 */
export const APP_NOT_INSTALLED_ERROR = 'unauthorized_client';

/**
 * Whether the app is still installed in a tenant, as the service-account grant tells it:
 * `installed` (a token was issued), `removed` (the app's service account is gone with the app) or
 * `refused` (the credentials were refused for another reason: not a proof of removal).
 */
export type ServiceAccountProbe = 'installed' | 'removed' | 'refused';

export interface ServiceAccountTokenOptions {
  authBaseUrl: string;
  clientId: string;
  clientSecret: string;
  privateKeyPem: string;
  scope: string;
  store: TokenStore;
  timeoutMs: number;
  /** Renew this long before expiry. */
  refreshMarginMs?: number;
}

export class ServiceAccountTokenProvider {
  private readonly memory = new Map<string, AccessToken>();
  private readonly inFlight = new Map<string, Promise<AccessToken>>();
  private readonly http: AxiosInstance;
  private keyPromise: Promise<CryptoKey> | undefined;
  private readonly margin: number;

  constructor(private readonly opts: ServiceAccountTokenOptions) {
    this.http = axios.create({ baseURL: opts.authBaseUrl, timeout: opts.timeoutMs });
    this.margin = opts.refreshMarginMs ?? 5 * 60_000;
  }

  static storeKey(creds: TenantCredentials): string {
    return `lineworks-sa:${creds.worksTenantId}`;
  }

  async get(creds: TenantCredentials): Promise<string> {
    const key = ServiceAccountTokenProvider.storeKey(creds);
    const cached = this.memory.get(key);
    if (cached && this.fresh(cached)) return cached.token;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.loadOrMint(key, creds).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return (await pending).token;
  }

  /** Forgets a token that the API refused, so the next get() mints a new one. */
  async invalidate(creds: TenantCredentials, token: string): Promise<void> {
    const key = ServiceAccountTokenProvider.storeKey(creds);
    if (this.memory.get(key)?.token === token) this.memory.delete(key);
    await this.opts.store.drop(key, token);
  }

  /**
   * Asks the auth server for a new token for the tenant's service account, past every cache: the
   * one call that needs no token of the tenant and whose answer depends on the app still being
   * installed there. Throws when LINE WORKS did not answer the question (5xx, 429, network).
   */
  async probe(creds: TenantCredentials): Promise<ServiceAccountProbe> {
    try {
      await this.mint(creds);
      return 'installed';
    } catch (err) {
      if (err instanceof AuthRejectedError) return err.code === APP_NOT_INSTALLED_ERROR ? 'removed' : 'refused';
      throw err;
    }
  }

  private fresh(t: AccessToken): boolean {
    return t.expiresAt - this.margin > Date.now();
  }

  private async loadOrMint(key: string, creds: TenantCredentials): Promise<AccessToken> {
    const stored = await this.opts.store.load(key);
    if (stored && this.fresh(stored)) {
      this.memory.set(key, stored);
      return stored;
    }
    const minted = await this.mint(creds);
    await this.opts.store.save(key, minted);
    this.memory.set(key, minted);
    return minted;
  }

  private async mint(creds: TenantCredentials): Promise<AccessToken> {
    this.keyPromise ??= importPKCS8(this.opts.privateKeyPem, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(this.opts.clientId)
      .setSubject(creds.serviceAccountId)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(await this.keyPromise);
    const form = new URLSearchParams({
      assertion,
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
      scope: this.opts.scope,
    });
    try {
      const res = await this.http.post<unknown>('/token', form.toString(), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      const body = tokenResponse.parse(res.data);
      return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000, scope: body.scope ?? this.opts.scope };
    } catch (err) {
      if (err instanceof z.ZodError) throw classifyHttpError('LINE WORKS auth', new Error(`unexpected token response: ${err.message}`), () => false);
      // A refused client or assertion is an auth refusal: re-trying the same credentials will not help.
      throw classifyHttpError('LINE WORKS auth', err, (status) => status === 400 || status === 401 || status === 403);
    }
  }
}
