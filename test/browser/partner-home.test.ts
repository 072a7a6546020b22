// The partner's home and order pages as the partner walks them on a 390 px phone (Chromium
// emulating an iPhone 13), against the real API, Temporal dev server, Mongo-wire server and
// emulators (docs/flows/lansmart-line.md): 「該当の発注書をタップします」 — /partner lists the orders
// newest first with what each waits for; every page is the platform's (its name in the title and
// footer, never renkei's); [承認する] → 最終確認 → [実行する] and then Back shows pages, never the
// browser's form-resubmission error; ログアウト. With the worker stopped the list, the order and
// 最終確認 still render from the read model and [実行する] says it cannot be done now; once a worker
// runs, the same form approves once. The refusal pages: an e-mail mismatch shows both addresses
// masked; a company user and a partner without the LINE option are led to the platform's e-mail
// login. Screenshots in test-results/flows/partner-home-*.png.
import { strict as assert } from 'node:assert';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../support/api-server';
import { keepScreenshot, navigateBy } from '../support/browser';
import { browserSuiteHooks, closingContexts } from '../support/browser-suite';
import { signInPartner } from '../support/partner-session';
import { PartnerPhone, seedLineAccount } from '../support/partner-phone';
import { createPlatformOrder, inAppOf, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';
import { readOrderView } from '../../api/partner-web/order-view-store';

const { defaultBrowserType: _webkit, ...IPHONE_13 } = devices['iPhone 13'];
const PHONE_390 = { ...IPHONE_13, viewport: { width: 390, height: 844 } };
const SHOTS = 'test-results/flows';
const BRAND = 'Lansmart by SmartHR';

describe('browser: the partner’s home, orders and refusal pages on a 390 px phone (Chromium, mobile)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;
  const closing: Array<{ close(): Promise<void> }> = [];

  browserSuiteHooks(
    {
      queuePrefix: 'partner-home',
      shotsDir: SHOTS,
      open: closingContexts(closing),
    },
    (t) => ({ browser, api, taskQueue } = t),
  );

  async function phoneOf(partner: SeededPartner, on: TestApi = api): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...PHONE_390, locale: 'ja-JP' });
    closing.push(context);
    await signInPartner(context, on, partner);
    return { context, page: await context.newPage() };
  }
  const shot = (page: Page, name: string): Promise<Buffer> => keepScreenshot(page, `${SHOTS}/partner-home-${name}.png`);
  const text = async (page: Page, selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();
  const tapAndLoad = (page: Page, selector: string): Promise<void> => navigateBy(page, () => page.locator(selector).first().tap());
  async function fits(page: Page): Promise<void> {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
  }
  /** The platform's page: its name in the title and the footer, renkei's nowhere the partner reads. */
  async function isThePlatforms(page: Page): Promise<void> {
    assert.match(await page.title(), new RegExp(` \\| ${BRAND}$`));
    assert.equal(await text(page, 'footer'), BRAND);
    assert.ok(!(await page.innerText('body')).includes('renkei'), `no “renkei” on ${page.url()}`);
  }
  /** An order the platform created, once its workflow has written the read model. */
  async function orderOf(partner: SeededPartner): Promise<string> {
    const { orderId } = await createPlatformOrder(partner, Date.now());
    await eventually(() => readOrderView(orderId), (v) => v?.status === 'ordered', `the read model of ${orderId}`);
    return orderId;
  }
  async function listedOrders(page: Page): Promise<string[]> {
    const ids: string[] = [];
    for (const item of await page.locator('[data-order-item]').all()) ids.push((await item.getAttribute('data-order-item')) ?? '');
    return ids;
  }
  const platformActions = async (orderId: string): Promise<string[]> =>
    (await stack().lansmart.partnerActions()).filter((a) => a.orderId === orderId && a.status === 200 && !a.replayed).map((a) => a.type ?? '');

  it('/partner lists the orders newest first with what each waits for; tap → 承認する → 最終確認 → 実行する, then Back without a resubmission error; the platform’s name everywhere; ログアウト', async () => {
    const partner = await seedPartner();
    await withWorker(taskQueue, async () => {
      const older = await orderOf(partner);
      const newer = await orderOf(partner);
      await eventually(() => inAppOf(partner.partnerId, 'order_created'), (n) => n.length === 2, 'both 発注書を確認してください');
      const { context, page } = await phoneOf(partner);

      // 該当の発注書をタップします: the list, newest first, each waiting for the partner's approval.
      await page.goto(`${api.url}/partner`);
      assert.deepEqual(await listedOrders(page), [newer, older]);
      for (const item of await page.locator('[data-order-item]').all()) {
        assert.equal(((await item.locator('[data-waits-for]').textContent()) ?? '').trim(), '承認待ち');
        assert.equal(await item.getAttribute('data-your-turn'), '');
      }
      await isThePlatforms(page);
      await fits(page);
      await shot(page, '01-orders');

      await tapAndLoad(page, `[data-order-item="${older}"]`);
      assert.equal(new URL(page.url()).pathname, `/partner/orders/${older}`);
      assert.equal(await text(page, 'h1'), '発注書の確認');
      await isThePlatforms(page);
      await tapAndLoad(page, '[data-approve]');
      assert.equal(await text(page, 'h1'), '最終確認');
      await isThePlatforms(page);
      await fits(page);
      await shot(page, '02-final-confirmation');
      await tapAndLoad(page, 'button:has-text("実行する")');
      assert.equal(await text(page, '[data-result]'), '発注書の承認が完了しました');
      assert.match(page.url(), new RegExp(`/partner/orders/${older}\\?done=\\d+$`), 'a page of its own (Post/Redirect/Get)');
      await isThePlatforms(page);
      await shot(page, '03-approved');

      // Back after 実行する: pages, never the browser's "Confirm Form Resubmission".
      for (const expected of ['発注書の確認', '発注書の確認']) {
        await page.goBack();
        await page.waitForLoadState('load');
        assert.ok(!page.url().startsWith('chrome-error://'), `Back shows a page, not ${page.url()}`);
        assert.equal(await text(page, 'h1'), expected);
      }
      assert.equal(await page.getAttribute('[data-order-status]', 'data-order-status'), 'approved', 'Back shows the order as it is now');
      assert.deepEqual(await platformActions(older), ['order.approve'], 'approved once');

      // The list now says what each order waits for.
      await page.goto(`${api.url}/partner`);
      assert.equal(await page.getAttribute(`[data-order-item="${older}"]`, 'data-status'), 'approved');
      assert.equal(await page.getAttribute(`[data-order-item="${older}"]`, 'data-your-turn'), null);
      assert.equal(await text(page, `[data-order-item="${older}"] [data-waits-for]`), '承認済み(業務報告の作成待ち)');
      await shot(page, '04-orders-after-approval');

      // ログアウト (same-origin form with the session's CSRF token).
      await tapAndLoad(page, '[data-logout]');
      assert.equal(new URL(page.url()).pathname, '/partner/login');
      assert.equal(await text(page, '[data-logged-out]'), 'ログアウトしました。');
      assert.equal((await context.cookies()).some((c) => c.name === 'renkei_partner'), false);
      await isThePlatforms(page);
      await page.goto(`${api.url}/partner`);
      assert.equal(new URL(page.url()).pathname, '/partner/login', 'signed out: /partner asks to log in');
    });
  });

  it('/partner shows the newest five orders; /partner/orders pages through all of them, 20 at a time, newest first', async () => {
    const partner = await seedPartner();
    const ids: string[] = [];
    await withWorker(taskQueue, async () => {
      for (let i = 0; i < 21; i += 1) ids.push((await createPlatformOrder(partner, Date.now())).orderId);
      await eventually(() => Promise.all(ids.map((id) => readOrderView(id))), (views) => views.every((v) => v !== undefined), 'every order’s read model');
    });
    const { page } = await phoneOf(partner);
    await page.goto(`${api.url}/partner`);
    assert.equal(await page.locator('[data-order-item]').count(), 5);
    await tapAndLoad(page, '[data-all-orders]');
    const first = await listedOrders(page);
    await tapAndLoad(page, '[data-older-orders]');
    const second = await listedOrders(page);
    assert.deepEqual([...first, ...second], [...ids].reverse());
    await isThePlatforms(page);
    await fits(page);
  });

  it('with the worker stopped: /partner, the order and 最終確認 render from the read model, 実行する says it cannot be done now; with a worker again the same form approves once', async () => {
    const partner = await seedPartner();
    const patient = await startTestApi(taskQueue, { config: { ORDER_STEP_TIMEOUT_MS: 2_000 } });
    closing.push(patient);
    const orderId = await withWorker(taskQueue, () => orderOf(partner));
    // No worker runs from here on.
    const { context, page } = await phoneOf(partner, patient);
    await page.goto(`${patient.url}/partner`);
    assert.equal(await page.getAttribute(`[data-order-item="${orderId}"]`, 'data-status'), 'ordered');
    await tapAndLoad(page, `[data-order-item="${orderId}"]`);
    assert.equal(await text(page, 'h1'), '発注書の確認');
    assert.equal(await text(page, '[data-order-title]'), 'Webサイト改修');
    await shot(page, '05-order-without-worker');
    await tapAndLoad(page, '[data-approve]');
    assert.equal(await text(page, 'h1'), '最終確認');
    const form: Record<string, string> = {};
    for (const input of await page.locator('form[method="post"] input[type="hidden"]').all()) form[(await input.getAttribute('name')) ?? ''] = (await input.getAttribute('value')) ?? '';
    const answer = page.waitForResponse((r) => r.request().method() === 'POST');
    await tapAndLoad(page, 'button:has-text("実行する")');
    assert.equal((await answer).status(), 503);
    assert.equal(await page.getAttribute('h1', 'data-problem'), 'unavailable');
    assert.equal(await text(page, '[data-error-message]'), '時間をおいて再度お試しください。');
    await isThePlatforms(page);
    await fits(page);
    await shot(page, '06-step-without-worker');
    assert.deepEqual(await platformActions(orderId), [], 'nothing recorded');

    await withWorker(taskQueue, async () => {
      // As the page says, the partner tries again after a while: the worker that just started may
      // not take the step within this API's 2 s, so 503 may come again before the step is done.
      let again = await context.request.post(`${patient.url}/partner/orders/${orderId}/approve`, { form });
      for (let tries = 1; again.status() === 503 && tries < 10; tries++) {
        await new Promise((r) => setTimeout(r, 1_000));
        again = await context.request.post(`${patient.url}/partner/orders/${orderId}/approve`, { form });
      }
      assert.equal(again.status(), 200);
      assert.match(await again.text(), /発注書の承認が完了しました/);
    });
    assert.deepEqual(await platformActions(orderId), ['order.approve'], 'approved once');
    assert.equal((await readOrderView(orderId))?.status, 'approved');
  });

  it('refusal pages: an e-mail mismatch shows both addresses masked; a company user and a partner without the LINE option are led to the platform’s e-mail login', async () => {
    const invited = await seedPartner({ registered: false });
    const lineEmail = `someone-else-${invited.partnerId}@line.example`;
    await seedLineAccount(lineEmail);
    await seedLineAccount(invited.companyUserEmail, '発注 太郎');
    const withoutOption = await seedPartner({ lineOption: false, registered: false });
    const s = stack();
    await withWorker(taskQueue, async () => {
      const phone = await PartnerPhone.open(browser, 'ja-JP', PHONE_390);
      closing.push(phone);

      // ユーザー登録 with a LINE account whose address is not the invited partner's.
      await phone.page.goto(`${api.url}/partner/register?invitation=${encodeURIComponent(invited.invitationToken)}`);
      await phone.agreeAndRegister();
      await phone.logInToLine(lineEmail);
      await phone.allow();
      await phone.addFriend();
      assert.equal((await phone.error()).kind, 'EMAIL_MISMATCH');
      const shownLine = await phone.text('[data-line-email]');
      const shownPlatform = await phone.text('[data-platform-email]');
      assert.equal(shownLine, `s********@line.example`);
      assert.equal(shownPlatform, `p********@partner.example`);
      assert.ok(!(await phone.page.innerText('body')).includes(invited.email), 'the platform’s address is not shown whole');
      assert.ok(!(await phone.page.innerText('body')).includes(lineEmail), 'the LINE address is not shown whole');
      assert.equal(await phone.page.locator('[data-retry]').count(), 1, 'trying again with another LINE account is the way on');
      await isThePlatforms(phone.page);
      await fits(phone.page);
      await phone.shot('partner-home-07-email-mismatch');

      // A company user, and a partner of a company without the LINE option: the e-mail login.
      const cases = [
        { start: `${api.url}/partner/login`, loginId: invited.companyUserEmail, kind: 'COMPANY_USER', shot: 'partner-home-08-company-user' },
        // Refused on the registration page itself, before LINE.
        { start: `${api.url}/partner/register?invitation=${encodeURIComponent(withoutOption.invitationToken)}`, loginId: undefined, kind: 'NO_LINE_OPTION', shot: 'partner-home-09-no-line-option' },
      ];
      for (const c of cases) {
        await phone.context.clearCookies();
        await phone.page.goto(c.start);
        if (c.loginId) {
          await phone.tapAndWait(phone.button('LINEでログイン'));
          await phone.logInToLine(c.loginId);
          await phone.allow();
          await phone.addFriend();
        }
        assert.equal((await phone.error()).kind, c.kind);
        assert.equal(await phone.page.locator('[data-retry]').count(), 0, `${c.kind}: no button back to the LINE-only login`);
        assert.equal(await phone.page.getAttribute('[data-email-login]', 'href'), `${s.urls.lansmart}/login`);
        assert.equal(await phone.text('[data-email-login]'), 'メールアドレスでログイン');
        await isThePlatforms(phone.page);
        await fits(phone.page);
        await phone.shot(c.shot);
        await phone.tapAndWait(phone.page.locator('[data-email-login]'));
        assert.equal(await phone.text('[data-platform-login]'), 'メールアドレスでログイン', 'the platform’s own login page');
      }
    });
  });
});
