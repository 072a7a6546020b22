// Sends bot callbacks the way LINE WORKS does (docs/providers/line-works.md#callbacks): POST to the bot's callback URL,
// `Content-Type: application/json; charset=UTF-8`, `X-WORKS-BotId`, and `X-WORKS-Signature` =
// base64(HMAC-SHA256(raw body, Bot Secret)). Never resent on failure, as documented; every send
// is recorded with what came back.

import { postOutbound } from '../harness/outbound';
import { hmacSha256Base64 } from '../harness/signing';
import type { BotCallbackEvent, CallbackSource, RecordedCallback } from './callback-event';
import { domainIdOf } from './domain-id';
import type { Bot } from './installations';
import type { LineWorksState } from './state';

const CALLBACK_TIMEOUT_MS = 10_000;

export function callbackSource(bot: Bot, userId: string, channelId?: string): CallbackSource {
  return { userId, ...(channelId === undefined ? {} : { channelId }), domainId: domainIdOf(bot.tenantId) };
}

export async function sendBotCallback(
  state: LineWorksState,
  bot: Bot,
  payload: { event: BotCallbackEvent } | { rawBody: string },
  options: { signatureOverride?: string } = {},
): Promise<RecordedCallback> {
  const requestBody = 'rawBody' in payload ? payload.rawBody : JSON.stringify(payload.event);
  const headers = {
    'content-type': 'application/json; charset=UTF-8',
    'x-works-botid': bot.botId,
    'x-works-signature': options.signatureOverride ?? hmacSha256Base64(bot.botSecret, requestBody),
    'user-agent': 'LINE-WORKS-Bot-Callback-Emulator',
  };
  const targetUrl = state.callbackUrlOf(bot);
  const sentAt = new Date().toISOString();
  const result =
    targetUrl === undefined
      ? { status: null, body: null, error: 'the bot has no callback URL' }
      : await postOutbound(targetUrl, { body: requestBody, headers, timeoutMs: CALLBACK_TIMEOUT_MS });
  const recorded: RecordedCallback = { botId: bot.botId, targetUrl: targetUrl ?? '', headers, requestBody, sentAt, ...result };
  state.callbacks.push(recorded);
  return recorded;
}
