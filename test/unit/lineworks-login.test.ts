// The LINE WORKS login of the mobile ID-link against the LINE WORKS emulator: the authorize URL
// renkei sends (openid, state, nonce, PKCE S256, exact redirect URI, the login page every time),
// the code exchange answering the verified account, and every way an ID token or the token
// endpoint is refused (another audience, nonce, access token, key or issuer; expired; from the
// future; a refused code; an outage of the token endpoint or of the keys).
import { strict as assert } from 'node:assert';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importPKCS8, SignJWT } from 'jose';
import { LineWorksLoginError, type LineWorksLoginProblem } from '../../api/lineworks-login/errors';
import { IdTokenVerifier } from '../../api/lineworks-login/id-token-verifier';
import { LineWorksLoginClient } from '../../api/lineworks-login/login-client';
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
    const login = await browser.get(client.authorizeUrl({ state: 'st-1', nonce: p.nonce, codeChallenge: s256Challenge(p.codeVerifier), forceLogin: true }));
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

  /** A real ID token and its access token, from the token endpoint. */
  async function tokens(nonce: string): Promise<{ idToken: string; accessToken: string }> {
    const codeVerifier = randomBytes(32).toString('base64url');
    const code = await codeFrom(clientFor(), { nonce, codeVerifier });
    const res = await fetch(`${authBaseUrl}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT_URI, code_verifier: codeVerifier }),
    });
    const body = (await res.json()) as { id_token: string; access_token: string };
    return { idToken: body.id_token, accessToken: body.access_token };
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

  it('asks for openid with state, nonce, PKCE S256, the exact redirect URI and the login page', () => {
    const url = new URL(clientFor().authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c', forceLogin: true }));
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
    const fromSession = new URL(clientFor().authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c', forceLogin: false }));
    assert.equal(fromSession.searchParams.get('prompt'), null);
  });

  it('answers the account the person logged in with (sub and domain), verified', async () => {
    const client = clientFor();
    const codeVerifier = randomBytes(32).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    assert.deepEqual(await client.login({ code: await codeFrom(client, { nonce, codeVerifier }), codeVerifier, nonce }), { userId: 'u-taro', domainId: TENANT });
    const jiro = await codeFrom(client, { nonce, codeVerifier, loginId: 'jiro@works.example' });
    assert.deepEqual(await client.login({ code: jiro, codeVerifier, nonce }), { userId: 'u-jiro', domainId: TENANT });
  });

  it('refuses an ID token for another client, another nonce, another access token, or outside its lifetime', async () => {
    const nonce = 'nonce-1';
    const { idToken, accessToken } = await tokens(nonce);
    const verifier = (o: { clientId?: string; now?: () => Date } = {}) => new IdTokenVerifier({ authBaseUrl, clientId: o.clientId ?? CLIENT_ID, timeoutMs: 5000, now: o.now });
    assert.deepEqual(await verifier().verify(idToken, { nonce, accessToken }), { userId: 'u-taro', domainId: TENANT });
    assert.equal(await refusal(verifier({ clientId: 'another-app' }).verify(idToken, { nonce, accessToken })), 'id_token_invalid');
    assert.equal(await refusal(verifier().verify(idToken, { nonce: 'nonce-2', accessToken })), 'id_token_invalid');
    assert.equal(await refusal(verifier().verify(idToken, { nonce, accessToken: `${accessToken}x` })), 'id_token_invalid');
    const inHours = (h: number) => () => new Date(Date.now() + h * 3600_000);
    assert.equal(await refusal(verifier({ now: inHours(2) }).verify(idToken, { nonce, accessToken })), 'id_token_invalid', 'expired');
    assert.equal(await refusal(verifier({ now: inHours(-1) }).verify(idToken, { nonce, accessToken })), 'id_token_invalid', 'issued in the future');
  });

  it('refuses an ID token signed with another key under the same key ID', async () => {
    const { idToken, accessToken } = await tokens('nonce-1');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const forged = await new SignJWT(decodeJwt(idToken))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: decodeProtectedHeader(idToken).kid })
      .sign(await importPKCS8(privateKey, 'RS256'));
    const verifier = new IdTokenVerifier({ authBaseUrl, clientId: CLIENT_ID, timeoutMs: 5000 });
    assert.equal(await refusal(verifier.verify(forged, { nonce: 'nonce-1', accessToken })), 'id_token_invalid');
  });

  it('refuses an ID token whose issuer is not the one LINE WORKS publishes', async () => {
    const { idToken, accessToken } = await tokens('nonce-1');
    // The same emulator reached under another name publishes another issuer.
    const otherIssuer = new IdTokenVerifier({ authBaseUrl: authBaseUrl.replace('127.0.0.1', 'localhost'), clientId: CLIENT_ID, timeoutMs: 5000 });
    assert.equal(await refusal(otherIssuer.verify(idToken, { nonce: 'nonce-1', accessToken })), 'id_token_invalid');
  });

  it('tells a refused code from an outage of the token endpoint or of the keys', async () => {
    const client = clientFor();
    const codeVerifier = randomBytes(32).toString('base64url');
    const wrongVerifier = client.login({ code: await codeFrom(client, { nonce: 'n', codeVerifier }), codeVerifier: randomBytes(32).toString('base64url'), nonce: 'n' });
    assert.equal(await refusal(wrongVerifier), 'token_refused', 'a wrong PKCE verifier: invalid_grant');

    await control.revokeTenant(TENANT);
    const revoked = await codeFrom(client, { nonce: 'n', codeVerifier });
    assert.equal(await refusal(client.login({ code: revoked, codeVerifier, nonce: 'n' })), 'token_refused', 'the tenant revoked: invalid_client');
    await control.restoreTenant(TENANT);

    const code = await codeFrom(client, { nonce: 'n', codeVerifier });
    await control.fault({ method: 'POST', path: '/oauth2/v2.0/token', status: 503 });
    assert.equal(await refusal(client.login({ code, codeVerifier, nonce: 'n' })), 'unavailable');

    const fresh = clientFor();
    const code2 = await codeFrom(fresh, { nonce: 'n', codeVerifier });
    await control.fault({ method: 'GET', path: '/oauth2/v2.0/certs', status: 503, times: 5 });
    assert.equal(await refusal(fresh.login({ code: code2, codeVerifier, nonce: 'n' })), 'unavailable', 'the keys cannot be read');
    await control.clearFaults();
    const code3 = await codeFrom(fresh, { nonce: 'n', codeVerifier });
    assert.deepEqual(await fresh.login({ code: code3, codeVerifier, nonce: 'n' }), { userId: 'u-taro', domainId: TENANT }, 'the next login reads the keys again');
  });
});
