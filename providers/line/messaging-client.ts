// The LINE Messaging API calls renkei makes with the channel access token: push messages with an
// X-Line-Retry-Key (a 409 means the key was accepted before: already sent, not an error).
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { z } from 'zod';
import { ProviderRejectedError, classifyHttpError } from '../http-errors';

const PROVIDER = 'line';

export type LineAction =
  | { type: 'uri'; label: string; uri: string }
  | { type: 'postback'; label: string; data: string; displayText?: string };

export type LineMessage =
  | { type: 'text'; text: string }
  | { type: 'template'; altText: string; template: { type: 'buttons'; title?: string; text: string; actions: LineAction[] } };

const pushAnswer = z.object({ sentMessages: z.array(z.object({ id: z.string() })).default([]) });

export type PushOutcome = { outcome: 'sent'; requestId?: string } | { outcome: 'already_sent'; acceptedRequestId?: string };

/**
 * LINE answers 429 both for the per-second rate limit and for the exhausted monthly message
 * quota ("You have reached your monthly limit."); only the first passes with time.
 */
function isMonthlyLimit(err: unknown): boolean {
  if (!(err instanceof AxiosError) || err.response?.status !== 429) return false;
  const data: unknown = err.response.data;
  const message = typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined;
  return typeof message === 'string' && /monthly limit/i.test(message);
}

export class LineMessagingClient {
  private readonly http: AxiosInstance;

  constructor(options: { apiBaseUrl: string; channelAccessToken: string; timeoutMs: number }) {
    this.http = axios.create({
      baseURL: options.apiBaseUrl,
      timeout: options.timeoutMs,
      headers: { Authorization: `Bearer ${options.channelAccessToken}` },
    });
  }

  async push(to: string, messages: LineMessage[], retryKey: string): Promise<PushOutcome> {
    try {
      const res = await this.http.post<unknown>('/v2/bot/message/push', { to, messages }, { headers: { 'X-Line-Retry-Key': retryKey } });
      pushAnswer.parse(res.data);
      const requestId: unknown = res.headers['x-line-request-id'];
      return { outcome: 'sent', ...(typeof requestId === 'string' ? { requestId } : {}) };
    } catch (err) {
      if (err instanceof AxiosError && err.response?.status === 409) {
        const accepted: unknown = err.response.headers['x-line-accepted-request-id'];
        return { outcome: 'already_sent', ...(typeof accepted === 'string' ? { acceptedRequestId: accepted } : {}) };
      }
      if (isMonthlyLimit(err)) throw new ProviderRejectedError(PROVIDER, 'line answered 429: the monthly message limit is reached; retrying cannot send until the quota resets', 429, 'monthly_limit');
      throw classifyHttpError(PROVIDER, err, (status) => status === 401 || status === 403);
    }
  }
}
