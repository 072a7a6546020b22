// freee OAuth through the emulator's pages with a cookie jar: login (Japanese error on a wrong
// password), the 事業所 switch, authorize with the current company, code → token (PKCE), refresh
// rotation and reuse detection, users/me, token revocation; and the signed product events.

import { strict as assert } from 'node:assert';
import { createHmac, randomBytes } from 'node:crypto';
import { BrowserClient, type BrowserPage } from '../../emulators';
import { s256Challenge } from '../../emulators/harness/pkce';
import { HttpReceiver } from '../support/http-receiver';
import { useEmulators } from '../support/emulator-suite';

const CLIENT_ID = 'renkei-freee';
const CLIENT_SECRET = 'renkei-freee-secret';
const REDIRECT_URI = 'https://renkei.example/auth/freee/callback';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function postForm(url: string, form: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('freee emulator: OAuth, 事業所 switch, users/me, product events', () => {
  const emu = useEmulators('freee');

  const authorizeUrl = (params: Record<string, string> = {}): string =>
    `${emu.base}/public_api/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: 'fs-1', ...params }).toString()}`;

  const token = (form: Record<string, string>): Promise<Answer> => postForm(`${emu.base}/public_api/token`, { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...form });

  function codeFrom(page: BrowserPage): string {
    assert.ok(page.location !== undefined && page.location.startsWith(REDIRECT_URI), `expected a redirect to the client, got ${page.status} ${page.url}`);
    const params = new URL(page.location).searchParams;
    assert.equal(params.get('state'), 'fs-1');
    return params.get('code') ?? '';
  }

  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.seedFreee({
      companies: [
        { id: 1001, name: 'フリー株式会社' },
        { id: 1002, name: '株式会社サンプル', display_name: 'サンプル' },
      ],
      users: [
        {
          id: 501,
          email: 'admin@free.example',
          display_name: '管理 太郎',
          companies: [
            { id: 1001, role: 'admin' },
            { id: 1002, role: 'read_only', use_custom_role: true },
          ],
        },
      ],
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], name: 'renkei' }],
    });
  });

  it('logs in, switches 事業所, authorizes for the current company, exchanges with PKCE and reads users/me', async () => {
    const browser = new BrowserClient();
    const login = await browser.get(`${emu.base}/companies/switch`);
    assert.match(login.url, /\/login\?next=/);
    const wrong = await browser.submit(login, { actionPart: '/login', set: { email: 'admin@free.example', password: 'nope' } });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /メールアドレスまたはパスワードが正しくありません。/);
    const switchPage = await browser.submit(wrong, { actionPart: '/login', set: { password: 'password' } });
    assert.match(switchPage.html, /事業所の切り替え/);
    assert.match(switchPage.html, /フリー株式会社<\/strong> <span class="muted">\(選択中\)/);

    const switched = await browser.post(`${emu.base}/companies/switch`, { company_id: '1002' });
    assert.match(switched.html, /事業所を「サンプル」に切り替えました。/);

    const verifier = randomBytes(40).toString('base64url');
    const consent = await browser.get(authorizeUrl({ code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' }));
    assert.equal(consent.status, 200);
    assert.match(consent.html, /renkeiとの連携を許可しますか\?/);
    assert.match(consent.html, /<strong>サンプル<\/strong>/);
    const code = codeFrom(await browser.submit(consent, { actionPart: '/public_api/authorize', add: [['decision', 'allow']] }));

    const issued = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    assert.equal(issued.body.token_type, 'bearer');
    assert.equal(issued.body.expires_in, 21600);
    assert.equal(issued.body.scope, 'read write');
    assert.equal(issued.body.company_id, '1002');
    assert.equal(typeof issued.body.created_at, 'number');

    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    assert.equal(again.status, 400);
    assert.equal(again.body.error, 'invalid_grant');

    const me = await fetch(`${emu.base}/api/1/users/me?companies=true`, { headers: { authorization: `Bearer ${String(issued.body.access_token)}` } });
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), {
      user: {
        id: 501,
        email: 'admin@free.example',
        display_name: '管理 太郎',
        first_name: null,
        last_name: null,
        first_name_kana: null,
        last_name_kana: null,
        companies: [
          { id: 1001, display_name: 'フリー株式会社', role: 'admin', use_custom_role: false },
          { id: 1002, display_name: 'サンプル', role: 'read_only', use_custom_role: true },
        ],
      },
    });
    const bare = (await (await fetch(`${emu.base}/api/1/users/me`, { headers: { authorization: `Bearer ${String(issued.body.access_token)}` } })).json()) as {
      user: Record<string, unknown>;
    };
    assert.equal('companies' in bare.user, false);
    const advisorOnly = await fetch(`${emu.base}/api/1/users/me?advisor=true`, { headers: { authorization: `Bearer ${String(issued.body.access_token)}` } });
    assert.equal(advisorOnly.status, 400);
    const company = await fetch(`${emu.base}/api/1/companies/1001`, { headers: { authorization: `Bearer ${String(issued.body.access_token)}` } });
    assert.equal(((await company.json()) as { company: { name: string } }).company.name, 'フリー株式会社');
  });

  it('lets the user pick the company with prompt=select_company', async () => {
    const browser = new BrowserClient();
    const login = await browser.get(authorizeUrl({ prompt: 'select_company' }));
    const consent = await browser.submit(login, { actionPart: '/login', set: { email: 'admin@free.example', password: 'password' } });
    assert.match(consent.html, /type="radio" name="company_id" value="1001" checked/);
    const code = codeFrom(await browser.submit(consent, { actionPart: '/public_api/authorize', set: { company_id: '1002' }, add: [['decision', 'allow']] }));
    assert.equal((await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI })).body.company_id, '1002');
  });

  it('rotates refresh tokens; reusing a spent one answers 401 invalid_grant and revokes the rotated grant', async () => {
    const browser = new BrowserClient();
    const consent = await browser.submit(await browser.get(authorizeUrl()), { actionPart: '/login', set: { email: 'admin@free.example', password: 'password' } });
    const code = codeFrom(await browser.submit(consent, { actionPart: '/public_api/authorize', add: [['decision', 'allow']] }));
    const first = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    const second = await token({ grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) });
    assert.equal(second.status, 200);
    assert.notEqual(second.body.refresh_token, first.body.refresh_token);
    assert.equal(second.body.company_id, '1001');
    const meWith = (accessToken: unknown): Promise<Response> => fetch(`${emu.base}/api/1/users/me`, { headers: { authorization: `Bearer ${String(accessToken)}` } });
    assert.equal((await meWith(second.body.access_token)).status, 200);

    const reused = await token({ grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) });
    assert.equal(reused.status, 401);
    assert.equal(reused.body.error, 'invalid_grant');
    assert.equal((await token({ grant_type: 'refresh_token', refresh_token: String(second.body.refresh_token) })).status, 401);
    const revoked = await meWith(second.body.access_token);
    assert.equal(revoked.status, 401);
    assert.deepEqual(await revoked.json(), { status_code: 401, errors: [{ type: 'status', messages: ['アクセストークンが無効です'] }] });
  });

  it('refuses unknown clients and redirect URIs with a page, and revokes a user\'s tokens on request', async () => {
    const browser = new BrowserClient();
    for (const url of [authorizeUrl({ client_id: 'nobody' }), authorizeUrl({ redirect_uri: 'https://evil.example/cb' })]) {
      const page = await browser.get(url);
      assert.equal(page.status, 400);
      assert.equal(page.location, undefined);
      assert.match(page.html, /認可リクエストが不正です/);
    }
    const consent = await browser.submit(await browser.get(authorizeUrl()), { actionPart: '/login', set: { email: 'admin@free.example', password: 'password' } });
    const denied = await browser.submit(consent, { actionPart: '/public_api/authorize', add: [['decision', 'deny']] });
    assert.equal(new URL(denied.location ?? '').searchParams.get('error'), 'access_denied');

    const again = await browser.get(authorizeUrl());
    const code = codeFrom(await browser.submit(again, { actionPart: '/public_api/authorize', add: [['decision', 'allow']] }));
    const wrongSecret = await postForm(`${emu.base}/public_api/token`, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, client_secret: 'x' });
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.body.error, 'invalid_client');

    const code2 = codeFrom(await browser.submit(await browser.get(authorizeUrl()), { actionPart: '/public_api/authorize', add: [['decision', 'allow']] }));
    const issued = await token({ grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT_URI });
    assert.deepEqual(await emu.control.revokeFreeeUserTokens(501), { ok: true, userId: 501, revokedGrants: 1 });
    assert.equal((await fetch(`${emu.base}/api/1/users/me`, { headers: { authorization: `Bearer ${String(issued.body.access_token)}` } })).status, 401);
    assert.equal((await token({ grant_type: 'refresh_token', refresh_token: String(issued.body.refresh_token) })).status, 401);
  });

  describe('product events', () => {
    const receiver = new HttpReceiver('/events/freee', () => ({ status: 202, json: { accepted: true } }));
    const received = receiver.received;

    before(async () => {
      await receiver.start();
    });

    after(() => {
      receiver.stop();
    });

    it('POSTs the event with X-Renkei-Timestamp and a sha256= HMAC over "<timestamp>.<body>"', async () => {
      await emu.control.configureProductEvents({ targetUrl: receiver.url, secret: 'shared-secret' });
      const event = emu.control.productEvent({ product: 'invoice', company_id: 1001, user_ids: [501] });
      assert.equal(event.title, '請求書の承認依頼が届きました');
      const delivery = await emu.control.deliverProductEvent({ event });
      assert.equal(delivery.status, 202);
      assert.deepEqual(delivery.body, { accepted: true });

      const [got] = received;
      assert.ok(got !== undefined);
      assert.equal(got.body, JSON.stringify(event));
      const timestamp = String(got.headers['x-renkei-timestamp']);
      assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 5);
      const expected = `sha256=${createHmac('sha256', 'shared-secret').update(`${timestamp}.${got.body}`).digest('hex')}`;
      assert.equal(got.headers['x-renkei-signature'], expected);

      await emu.control.deliverProductEvent({ event, signatureOverride: 'sha256=00', timestamp: 1 });
      assert.equal(received[1]?.headers['x-renkei-signature'], 'sha256=00');
      assert.equal(received[1]?.headers['x-renkei-timestamp'], '1');
      assert.equal((await emu.control.productEventDeliveries()).length, 2);
      await assert.rejects(emu.control.deliverProductEvent({ event: { ...event, product: 'accounting' as 'hr' } }));
    });
  });
});
