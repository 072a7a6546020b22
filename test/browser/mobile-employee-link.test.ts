// 【従業員】ID連携設定(モバイル版) (docs/flows/freee-lineworks.md) in a real Chromium emulating a phone (Pixel 7: its
// viewport, touch and mobile user agent): [ID連携] in the talk room → freee login → the LINE WORKS
// login page, with the account to link → 「連携を開始しますか?」 → [許可する] → 「連携に成功しました」.
// And what goes wrong on the phone: LINE WORKS refusing the login or an ID token it did not sign
// (LINE WORKSの認証に失敗しました), another LINE WORKS account than the talk room's, LINE WORKS down.
// The phone's rich menu is renkei's image (assets/richmenu/): [ID連携] and [勤怠登録] on it, tap
// targets named by the action labels; after the link it shows [ID連携解除], and [勤怠登録] switches
// to the 人事労務 menu and [メニューに戻る] back.
// Screenshots in test-results/flows/.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { devices, type Browser, type Page } from 'playwright-core';
import { LINK_ERRORS } from '../../api/pages/link-messages';
import { EmployeeLink, TenantLink } from '../../models';
import type { TestApi } from '../support/api-server';
import { navigateBy } from '../support/browser';
import { linkFlowHooks, type FlowDriver } from '../support/flow-driver';
import { logIn, type People } from '../support/people';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const { defaultBrowserType: _chromium, ...PHONE } = devices['Pixel 7'];
const RICH_MENU_IMAGES = path.resolve(__dirname, '../../assets/richmenu');

describe('browser: the employee ID-link on a phone (Chromium, mobile)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;
  let people: People;
  let flow: FlowDriver;
  let phone: Page;

  linkFlowHooks('mobile', (t) => ({ browser, api, taskQueue, people, flow } = t));
  afterEach(async () => phone?.context().close());

  const shot = (name: string): Promise<Buffer> => flow.shot(phone, name);

  /**
   * The talk room's rich menu on the phone is renkei's image `file` as uploaded, with one tap
   * target per panel, named by its action label, over the panel that carries its words.
   */
  async function assertPhoneMenu(file: string, buttons: string[]): Promise<void> {
    const img = phone.locator('[data-richmenu-view="image"] img');
    const src = await img.getAttribute('src');
    assert.ok(src, 'the rich menu is an image on the phone');
    const served = await phone.request.get(new URL(src, phone.url()).toString());
    assert.equal(served.headers()['content-type'], 'image/png');
    assert.ok((await served.body()).equals(readFileSync(path.join(RICH_MENU_IMAGES, file))), `the phone shows ${file}`);
    assert.equal(await img.evaluate((el: unknown) => (el as { naturalWidth: number }).naturalWidth), 2500, 'the image has loaded');
    const picture = await img.boundingBox();
    assert.ok(picture);
    for (const [index, name] of buttons.entries()) {
      const box = await phone.getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(box, `a tap target named ${name}`);
      const centre = box.x + box.width / 2 - picture.x;
      assert.ok(centre > (index * picture.width) / buttons.length && centre < ((index + 1) * picture.width) / buttons.length, `${name} lies over panel ${index + 1}`);
    }
  }

  /** The admin has linked the business (on a PC); the employee, on the phone, reaches the LINE WORKS login of the ID-link. */
  async function toLineWorksLogin(opts: { shots?: boolean } = {}): Promise<void> {
    const admin = await flow.page();
    await flow.adminLinks(admin);
    assert.equal(await flow.result(admin), '連携設定が完了しました');

    const context = await browser.newContext({ ...PHONE, locale: 'ja-JP' });
    phone = await context.newPage();
    // トーク画面の[+(追加)]→[外部ユーザーとトーク] → freee → [OK].
    await phone.goto(`${stack().urls.lineworks}/talk/new`);
    await logIn(phone, people.employee.worksUserId);
    await navigateBy(phone, () => phone.getByRole('button', { name: 'OK' }).tap());
    // トーク画面下部の[ID連携]ボタン: the image's left panel; its right panel is [勤怠登録].
    await assertPhoneMenu('renkei-unlinked.png', ['ID連携', '勤怠登録メニューに切り替え']);
    if (opts.shots) await shot('m01-talk-room');
    // [ID連携] → freee login → the business → freee's [許可する].
    await phone.getByRole('button', { name: 'ID連携', exact: true }).tap();
    await logIn(phone, people.employee.email);
    if (opts.shots) await shot('m02-freee-consent');
    await phone.locator(`input[name="company_id"][value="${people.companyId}"]`).check();
    await phone.getByRole('button', { name: '許可する' }).tap();
    // 連携したいLINE WORKSのアカウントでログインします: LINE WORKS's login page, even though the
    // phone is signed in to LINE WORKS already.
    await phone.waitForURL(`${stack().urls.lineworks}/login?**`);
    assert.ok(await phone.locator('input[name="loginId"]').isVisible(), 'the LINE WORKS login page');
    if (opts.shots) await shot('m03-lineworks-login');
  }

  /** Logs in to LINE WORKS as `worksUserId` and allows renkei (LINE WORKS's consent). */
  async function logInToLineWorks(worksUserId: string, opts: { shots?: boolean } = {}): Promise<void> {
    await logIn(phone, worksUserId);
    assert.match((await phone.textContent('body')) ?? '', /freeeがアクセス権限を求めています/);
    if (opts.shots) await shot('m04-lineworks-consent');
    await phone.getByRole('button', { name: '許可する' }).tap();
    await phone.waitForLoadState('load');
  }

  const fitsThePhone = async (): Promise<void> => {
    const width = Number(await phone.evaluate('document.documentElement.scrollWidth'));
    assert.ok(width <= PHONE.viewport.width, `the page is ${width}px wide on a ${PHONE.viewport.width}px phone`);
  };

  it('freee login → LINE WORKS login → 連携を開始しますか? → [許可する] → 連携に成功しました', async () => {
    const s = stack();
    await withWorker(taskQueue, async () => {
      await toLineWorksLogin({ shots: true });
      await logInToLineWorks(people.employee.worksUserId, { shots: true });
      await phone.waitForURL(`${api.url}/link/consent?**`);
      assert.equal((await phone.textContent('h1'))?.trim(), '連携を開始しますか?');
      assert.equal((await phone.textContent('[data-company]'))?.trim(), people.companyName);
      assert.equal((await phone.textContent('[data-works-account]'))?.trim(), `${people.employee.worksUserId}（${people.worksTenantId}.works.example）`);
      await fitsThePhone();
      await shot('m05-consent');
      await phone.getByRole('button', { name: '許可する' }).tap();
      assert.equal(await flow.result(phone), '連携に成功しました');
      await fitsThePhone();
      await shot('m06-linked');

      // The button becomes [ID連携解除]; [勤怠登録] switches to the 人事労務 menu.
      const botId = (await TenantLink.findById(people.worksTenantId).lean())?.botId ?? '';
      await phone.goto(`${s.urls.lineworks}/talk?bot=${encodeURIComponent(botId)}`);
      await assertPhoneMenu('renkei-linked.png', ['ID連携解除', '勤怠登録メニューに切り替え']);
      await shot('m07-linked-menu');
      await navigateBy(phone, () => phone.getByRole('button', { name: '勤怠登録メニューに切り替え', exact: true }).tap());
      await eventually(async () => (await s.lineWorks.effectiveRichMenu(botId, people.employee.worksUserId))?.richmenuName, (name) => name === 'renkei-attendance', 'the 人事労務 menu');
      await phone.goto(`${s.urls.lineworks}/talk?bot=${encodeURIComponent(botId)}`);
      await assertPhoneMenu('renkei-attendance.png', []);
      assert.ok(await phone.getByRole('link', { name: '勤怠を登録する', exact: true }).isVisible());
      assert.ok(await phone.getByRole('button', { name: 'メニューに戻る', exact: true }).isVisible());
      await shot('m08-attendance-menu');
      // [メニューに戻る]: back to the linked menu.
      await navigateBy(phone, () => phone.getByRole('button', { name: 'メニューに戻る', exact: true }).tap());
      await eventually(async () => (await s.lineWorks.effectiveRichMenu(botId, people.employee.worksUserId))?.richmenuName, (name) => name === 'renkei-linked', 'the linked menu again');
    });
    const link = await EmployeeLink.findOne({ companyId: String(people.companyId), freeeUserId: String(people.employee.freeeId) }).lean();
    assert.equal(link?.worksUserId, people.employee.worksUserId);
    const botId = (await TenantLink.findById(people.worksTenantId).lean())?.botId ?? '';
    assert.equal((await s.lineWorks.effectiveRichMenu(botId, people.employee.worksUserId))?.richmenuName, 'renkei-linked', 'the menu shows [ID連携解除]');

    // What renkei sent LINE WORKS: openid with state, nonce and PKCE S256 at the exact redirect URI;
    // the code redeemed once with its verifier.
    const redirectUri = `${api.url}/auth/lineworks/callback`;
    const [authorize] = (await s.lineWorks.requests({ method: 'GET', path: '/oauth2/v2.0/authorize' })).filter((r) => r.query.redirect_uri === redirectUri);
    assert.ok(authorize, 'an authorize request for this renkei');
    assert.equal(authorize.query.scope, 'openid');
    assert.equal(authorize.query.prompt, 'login');
    assert.equal(authorize.query.code_challenge_method, 'S256');
    assert.ok(authorize.query.state && authorize.query.nonce && authorize.query.code_challenge);
    const redeemed = (await s.lineWorks.requests({ method: 'POST', path: '/oauth2/v2.0/token' }))
      .map((r) => (r.body ?? {}) as Record<string, string>)
      .filter((b) => b.grant_type === 'authorization_code' && b.redirect_uri === redirectUri);
    assert.equal(redeemed.length, 1, 'the code is redeemed once');
    assert.ok(redeemed[0]?.code_verifier, 'with its PKCE verifier');
  });

  it('LINE WORKS refuses the login: LINE WORKSの認証に失敗しました, and nothing linked', async () => {
    await withWorker(taskQueue, async () => {
      await toLineWorksLogin();
      await stack().lineWorks.revokeTenant(people.worksTenantId);
      try {
        await logInToLineWorks(people.employee.worksUserId);
        assert.equal(await flow.errorMessage(phone), LINK_ERRORS.TOKEN_INVALID.message);
        assert.equal(((await phone.textContent('[data-error-remedy]')) ?? '').trim(), LINK_ERRORS.TOKEN_INVALID.remedy);
        await fitsThePhone();
        await shot('m-e1-token-invalid');
      } finally {
        await stack().lineWorks.restoreTenant(people.worksTenantId);
      }
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });

  it('an ID token LINE WORKS did not sign is refused: LINE WORKSの認証に失敗しました, and nothing linked', async () => {
    const s = stack();
    await withWorker(taskQueue, async () => {
      await toLineWorksLogin();
      // The token endpoint's answer replaced by one carrying an ID token with every right claim
      // (this authorize request's nonce included) but signed with another key under LINE WORKS's key ID.
      const redirectUri = `${api.url}/auth/lineworks/callback`;
      const authorize = (await s.lineWorks.requests({ method: 'GET', path: '/oauth2/v2.0/authorize' })).filter((r) => r.query.redirect_uri === redirectUri).pop();
      const certs = (await (await fetch(`${s.urls.lineworks}/oauth2/v2.0/certs`)).json()) as { keys: Array<{ kid: string }> };
      const { privateKey } = await generateKeyPair('RS256');
      const accessToken = 'forged-access-token';
      const idToken = await new SignJWT({
        nonce: String(authorize?.query.nonce),
        at_hash: createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url'),
        domain_id: Number(people.worksTenantId),
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: certs.keys[0]?.kid ?? '' })
        .setIssuer(`${s.urls.lineworks}/oauth2/v2.0`)
        .setAudience(s.secrets.clientId)
        .setSubject(people.employee.worksUserId)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      await s.lineWorks.fault({
        method: 'POST',
        path: '/oauth2/v2.0/token',
        status: 200,
        body: { access_token: accessToken, refresh_token: 'r', token_type: 'Bearer', expires_in: '86400', scope: 'openid', id_token: idToken },
      });
      await logInToLineWorks(people.employee.worksUserId);
      assert.equal(await flow.errorMessage(phone), LINK_ERRORS.TOKEN_INVALID.message);
      await shot('m-e2-forged-id-token');
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });

  it('logging in to another LINE WORKS account than the talk room’s is refused, and nothing linked', async () => {
    await withWorker(taskQueue, async () => {
      await toLineWorksLogin();
      await logInToLineWorks(people.colleagueWorksUserId);
      assert.equal(await flow.errorMessage(phone), LINK_ERRORS.WORKS_ACCOUNT_MISMATCH.message);
      await shot('m-e3-other-account');
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });

  it('LINE WORKS is down at the code exchange: 時間をおいて再度…, with a reference ID', async () => {
    await withWorker(taskQueue, async () => {
      await toLineWorksLogin();
      await stack().lineWorks.fault({ method: 'POST', path: '/oauth2/v2.0/token', status: 503 });
      await logInToLineWorks(people.employee.worksUserId);
      assert.equal(await flow.errorMessage(phone), LINK_ERRORS.TRANSIENT.message);
      assert.ok(((await phone.textContent('[data-reference-id]')) ?? '').trim().length > 0);
      await shot('m-e4-transient');
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });
});
