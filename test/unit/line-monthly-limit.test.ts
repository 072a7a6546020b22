// LINE answers 429 both for the rate limit and for the exhausted monthly message quota. Only the
// rate limit passes with time: the quota answer must not be retried as a rate limit.

import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LineMessagingClient } from '../../providers/line/messaging-client';
import { ProviderRejectedError, RateLimitedError } from '../../providers/http-errors';

describe('LINE messaging client: 429 answers', () => {
  let server: Server;
  let base: string;
  let message: string;

  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
        res.end(JSON.stringify({ message }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const push = (): Promise<unknown> =>
    new LineMessagingClient({ apiBaseUrl: base, channelAccessToken: 't', timeoutMs: 5000 }).push('U'.padEnd(33, '0'), [{ type: 'text', text: 'こんにちは' }], '123e4567-e89b-42d3-a456-426614174000');

  it('the monthly limit is a rejection, not a rate limit', async () => {
    message = 'You have reached your monthly limit.';
    await assert.rejects(push(), (err: unknown) => {
      assert.ok(err instanceof ProviderRejectedError, `expected ProviderRejectedError, got ${String(err)}`);
      assert.ok(!(err instanceof RateLimitedError));
      assert.equal(err.code, 'monthly_limit');
      return true;
    });
  });

  it('the rate limit stays a rate limit', async () => {
    message = 'The API rate limit has been exceeded. Try again later.';
    await assert.rejects(push(), (err: unknown) => err instanceof RateLimitedError);
  });
});
