// The LINE WORKS API 2.0 client renkei's activities use. One concern here: call the API with the
// tenant's service-account token, renew the token once when LINE WORKS refuses it, and classify
// every failure (providers/http-errors). Retrying is the caller's job (Temporal activity retries).
import axios, { type AxiosInstance } from 'axios';
import { AuthRejectedError, classifyHttpError } from '../http-errors';
import type { ServiceAccountProbe, ServiceAccountTokenProvider } from './service-account-token';
import type { RichMenu, RichMenuDefinition } from './richmenu-types';
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

  /** GET /bots/{botId}/richmenus, every page. */
  async listRichMenus(creds: TenantCredentials, botId: string): Promise<RichMenu[]> {
    const all: RichMenu[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.withToken(creds, (token) =>
        this.http.get<{ richmenus: RichMenu[]; responseMetaData?: { nextCursor?: string | null } }>(`/bots/${encodeURIComponent(botId)}/richmenus`, {
          params: { count: 100, ...(cursor ? { cursor } : {}) },
          headers: { Authorization: `Bearer ${token}` },
        }),
      );
      all.push(...res.data.richmenus);
      cursor = res.data.responseMetaData?.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** POST /bots/{botId}/richmenus → 201 {richmenuId, …}. */
  async createRichMenu(creds: TenantCredentials, botId: string, menu: RichMenuDefinition): Promise<string> {
    const res = await this.withToken(creds, (token) =>
      this.http.post<{ richmenuId: string }>(`/bots/${encodeURIComponent(botId)}/richmenus`, menu, { headers: { Authorization: `Bearer ${token}` } }),
    );
    return res.data.richmenuId;
  }

  /** Uploads a file for the bot: POST /bots/{botId}/attachments → {fileId, uploadUrl}, then the upload. */
  async uploadAttachment(creds: TenantCredentials, botId: string, fileName: string, bytes: Buffer, contentType: string): Promise<string> {
    const created = await this.withToken(creds, (token) =>
      this.http.post<{ fileId: string; uploadUrl: string }>(`/bots/${encodeURIComponent(botId)}/attachments`, { fileName }, { headers: { Authorization: `Bearer ${token}` } }),
    );
    const form = new FormData();
    form.append('Filedata', new Blob([bytes], { type: contentType }), fileName);
    await this.withToken(creds, (token) => this.http.post(created.data.uploadUrl, form, { headers: { Authorization: `Bearer ${token}` } }));
    return created.data.fileId;
  }

  /** POST /bots/{botId}/richmenus/{richmenuId}/image → 204. */
  async setRichMenuImage(creds: TenantCredentials, botId: string, richmenuId: string, fileId: string): Promise<void> {
    await this.withToken(creds, (token) =>
      this.http.post(`/bots/${encodeURIComponent(botId)}/richmenus/${encodeURIComponent(richmenuId)}/image`, { fileId }, { headers: { Authorization: `Bearer ${token}` } }),
    );
  }

  /** POST /bots/{botId}/richmenus/{richmenuId}/set-default. */
  async setDefaultRichMenu(creds: TenantCredentials, botId: string, richmenuId: string): Promise<void> {
    await this.withToken(creds, (token) =>
      this.http.post(`/bots/${encodeURIComponent(botId)}/richmenus/${encodeURIComponent(richmenuId)}/set-default`, undefined, { headers: { Authorization: `Bearer ${token}` } }),
    );
  }

  /** POST /bots/{botId}/richmenus/{richmenuId}/users/{userId} → 204: this user's menu. */
  async setUserRichMenu(creds: TenantCredentials, botId: string, richmenuId: string, userId: string): Promise<void> {
    await this.withToken(creds, (token) =>
      this.http.post(`/bots/${encodeURIComponent(botId)}/richmenus/${encodeURIComponent(richmenuId)}/users/${encodeURIComponent(userId)}`, undefined, {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
  }

  /** DELETE /bots/{botId}/richmenus/users/{userId} → 204: back to the default menu (404 = already there). */
  async clearUserRichMenu(creds: TenantCredentials, botId: string, userId: string): Promise<void> {
    await this.withToken(creds, (token) =>
      this.http.delete(`/bots/${encodeURIComponent(botId)}/richmenus/users/${encodeURIComponent(userId)}`, {
        headers: { Authorization: `Bearer ${token}` },
        validateStatus: (status) => (status >= 200 && status < 300) || status === 404,
      }),
    );
  }

  /** Is the app still installed in the tenant? (The service-account grant answers; see ServiceAccountTokenProvider.probe.) */
  appInstallation(creds: TenantCredentials): Promise<ServiceAccountProbe> {
    return this.opts.tokens.probe(creds);
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
