// LINE WORKS User Account auth with OpenID Connect (docs/providers/line-works.md#user-account-sign-in), as the employee ID-link uses
// it to learn which LINE WORKS account the person logged in with. openid-client does the protocol:
// discovery (the openid-configuration), the authorize URL (scope `openid`, state, nonce, PKCE S256,
// the exact registered redirect URI), the code exchange and the ID token's checks — its RS256
// signature with the key named by `kid` from LINE WORKS' JWKS, `iss` the published issuer, `aud` the
// client ID, `nonce`, `iat`/`exp` — and renkei adds what LINE WORKS asks that the library leaves to
// the client in the code flow: `at_hash` over the access token, and a fresh `iat`. The tokens live only inside `login()`: they are never returned,
// stored or logged — the verified account is all that leaves.
import { createHash, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { LineWorksLoginError } from './errors';

export interface LineWorksLoginOptions {
  /** `https://auth.worksmobile.com/oauth2/v2.0` (or the emulator's). */
  authBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  timeoutMs: number;
  /** How far renkei's clock is off, in seconds (a test may look at a token from the future). */
  clockSkewSeconds?: number;
  /** The HTTP client openid-client uses (a test may alter an answer); `fetch` otherwise. */
  fetch?: typeof fetch;
}

export interface LineWorksIdentity {
  /** The LINE WORKS user ID (`sub`). */
  userId: string;
  /** The LINE WORKS domain (tenant) ID, as a string. */
  domainId: string;
}

const identityClaims = z.object({
  sub: z.string().min(1).max(255),
  domain_id: z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)]).transform(String),
});

/** OAuth error codes of the token endpoint that mean "this code or this client is refused". */
const REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'UNAUTHORIZED']);

const CLOCK_TOLERANCE_SECONDS = 60;
const MAX_TOKEN_AGE_SECONDS = 10 * 60;

/** at_hash for RS256: base64url of the left half of SHA-256 over the access token (ASCII). */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The embedded stack's LINE WORKS (the emulator) is plain http on loopback; nothing else may be. */
export function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** What an openid-client failure means for the person (messages name the check, never a value). */
function loginProblem(err: unknown): LineWorksLoginError {
  if (err instanceof LineWorksLoginError) return err;
  if (err instanceof oidc.ResponseBodyError) {
    if (err.status === 401 || REFUSALS.has(err.error)) return new LineWorksLoginError('token_refused', `LINE WORKS refused the code (${err.error})`);
    if (err.status === 429 || err.status >= 500) return new LineWorksLoginError('unavailable', `LINE WORKS answered ${err.status}`);
    return new LineWorksLoginError('request_rejected', `LINE WORKS refused the request (${err.error})`);
  }
  if (err instanceof oidc.ClientError) {
    const cause: unknown = err.cause;
    if (cause instanceof Response) {
      if (cause.status === 401) return new LineWorksLoginError('token_refused', 'LINE WORKS answered 401');
      if (cause.status === 429 || cause.status >= 500) return new LineWorksLoginError('unavailable', `LINE WORKS answered ${cause.status}`);
      return new LineWorksLoginError('request_rejected', `LINE WORKS answered ${cause.status}`);
    }
    return new LineWorksLoginError('id_token_invalid', `LINE WORKS ID token refused (${err.code ?? 'unknown'}: ${err.message})`);
  }
  // fetch failed, timed out, or the answer could not be read.
  return new LineWorksLoginError('unavailable', `LINE WORKS could not be reached (${err instanceof Error ? err.name : 'unknown'})`);
}

export class LineWorksLoginClient {
  private configured: Promise<oidc.Configuration> | undefined;

  constructor(private readonly opts: LineWorksLoginOptions) {}

  get redirectUri(): string {
    return this.opts.redirectUri;
  }

  /** Discovery, once; a failed one is not remembered (the next login asks again). */
  private configuration(): Promise<oidc.Configuration> {
    if (this.configured) return this.configured;
    const o = this.opts;
    const execute = [oidc.enableNonRepudiationChecks, ...(isLoopbackHttp(o.authBaseUrl) ? [oidc.allowInsecureRequests] : [])];
    const configured = oidc
      .discovery(
        // The document's own URL: its `issuer` is the one ID tokens must carry.
        new URL(`${o.authBaseUrl}/.well-known/openid-configuration`),
        o.clientId,
        { id_token_signed_response_alg: 'RS256', ...(o.clockSkewSeconds ? { [oidc.clockSkew]: o.clockSkewSeconds } : {}) },
        oidc.ClientSecretPost(o.clientSecret),
        { execute, timeout: Math.ceil(o.timeoutMs / 1000), ...(o.fetch ? { [oidc.customFetch]: o.fetch } : {}) },
      )
      .catch((err: unknown) => {
        if (this.configured === configured) this.configured = undefined;
        throw loginProblem(err);
      });
    this.configured = configured;
    return configured;
  }

  /**
   * `forceLogin` sends `prompt=login`: the person logs in to pick the account to link, as the help
   * page's mobile steps show, even when the browser is already signed in to LINE WORKS. Without it,
   * LINE WORKS shows its login page only to a browser that is not signed in (docs/providers/line-works.md#user-account-sign-in).
   */
  async authorizeUrl(p: { state: string; nonce: string; codeChallenge: string; forceLogin: boolean }): Promise<string> {
    const config = await this.configuration();
    const params: Record<string, string> = {
      response_type: 'code',
      redirect_uri: this.opts.redirectUri,
      scope: 'openid',
      state: p.state,
      nonce: p.nonce,
      code_challenge: p.codeChallenge,
      code_challenge_method: 'S256',
    };
    if (p.forceLogin) params.prompt = 'login';
    return oidc.buildAuthorizationUrl(config, params).href;
  }

  /** Redeems the code of the callback (with its state) and checks the ID token; answers the account, or throws LineWorksLoginError. */
  async login(p: { code: string; state: string; codeVerifier: string; nonce: string }): Promise<LineWorksIdentity> {
    const config = await this.configuration();
    const callback = new URL(this.opts.redirectUri);
    callback.searchParams.set('code', p.code);
    callback.searchParams.set('state', p.state);
    let claims: oidc.IDToken | undefined;
    let accessToken: string;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: p.codeVerifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      accessToken = tokens.access_token;
    } catch (err) {
      throw loginProblem(err);
    }
    // openid-client requires `iat` but leaves its age to the client: the token was minted for this
    // very login, so it must be fresh and not from the future.
    const now = Math.floor(Date.now() / 1000) + (this.opts.clockSkewSeconds ?? 0);
    if (!claims || claims.iat > now + CLOCK_TOLERANCE_SECONDS || claims.iat < now - MAX_TOKEN_AGE_SECONDS) {
      throw new LineWorksLoginError('id_token_invalid', 'LINE WORKS ID token refused (not issued for this login)');
    }
    if (typeof claims.at_hash !== 'string' || !sameText(claims.at_hash, accessTokenHash(accessToken))) {
      throw new LineWorksLoginError('id_token_invalid', 'LINE WORKS ID token refused (at_hash does not match the access token)');
    }
    const identity = identityClaims.safeParse(claims);
    if (!identity.success) throw new LineWorksLoginError('id_token_invalid', 'LINE WORKS ID token refused (no usable sub / domain_id)');
    return { userId: identity.data.sub, domainId: identity.data.domain_id };
  }
}
