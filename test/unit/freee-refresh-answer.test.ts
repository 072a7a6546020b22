// A freee refresh answer that carries no new refresh_token: freee has already spent the old one
// (refresh tokens are single-use), so retrying can never succeed; the client must say the user
// has to authorise again instead of reporting a transient failure.

import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FreeeOAuthClient } from '../../providers/freee/oauth-client';
import { AuthRejectedError } from '../../providers/http-errors';

describe('freee OAuth client: refresh answer without refresh_token', () => {
  let server: Server;
  let base: string;
  let answer: Record<string, unknown>;

  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const client = (): FreeeOAuthClient => new FreeeOAuthClient({ accountsBaseUrl: base, clientId: 'c', clientSecret: 's', timeoutMs: 5000 });

  it('asks for re-authorisation (AuthRejectedError) rather than a retry', async () => {
    answer = { access_token: 'new-access', token_type: 'bearer', expires_in: 21600, scope: 'read write' };
    await assert.rejects(client().refresh('spent-refresh-token'), (err: unknown) => {
      assert.ok(err instanceof AuthRejectedError, `expected AuthRejectedError, got ${String(err)}`);
      assert.match(err.message, /refresh_token/);
      return true;
    });
  });

  it('still accepts a complete refresh answer', async () => {
    answer = { access_token: 'new-access', refresh_token: 'new-refresh', token_type: 'bearer', expires_in: 21600, scope: 'read write', company_id: 1 };
    const set = await client().refresh('r');
    assert.equal(set.refreshToken, 'new-refresh');
    assert.equal(set.companyId, '1');
  });
});
