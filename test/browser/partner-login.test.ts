// ログイン with LINE (docs/flows/lansmart-line.md, ログイン ①–⑤) in a real Chromium emulating a 390 px phone: a
// partner page sends a signed-out partner to 「LINEでログイン」 → LINE's 認証画面 「許可する」 →
// 友だち追加画面 「友だち追加」 → back on that page, signed in, and 友だち登録完了 in the LINE talk
// room; ログアウト; the next login goes through without the consent screen (auto-login). And what
// must not work: a callback used twice, a callback opened in another browser, a cancelled consent,
// a company user, a partner of a company without the LINE option, an address no partner has.
import { strict as assert } from 'node:assert';
import type { Browser } from 'playwright-core';
import { SIGN_IN_ERRORS } from '../../api/partner-web/pages/sign-in-messages';
import { lineLinkWorkflowId } from '../../common/ids';
import { lineLinkStatusQuery } from '../../common/partners/messages';
import type { TestApi } from '../support/api-server';
import { seedPartner } from '../support/partners';
import { assertNothingLinked, lineTitlesTo, PartnerPhone, partnerPhoneHooks, seedLineAccount } from '../support/partner-phone';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const FRIEND_REGISTERED = '友だち登録完了';
const CALLBACK = '/auth/line/callback';

describe('browser: partner ログイン with LINE on a phone (Chromium, mobile)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;
  let phone: PartnerPhone;
  partnerPhoneHooks('partner-login', (t) => ({ browser, api, taskQueue, phone } = t));

  /** The login page (with where to come back to) → 「LINEでログイン」 → LINE's sign-in as `loginId`. */
  async function logInWithLine(loginId: string, returnTo = '/partner/login'): Promise<void> {
    await phone.page.goto(`${api.url}/partner/login?return_to=${encodeURIComponent(returnTo)}`);
    await phone.tapAndWait(phone.button('LINEでログイン'));
    await phone.logInToLine(loginId);
  }

  it('a partner page → 「LINEでログイン」 → 許可する → 友だち追加 → back on that page; 友だち登録完了 on LINE; ログアウト; next time no consent screen; a reused callback is refused', async () => {
    const s = stack();
    const partner = await seedPartner();
    const lineUserId = await seedLineAccount(partner.email);
    const callbacks: string[] = [];
    phone.page.on('request', (r) => {
      if (new URL(r.url()).pathname === CALLBACK) callbacks.push(r.url());
    });
    await withWorker(taskQueue, async () => {
      // A page for signed-in partners sends the partner to ログイン, remembering where they were going.
      await phone.page.goto(`${api.url}/partner/register/basic-info`);
      await phone.page.waitForURL(`${api.url}/partner/login?return_to=%2Fpartner%2Fregister%2Fbasic-info`);
      assert.equal(await phone.text('h1'), 'ログイン');
      await phone.fits();
      await phone.shot('partner-l01-login');
      // ① 「LINEでログイン」 ② 認証画面 「許可する」 ③ 友だち追加画面 「友だち追加」.
      await phone.tapAndWait(phone.button('LINEでログイン'));
      await phone.logInToLine(partner.email);
      await phone.shot('partner-l02-line-consent');
      await phone.allow();
      await phone.shot('partner-l03-line-add-friend');
      await phone.addFriend();
      // ④ Signed in, on the page the partner came for.
      await phone.page.waitForURL(`${api.url}/partner/register/basic-info`);
      assert.equal(await phone.text('h1'), '基本情報登録');
      assert.equal(await phone.page.locator('input[name="nameKana"]').inputValue(), 'ヤマダ ハナコ', 'the platform’s basic information');
      assert.equal(await phone.hasPartnerSession(), true);
      await phone.shot('partner-l04-signed-in');
      // LINEのトークルームには、友だち登録完了の通知が届きます.
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(FRIEND_REGISTERED), '友だち登録完了 on LINE');
      await phone.page.goto(`${s.urls.line}/chat`);
      assert.match(await phone.text('body'), /友だち登録完了/);
      await phone.shot('partner-l05-line-talk-room');

      // ログアウト.
      await phone.page.goto(`${api.url}/partner/login`);
      assert.equal(await phone.text('[data-result]'), 'ログイン中');
      assert.match(await phone.text('[data-signed-in]'), /山田 花子さん/);
      await phone.shot('partner-l06-signed-in-page');
      await phone.tapAndWait(phone.button('ログアウト'));
      assert.equal(await phone.text('[data-logged-out]'), 'ログアウトしました。');
      assert.equal(await phone.hasPartnerSession(), false);
      await phone.page.goto(`${api.url}/partner/login?return_to=${encodeURIComponent('/partner/login')}`);

      // ⑤ 次回ログイン時は、認証なしで: LINE answers at once — no LINE page is shown at all.
      const consentBefore = await s.line.consents({ userId: lineUserId });
      const linePages: string[] = [];
      phone.page.on('framenavigated', (frame) => {
        if (frame === phone.page.mainFrame() && frame.url().startsWith(s.urls.line)) linePages.push(frame.url());
      });
      await phone.tapAndWait(phone.button('LINEでログイン'));
      assert.deepEqual(linePages, [], 'no LINE sign-in, consent or add-friend screen');
      assert.equal(new URL(phone.page.url()).pathname, '/partner/login');
      assert.equal(await phone.text('[data-result]'), 'ログイン中');
      assert.deepEqual(await s.line.consents({ userId: lineUserId }), consentBefore, 'the consent given the first time is the one used');
      await phone.shot('partner-l07-second-login');

      // One link, one 友だち登録完了.
      const state = await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).query(lineLinkStatusQuery);
      assert.equal(state.status, 'linked');
      assert.equal(state.linkCount, 1);
      assert.equal((await lineTitlesTo(lineUserId)).filter((t) => t === FRIEND_REGISTERED).length, 1);

      // The first login's callback opened again: spent, a clear page, nothing changes.
      assert.equal(callbacks.length, 2);
      const again = await phone.page.goto(callbacks[0] ?? '');
      assert.equal(again?.status(), 400);
      const error = await phone.error();
      assert.equal(error.kind, 'EXPIRED');
      assert.equal(error.message, SIGN_IN_ERRORS.EXPIRED.message);
      await phone.fits();
      await phone.shot('partner-l-e1-reused-callback');
      const after = await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).query(lineLinkStatusQuery);
      assert.equal(after.linkCount, 1);
    });
  });

  it('a callback opened in another browser is refused and spends the state; nothing is linked', async () => {
    const partner = await seedPartner();
    await seedLineAccount(partner.email);
    // LINE's answer to 「友だち追加」 is the redirect to renkei's callback: keep its address, do not follow it.
    let captured = '';
    const isFriendScreen = (url: URL): boolean => url.pathname === '/oauth2/v2.1/authorize/friend';
    await phone.page.route(isFriendScreen, async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      captured = answer.headers().location ?? '';
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'stopped before the callback' });
    });
    await withWorker(taskQueue, async () => {
      await logInWithLine(partner.email);
      await phone.allow();
      await phone.addFriend();
      assert.equal(new URL(captured).pathname, CALLBACK, 'LINE redirects to the callback');
      const other = await PartnerPhone.open(browser);
      try {
        const answer = await other.page.goto(captured);
        assert.equal(answer?.status(), 400);
        assert.equal((await other.error()).kind, 'OTHER_BROWSER');
        await other.shot('partner-l-e2-other-browser');
        assert.equal(await other.hasPartnerSession(), false);
      } finally {
        await other.close();
      }
      // The browser that started it cannot use it any more either.
      const answer = await phone.page.goto(captured);
      assert.equal(answer?.status(), 400);
      assert.equal((await phone.error()).kind, 'EXPIRED');
    });
    await assertNothingLinked(partner.partnerId);
  });

  it('キャンセル on LINE’s consent screen: the login was cancelled, and nothing is linked', async () => {
    const partner = await seedPartner();
    await seedLineAccount(partner.email);
    await withWorker(taskQueue, async () => {
      await logInWithLine(partner.email);
      await phone.tapAndWait(phone.button('キャンセル'));
      const error = await phone.error();
      assert.equal(error.kind, 'LINE_LOGIN_CANCELLED');
      assert.equal(new URL((await phone.page.getAttribute('[data-retry]', 'href')) ?? '', api.url).pathname, '/partner/login');
      await phone.shot('partner-l-e3-cancelled');
    });
    await assertNothingLinked(partner.partnerId);
  });

  it('refuses a company user, a partner of a company without the LINE option and an address no partner has, linking nothing', async () => {
    const withOption = await seedPartner();
    await seedLineAccount(withOption.companyUserEmail, '発注 太郎');
    const withoutOption = await seedPartner({ lineOption: false });
    await seedLineAccount(withoutOption.email);
    const stranger = `stranger-${withOption.partnerId}@line.example`;
    await seedLineAccount(stranger);
    const cases = [
      { loginId: withOption.companyUserEmail, kind: 'COMPANY_USER', shot: 'partner-l-e4-company-user' },
      { loginId: withoutOption.email, kind: 'NO_LINE_OPTION', shot: 'partner-l-e5-no-line-option' },
      { loginId: stranger, kind: 'PARTNER_NOT_FOUND', shot: 'partner-l-e6-unknown-address' },
    ] as const;
    await withWorker(taskQueue, async () => {
      for (const c of cases) {
        await phone.context.clearCookies(); // another person on another phone
        await logInWithLine(c.loginId);
        await phone.allow();
        await phone.addFriend();
        const error = await phone.error();
        assert.equal(error.kind, c.kind, c.loginId);
        assert.equal(error.message, SIGN_IN_ERRORS[c.kind].message);
        assert.equal(await phone.hasPartnerSession(), false);
        await phone.shot(c.shot);
      }
    });
    await assertNothingLinked(withOption.partnerId);
    await assertNothingLinked(withoutOption.partnerId);
  });
});
