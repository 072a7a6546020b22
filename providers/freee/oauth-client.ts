// freee OAuth 2.0 (authorization code with company selection, PKCE S256) as documented: authorize
// on the accounts host, token exchange and single-use refresh on /public_api/token.
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { AuthRejectedError, classifyHttpError } from '../http-errors';

export interface FreeeOAuthOptions {
  accountsBaseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

export interface FreeeTokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The business chosen at consent (prompt=select_company). */
  companyId?: string;
  scope: string;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive(),
  scope: z.string().default('read write'),
  company_id: z.union([z.string(), z.number()]).transform(String).nullish(),
});

/** freee answers 401 invalid_grant for a used, expired or revoked refresh token or code. */
const isAuthRefusal = (status: number): boolean => status === 400 || status === 401;

export class FreeeOAuthClient {
  private readonly http: AxiosInstance;

  constructor(private readonly opts: FreeeOAuthOptions) {
    this.http = axios.create({ baseURL: opts.accountsBaseUrl, timeout: opts.timeoutMs });
  }

  authorizeUrl(p: { redirectUri: string; state: string; codeChallenge: string }): string {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: this.opts.clientId,
      redirect_uri: p.redirectUri,
      state: p.state,
      prompt: 'select_company',
      code_challenge: p.codeChallenge,
      code_challenge_method: 'S256',
    });
    return `${this.opts.accountsBaseUrl}/public_api/authorize?${q.toString()}`;
  }

  exchangeCode(p: { code: string; redirectUri: string; codeVerifier: string }): Promise<FreeeTokenSet> {
    return this.token({ grant_type: 'authorization_code', code: p.code, redirect_uri: p.redirectUri, code_verifier: p.codeVerifier });
  }

  refresh(refreshToken: string): Promise<FreeeTokenSet> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  private async token(params: Record<string, string>): Promise<FreeeTokenSet> {
    const form = new URLSearchParams({ ...params, client_id: this.opts.clientId, client_secret: this.opts.clientSecret });
    try {
      const res = await this.http.post<unknown>('/public_api/token', form.toString(), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      const body = tokenResponse.parse(res.data);
      // freee refresh tokens are single-use: an answer without a new one leaves nothing to retry
      // with, so the user must authorise again.
      if (body.refresh_token === undefined) {
        throw new AuthRejectedError('freee auth', `freee answered ${params.grant_type} without a refresh_token; authorisation is needed again`, res.status, 'missing_refresh_token');
      }
      return {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: Date.now() + body.expires_in * 1000,
        companyId: body.company_id ?? undefined,
        scope: body.scope,
      };
    } catch (err) {
      if (err instanceof AuthRejectedError) throw err;
      throw classifyHttpError('freee auth', err, isAuthRefusal);
    }
  }
}
