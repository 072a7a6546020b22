// LINE Login v2.1 for partners (docs/providers/line.md#line-login-v21) through openid-client: discovery
// (LINE's openid-configuration, whose issuer must be https://access.line.me), the authorize URL
// (`profile openid email`, state, nonce, PKCE S256, bot_prompt, the registered redirect URI), the
// code exchange and the ID token's claims — `iss` the discovered issuer, `aud` the channel ID,
// `exp`, `iat`, `sub`, this login's `nonce`, and `alg` HS256. openid-client leaves the signature of
// an ID token received from the token endpoint over TLS to TLS (OpenID Connect Core 3.1.3.7) and
// verifies signatures only against the JWKS (ES256, LIFF and the SDKs); LINE signs web-login ID
// tokens HS256 with the channel secret, so renkei verifies that HMAC itself (jose), with iss, aud
// and exp again. The tokens leave only with the verified account, to be sealed by the caller.
import * as oidc from 'openid-client';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import type { LineLoginTokens } from '../../providers/line/login-client';
import { isLoopbackHttp } from '../lineworks-login/login-client';
import { LineLoginError } from './errors';

/** The issuer of LINE Login (its openid-configuration and every ID token). */
export const LINE_ISSUER = 'https://access.line.me';
/** LINE signs web-login ID tokens with the channel secret (docs/providers/line.md#line-login-v21). */
const ID_TOKEN_ALG = 'HS256';
const LOGIN_SCOPE = 'profile openid email';

export interface LineSignInOptions {
  /** Where LINE Login's discovery lives: https://access.line.me (or the emulator). */
  authBaseUrl: string;
  channelId: string;
  channelSecret: string;
  /** Where LINE Login returns (registered on the LINE Login channel). */
  redirectUri: string;
  timeoutMs: number;
  /** The HTTP client openid-client uses (a test may alter an answer); `fetch` otherwise. */
  fetch?: typeof fetch;
}

export interface LineIdentity {
  lineUserId: string;
  name?: string;
  /** Only in the ID token, and only when the `email` permission was granted and the account has one. */
  email: string | null;
}

export interface LineSignedInAccount {
  identity: LineIdentity;
  tokens: LineLoginTokens;
}

const identityClaims = z.object({
  sub: z.string().min(1).max(255),
  name: z.string().optional(),
  email: z.string().optional(),
});

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
  scope: z.string().default(''),
});

/** OAuth error codes of the token endpoint that mean "this code or this channel is refused". */
const REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

/** The check a library error names (its fixed message), never a value it carries. */
function checkNamed(err: Error & { code?: string }): string {
  const inner: unknown = err.cause;
  const detail = inner instanceof Error && inner.name === 'OperationProcessingError' ? `; ${inner.message}` : '';
  return `${err.code ?? 'unknown'}: ${err.message}${detail}`;
}

const byStatus = (status: number, what: string): LineLoginError =>
  status === 401
    ? new LineLoginError('token_refused', `${what} answered 401`)
    : status === 429 || status >= 500
      ? new LineLoginError('unavailable', `${what} answered ${status}`)
      : new LineLoginError('request_rejected', `${what} answered ${status}`);

/** What an openid-client failure means for the partner (messages name the check, never a value). */
function loginProblem(err: unknown): LineLoginError {
  if (err instanceof LineLoginError) return err;
  if (err instanceof oidc.ResponseBodyError) {
    if (err.status === 401 || REFUSALS.has(err.error)) return new LineLoginError('token_refused', `LINE refused the code (${err.error})`);
    if (err.status === 429 || err.status >= 500) return new LineLoginError('unavailable', `LINE answered ${err.status}`);
    return new LineLoginError('request_rejected', `LINE refused the request (${err.error})`);
  }
  if (err instanceof oidc.ClientError) {
    const cause: unknown = err.cause;
    if (cause instanceof Response) return byStatus(cause.status, 'LINE');
    return new LineLoginError('id_token_invalid', `LINE ID token refused (${checkNamed(err)})`);
  }
  // fetch failed, timed out, or the answer could not be read.
  return new LineLoginError('unavailable', `LINE could not be reached (${err instanceof Error ? err.name : 'unknown'})`);
}

export class LineSignInClient {
  private configured: Promise<oidc.Configuration> | undefined;

  constructor(private readonly opts: LineSignInOptions) {}

  get redirectUri(): string {
    return this.opts.redirectUri;
  }

  /** Discovery, once; a failed one is not remembered (the next login asks again). */
  private configuration(): Promise<oidc.Configuration> {
    if (this.configured) return this.configured;
    const o = this.opts;
    const configured = oidc
      .discovery(
        new URL(`${o.authBaseUrl}/.well-known/openid-configuration`),
        o.channelId,
        { id_token_signed_response_alg: ID_TOKEN_ALG },
        oidc.ClientSecretPost(o.channelSecret),
        {
          execute: isLoopbackHttp(o.authBaseUrl) ? [oidc.allowInsecureRequests] : [],
          timeout: Math.ceil(o.timeoutMs / 1000),
          ...(o.fetch ? { [oidc.customFetch]: o.fetch } : {}),
        },
      )
      .then((config) => {
        // The document is fetched by its own URL, so openid-client takes its issuer as it comes.
        if (config.serverMetadata().issuer !== LINE_ISSUER) throw new LineLoginError('request_rejected', `LINE's openid-configuration names another issuer than ${LINE_ISSUER}`);
        return config;
      })
      .catch((err: unknown) => {
        if (this.configured === configured) this.configured = undefined;
        throw loginProblem(err);
      });
    this.configured = configured;
    return configured;
  }

  /**
   * The authorize URL of one sign-in. `bot_prompt=aggressive` shows the add-friend screen of the
   * linked Official Account after the consent (docs/providers/line.md#authorize).
   */
  async authorizeUrl(p: { state: string; nonce: string; codeChallenge: string; botPrompt?: 'normal' | 'aggressive' }): Promise<string> {
    const config = await this.configuration();
    const params: Record<string, string> = {
      response_type: 'code',
      redirect_uri: this.opts.redirectUri,
      scope: LOGIN_SCOPE,
      state: p.state,
      nonce: p.nonce,
      code_challenge: p.codeChallenge,
      code_challenge_method: 'S256',
    };
    if (p.botPrompt) params.bot_prompt = p.botPrompt;
    return oidc.buildAuthorizationUrl(config, params).href;
  }

  /** The HS256 signature with the channel secret, and iss / aud / exp once more (jose). */
  private async verifySignature(idToken: string): Promise<void> {
    try {
      await jwtVerify(idToken, new TextEncoder().encode(this.opts.channelSecret), { algorithms: [ID_TOKEN_ALG], issuer: LINE_ISSUER, audience: this.opts.channelId });
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? String(err.code) : 'unknown';
      throw new LineLoginError('id_token_invalid', `LINE ID token refused (${code})`);
    }
  }

  /** Redeems the callback's code (with its state) and verifies the ID token; answers the account and its tokens, or throws LineLoginError. */
  async signIn(p: { code: string; state: string; codeVerifier: string; nonce: string }): Promise<LineSignedInAccount> {
    const config = await this.configuration();
    const callback = new URL(this.opts.redirectUri);
    callback.searchParams.set('code', p.code);
    callback.searchParams.set('state', p.state);
    let answer: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      answer = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: p.codeVerifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw loginProblem(err);
    }
    const idToken = answer.id_token;
    if (idToken === undefined) throw new LineLoginError('id_token_invalid', 'LINE answered without an ID token');
    await this.verifySignature(idToken);
    const claims = identityClaims.safeParse(answer.claims());
    if (!claims.success) throw new LineLoginError('id_token_invalid', 'LINE ID token refused (no usable sub / name / email)');
    const tokens = tokenAnswer.safeParse(answer);
    if (!tokens.success) throw new LineLoginError('request_rejected', 'LINE answered tokens renkei cannot use (access, refresh token or expiry missing)');
    const { sub, name, email } = claims.data;
    return {
      identity: { lineUserId: sub, email: email !== undefined && email !== '' ? email : null, ...(name !== undefined ? { name } : {}) },
      tokens: { accessToken: tokens.data.access_token, refreshToken: tokens.data.refresh_token, expiresInSeconds: tokens.data.expires_in, scope: tokens.data.scope },
    };
  }
}
