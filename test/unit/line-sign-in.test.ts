// The partners' LINE Login (openid-client) against the LINE emulator: the authorize URL renkei sends
// (from LINE's discovery document: profile openid email, state, nonce, PKCE S256, bot_prompt, the
// exact redirect URI), the code exchange answering the verified account and its tokens, and every
// way an ID token or the token endpoint is refused — another signature, audience, nonce or issuer,
// expired, another algorithm, none at all; a spent code; LINE down at the token endpoint or at
// discovery; a discovery document naming another issuer.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import { LineLoginError, type LineLoginProblem } from '../../api/line-login/errors';
import { LINE_ISSUER, LineSignInClient } from '../../api/line-login/sign-in-client';
import { BrowserClient } from '../../emulators/browser-client';
import { s256Challenge } from '../../emulators/harness/pkce';
import { callbackParams, HANAKO, LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, REDIRECT_URI, signIn, TARO, useLine } from './emulators-line-fixture';

async function refusal(promise: Promise<unknown>): Promise<LineLoginProblem> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof LineLoginError, `expected LineLoginError, got ${String(err)}`);
    return err.problem;
  }
  assert.fail('expected the sign-in to be refused');
}

/** Signs claims as LINE signs a web-login ID token: HS256, keyed by `secret`. */
const hs256 = (claims: JWTPayload, secret = LOGIN_CHANNEL_SECRET): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'HS256' }).sign(new TextEncoder().encode(secret));

const segment = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');

describe('LINE Login of the partners (openid-client) against the LINE emulator', () => {
  const line = useLine();

  const clientFor = (overrides: Partial<ConstructorParameters<typeof LineSignInClient>[0]> = {}): LineSignInClient =>
    new LineSignInClient({ authBaseUrl: line.base, channelId: LOGIN_CHANNEL_ID, channelSecret: LOGIN_CHANNEL_SECRET, redirectUri: REDIRECT_URI, timeoutMs: 5000, ...overrides });

  /**
   * An HTTP client for openid-client that alters LINE's answers: `idToken` replaces the ID token of
   * the token endpoint's answer, `discovery` the openid-configuration.
   */
  const tampering =
    (t: { idToken?: (idToken: string) => Promise<string | undefined>; discovery?: (doc: Record<string, unknown>) => Record<string, unknown> }): typeof fetch =>
    async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const res = await fetch(input, init);
      if (res.status !== 200) return res;
      if (t.discovery && url.endsWith('/.well-known/openid-configuration')) return Response.json(t.discovery((await res.json()) as Record<string, unknown>));
      if (!t.idToken || !url.endsWith('/oauth2/v2.1/token')) return res;
      const body = (await res.json()) as Record<string, unknown>;
      const idToken = await t.idToken(String(body.id_token));
      const { id_token: _dropped, ...rest } = body;
      return Response.json(idToken === undefined ? rest : { ...rest, id_token: idToken }, { headers: { 'cache-control': 'no-store' } });
    };

  /** Walks renkei's authorize URL as the partner: LINE's login page, then 「許可する」 (first time); answers the code. */
  async function codeFrom(client: LineSignInClient, p: { nonce: string; codeVerifier: string; email?: string }): Promise<string> {
    const browser = new BrowserClient();
    const afterLogin = await signIn(browser, await client.authorizeUrl({ state: 'st-1', nonce: p.nonce, codeChallenge: s256Challenge(p.codeVerifier) }), p.email ?? HANAKO.email);
    const back = afterLogin.location === undefined ? await browser.submit(afterLogin, { actionPart: '/authorize/consent', add: [['decision', 'allow']] }) : afterLogin;
    const params = callbackParams(back);
    assert.equal(params.get('state'), 'st-1');
    return params.get('code') ?? '';
  }

  /** Logs in through the emulator with `client` and redeems the code with `redeemer` (the same client unless given). */
  async function signInWith(client: LineSignInClient, o: { redeemer?: LineSignInClient; email?: string; expectedNonce?: string } = {}) {
    const codeVerifier = randomBytes(32).toString('base64url');
    const nonce = 'nonce-1';
    const code = await codeFrom(client, { nonce, codeVerifier, ...(o.email ? { email: o.email } : {}) });
    return (o.redeemer ?? client).signIn({ code, state: 'st-1', codeVerifier, nonce: o.expectedNonce ?? nonce });
  }

  it('asks for profile openid email with state, nonce, PKCE S256, bot_prompt and the exact redirect URI, at the discovered endpoint', async () => {
    const url = new URL(await clientFor().authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c', botPrompt: 'aggressive' }));
    assert.equal(`${url.origin}${url.pathname}`, `${line.base}/oauth2/v2.1/authorize`);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      client_id: LOGIN_CHANNEL_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'profile openid email',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      bot_prompt: 'aggressive',
    });
  });

  it('redeems the code with the PKCE verifier and answers the verified account, its e-mail and its tokens', async () => {
    const { identity, tokens } = await signInWith(clientFor());
    assert.deepEqual(identity, { lineUserId: HANAKO.userId, name: HANAKO.displayName, email: HANAKO.email });
    assert.ok(tokens.accessToken.length > 0 && tokens.refreshToken.length > 0);
    assert.equal(tokens.expiresInSeconds, 2_592_000);
    assert.deepEqual(tokens.scope.split(' ').sort(), ['email', 'openid', 'profile']);
    const sent = await line.control.requests({ method: 'POST', path: '/oauth2/v2.1/token' });
    const form = (sent[0]?.body ?? {}) as Record<string, string>;
    assert.equal(form.client_id, LOGIN_CHANNEL_ID);
    assert.equal(form.client_secret, LOGIN_CHANNEL_SECRET);
    assert.equal(form.redirect_uri, REDIRECT_URI);
    assert.ok((form.code_verifier ?? '').length >= 43);
  });

  it('answers no e-mail for a LINE account without one', async () => {
    const { identity } = await signInWith(clientFor(), { email: TARO.userId });
    assert.deepEqual(identity, { lineUserId: TARO.userId, name: TARO.displayName, email: null });
  });

  it('takes an ID token re-signed with the channel secret and the same claims (the tampering below changes only what it names)', async () => {
    const client = clientFor({ fetch: tampering({ idToken: async (t) => hs256(decodeJwt(t)) }) });
    assert.equal((await signInWith(client)).identity.lineUserId, HANAKO.userId);
  });

  const tampered: Array<[string, (claims: JWTPayload) => Promise<string | undefined>]> = [
    ['signed with another secret', (c) => hs256(c, 'not-the-channel-secret')],
    ['for another channel (aud)', (c) => hs256({ ...c, aud: '1650009999' })],
    ['of another login (nonce)', (c) => hs256({ ...c, nonce: 'another-login' })],
    ['without a nonce', (c) => hs256({ ...c, nonce: undefined })],
    ['from another issuer', (c) => hs256({ ...c, iss: 'https://evil.example' })],
    ['expired', (c) => hs256({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['unsigned (alg none)', (c) => Promise.resolve(`${segment({ alg: 'none', typ: 'JWT' })}.${segment(c)}.`)],
    ['signed ES256 in its header', (c) => Promise.resolve(`${segment({ alg: 'ES256', typ: 'JWT', kid: 'k' })}.${segment(c)}.c2ln`)],
    ['missing from the answer', () => Promise.resolve(undefined)],
  ];
  for (const [what, forge] of tampered) {
    it(`refuses an ID token ${what}`, async () => {
      const client = clientFor({ fetch: tampering({ idToken: (t) => forge(decodeJwt(t)) }) });
      assert.equal(await refusal(signInWith(client)), 'id_token_invalid');
    });
  }

  it('refuses the ID token of another login: the nonce this browser’s state carries is not the one LINE signed', async () => {
    assert.equal(await refusal(signInWith(clientFor(), { expectedNonce: 'nonce-of-this-browser' })), 'id_token_invalid');
  });

  it('refuses a spent code and a code of another redirect URI (token_refused)', async () => {
    const client = clientFor();
    const codeVerifier = randomBytes(32).toString('base64url');
    const code = await codeFrom(client, { nonce: 'n', codeVerifier });
    await client.signIn({ code, state: 'st-1', codeVerifier, nonce: 'n' });
    assert.equal(await refusal(client.signIn({ code, state: 'st-1', codeVerifier, nonce: 'n' })), 'token_refused');
    const other = clientFor({ redirectUri: `${REDIRECT_URI}/elsewhere` });
    assert.equal(await refusal(signInWith(client, { redeemer: other })), 'token_refused');
  });

  it('tells LINE down at the token endpoint (unavailable) from a refusal', async () => {
    const client = clientFor();
    const codeVerifier = randomBytes(32).toString('base64url');
    const code = await codeFrom(client, { nonce: 'n', codeVerifier });
    await line.control.fault({ method: 'POST', path: '/oauth2/v2.1/token', status: 503 });
    assert.equal(await refusal(client.signIn({ code, state: 'st-1', codeVerifier, nonce: 'n' })), 'unavailable');
  });

  it('asks for the openid-configuration again after a failed discovery', async () => {
    const client = clientFor();
    await line.control.fault({ method: 'GET', path: '/.well-known/openid-configuration', status: 503 });
    assert.equal(await refusal(client.authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c' })), 'unavailable');
    assert.ok((await client.authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c' })).startsWith(`${line.base}/oauth2/v2.1/authorize?`));
  });

  it(`refuses a discovery document whose issuer is not ${LINE_ISSUER}`, async () => {
    const client = clientFor({ fetch: tampering({ discovery: (doc) => ({ ...doc, issuer: line.base }) }) });
    assert.equal(await refusal(client.authorizeUrl({ state: 's', nonce: 'n', codeChallenge: 'c' })), 'request_rejected');
  });
});
