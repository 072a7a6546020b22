// LINE Login v2.1 through the emulator's pages: the discovery document and its JWKS, the code flow
// with PKCE and the HS256 ID token (e-mail present, absent, refused), the refusals (unknown client,
// cancel, reused code, wrong verifier), auto-login on return, bot_prompt friend-add with
// friendship_status_changed, refresh rotation, the verify / profile / friendship APIs, and 連動の解除 revoking the app's tokens.

import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { jwtVerify } from 'jose';
import { BrowserClient } from '../../emulators/browser-client';
import { s256Challenge } from '../../emulators/harness/pkce';
import {
  APP_NAME,
  callbackParams,
  getJson,
  HANAKO,
  JIRO,
  LOGIN_CHANNEL_ID,
  LOGIN_CHANNEL_SECRET,
  OA_NAME,
  postForm,
  REDIRECT_URI,
  signIn,
  useLine, TARO,
} from './emulators-line-fixture';

describe('LINE emulator: LINE Login v2.1', () => {
  const line = useLine();
  let base: string;

  const authorizeUrl = (params: Record<string, string> = {}): string =>
    `${base}/oauth2/v2.1/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: LOGIN_CHANNEL_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'profile openid email',
      state: 'st-1',
      nonce: 'n-1',
      ...params,
    }).toString()}`;

  async function exchange(code: string, verifier?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    return postForm(`${base}/oauth2/v2.1/token`, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: LOGIN_CHANNEL_ID,
      client_secret: LOGIN_CHANNEL_SECRET,
      ...(verifier === undefined ? {} : { code_verifier: verifier }),
    });
  }

  const idClaims = async (idToken: unknown) => {
    assert.equal(typeof idToken, 'string');
    return (await jwtVerify(idToken as string, new TextEncoder().encode(LOGIN_CHANNEL_SECRET), { issuer: 'https://access.line.me', audience: LOGIN_CHANNEL_ID })).payload;
  };

  /** Signs in as `email` and walks authorize → consent with the given decision; answers the browser and the last page. */
  async function login(email: string, params: Record<string, string> = {}, consent: { add?: [string, string][]; remove?: string[] } = { add: [['decision', 'allow']] }) {
    const browser = new BrowserClient();
    const page = await signIn(browser, authorizeUrl(params), email);
    assert.equal(page.status, 200);
    assert.match(page.html, /許可する/);
    const after = await browser.submit(page, { actionPart: '/authorize/consent', ...consent });
    return { browser, consentPage: page, page: after };
  }

  before(() => {
    base = line.base;
  });

  it('serves LINE’s openid-configuration (issuer https://access.line.me, endpoints on its own origin) and the ES256 JWKS it names', async () => {
    const doc = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.deepEqual(doc, {
      issuer: 'https://access.line.me',
      authorization_endpoint: `${base}/oauth2/v2.1/authorize`,
      token_endpoint: `${base}/oauth2/v2.1/token`,
      revocation_endpoint: `${base}/oauth2/v2.1/revoke`,
      userinfo_endpoint: `${base}/oauth2/v2.1/userinfo`,
      scopes_supported: ['openid', 'profile', 'email'],
      jwks_uri: `${base}/oauth2/v2.1/certs`,
      response_types_supported: ['code'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['ES256'],
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = (await (await fetch(String(doc.jwks_uri))).json()) as { keys: Array<Record<string, unknown>> };
    assert.equal(jwks.keys.length, 1);
    assert.deepEqual({ kty: jwks.keys[0]?.kty, crv: jwks.keys[0]?.crv, alg: jwks.keys[0]?.alg, use: jwks.keys[0]?.use }, { kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    assert.equal(jwks.keys[0]?.d, undefined, 'only the public key is published');
    assert.equal(typeof jwks.keys[0]?.kid, 'string');
  });

  it('runs the code flow with PKCE and signs an HS256 ID token with the channel secret, e-mail included', async () => {
    const verifier = randomBytes(48).toString('base64url');
    const { consentPage, page } = await login(HANAKO.email, { code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' });
    assert.match(consentPage.html, new RegExp(APP_NAME));
    assert.match(consentPage.html, /メールアドレスの取得/);
    const params = callbackParams(page);
    assert.equal(params.get('state'), 'st-1');
    assert.equal(params.has('friendship_status_changed'), false, 'no flag without bot_prompt');

    const token = await exchange(params.get('code') ?? '', verifier);
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(token.body.token_type, 'Bearer');
    assert.equal(token.body.expires_in, 2_592_000);
    assert.equal(token.body.scope, 'profile openid email');
    assert.equal(typeof token.body.refresh_token, 'string');
    const claims = await idClaims(token.body.id_token);
    assert.equal(claims.sub, HANAKO.userId);
    assert.equal(claims.nonce, 'n-1');
    assert.equal(claims.name, HANAKO.displayName);
    assert.equal(claims.email, HANAKO.email);
    assert.deepEqual(claims.amr, ['pwd']);
    assert.ok(typeof claims.exp === 'number' && typeof claims.iat === 'number' && claims.exp > claims.iat);

    const verified = await postForm(`${base}/oauth2/v2.1/verify`, { id_token: token.body.id_token as string, client_id: LOGIN_CHANNEL_ID, nonce: 'n-1' });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.email, HANAKO.email);
    const wrongNonce = await postForm(`${base}/oauth2/v2.1/verify`, { id_token: token.body.id_token as string, client_id: LOGIN_CHANNEL_ID, nonce: 'other' });
    assert.deepEqual(wrongNonce, { status: 400, body: { error: 'invalid_request', error_description: 'Invalid IdToken Nonce.' } });

    const access = token.body.access_token as string;
    const check = await fetch(`${base}/oauth2/v2.1/verify?access_token=${encodeURIComponent(access)}`);
    const checked = (await check.json()) as Record<string, unknown>;
    assert.equal(checked.client_id, LOGIN_CHANNEL_ID);
    assert.ok(typeof checked.expires_in === 'number' && checked.expires_in > 0);
    const profile = await getJson(`${base}/v2/profile`, access);
    assert.deepEqual(profile, { status: 200, body: { userId: HANAKO.userId, displayName: HANAKO.displayName } });
  });

  it('refuses a wrong code_verifier and a second use of the code', async () => {
    const verifier = randomBytes(48).toString('base64url');
    const { page } = await login(HANAKO.email, { code_challenge: s256Challenge(verifier), code_challenge_method: 'S256' });
    const code = callbackParams(page).get('code') ?? '';
    const wrong = await exchange(code, randomBytes(48).toString('base64url'));
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error, 'invalid_grant');
    const again = await exchange(code, verifier);
    assert.equal(again.body.error, 'invalid_grant', 'the code was spent by the failed attempt');
  });

  it('leaves the email claim out when the account has no e-mail or the user unticks the e-mail permission', async () => {
    const noEmail = await login(TARO.userId);
    const taro = await exchange(callbackParams(noEmail.page).get('code') ?? '');
    const taroClaims = await idClaims(taro.body.id_token);
    assert.equal(taroClaims.sub, TARO.userId);
    assert.equal('email' in taroClaims, false);

    const refused = await login(HANAKO.email, {}, { add: [['decision', 'allow']], remove: ['email'] });
    const hanako = await exchange(callbackParams(refused.page).get('code') ?? '');
    assert.equal(hanako.body.scope, 'profile openid');
    assert.equal('email' in (await idClaims(hanako.body.id_token)), false);
  });

  it('answers unknown clients and redirect URIs with a 400 page and a cancel with access_denied', async () => {
    const browser = new BrowserClient();
    const unknownClient = await browser.get(authorizeUrl({ client_id: '999' }));
    assert.equal(unknownClient.status, 400);
    assert.equal(unknownClient.location, undefined);
    const badRedirect = await browser.get(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }));
    assert.equal(badRedirect.status, 400);
    assert.equal(badRedirect.location, undefined);

    const { page } = await login(HANAKO.email, {}, { add: [['decision', 'deny']] });
    const params = callbackParams(page);
    assert.equal(params.get('error'), 'access_denied');
    assert.ok((params.get('error_description') ?? '').length > 0);
    assert.equal(params.get('state'), 'st-1');
  });

  it('logs a returning user straight in, without the consent page, until the app is unlinked', async () => {
    const { browser } = await login(HANAKO.email);
    const again = await browser.get(authorizeUrl({ state: 'st-2' }));
    const params = callbackParams(again);
    assert.equal(params.get('state'), 'st-2');
    const token = await exchange(params.get('code') ?? '');
    assert.equal((await idClaims(token.body.id_token)).email, HANAKO.email);

    const state = await line.control.user(HANAKO.userId);
    assert.deepEqual(state.consents.map((consent) => consent.scopes), [['profile', 'openid', 'email']]);
    await line.control.unlinkApp(HANAKO.userId);
    const afterUnlink = await browser.get(authorizeUrl({ state: 'st-3' }));
    assert.equal(afterUnlink.location, undefined);
    assert.match(afterUnlink.html, /許可する/);
  });

  it('shows the add-friend screen for bot_prompt=aggressive and reports friendship_status_changed', async () => {
    const added = await login(HANAKO.email, { bot_prompt: 'aggressive' });
    assert.match(added.page.html, /友だち追加/);
    assert.match(added.page.html, new RegExp(OA_NAME));
    const done = await added.browser.submit(added.page, { actionPart: '/authorize/friend', add: [['decision', 'add']] });
    assert.equal(callbackParams(done).get('friendship_status_changed'), 'true');
    assert.equal((await line.control.user(HANAKO.userId)).friendFlag, true);
    const follow = line.receiver.events().find((event) => event.type === 'follow');
    assert.deepEqual(follow !== undefined && 'follow' in follow ? follow.follow : undefined, { isUnblocked: false });

    const friend = await added.browser.get(authorizeUrl({ bot_prompt: 'aggressive' }));
    assert.equal(callbackParams(friend).get('friendship_status_changed'), 'false', 'a friend skips the screen');

    const blocked = await login(JIRO.email, { bot_prompt: 'aggressive' });
    const skipped = await blocked.browser.submit(blocked.page, { actionPart: '/authorize/friend', add: [['decision', 'skip']] });
    assert.equal(callbackParams(skipped).get('friendship_status_changed'), 'false');
    assert.equal((await line.control.user(JIRO.userId)).blocked, true);
  });

  it('puts an add-friend box on the consent page for bot_prompt=normal', async () => {
    const { consentPage, page } = await login(HANAKO.email, { bot_prompt: 'normal' });
    assert.match(consentPage.html, /name="add_friend"/);
    assert.equal(callbackParams(page).get('friendship_status_changed'), 'true');
    const unticked = await login(JIRO.email, { bot_prompt: 'normal' }, { add: [['decision', 'allow']], remove: ['add_friend'] });
    assert.equal(callbackParams(unticked.page).get('friendship_status_changed'), 'false');
  });

  it('rotates refresh tokens and refuses a spent one', async () => {
    const { page } = await login(HANAKO.email);
    const first = await exchange(callbackParams(page).get('code') ?? '');
    const refresh = (token: unknown) => postForm(`${base}/oauth2/v2.1/token`, { grant_type: 'refresh_token', refresh_token: String(token), client_id: LOGIN_CHANNEL_ID, client_secret: LOGIN_CHANNEL_SECRET });
    const second = await refresh(first.body.refresh_token);
    assert.equal(second.status, 200);
    assert.notEqual(second.body.refresh_token, first.body.refresh_token);
    assert.equal('id_token' in second.body, false);
    const spent = await refresh(first.body.refresh_token);
    assert.deepEqual([spent.status, spent.body.error], [400, 'invalid_grant']);
  });

  it('answers friendFlag from the friendship API', async () => {
    const taro = await exchange(callbackParams((await login(TARO.userId)).page).get('code') ?? '');
    assert.deepEqual(await getJson(`${base}/friendship/v1/status`, taro.body.access_token as string), { status: 200, body: { friendFlag: true } });
    const jiro = await exchange(callbackParams((await login(JIRO.email)).page).get('code') ?? '');
    assert.deepEqual(await getJson(`${base}/friendship/v1/status`, jiro.body.access_token as string), { status: 200, body: { friendFlag: false } });
  });

  it('revokes the access and refresh tokens at once when the user unlinks the app in LINE settings', async () => {
    const { browser, page } = await login(HANAKO.email);
    const token = await exchange(callbackParams(page).get('code') ?? '');
    const access = token.body.access_token as string;

    const apps = await browser.get(`${base}/settings/account/linked-apps`);
    assert.match(apps.html, new RegExp(APP_NAME));
    const detail = await browser.get(`${base}/settings/account/linked-apps/${LOGIN_CHANNEL_ID}`);
    assert.match(detail.html, /連動の解除/);
    const unlinked = await browser.submit(detail, { actionPart: '/unlink' });
    assert.equal(unlinked.status, 200);
    assert.match(unlinked.html, /連動を解除しました/);

    const verify = await fetch(`${base}/oauth2/v2.1/verify?access_token=${encodeURIComponent(access)}`);
    assert.equal(verify.status, 400);
    assert.equal((await getJson(`${base}/v2/profile`, access)).status, 401);
    const refreshed = await postForm(`${base}/oauth2/v2.1/token`, { grant_type: 'refresh_token', refresh_token: token.body.refresh_token as string, client_id: LOGIN_CHANNEL_ID, client_secret: LOGIN_CHANNEL_SECRET });
    assert.equal(refreshed.body.error, 'invalid_grant');
    assert.deepEqual((await line.control.user(HANAKO.userId)).consents, []);
    assert.equal(line.receiver.received.length, 0, 'unlinking sends no webhook');
  });

  it('deauthorizes a user with a stateless channel access token of the login channel', async () => {
    const { page } = await login(HANAKO.email);
    const token = await exchange(callbackParams(page).get('code') ?? '');
    const channelToken = await postForm(`${base}/oauth2/v3/token`, { grant_type: 'client_credentials', client_id: LOGIN_CHANNEL_ID, client_secret: LOGIN_CHANNEL_SECRET });
    assert.equal(channelToken.body.expires_in, 900);
    const answer = await fetch(`${base}/user/v1/deauthorize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${String(channelToken.body.access_token)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userAccessToken: token.body.access_token }),
    });
    assert.equal(answer.status, 204);
    assert.equal((await getJson(`${base}/v2/profile`, token.body.access_token as string)).status, 401);
    assert.deepEqual((await line.control.user(HANAKO.userId)).consents, []);
  });
});
