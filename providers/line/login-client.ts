// LINE Login v2.1 for partners: the authorize URL, the code exchange, the ID token check (HS256
// keyed by the channel secret, as LINE signs web-login ID tokens), the friendship status, and the
// token checks that reveal 連動の解除 (LINE then refuses the partner's tokens).
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import { AuthRejectedError, classifyHttpError } from '../http-errors';

const PROVIDER = 'line-login';
export const LINE_ISSUER = 'https://access.line.me';

const tokenAnswer = z.object({
  access_token: z.string(),
  expires_in: z.coerce.number(),
  id_token: z.string().optional(),
  refresh_token: z.string(),
  scope: z.string().default(''),
});

export interface LineLoginTokens {
  accessToken: string;
  refreshToken: string;
  idToken?: string;
  expiresInSeconds: number;
  scope: string;
}

export interface LineIdentity {
  lineUserId: string;
  name?: string;
  email: string | null;
}

export class LineIdTokenError extends Error {
  override name = 'LineIdTokenError';
}

export interface LineLoginOptions {
  /** Where people log in: https://access.line.me */
  authBaseUrl: string;
  /** The API host: https://api.line.me */
  apiBaseUrl: string;
  channelId: string;
  channelSecret: string;
  timeoutMs: number;
}

export class LineLoginClient {
  private readonly http: AxiosInstance;

  constructor(private readonly o: LineLoginOptions) {
    this.http = axios.create({ baseURL: o.apiBaseUrl, timeout: o.timeoutMs });
  }

  authorizeUrl(p: { redirectUri: string; state: string; nonce: string; codeChallenge: string; botPrompt?: 'normal' | 'aggressive' }): string {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: this.o.channelId,
      redirect_uri: p.redirectUri,
      state: p.state,
      scope: 'profile openid email',
      nonce: p.nonce,
      code_challenge: p.codeChallenge,
      code_challenge_method: 'S256',
      ...(p.botPrompt ? { bot_prompt: p.botPrompt } : {}),
    });
    return `${this.o.authBaseUrl}/oauth2/v2.1/authorize?${q.toString()}`;
  }

  private async tokenRequest(form: Record<string, string>): Promise<LineLoginTokens> {
    try {
      const res = await this.http.post<unknown>('/oauth2/v2.1/token', new URLSearchParams(form).toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const t = tokenAnswer.parse(res.data);
      return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresInSeconds: t.expires_in, scope: t.scope, ...(t.id_token ? { idToken: t.id_token } : {}) };
    } catch (err) {
      // invalid_grant (a spent or revoked code / refresh token) is LINE refusing the credentials.
      throw classifyHttpError(PROVIDER, err, (status, body) => status === 401 || (status === 400 && body.error === 'invalid_grant'));
    }
  }

  exchangeCode(code: string, redirectUri: string, codeVerifier: string): Promise<LineLoginTokens> {
    return this.tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: this.o.channelId,
      client_secret: this.o.channelSecret,
      code_verifier: codeVerifier,
    });
  }

  refresh(refreshToken: string): Promise<LineLoginTokens> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: this.o.channelId, client_secret: this.o.channelSecret });
  }

  /** Verifies the web-login ID token locally: signature, issuer, audience, expiry and nonce. */
  async verifyIdToken(idToken: string, nonce: string): Promise<LineIdentity> {
    try {
      const { payload } = await jwtVerify(idToken, new TextEncoder().encode(this.o.channelSecret), {
        algorithms: ['HS256'],
        issuer: LINE_ISSUER,
        audience: this.o.channelId,
      });
      if (payload.nonce !== nonce) throw new LineIdTokenError('nonce mismatch');
      if (typeof payload.sub !== 'string') throw new LineIdTokenError('no subject');
      return {
        lineUserId: payload.sub,
        email: typeof payload.email === 'string' && payload.email !== '' ? payload.email : null,
        ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      };
    } catch (err) {
      if (err instanceof LineIdTokenError) throw err;
      throw new LineIdTokenError(err instanceof Error ? err.message : String(err));
    }
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
