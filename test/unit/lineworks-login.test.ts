// The LINE WORKS login of the mobile ID-link against the LINE WORKS emulator: the authorize URL
// renkei sends (openid, state, nonce, PKCE S256, exact redirect URI, the login page every time),
// the code exchange answering the verified account, and every way an ID token or the token
// endpoint is refused (another audience, nonce, access token, key or issuer; expired; from the future; a
// refused code; an outage of the token endpoint or of the keys).
import { strict as assert } from 'node:assert';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importPKCS8, SignJWT } from 'jose';
import { LineWorksLoginError, type LineWorksLoginProblem } from '../../api/lineworks-login/errors';
import { isLoopbackHttp, LineWorksLoginClient } from '../../api/lineworks-login/login-client';
import { BrowserClient, EmulatorControl, startEmulators, type RunningEmulators } from '../../emulators';
import { s256Challenge } from '../../emulators/harness/pkce';

const CLIENT_ID = 'renkei-login-client';
const CLIENT_SECRET = 'renkei-login-secret';
const REDIRECT_URI = 'https://renkei.example/auth/lineworks/callback';
const TENANT = '40005678';

async function refusal(promise: Promise<unknown>): Promise<LineWorksLoginProblem> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof LineWorksLoginError, `expected LineWorksLoginError, got ${String(err)}`);
    return err.problem;
  }
  assert.fail('expected the login to be refused');
}

describe('LINE WORKS login (User Account auth + OIDC) against the emulator', () => {
  let emulators: RunningEmulators;
  let control: EmulatorControl;
  let authBaseUrl: string;

  const clientFor = (overrides: Partial<ConstructorParameters<typeof LineWorksLoginClient>[0]> = {}): LineWorksLoginClient =>
    new LineWorksLoginClient({ authBaseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI, timeoutMs: 5000, ...overrides });

  /** Walks renkei's authorize URL as a person: the LINE WORKS login page, then [許可する] (first time); answers the code. */
  async function codeFrom(client: LineWorksLoginClient, p: { nonce: string; codeVerifier: string; loginId?: string }): Promise<string> {
    const browser = new BrowserClient();
    const login = await browser.get(await client.authorizeUrl({ state: 'st-1', nonce: p.nonce, codeChallenge: s256Challenge(p.codeVerifier), forceLogin: true }));
    assert.match(login.url, /\/login\?next=/, 'the LINE WORKS login page comes first');
    const afterLogin = await browser.submit(login, { actionPart: '/login', set: { loginId: p.loginId ?? 'taro@works.example', password: 'password' } });
    // LINE WORKS asks for consent the first time a member logs in to the app; then it remembers it.
    const back = afterLogin.location === undefined ? await browser.submit(afterLogin, { actionPart: '/oauth2/v2.0/authorize', add: [['decision', 'allow']] }) : afterLogin;
    const location = back.location ?? '';
    assert.ok(location.startsWith(`${REDIRECT_URI}?`), `expected a redirect to renkei, got ${back.status} ${back.url}`);
    const params = new URL(location).searchParams;
    assert.equal(params.get('state'), 'st-1');
    return params.get('code') ?? '';
  }

  /**
   * An HTTP client for openid-client that changes the token endpoint's exchange: `request` may send it
   * elsewhere or as another client, `idToken` may replace the ID token LINE WORKS answered.
   */
  const tampering =
    (t: { url?: (url: string) => string; form?: Record<string, string>; idToken?: (idToken: string) => Promise<string>; accessToken?: string }): typeof fetch =>
    async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/token')) return fetch(input, init);
      const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : init?.body instanceof URLSearchParams ? init.body.toString() : '');
      for (const [k, v] of Object.entries(t.form ?? {})) form.set(k, v);
      const res = await fetch(t.url ? t.url(url) : url, { ...init, body: form.toString() });
      if ((!t.idToken && !t.accessToken) || res.status !== 200) return res;
      const body = (await res.json()) as { id_token: string; access_token: string };
      const idToken = t.idToken ? await t.idToken(body.id_token) : body.id_token;
      return Response.json({ ...body, id_token: idToken, access_token: t.accessToken ?? body.access_token }, { headers: { 'cache-control': 'no-store' } });
    };

  /** Logs in through the emulator with `client` and redeems the code with `redeemer` (the same client unless given). */
  async function loginWith(client: LineWorksLoginClient, o: { redeemer?: LineWorksLoginClient; nonce?: string; expectedNonce?: string } = {}) {
    const codeVerifier = randomBytes(32).toString('base64url');
    const nonce = o.nonce ?? 'nonce-1';
    const code = await codeFrom(client, { nonce, codeVerifier });
    return (o.redeemer ?? client).login({ code, state: 'st-1', codeVerifier, nonce: o.expectedNonce ?? nonce });
  }

  before(async () => {
    emulators = await startEmulators();
    authBaseUrl = `${emulators.urls.lineworks}/oauth2/v2.0`;
    control = new EmulatorControl(emulators.urls.lineworks);
  });
  after(async () => emulators.stop());
  beforeEach(async () => {
    await control.reset();
    await control.seedLineWorks({
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, name: 'freee', redirectUris: [REDIRECT_URI] }],
      tenants: [
        {
          tenantId: TENANT,
          users: [
            { userId: 'u-taro', email: 'taro@works.example', name: '山田 太郎' },
            { userId: 'u-jiro', email: 'jiro@works.example', name: '佐藤 次郎' },
          ],
        },
      ],
    });
  });

  it('asks for openid with state, nonce, PKCE S256, the exact redirect URI and the login page', async () => {
    const url = new URL(await clientFor().authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c', forceLogin: true }));
    assert.equal(`${url.origin}${url.pathname}`, `${authBaseUrl}/authorize`);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      prompt: 'login',
    });
    // Without forceLogin (a desktop signed in to LINE WORKS), LINE WORKS decides whether to ask.
    const fromSession = new URL(await clientFor().authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c', forceLogin: false }));
    assert.equal(fromSession.searchParams.get('prompt'), null);
  });

  it('answers the account the person logged in with (sub and domain), verified', async () => {
    const client = clientFor();
    const codeVerifier = randomBytes(32).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    assert.deepEqual(await client.login({ code: await codeFrom(client, { nonce, codeVerifier }), state: 'st-1', codeVerifier, nonce }), { userId: 'u-taro', domainId: TENANT });
    const jiro = await codeFrom(client, { nonce, codeVerifier, loginId: 'jiro@works.example' });
    assert.deepEqual(await client.login({ code: jiro, state: 'st-1', codeVerifier, nonce }), { userId: 'u-jiro', domainId: TENANT });
  });

  it('refuses an ID token for another client, another nonce, another access token, or outside its lifetime', async () => {
    assert.deepEqual(await loginWith(clientFor()), { userId: 'u-taro', domainId: TENANT });
    // A client with another ID whose exchange reaches LINE WORKS as renkei's: the token is not for it.
    const other = clientFor({ clientId: 'another-app', fetch: tampering({ form: { client_id: CLIENT_ID } }) });
    assert.equal(await refusal(loginWith(clientFor(), { redeemer: other })), 'id_token_invalid');
    assert.equal(await refusal(loginWith(clientFor(), { expectedNonce: 'nonce-2' })), 'id_token_invalid');
    assert.equal(await refusal(loginWith(clientFor(), { redeemer: clientFor({ fetch: tampering({ accessToken: 'another-access-token' }) }) })), 'id_token_invalid');
    assert.equal(await refusal(loginWith(clientFor(), { redeemer: clientFor({ clockSkewSeconds: 2 * 3600 }) })), 'id_token_invalid', 'expired');
    assert.equal(await refusal(loginWith(clientFor(), { redeemer: clientFor({ clockSkewSeconds: -3600 }) })), 'id_token_invalid', 'issued in the future');
  });

  it('refuses an ID token signed with another key under the same key ID', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const forge = async (idToken: string): Promise<string> =>
      new SignJWT(decodeJwt(idToken)).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: decodeProtectedHeader(idToken).kid }).sign(await importPKCS8(privateKey, 'RS256'));
    assert.equal(await refusal(loginWith(clientFor(), { redeemer: clientFor({ fetch: tampering({ idToken: forge }) }) })), 'id_token_invalid');
  });

  it('refuses an ID token whose issuer is not the one LINE WORKS publishes', async () => {
    // The same emulator reached under another name publishes another issuer; the token is 127.0.0.1's.
    const otherIssuer = clientFor({ authBaseUrl: authBaseUrl.replace('127.0.0.1', 'localhost'), fetch: tampering({ url: (u) => u.replace('localhost', '127.0.0.1') }) });
    assert.equal(await refusal(loginWith(clientFor(), { redeemer: otherIssuer })), 'id_token_invalid');
  });

  it('uses plain http only for a loopback LINE WORKS', () => {
    assert.equal(isLoopbackHttp('http://127.0.0.1:4011/oauth2/v2.0'), true);
    assert.equal(isLoopbackHttp('http://auth.worksmobile.com/oauth2/v2.0'), false);
    assert.equal(isLoopbackHttp('https://auth.worksmobile.com/oauth2/v2.0'), false);
  });

  it('tells a refused code from an outage of the token endpoint or of the keys', async () => {
    const client = clientFor();
    const codeVerifier = randomBytes(32).toString('base64url');
    const wrongVerifier = client.login({ code: await codeFrom(client, { nonce: 'n', codeVerifier }), state: 'st-1', codeVerifier: randomBytes(32).toString('base64url'), nonce: 'n' });
    assert.equal(await refusal(wrongVerifier), 'token_refused', 'a wrong PKCE verifier: invalid_grant');

    await control.revokeTenant(TENANT);
    const revoked = await codeFrom(client, { nonce: 'n', codeVerifier });
    assert.equal(await refusal(client.login({ code: revoked, state: 'st-1', codeVerifier, nonce: 'n' })), 'token_refused', 'the tenant revoked: invalid_client');
    await control.restoreTenant(TENANT);

    const code = await codeFrom(client, { nonce: 'n', codeVerifier });
    await control.fault({ method: 'POST', path: '/oauth2/v2.0/token', status: 503 });
    assert.equal(await refusal(client.login({ code, state: 'st-1', codeVerifier, nonce: 'n' })), 'unavailable');

    const fresh = clientFor();
    const code2 = await codeFrom(fresh, { nonce: 'n', codeVerifier });
    await control.fault({ method: 'GET', path: '/oauth2/v2.0/certs', status: 503, times: 5 });
    assert.equal(await refusal(fresh.login({ code: code2, state: 'st-1', codeVerifier, nonce: 'n' })), 'unavailable', 'the keys cannot be read');
    await control.clearFaults();
    const code3 = await codeFrom(fresh, { nonce: 'n', codeVerifier });
    assert.deepEqual(await fresh.login({ code: code3, state: 'st-1', codeVerifier, nonce: 'n' }), { userId: 'u-taro', domainId: TENANT }, 'the next login reads the keys again');
  });
});
