// 「LINEでログイン」 when what comes back from LINE's token endpoint carries a tampered ID token — signed
// with another key than the channel secret, issued for another channel (aud), or for another login
// (nonce): renkei's callback answers the sign-in error page 「LINEの認証に失敗しました。」 (400),
// asks LINE nothing more about that account, and links nothing. The same token signed as LINE signs
// it gets past the ID token (LINE is then asked for the friendship), so each refusal is the check
// it names. The partner walks renkei's pages and the LINE emulator's as a browser does.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { LINE_ISSUER } from '../../api/line-login/sign-in-client';
import { SIGN_IN_ERRORS } from '../../api/partner-web/pages/sign-in-messages';
import { BrowserClient, type BrowserPage } from '../../emulators/browser-client';
import { startTestApi, type TestApi } from '../support/api-server';
import { assertNothingLinked, seedLineAccount } from '../support/partner-phone';
import { seedPartner, type SeededPartner } from '../support/partners';
import { stack, uniqueTaskQueue } from '../support/stack';

const AUTHORIZE_PATH = '/oauth2/v2.1/authorize';

describe('LINE sign-in refuses a tampered ID token with the sign-in error page', function () {
  this.timeout(120_000);
  let api: TestApi;
  let taskQueue: string;
  let partner: SeededPartner;
  let lineUserId: string;

  beforeEach(async () => {
    taskQueue = uniqueTaskQueue('line-id-token');
    api = await startTestApi(taskQueue);
    partner = await seedPartner({ lineOption: true, registered: true });
    lineUserId = await seedLineAccount(partner.email);
  });
  afterEach(async () => api.close());

  /**
   * ログイン → 「LINEでログイン」 → LINE's login, 「許可する」 and 「友だち追加」, with LINE's token
   * endpoint answering the ID token `forge` makes from the claims LINE would sign for this login.
   */
  async function signInWithForgedIdToken(forge: (claims: JWTPayload, channel: { id: string; secret: string }) => Promise<string>, accessToken: string): Promise<BrowserPage> {
    const config = stack().apiConfig(taskQueue);
    const channel = { id: config.LINE_LOGIN_CHANNEL_ID, secret: config.LINE_LOGIN_CHANNEL_SECRET };
    let nonce: string | undefined;
    // Reads the nonce renkei sent in the authorize URL as the browser passes through it.
    const browser = new BrowserClient({
      stopAt: (url) => {
        if (url.pathname === AUTHORIZE_PATH) nonce ??= url.searchParams.get('nonce') ?? undefined;
        return false;
      },
    });
    const loginPage = await browser.get(`${api.url}/partner/login`);
    const lineLogin = await browser.submit(loginPage, { actionPart: '/partner/login' });
    assert.ok(nonce, 'renkei sent a nonce to LINE');
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = { iss: LINE_ISSUER, sub: lineUserId, aud: channel.id, exp: now + 3600, iat: now, auth_time: now, nonce, amr: ['pwd'], name: '山田 花子', email: partner.email };
    await stack().line.fault({
      method: 'POST',
      path: '/oauth2/v2.1/token',
      status: 200,
      body: { access_token: accessToken, expires_in: 2_592_000, id_token: await forge(claims, channel), refresh_token: `refresh-${randomUUID()}`, scope: 'profile openid email', token_type: 'Bearer' },
    });
    const consent = await browser.submit(lineLogin, { actionPart: '/login', set: { loginId: partner.email, password: 'password' } });
    const friend = await browser.submit(consent, { actionPart: '/authorize/consent', add: [['decision', 'allow']] });
    const back = await browser.submit(friend, { actionPart: '/authorize/friend', add: [['decision', 'add']] });
    assert.equal(new URL(back.url).pathname, '/auth/line/callback', `expected renkei's callback, got ${back.status} at ${back.url}`);
    return back;
  }

  const hs256 = (claims: JWTPayload, secret: string): Promise<string> =>
    new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'HS256' }).sign(new TextEncoder().encode(secret));

  /** Whether LINE was asked about the friendship with this (forged) access token. */
  const friendshipAsked = async (accessToken: string): Promise<boolean> =>
    (await stack().line.requests({ method: 'GET', path: '/friendship/v1/status' })).some((r) => r.headers.authorization === `Bearer ${accessToken}`);

  const tampered: Array<[string, (claims: JWTPayload, channel: { id: string; secret: string }) => Promise<string>]> = [
    ['signed with another key than the channel secret', (c) => hs256(c, 'not-the-channel-secret')],
    ['issued for another channel (aud)', (c, ch) => hs256({ ...c, aud: `${ch.id}9` }, ch.secret)],
    ['issued for another login (nonce)', (c, ch) => hs256({ ...c, nonce: randomUUID() }, ch.secret)],
  ];
  for (const [what, forge] of tampered) {
    it(`an ID token ${what}: 「${SIGN_IN_ERRORS.LINE_AUTH_FAILED.message}」, nothing asked of LINE, nothing linked`, async () => {
      const accessToken = `forged-${randomUUID()}`;
      const page = await signInWithForgedIdToken(forge, accessToken);
      assert.equal(page.status, 400);
      assert.ok(page.html.includes(SIGN_IN_ERRORS.LINE_AUTH_FAILED.message), page.html.slice(0, 500));
      assert.equal(await friendshipAsked(accessToken), false, 'the refusal came at the ID token');
      await assertNothingLinked(partner.partnerId);
    });
  }

  it('the same ID token signed as LINE signs it gets past the ID token check (LINE is asked for the friendship)', async () => {
    const accessToken = `forged-${randomUUID()}`;
    // The access token is not LINE's, so the friendship API refuses it and the sign-in still fails.
    const page = await signInWithForgedIdToken((c, ch) => hs256(c, ch.secret), accessToken);
    assert.equal(page.status, 400);
    assert.equal(await friendshipAsked(accessToken), true);
    await assertNothingLinked(partner.partnerId);
  });
});
