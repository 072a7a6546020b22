// LINE Login v2.1's token APIs for a partner already signed in: the refresh, the friendship status,
// and the token checks that reveal 連動の解除 (LINE then refuses the partner's tokens). The sign-in
// itself (authorize, code exchange, ID token) is api/line-login/sign-in-client.ts. The refresh is
// openid-client's refresh grant on a configuration built from the settings (the token endpoint on
// the API host, the channel's client_secret_post), so the worker never fetches LINE's
// openid-configuration; a refused refresh (invalid_grant, 401) is AuthRejectedError (the partner
// must authorise again), a 429 / 5xx / network failure is retried like any other provider error.
import axios, { AxiosError, type AxiosInstance } from 'axios';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { AuthRejectedError, classifyHttpError, classifyHttpFailure, ProviderUnavailableError, type ProviderError } from '../http-errors';

const PROVIDER = 'line-login';
/** The issuer of LINE Login (docs/providers/line.md#line-login-v21). */
const LINE_LOGIN_ISSUER = 'https://access.line.me';

const tokenAnswer = z.object({
  access_token: z.string(),
  expires_in: z.coerce.number(),
  refresh_token: z.string(),
  scope: z.string().default(''),
});

/** invalid_grant (a spent or revoked refresh token) or a 401 is LINE refusing the credentials. */
const isRefusal = (status: number, body: { error?: unknown }): boolean => status === 401 || (status === 400 && body.error === 'invalid_grant');

/** What a failed refresh grant means: refused credentials, a provider error by status, or LINE unreachable. */
function refreshProblem(err: unknown): ProviderError {
  if (err instanceof oidc.ResponseBodyError) {
    return classifyHttpFailure(PROVIDER, { status: err.status, body: err.cause, retryAfter: err.response.headers.get('retry-after') ?? undefined }, isRefusal);
  }
  const answer: unknown = err instanceof oidc.ClientError ? err.cause : undefined;
  if (answer instanceof Response) {
    return classifyHttpFailure(PROVIDER, { status: answer.status, body: undefined, retryAfter: answer.headers.get('retry-after') ?? undefined }, isRefusal);
  }
  // fetch failed or timed out, or an answer without usable tokens.
  const what = err instanceof oidc.ClientError ? `${err.code ?? 'unknown'}: ${err.message}` : err instanceof Error ? `${err.name}: ${err.message}` : 'unknown';
  return new ProviderUnavailableError(PROVIDER, `${PROVIDER} refresh failed (${what})`);
}

export interface LineLoginTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  scope: string;
}

export interface LineLoginOptions {
  /** The API host: https://api.line.me */
  apiBaseUrl: string;
  channelId: string;
  channelSecret: string;
  timeoutMs: number;
  /** The HTTP client of the refresh grant (a test may alter an answer); `fetch` otherwise. */
  fetch?: typeof fetch;
}

export class LineLoginClient {
  private readonly http: AxiosInstance;
  private readonly oauth: oidc.Configuration;

  constructor(private readonly o: LineLoginOptions) {
    this.http = axios.create({ baseURL: o.apiBaseUrl, timeout: o.timeoutMs });
    this.oauth = new oidc.Configuration(
      { issuer: LINE_LOGIN_ISSUER, token_endpoint: `${o.apiBaseUrl}/oauth2/v2.1/token` },
      o.channelId,
      undefined,
      oidc.ClientSecretPost(o.channelSecret),
    );
    this.oauth.timeout = Math.ceil(o.timeoutMs / 1000);
    if (o.fetch) this.oauth[oidc.customFetch] = o.fetch;
    // The emulator on loopback speaks plain HTTP; anything else must be HTTPS.
    const api = new URL(o.apiBaseUrl);
    if (api.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(api.hostname)) oidc.allowInsecureRequests(this.oauth);
  }

  /** POST /oauth2/v2.1/token, grant_type=refresh_token (LINE rotates the refresh token). */
  async refresh(refreshToken: string): Promise<LineLoginTokens> {
    let answer: oidc.TokenEndpointResponse;
    try {
      answer = await oidc.refreshTokenGrant(this.oauth, refreshToken);
    } catch (err) {
      throw refreshProblem(err);
    }
    const t = tokenAnswer.safeParse(answer);
    if (!t.success) throw new ProviderUnavailableError(PROVIDER, `${PROVIDER} answered a refresh without usable tokens`);
    return { accessToken: t.data.access_token, refreshToken: t.data.refresh_token, expiresInSeconds: t.data.expires_in, scope: t.data.scope };
  }

  /** GET /friendship/v1/status: a friend of the linked Official Account that does not block it. */
  async isFriend(accessToken: string): Promise<boolean> {
    try {
      const res = await this.http.get<unknown>('/friendship/v1/status', { headers: { Authorization: `Bearer ${accessToken}` } });
      return z.object({ friendFlag: z.boolean() }).parse(res.data).friendFlag;
    } catch (err) {
      throw classifyHttpError(PROVIDER, err, (status) => status === 401 || status === 400);
    }
  }

  /** GET /oauth2/v2.1/verify: throws AuthRejectedError when LINE no longer accepts the token. */
  async verifyAccessToken(accessToken: string): Promise<{ expiresInSeconds: number }> {
    try {
      const res = await this.http.get<unknown>('/oauth2/v2.1/verify', { params: { access_token: accessToken } });
      const v = z.object({ client_id: z.string(), expires_in: z.coerce.number() }).parse(res.data);
      if (v.client_id !== this.o.channelId) throw new AuthRejectedError(PROVIDER, 'the access token belongs to another channel');
      return { expiresInSeconds: v.expires_in };
    } catch (err) {
      if (err instanceof AuthRejectedError) throw err;
      if (err instanceof AxiosError && err.response && (err.response.status === 400 || err.response.status === 401)) {
        throw new AuthRejectedError(PROVIDER, `line-login refused the access token (${err.response.status})`, err.response.status);
      }
      throw classifyHttpError(PROVIDER, err, () => false);
    }
  }
}
