// The LINE Messaging API calls renkei makes with the channel access token, through LINE's own SDK
// client (`messagingApi.MessagingApiClient`, base URL from configuration): push messages with an
// X-Line-Retry-Key (a 409 means the key was accepted before: already sent, not an error). Failures
// keep renkei's classification (docs/providers/line.md#retry-key): the 429 rate limit and 5xx are
// retried, the 429 monthly quota and other 4xx are not.
//
// The SDK client calls the global fetch with no way to pass an abort signal, so the configured
// timeout is a race: past it the push counts as a timeout (retried with the same retry key, which
// LINE answers 409 if the abandoned attempt was accepted after all) while the abandoned request
// runs on to its end.
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { z } from 'zod';
import { ProviderRejectedError, ProviderUnavailableError, classifyHttpFailure } from '../http-errors';

const PROVIDER = 'line';

export type LineAction =
  | { type: 'uri'; label: string; uri: string }
  | { type: 'postback'; label: string; data: string; displayText?: string };

export type LineMessage =
  | { type: 'text'; text: string }
  | { type: 'template'; altText: string; template: { type: 'buttons'; title?: string; text: string; actions: LineAction[] } };

const pushAnswer = z.object({ sentMessages: z.array(z.object({ id: z.string() })).default([]) });

export type PushOutcome = { outcome: 'sent'; requestId?: string } | { outcome: 'already_sent'; acceptedRequestId?: string };

class PushTimeout extends Error {}

function jsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * LINE answers 429 both for the per-second rate limit and for the exhausted monthly message
 * quota ("You have reached your monthly limit."); only the first passes with time.
 */
function isMonthlyLimit(status: number, body: unknown): boolean {
  if (status !== 429) return false;
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' && /monthly limit/i.test(message);
}

export class LineMessagingClient {
  private readonly client: messagingApi.MessagingApiClient;
  private readonly timeoutMs: number;

  constructor(options: { apiBaseUrl: string; channelAccessToken: string; timeoutMs: number }) {
    this.client = new messagingApi.MessagingApiClient({ baseURL: options.apiBaseUrl, channelAccessToken: options.channelAccessToken });
    this.timeoutMs = options.timeoutMs;
  }

  async push(to: string, messages: LineMessage[], retryKey: string): Promise<PushOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PushTimeout()), this.timeoutMs);
    });
    try {
      const res = await Promise.race([this.client.pushMessageWithHttpInfo({ to, messages }, retryKey), timeout]);
      pushAnswer.parse(res.body);
      const requestId = res.httpResponse.headers.get('x-line-request-id');
      return { outcome: 'sent', ...(requestId !== null ? { requestId } : {}) };
    } catch (err) {
      if (err instanceof PushTimeout) throw new ProviderUnavailableError(PROVIDER, `line did not answer within ${this.timeoutMs} ms`);
      if (!(err instanceof HTTPFetchError)) {
        // fetch's TypeError (refused, reset, DNS) or an unreadable 2xx body: worth another try.
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
        throw new ProviderUnavailableError(PROVIDER, `line unreachable: ${err instanceof Error ? err.message : String(err)}${cause}`);
      }
      if (err.status === 409) {
        const accepted = err.headers.get('x-line-accepted-request-id');
        return { outcome: 'already_sent', ...(accepted !== null ? { acceptedRequestId: accepted } : {}) };
      }
      const body = jsonBody(err.body);
      if (isMonthlyLimit(err.status, body)) throw new ProviderRejectedError(PROVIDER, 'line answered 429: the monthly message limit is reached; retrying cannot send until the quota resets', 429, 'monthly_limit');
      throw classifyHttpFailure(PROVIDER, { status: err.status, body, retryAfter: err.headers.get('retry-after') ?? undefined }, (status) => status === 401 || status === 403);
    } finally {
      clearTimeout(timer);
    }
  }
}
