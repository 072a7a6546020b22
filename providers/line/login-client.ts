// LINE Login v2.1's token APIs for a partner already signed in: the refresh, the friendship status,
// and the token checks that reveal 連動の解除 (LINE then refuses the partner's tokens). The sign-in
// itself (authorize, code exchange, ID token) is api/line-login/sign-in-client.ts.
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { z } from 'zod';
import { AuthRejectedError, classifyHttpError } from '../http-errors';

const PROVIDER = 'line-login';

const tokenAnswer = z.object({
  access_token: z.string(),
  expires_in: z.coerce.number(),
  refresh_token: z.string(),
  scope: z.string().default(''),
});

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
}

export class LineLoginClient {
  private readonly http: AxiosInstance;

  constructor(private readonly o: LineLoginOptions) {
    this.http = axios.create({ baseURL: o.apiBaseUrl, timeout: o.timeoutMs });
  }

  private async tokenRequest(form: Record<string, string>): Promise<LineLoginTokens> {
    try {
      const res = await this.http.post<unknown>('/oauth2/v2.1/token', new URLSearchParams(form).toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const t = tokenAnswer.parse(res.data);
      return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresInSeconds: t.expires_in, scope: t.scope };
    } catch (err) {
      // invalid_grant (a spent or revoked refresh token) is LINE refusing the credentials.
      throw classifyHttpError(PROVIDER, err, (status, body) => status === 401 || (status === 400 && body.error === 'invalid_grant'));
    }
  }

  refresh(refreshToken: string): Promise<LineLoginTokens> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: this.o.channelId, client_secret: this.o.channelSecret });
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
