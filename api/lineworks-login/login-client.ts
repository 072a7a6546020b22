// LINE WORKS User Account auth with OpenID Connect (docs/providers/line-works.md#user-account-sign-in), as the employee ID-link uses
// it to learn which LINE WORKS account the person logged in with: the authorize URL (scope
// `openid`, state, nonce, PKCE S256, the exact registered redirect URI) and the code exchange
// followed by ID-token verification. The tokens live only inside `login()`: they are never
// returned, stored or logged — the verified account is all that leaves.
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { AuthRejectedError, classifyHttpError, ProviderRejectedError } from '../../providers/http-errors';
import { LineWorksLoginError } from './errors';
import { IdTokenVerifier, type LineWorksIdentity } from './id-token-verifier';

export interface LineWorksLoginOptions {
  /** `https://auth.worksmobile.com/oauth2/v2.0` (or the emulator's). */
  authBaseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  timeoutMs: number;
  now?: () => Date;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  id_token: z.string().min(1).optional(),
});

/** OAuth error codes of the token endpoint that mean "this code or this client is refused". */
const REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'UNAUTHORIZED']);

export class LineWorksLoginClient {
  private readonly http: AxiosInstance;
  private readonly verifier: IdTokenVerifier;

  constructor(private readonly opts: LineWorksLoginOptions) {
    this.http = axios.create({ baseURL: opts.authBaseUrl, timeout: opts.timeoutMs });
    this.verifier = new IdTokenVerifier({ authBaseUrl: opts.authBaseUrl, clientId: opts.clientId, timeoutMs: opts.timeoutMs, now: opts.now });
  }

  get redirectUri(): string {
    return this.opts.redirectUri;
  }

  /**
   * `forceLogin` sends `prompt=login`: the person logs in to pick the account to link, as the help
   * page's mobile steps show, even when the browser is already signed in to LINE WORKS. Without it,
   * LINE WORKS shows its login page only to a browser that is not signed in (docs/providers/line-works.md#user-account-sign-in).
   */
  authorizeUrl(p: { state: string; nonce: string; codeChallenge: string; forceLogin: boolean }): string {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: this.opts.clientId,
      redirect_uri: this.opts.redirectUri,
      scope: 'openid',
      state: p.state,
      nonce: p.nonce,
      code_challenge: p.codeChallenge,
      code_challenge_method: 'S256',
    });
    if (p.forceLogin) q.set('prompt', 'login');
    return `${this.opts.authBaseUrl}/authorize?${q.toString()}`;
  }

  /** Redeems the code and verifies the ID token; answers the account, or throws LineWorksLoginError. */
  async login(p: { code: string; codeVerifier: string; nonce: string }): Promise<LineWorksIdentity> {
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: p.code,
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
      redirect_uri: this.opts.redirectUri,
      code_verifier: p.codeVerifier,
    });
    let body: z.infer<typeof tokenResponse>;
    try {
      const res = await this.http.post<unknown>('/token', form.toString(), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      const parsed = tokenResponse.safeParse(res.data);
      if (!parsed.success) throw new LineWorksLoginError('token_refused', 'LINE WORKS token answer has no access token');
      body = parsed.data;
    } catch (err) {
      if (err instanceof LineWorksLoginError) throw err;
      const refused = (status: number, b: { error?: unknown; code?: unknown }): boolean =>
        status === 401 || (typeof b.error === 'string' && REFUSALS.has(b.error)) || (typeof b.code === 'string' && REFUSALS.has(b.code));
      const e = classifyHttpError('LINE WORKS auth', err, refused);
      if (e instanceof AuthRejectedError) throw new LineWorksLoginError('token_refused', e.message);
      if (e instanceof ProviderRejectedError) throw new LineWorksLoginError('request_rejected', e.message);
      throw new LineWorksLoginError('unavailable', e.message);
    }
    if (!body.id_token) throw new LineWorksLoginError('id_token_invalid', 'LINE WORKS answered without an ID token');
    return this.verifier.verify(body.id_token, { nonce: p.nonce, accessToken: body.access_token });
  }
}
