// The worker's LINE Login refresh (providers/line/login-client.ts) against the LINE emulator: a
// refresh rotates the tokens and the new access token verifies; a spent refresh token and a
// refused client ask for re-authorisation (AuthRejectedError); 429, 5xx and an unreachable LINE are
// transient (retried), and any other refusal is not retried.
import { strict as assert } from 'node:assert';
import { LineLoginClient } from '../../providers/line/login-client';
import { AuthRejectedError, ProviderRejectedError, ProviderUnavailableError, RateLimitedError } from '../../providers/http-errors';
import { callbackParams, HANAKO, LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, postForm, REDIRECT_URI, signIn, useLine } from './emulators-line-fixture';
import { BrowserClient } from '../../emulators/browser-client';

describe('LINE Login refresh of the worker (openid-client refresh grant, no discovery)', () => {
  const line = useLine();

  const client = (o: { apiBaseUrl?: string; channelSecret?: string } = {}): LineLoginClient =>
    new LineLoginClient({ apiBaseUrl: o.apiBaseUrl ?? line.base, channelId: LOGIN_CHANNEL_ID, channelSecret: o.channelSecret ?? LOGIN_CHANNEL_SECRET, timeoutMs: 5000 });

  /** A partner's refresh token, as the sign-in stores it. */
  async function refreshToken(): Promise<string> {
    const authorize = `${line.base}/oauth2/v2.1/authorize?${new URLSearchParams({ response_type: 'code', client_id: LOGIN_CHANNEL_ID, redirect_uri: REDIRECT_URI, scope: 'profile openid', state: 's', nonce: 'n' }).toString()}`;
    const browser = new BrowserClient();
    const page = await browser.submit(await signIn(browser, authorize, HANAKO.email), { actionPart: '/authorize/consent', add: [['decision', 'allow']] });
    const token = await postForm(`${line.base}/oauth2/v2.1/token`, {
      grant_type: 'authorization_code',
      code: callbackParams(page).get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      client_id: LOGIN_CHANNEL_ID,
      client_secret: LOGIN_CHANNEL_SECRET,
    });
    assert.equal(token.status, 200);
    return String(token.body.refresh_token);
  }

  const rejectsAs = (p: Promise<unknown>, type: new (...args: never[]) => Error): Promise<void> =>
    assert.rejects(p, (err: unknown) => {
      assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
      return true;
    });

  it('rotates the tokens; the new access token verifies; the spent refresh token asks for re-authorisation', async () => {
    const first = await refreshToken();
    const from = await line.control.lastRequestSeq();
    const tokens = await client().refresh(first);
    assert.deepEqual(
      (await line.control.requests({ afterSeq: from })).map((r) => `${r.method} ${r.path}`),
      ['POST /oauth2/v2.1/token'],
      'one token request, no discovery',
    );
    assert.notEqual(tokens.refreshToken, first);
    assert.ok(tokens.expiresInSeconds > 0);
    assert.ok((await client().verifyAccessToken(tokens.accessToken)).expiresInSeconds > 0);
    await rejectsAs(client().refresh(first), AuthRejectedError);
    assert.ok((await client().refresh(tokens.refreshToken)).accessToken);
  });

  it('asks for re-authorisation after 連動の解除 and when LINE refuses the channel with 401', async () => {
    const token = await refreshToken();
    await line.control.fault({ method: 'POST', path: '/oauth2/v2.1/token', status: 401, body: { error: 'invalid_client' } });
    await rejectsAs(client().refresh(token), AuthRejectedError);
    await line.control.unlinkApp(HANAKO.userId);
    await rejectsAs(client().refresh(token), AuthRejectedError);
  });

  it('retries 429, 5xx and an unreachable LINE; does not retry another refusal', async () => {
    const token = await refreshToken();
    await line.control.fault({ method: 'POST', path: '/oauth2/v2.1/token', status: 429, retryAfterSeconds: 3 });
    await assert.rejects(client().refresh(token), (err: unknown) => {
      assert.ok(err instanceof RateLimitedError, String(err));
      assert.equal(err.retryAfterMs, 3000);
      return true;
    });
    await line.control.fault({ method: 'POST', path: '/oauth2/v2.1/token', status: 503 });
    await rejectsAs(client().refresh(token), ProviderUnavailableError);
    await line.control.fault({ method: 'POST', path: '/oauth2/v2.1/token', status: 400, body: { error: 'invalid_request' } });
    await rejectsAs(client().refresh(token), ProviderRejectedError);
    await rejectsAs(client({ apiBaseUrl: 'http://127.0.0.1:9' }).refresh(token), ProviderUnavailableError);
    // The faults spent, the same refresh token still works.
    assert.ok((await client().refresh(token)).accessToken);
  });
});
