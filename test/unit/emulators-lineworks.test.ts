// The LINE WORKS emulator through real HTTP: service-account JWT token, bot messages, faults,
// rate limit, revocation. Tokens are minted with jose exactly as a production client would.

import { strict as assert } from 'node:assert';
import type { KeyObject } from 'node:crypto';
import { EmulatorControl, startEmulators, type RunningEmulators } from '../../emulators';
import { postForm, type JsonAnswer as TokenAnswer } from '../support/http-json';
import { appKeyPair, JWT_BEARER, serviceAccountAssertion } from '../support/lineworks-service-account';

const CLIENT_ID = 'client-renkei';
const CLIENT_SECRET = 'secret-renkei';
const TENANT = '40001234';
const SERVICE_ACCOUNT = 'abcde.serviceaccount@example.co.jp';
const BOT = '7000001';
const USER = 'user-1';

/** An assertion of this file's app and service account unless the test changes a claim. */
const assertion = (privateKey: KeyObject, claims: { iss?: string; sub?: string; lifetime?: number } = {}): Promise<string> =>
  serviceAccountAssertion(privateKey, { iss: claims.iss ?? CLIENT_ID, sub: claims.sub ?? SERVICE_ACCOUNT, ...(claims.lifetime ? { lifetime: claims.lifetime } : {}) });

describe('LINE WORKS emulator', () => {
  let emulators: RunningEmulators;
  let control: EmulatorControl;
  let keys: { publicKey: string; privateKey: KeyObject };
  let base: string;

  const tokenUrl = (): string => `${base}/oauth2/v2.0/token`;
  const messageUrl = (bot = BOT, user = USER): string =>
    `${base}/v1.0/bots/${encodeURIComponent(bot)}/users/${encodeURIComponent(user)}/messages`;

  async function requestToken(privateKey = keys.privateKey, extra: Record<string, string> = {}): Promise<TokenAnswer> {
    return postForm(tokenUrl(), {
      grant_type: JWT_BEARER,
      assertion: await assertion(privateKey),
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: 'bot user.read',
      ...extra,
    });
  }

  async function accessToken(): Promise<string> {
    const answer = await requestToken();
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const token = answer.body.access_token;
    assert.equal(typeof token, 'string');
    return token as string;
  }

  async function send(token: string, body: unknown, url = messageUrl()): Promise<{ status: number; headers: Headers; body: unknown }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined };
  }

  before(async () => {
    emulators = await startEmulators({ ports: { lineworks: 0, freee: 0 } });
    base = emulators.urls.lineworks;
    control = new EmulatorControl(base);
    keys = appKeyPair();
  });

  after(async () => {
    await emulators.stop();
  });

  beforeEach(async () => {
    await control.reset();
    await control.seedLineWorks({
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, publicKeyPem: keys.publicKey }],
      tenants: [
        {
          tenantId: TENANT,
          clientId: CLIENT_ID,
          serviceAccountId: SERVICE_ACCOUNT,
          botIds: [BOT],
          users: [{ userId: USER, email: 'taro@example.co.jp', isAdministrator: true, name: '山田 太郎' }],
        },
      ],
    });
  });

  it('issues a token for a real JWT assertion, delivers a message with 201 and records it', async () => {
    const answer = await requestToken();
    assert.equal(answer.status, 200);
    assert.equal(answer.body.token_type, 'Bearer');
    assert.equal(answer.body.expires_in, '86400');
    assert.equal(answer.body.scope, 'bot user.read');
    assert.equal(typeof answer.body.refresh_token, 'string');

    const token = answer.body.access_token as string;
    const sent = await send(token, { content: { type: 'text', text: '経費精算が承認されました' } });
    assert.equal(sent.status, 201);
    assert.equal(sent.body, undefined);

    const messages = await control.lineWorksMessages({ tenantId: TENANT, botId: BOT, userId: USER });
    assert.equal(messages.length, 1);
    assert.deepEqual(messages[0]?.content, { type: 'text', text: '経費精算が承認されました' });

    const [recorded] = await control.requests({ method: 'post', path: '/v1.0/bots/:botId/users/:userId/messages' });
    assert.equal(recorded?.status, 201);
    assert.equal(recorded?.headers.authorization, `Bearer ${token}`);
    assert.deepEqual(recorded?.body, { content: { type: 'text', text: '経費精算が承認されました' } });
  });

  it('accepts the login email in place of the userId and records the resolved user', async () => {
    const sent = await send(await accessToken(), { content: { type: 'text', text: 'hi' } }, messageUrl(BOT, 'taro@example.co.jp'));
    assert.equal(sent.status, 201);
    assert.equal((await control.lineWorksMessages({ userId: USER })).length, 1);
  });

  it('refuses an assertion signed with another key, a wrong secret and an over-long lifetime', async () => {
    const wrongKey = await requestToken(appKeyPair().privateKey);
    assert.equal(wrongKey.status, 400);
    assert.equal(wrongKey.body.error, 'invalid_grant');

    const wrongSecret = await requestToken(keys.privateKey, { client_secret: 'nope' });
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.body.error, 'invalid_client');

    const tooLong = await requestToken(keys.privateKey, { assertion: await assertion(keys.privateKey, { lifetime: 7200 }) });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error, 'invalid_grant');

    const strangerSub = await requestToken(keys.privateKey, { assertion: await assertion(keys.privateKey, { sub: 'x.serviceaccount@other' }) });
    assert.equal(strangerSub.status, 400);
    assert.equal(strangerSub.body.error, 'invalid_grant');
  });

  it('answers an injected 429 with Retry-After, then the next call succeeds', async () => {
    const token = await accessToken();
    const fault = await control.fault({ method: 'POST', path: '/v1.0/bots/:botId/users/:userId/messages', status: 429, retryAfterSeconds: 3 });
    assert.equal(fault.remaining, 1);

    const limited = await send(token, { content: { type: 'text', text: 'one' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.deepEqual(limited.body, { code: 'TOO_MANY_REQUESTS', description: 'API rate limit exceeded' });

    const retried = await send(token, { content: { type: 'text', text: 'one' } });
    assert.equal(retried.status, 201);

    const recorded = await control.requests({ path: '/v1.0/bots' });
    assert.deepEqual(
      recorded.map((entry) => [entry.status, entry.faulted]),
      [
        [429, true],
        [201, false],
      ],
    );
    assert.equal((await control.lineWorksMessages()).length, 1);
    assert.deepEqual(await control.faults(), []);
  });

  it('injects 5xx in the LINE WORKS error shape and latency-only faults', async () => {
    const token = await accessToken();
    await control.fault({ path: '/v1.0', status: 503, times: 2 });
    assert.deepEqual((await send(token, { content: { type: 'text', text: 'x' } })).body, { code: 'SERVER_ERROR', description: 'Internal server error' });
    assert.equal((await send(token, { content: { type: 'text', text: 'x' } })).status, 503);

    await control.fault({ path: '/v1.0/bots/*/users/*/messages$', latencyMs: 150 });
    const started = Date.now();
    assert.equal((await send(token, { content: { type: 'text', text: 'slow' } })).status, 201);
    assert.ok(Date.now() - started >= 140);
    assert.equal((await control.lineWorksMessages()).length, 1);
  });

  it('refuses unknown properties and malformed content with 400 INVALID_PARAMETER', async () => {
    const token = await accessToken();
    const invalid: unknown[] = [
      { content: { type: 'text', text: 'hi' }, notificationDisabled: true },
      { content: { type: 'text', text: '' } },
      { content: { type: 'text', text: 'a'.repeat(2001) } },
      { content: { type: 'sticker', packageId: '1' } },
      { content: { type: 'button_template', contentText: 'pick', actions: [] } },
      { content: { type: 'button_template', contentText: 'pick', actions: [{ type: 'postback', label: 'x', data: 'y' }] } },
      { content: { type: 'flex', altText: 'a'.repeat(401), contents: { type: 'bubble' } } },
      {},
    ];
    for (const body of invalid) {
      const answer = await send(token, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal((answer.body as { code: string }).code, 'INVALID_PARAMETER');
    }
    const button = await send(token, {
      content: { type: 'button_template', contentText: 'ID連携', actions: [{ type: 'uri', label: '連携する', uri: 'https://example.com' }] },
    });
    assert.equal(button.status, 201);
    const flex = await send(token, { content: { type: 'flex', altText: '通知', contents: { type: 'bubble', body: { type: 'box' } } } });
    assert.equal(flex.status, 201);
    assert.equal((await control.lineWorksMessages()).length, 2);
  });

  it('takes bot messages up to LINE WORKS documented lengths and refuses one character more', async () => {
    const token = await accessToken();
    const uri = (label: string) => ({ type: 'uri', label, uri: 'https://example.com' });
    const template = (contentText: string, label = '確認する') => ({ content: { type: 'button_template', contentText, actions: [uri(label)] } });
    const atLimit: unknown[] = [
      { content: { type: 'text', text: 'あ'.repeat(2000), i18nTexts: [{ language: 'ja_JP', text: 'い'.repeat(2000) }] } },
      template('う'.repeat(1000), 'え'.repeat(20)),
      { content: { type: 'button_template', contentText: 'x', actions: Array.from({ length: 10 }, (_, n) => uri(`ボタン${n}`)) } },
      { content: { type: 'flex', altText: 'お'.repeat(400), i18nAltTexts: [{ language: 'en_US', altText: 'a'.repeat(400) }], contents: { type: 'bubble' } } },
    ];
    for (const body of atLimit) assert.equal((await send(token, body)).status, 201, JSON.stringify(body).slice(0, 120));
    const overLimit: unknown[] = [
      { content: { type: 'text', text: 'x', i18nTexts: [{ language: 'ja_JP', text: 'い'.repeat(2001) }] } },
      template('う'.repeat(1001)),
      template('x', 'え'.repeat(21)),
      { content: { type: 'button_template', contentText: 'x', actions: Array.from({ length: 11 }, (_, n) => uri(`ボタン${n}`)) } },
      { content: { type: 'button_template', contentText: 'x', actions: [{ ...uri('ok'), i18nLabels: [{ language: 'en_US', label: 'a'.repeat(21) }] }] } },
      { content: { type: 'text', text: 'x', i18nTexts: [{ language: 'fr_FR', text: 'bonjour' }] } },
    ];
    for (const body of overLimit) {
      const answer = await send(token, body);
      assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 120));
      assert.equal((answer.body as { code: string }).code, 'INVALID_PARAMETER');
    }
  });

  it('answers 401 for a bad token, 403 for a foreign bot and 404 for an unknown user', async () => {
    const token = await accessToken();
    const body = { content: { type: 'text', text: 'hi' } };
    assert.deepEqual((await send('not-a-token', body)).body, { code: 'UNAUTHORIZED', description: 'Authentication failed' });
    assert.equal((await send(token, body, messageUrl('9999999'))).status, 403);
    const missing = await send(token, body, messageUrl(BOT, 'nobody'));
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { code: 'NOT_FOUND', description: 'user not found' });
  });

  it('revoking a tenant kills its tokens and refuses new ones until restored', async () => {
    const answer = await requestToken();
    const token = answer.body.access_token as string;
    await control.revokeTenant(TENANT);

    const refused = await send(token, { content: { type: 'text', text: 'hi' } });
    assert.equal(refused.status, 401);
    assert.equal((refused.body as { code: string }).code, 'UNAUTHORIZED');

    const again = await requestToken();
    assert.equal(again.status, 401);
    assert.equal(again.body.error, 'invalid_client');

    const refresh = await postForm(tokenUrl(), {
      grant_type: 'refresh_token',
      refresh_token: answer.body.refresh_token as string,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    assert.equal(refresh.status, 401);
    assert.equal(refresh.body.error, 'invalid_client');

    await control.restoreTenant(TENANT);
    assert.equal((await send(token, { content: { type: 'text', text: 'hi' } })).status, 401);
    assert.equal((await send(await accessToken(), { content: { type: 'text', text: 'hi' } })).status, 201);
  });

  it('tells a removed app from a revoked one at the service-account grant, told or not', async () => {
    await control.revokeTenant(TENANT);
    const revoked = await requestToken();
    assert.deepEqual([revoked.status, revoked.body.error], [401, 'invalid_client'], 'revoked, still installed');
    await control.restoreTenant(TENANT);

    const token = await accessToken();
    const { installation, delivery } = await control.uninstallApp(CLIENT_ID, TENANT, { notifyApp: false });
    assert.equal(installation.status, 'uninstalled');
    assert.equal(delivery, null, 'the app was not told');
    assert.deepEqual(await control.lifecycleDeliveries(CLIENT_ID), []);
    assert.equal((await send(token, { content: { type: 'text', text: 'hi' } })).status, 401);
    const removed = await requestToken();
    assert.deepEqual([removed.status, removed.body.error], [400, 'unauthorized_client']);
    // Removal is the answer even when the tenant is revoked as well.
    await control.revokeTenant(TENANT);
    assert.equal((await requestToken()).body.error, 'unauthorized_client');
    await control.restoreTenant(TENANT);
  });

  it('rotates the refresh token and treats an expired access token as 401', async () => {
    const first = await requestToken();
    await control.expireTenantTokens(TENANT);
    assert.equal((await send(first.body.access_token as string, { content: { type: 'text', text: 'x' } })).status, 401);

    const refreshForm = { grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string, client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
    const refreshed = await postForm(tokenUrl(), refreshForm);
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.refresh_token, first.body.refresh_token);
    assert.equal(refreshed.body.scope, 'bot user.read');
    assert.equal((await send(refreshed.body.access_token as string, { content: { type: 'text', text: 'x' } })).status, 201);

    const reused = await postForm(tokenUrl(), refreshForm);
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error, 'invalid_grant');
  });

  it('enforces the per-tenant, per-API rate limit set at seed time', async () => {
    await control.seedLineWorks({ tenants: [{ tenantId: TENANT, clientId: CLIENT_ID, serviceAccountId: SERVICE_ACCOUNT, rateLimitPerMinute: 2 }] });
    const token = await accessToken();
    const body = { content: { type: 'text', text: 'x' } };
    assert.equal((await send(token, body)).status, 201);
    assert.equal((await send(token, body)).status, 201);
    const limited = await send(token, body);
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((await control.lineWorksMessages()).length, 2);
  });
});
