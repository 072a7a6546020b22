// renkei's LINE push goes through LINE's SDK client (messagingApi.MessagingApiClient) to the base
// URL it is configured with: the retry key travels as X-Line-Retry-Key, a repeated key is "already
// sent", and every failure is classified for the retry policy (invalid message or unknown user:
// never retried; unreachable, 5xx or no answer in time: retried).

import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthRejectedError, ProviderRejectedError, ProviderUnavailableError, RateLimitedError } from '../../providers/http-errors';
import { LineMessagingClient } from '../../providers/line/messaging-client';
import { lineRetryKey } from '../../providers/line/retry-key';
import { CHANNEL_ACCESS_TOKEN, HANAKO, lineSeed, startLine, stopLine, TARO, type LineHarness } from './emulators-line-fixture';

describe('LINE messaging client (LINE SDK) against the LINE emulator', () => {
  let line: LineHarness;
  let client: LineMessagingClient;

  before(async () => {
    line = await startLine();
    client = new LineMessagingClient({ apiBaseUrl: line.base, channelAccessToken: CHANNEL_ACCESS_TOKEN, timeoutMs: 5000 });
  });
  after(() => stopLine(line));
  beforeEach(async () => {
    await line.control.reset();
    await line.control.seed(lineSeed(line.receiver.url));
  });

  it('pushes with the retry key, and a repeat of the key is already sent, not sent twice', async () => {
    const key = lineRetryKey('contract:push');
    const first = await client.push(TARO.userId, [{ type: 'text', text: '発注が届きました' }], key);
    assert.equal(first.outcome, 'sent');
    assert.ok(first.outcome === 'sent' && typeof first.requestId === 'string');
    const again = await client.push(TARO.userId, [{ type: 'text', text: '発注が届きました' }], key);
    assert.deepEqual(again, { outcome: 'already_sent', acceptedRequestId: first.requestId });
    const pushes = await line.control.pushes({ to: TARO.userId });
    assert.deepEqual(
      pushes.map((p) => [p.retryKey, p.delivered]),
      [[key, true]],
    );
  });

  it('an accepted push to a non-friend is sent as far as LINE says (not delivered)', async () => {
    const outcome = await client.push(HANAKO.userId, [{ type: 'text', text: 'x' }], lineRetryKey('contract:non-friend'));
    assert.equal(outcome.outcome, 'sent');
    assert.deepEqual((await line.control.pushes({ to: HANAKO.userId })).map((p) => p.delivered), [false]);
  });

  it('an invalid message or an unknown recipient is a rejection (400), never retried', async () => {
    await assert.rejects(client.push(TARO.userId, [{ type: 'text', text: 'あ'.repeat(5001) }], lineRetryKey('contract:too-long')), (err: unknown) => err instanceof ProviderRejectedError && err.status === 400);
    await assert.rejects(client.push(`U${'9'.repeat(32)}`, [{ type: 'text', text: 'x' }], lineRetryKey('contract:unknown')), (err: unknown) => err instanceof ProviderRejectedError && err.status === 400);
  });

  it('a wrong channel access token is an auth refusal (401), not retried as is', async () => {
    const wrong = new LineMessagingClient({ apiBaseUrl: line.base, channelAccessToken: 'not-the-token', timeoutMs: 5000 });
    await assert.rejects(wrong.push(TARO.userId, [{ type: 'text', text: 'x' }], lineRetryKey('contract:token')), (err: unknown) => err instanceof AuthRejectedError && err.status === 401);
  });
});

describe('LINE messaging client: answers that are retried', () => {
  let server: Server;
  let base: string;
  let answer: (res: import('node:http').ServerResponse) => void;

  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const push = (timeoutMs = 5000): Promise<unknown> =>
    new LineMessagingClient({ apiBaseUrl: base, channelAccessToken: 't', timeoutMs }).push(`U${'0'.repeat(32)}`, [{ type: 'text', text: 'x' }], lineRetryKey('contract:retried'));

  it('5xx is unavailable (retried)', async () => {
    answer = (res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"Internal error"}');
    await assert.rejects(push(), (err: unknown) => err instanceof ProviderUnavailableError && err.status === 500);
  });

  it('429 with Retry-After is a rate limit with the delay asked for', async () => {
    answer = (res) => res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '2' }).end('{"message":"The API rate limit has been exceeded. Try again later."}');
    await assert.rejects(push(), (err: unknown) => err instanceof RateLimitedError && err.retryAfterMs === 2000);
  });

  it('no answer within the timeout is unavailable (retried with the same key)', async () => {
    answer = () => undefined;
    await assert.rejects(push(50), (err: unknown) => err instanceof ProviderUnavailableError && /within 50 ms/.test(err.message));
  });

  it('nobody listening is unavailable (retried)', async () => {
    const closed = new LineMessagingClient({ apiBaseUrl: 'http://127.0.0.1:1', channelAccessToken: 't', timeoutMs: 5000 });
    await assert.rejects(closed.push(`U${'0'.repeat(32)}`, [{ type: 'text', text: 'x' }], lineRetryKey('contract:closed')), (err: unknown) => err instanceof ProviderUnavailableError);
  });
});
