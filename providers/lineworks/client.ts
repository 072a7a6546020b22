// The LINE WORKS API 2.0 client renkei's activities use. One concern here: call the API with the
// tenant's service-account token, renew the token once when LINE WORKS refuses it, and classify
// every failure (providers/http-errors). Retrying is the caller's job (Temporal activity retries).
import axios, { type AxiosInstance } from 'axios';
import { AuthRejectedError, classifyHttpError } from '../http-errors';
import type { ServiceAccountTokenProvider } from './service-account-token';
import type { MessageContent, TenantCredentials } from './types';

export interface LineWorksClientOptions {
  apiBaseUrl: string;
  timeoutMs: number;
  tokens: ServiceAccountTokenProvider;
}

/** LINE WORKS signals an expired/invalid token with UNAUTHORIZED on 401 or 403. */
const isAuthRefusal = (status: number, body: { code?: unknown }): boolean =>
  status === 401 || (status === 403 && body.code === 'UNAUTHORIZED');

export class LineWorksClient {
  private readonly http: AxiosInstance;

  constructor(private readonly opts: LineWorksClientOptions) {
    this.http = axios.create({ baseURL: opts.apiBaseUrl, timeout: opts.timeoutMs });
  }

  /** POST /bots/{botId}/users/{userId}/messages → 201. */
  async sendUserMessage(creds: TenantCredentials, botId: string, userId: string, content: MessageContent): Promise<void> {
    const path = `/bots/${encodeURIComponent(botId)}/users/${encodeURIComponent(userId)}/messages`;
    await this.withToken(creds, (token) =>
      this.http.post(path, { content }, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } }),
    );
  }

  private async withToken<T>(creds: TenantCredentials, call: (token: string) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.opts.tokens.get(creds);
      try {
        return await call(token);
      } catch (err) {
        const classified = classifyHttpError('LINE WORKS', err, isAuthRefusal);
        if (classified instanceof AuthRejectedError && attempt === 1) {
          // The cached token may have been revoked or rotated: renew it once.
          await this.opts.tokens.invalidate(creds, token);
          continue;
        }
        throw classified;
      }
    }
  }
}
