// LINE WORKS User Account auth through the emulator's pages, walked with plain fetch and a cookie
// jar: login, authorize, consent, code, token with PKCE, ID token verified with jose against the
// published JWKS, users/me; plus the refusals (invalid client, bad redirect, reused code, wrong
// verifier, denied consent) and the users API for service-account tokens.

import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { BrowserClient, type BrowserPage } from '../../emulators';
import { s256Challenge } from '../../emulators/harness/pkce';
import { atHash } from '../../emulators/lineworks/id-token';
import { signIn as signInAs } from '../support/emulator-sign-in';
import { getJson, postForm, type JsonAnswer } from '../support/http-json';
import { appKeyPair, requestServiceAccountToken } from '../support/lineworks-service-account';
import { useEmulators } from '../support/emulator-suite';

const CLIENT_ID = 'renkei-client';
const CLIENT_SECRET = 'renkei-secret';
const REDIRECT_URI = 'https://renkei.example/auth/lineworks/callback';
const TENANT = '40001234';
const SERVICE_ACCOUNT = 'abcde.serviceaccount@works.example';

function redirectParams(page: BrowserPage): URLSearchParams {
  assert.ok(page.location !== undefined, `expected a redirect to the client, got ${page.status} at ${page.url}`);
  assert.ok(page.location.startsWith(REDIRECT_URI), page.location);
  return new URL(page.location).searchParams;
}

describe('LINE WORKS emulator: User Account auth (OAuth 2.0 + OIDC)', () => {
  const emu = useEmulators('lineworks');
  const keys = appKeyPair();

  const authorizeUrl = (params: Record<string, string> = {}): string =>
    `${emu.base}/oauth2/v2.0/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'openid email profile user.read',
      state: 'st-1',
      nonce: 'n-1',
      ...params,
    }).toString()}`;

  const signIn = (browser: BrowserClient, start: string, loginId = 'taro@works.example', password = 'password'): Promise<BrowserPage> =>
    signInAs(browser, start, loginId, password);

  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.seedLineWorks({
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, publicKeyPem: keys.publicKey, name: 'freee', redirectUris: [REDIRECT_URI] }],
      tenants: [
        {
          tenantId: TENANT,
          domainName: 'works.example',
          clientId: CLIENT_ID,
          serviceAccountId: SERVICE_ACCOUNT,
          botIds: ['7000001'],
          users: [
            { userId: 'u-taro', email: 'taro@works.example', name: '山田 太郎', isAdministrator: true },
            { userId: 'u-hanako', email: 'hanako@works.example', name: '佐藤 花子', password: 'hanako-pw', userExternalKey: 'emp-2' },
          ],
        },
      ],
    });
  });

  it('walks login → consent → code → token (PKCE) → ID token verified against the JWKS → users/me', async () => {
    const browser = new BrowserClient();
    const verifier = randomBytes(32).toString('base64url');
    const consent = await signIn(browser, authorizeUrl({ code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' }));
    assert.equal(consent.status, 200);
    assert.match(consent.html, /freeeがアクセス権限を求めています/);
    assert.match(consent.html, /許可する/);

    const params = redirectParams(await browser.submit(consent, { actionPart: '/oauth2/v2.0/authorize', add: [['decision', 'allow']] }));
    assert.equal(params.get('state'), 'st-1');
    const code = params.get('code');
    assert.ok(code !== null);

    const discovery = (await (await fetch(`${emu.base}/oauth2/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    assert.equal(discovery.issuer, `${emu.base}/oauth2/v2.0`);
    assert.equal(discovery.token_endpoint, `${emu.base}/oauth2/v2.0/token`);

    const token = await postForm(String(discovery.token_endpoint), {
      grant_type: 'authorization_code',
      code,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(token.body.token_type, 'Bearer');
    assert.equal(token.body.scope, 'openid email profile user.read');
    const accessToken = token.body.access_token as string;
    const idToken = token.body.id_token as string;

    assert.equal(typeof decodeProtectedHeader(idToken).kid, 'string');
    const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(String(discovery.jwks_uri))), {
      issuer: discovery.issuer,
      audience: CLIENT_ID,
      algorithms: ['RS256'],
    });
    assert.equal(payload.sub, 'u-taro');
    assert.equal(payload.nonce, 'n-1');
    assert.equal(payload.at_hash, atHash(accessToken));
    assert.equal(payload.email, 'taro@works.example');
    assert.equal(payload.name, '山田 太郎');
    assert.equal(payload.domain_id, 40001234);

    const me = await getJson(`${emu.base}/v1.0/users/me`, accessToken);
    assert.equal(me.status, 200);
    assert.equal(me.body.userId, 'u-taro');
    assert.equal(me.body.domainId, 40001234);
    assert.equal(me.body.isAdministrator, true);
    assert.deepEqual(me.body.userName, { lastName: '山田', firstName: '太郎' });

    const reused = await postForm(`${emu.base}/oauth2/v2.0/token`, {
      grant_type: 'authorization_code',
      code,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error, 'invalid_grant');

    const refreshed = await postForm(`${emu.base}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      refresh_token: token.body.refresh_token as string,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.refresh_token, token.body.refresh_token);
    assert.equal((await getJson(`${emu.base}/v1.0/users/me`, refreshed.body.access_token as string)).body.userId, 'u-taro');
  });

  it('refuses a wrong code_verifier, a different redirect_uri and a wrong client secret', async () => {
    const browser = new BrowserClient();
    const verifier = randomBytes(32).toString('base64url');
    let consented = false;
    const exchange = async (overrides: Record<string, string>): Promise<JsonAnswer> => {
      const answer = await browser.get(authorizeUrl({ code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' }));
      // The consent page the first time; afterwards LINE WORKS remembers it and answers the code at once.
      const back = consented ? answer : await browser.submit(answer, { actionPart: '/oauth2/v2.0/authorize', add: [['decision', 'allow']] });
      consented = true;
      const code = redirectParams(back).get('code') ?? '';
      return postForm(`${emu.base}/oauth2/v2.0/token`, {
        grant_type: 'authorization_code',
        code,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        ...overrides,
      });
    };
    await signIn(browser, `${emu.base}/talk`);

    const wrongVerifier = await exchange({ code_verifier: randomBytes(32).toString('base64url') });
    assert.equal(wrongVerifier.status, 400);
    assert.equal(wrongVerifier.body.error, 'invalid_grant');
    const wrongRedirect = await exchange({ redirect_uri: 'https://renkei.example/other' });
    assert.equal(wrongRedirect.body.error, 'invalid_grant');
    const wrongSecret = await exchange({ client_secret: 'nope' });
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.body.error, 'invalid_client');
  });

  it('shows 有効ではないクライアント情報です without redirecting for an unknown client or redirect_uri', async () => {
    const browser = new BrowserClient();
    for (const url of [authorizeUrl({ client_id: 'nobody' }), authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), authorizeUrl({ redirect_uri: `${REDIRECT_URI}/x` })]) {
      const page = await browser.get(url);
      assert.equal(page.status, 400);
      assert.equal(page.location, undefined);
      assert.match(page.html, /有効ではないクライアント情報です/);
    }
    const badType = await browser.get(authorizeUrl({ response_type: 'token' }));
    assert.equal(redirectParams(badType).get('error'), 'unsupported_response_type');
    const plainPkce = await browser.get(authorizeUrl({ code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }));
    assert.equal(redirectParams(plainPkce).get('error'), 'invalid_request');
  });

  it('re-renders the login page with a Japanese error on a wrong password, and sends [キャンセル] back as access_denied', async () => {
    const browser = new BrowserClient();
    const login = await browser.get(authorizeUrl());
    const wrong = await browser.submit(login, { actionPart: '/login', set: { loginId: 'taro@works.example', password: 'bad' } });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /IDまたはパスワードが正しくありません。/);
    assert.match(wrong.html, /value="taro@works\.example"/);

    const consent = await browser.submit(wrong, { actionPart: '/login', set: { password: 'password' } });
    assert.match(consent.html, /許可する/);
    const denied = redirectParams(await browser.submit(consent, { actionPart: '/oauth2/v2.0/authorize', add: [['decision', 'deny']] }));
    assert.equal(denied.get('error'), 'access_denied');
    assert.equal(denied.get('state'), 'st-1');
    assert.equal(denied.get('code'), null);
  });

  it('prompt=login asks again even with a session, and the new login decides the user', async () => {
    const browser = new BrowserClient();
    await signIn(browser, authorizeUrl());
    const again = await browser.get(authorizeUrl({ prompt: 'login' }));
    assert.match(again.url, /\/login\?next=/);
    const consent = await browser.submit(again, { actionPart: '/login', set: { loginId: 'hanako@works.example', password: 'hanako-pw' } });
    assert.match(consent.html, /佐藤 花子/);
    const code = redirectParams(await browser.submit(consent, { actionPart: '/oauth2/v2.0/authorize', add: [['decision', 'allow']] })).get('code') ?? '';
    const token = await postForm(`${emu.base}/oauth2/v2.0/token`, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT_URI });
    assert.equal(token.status, 200);
    assert.equal((await getJson(`${emu.base}/v1.0/users/me`, token.body.access_token as string)).body.userId, 'u-hanako');

    const none = await new BrowserClient().get(authorizeUrl({ prompt: 'none' }));
    assert.equal(redirectParams(none).get('error'), 'login_required');
  });

  it('goes straight back with a code for a signed-in member who allowed the app before; asks again for a new scope or prompt=consent', async () => {
    const browser = new BrowserClient();
    const consent = await signIn(browser, authorizeUrl({ scope: 'openid' }));
    assert.match(consent.html, /freeeがアクセス権限を求めています/);
    assert.ok(redirectParams(await browser.submit(consent, { actionPart: '/oauth2/v2.0/authorize', add: [['decision', 'allow']] })).get('code'));

    // The same member, signed in, the same scope: no login page, no consent page.
    const again = redirectParams(await browser.get(authorizeUrl({ scope: 'openid', state: 'st-2' })));
    assert.equal(again.get('state'), 'st-2');
    const code = again.get('code') ?? '';
    const token = await postForm(`${emu.base}/oauth2/v2.0/token`, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT_URI });
    assert.equal(token.status, 200);
    assert.equal((await getJson(`${emu.base}/oauth2/v2.0/userinfo`, token.body.access_token as string)).body.sub, 'u-taro');
    assert.equal(redirectParams(await browser.get(authorizeUrl({ scope: 'openid', prompt: 'none' }))).get('error'), null);

    // A scope never allowed, or prompt=consent, shows the consent page; prompt=none cannot ask.
    assert.match((await browser.get(authorizeUrl({ scope: 'openid user.read' }))).html, /freeeがアクセス権限を求めています/);
    assert.match((await browser.get(authorizeUrl({ scope: 'openid', prompt: 'consent' }))).html, /freeeがアクセス権限を求めています/);
    assert.equal(redirectParams(await browser.get(authorizeUrl({ scope: 'openid user.read', prompt: 'none' }))).get('error'), 'consent_required');

    // Another member in another browser is asked for their own consent.
    const hanako = await signIn(new BrowserClient(), authorizeUrl({ scope: 'openid' }), 'hanako@works.example', 'hanako-pw');
    assert.match(hanako.html, /佐藤 花子/);
  });

  it('answers users/me with 403 for a service account, and users/{id} by id, email or externalKey', async () => {
    const token = await requestServiceAccountToken(emu.base, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, serviceAccountId: SERVICE_ACCOUNT, privateKey: keys.privateKey }, 'bot user.read');
    assert.equal(token.status, 200);
    const accessToken = token.body.access_token as string;
    assert.equal(token.body.id_token, undefined);

    const me = await getJson(`${emu.base}/v1.0/users/me`, accessToken);
    assert.equal(me.status, 403);
    assert.equal(me.body.code, 'FORBIDDEN');
    for (const id of ['u-hanako', 'hanako@works.example', 'externalKey:emp-2']) {
      const user = await getJson(`${emu.base}/v1.0/users/${encodeURIComponent(id)}`, accessToken);
      assert.equal(user.status, 200, id);
      assert.equal(user.body.userId, 'u-hanako');
      assert.equal(user.body.email, 'hanako@works.example');
      assert.equal(user.body.isAdministrator, false);
    }
    assert.equal((await getJson(`${emu.base}/v1.0/users/nobody`, accessToken)).status, 404);
  });
});
