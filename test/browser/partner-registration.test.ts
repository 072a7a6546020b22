// ユーザー登録 with LINE (docs/flows/lansmart-line.md) in a real Chromium emulating a 390 px phone: the invitation
// link → the three consents (refused until all are ticked) → 「LINEでユーザー登録」 → LINE's 認証
// 画面 「許可する」 → 友だち追加画面 「友だち追加」 → 基本情報登録 (a mistake shown under its field,
// then 「登録」) → 基本情報登録完了; LINE's talk room, the e-mail and in-app receive 友だち登録完了.
// And every refusal — another e-mail in LINE, a LINE account without e-mail, the e-mail permission
// unticked, a company user, a company without the LINE option, an unknown or used invitation, a
// form from another site — each with its page and nothing linked. Screenshots in
// test-results/flows/partner-*.png.
import { strict as assert } from 'node:assert';
import { SIGN_IN_ERRORS } from '../../api/partner-web/pages/sign-in-messages';
import { lineLinkWorkflowId } from '../../common/ids';
import { lineLinkStatusQuery } from '../../common/partners/messages';
import { PartnerLine } from '../../models/partner-line';
import { PartnerLineToken } from '../../models/partner-line-token';
import type { TestApi } from '../support/api-server';
import { inAppOf, mailSubjectsTo, seedPartner, type SeededPartner } from '../support/partners';
import { assertNothingLinked, lineTitlesTo, PartnerPhone, partnerPhoneHooks, seedLineAccount } from '../support/partner-phone';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const FRIEND_REGISTERED = '友だち登録完了';

describe('browser: partner ユーザー登録 with LINE on a phone (Chromium, mobile)', function () {
  this.timeout(180_000);
  let api: TestApi;
  let taskQueue: string;
  let phone: PartnerPhone;
  partnerPhoneHooks('partner-reg', (t) => ({ api, taskQueue, phone } = t));

  const openRegistration = async (partner: SeededPartner): Promise<void> => {
    await phone.page.goto(`${api.url}/partner/register?invitation=${encodeURIComponent(partner.invitationToken)}`);
  };

  /** Registration up to LINE's sign-in, as `loginId`, and its 認証画面. */
  async function registerAs(partner: SeededPartner, loginId: string): Promise<void> {
    await openRegistration(partner);
    await phone.agreeAndRegister();
    await phone.logInToLine(loginId);
  }

  it('consents → 「LINEでユーザー登録」 → 許可する → 友だち追加 → 基本情報登録 → 基本情報登録完了, and 友だち登録完了 on LINE, by e-mail and in-app', async () => {
    const s = stack();
    const partner = await seedPartner({ registered: false });
    const lineUserId = await seedLineAccount(partner.email);
    await withWorker(taskQueue, async () => {
      // ① ユーザー登録: who is invited, the three consents.
      await openRegistration(partner);
      assert.equal(await phone.text('h1'), 'ユーザー登録');
      assert.equal(await phone.text('[data-email]'), partner.email);
      assert.deepEqual(
        await phone.page.locator('label.check').allTextContents(),
        ['利用規約に同意する', 'プライバシーポリシーに同意する', '下請取引における電磁的記録の提供に同意する'],
      );
      await phone.fits();
      await phone.shot('partner-r01-registration');

      // ② Not every consent ticked: the browser holds the form back (each box is required)…
      await phone.page.locator('input[data-consent="terms"]').check();
      await phone.page.locator('input[data-consent="privacy"]').check();
      await phone.page.getByRole('button', { name: 'LINEでユーザー登録' }).tap();
      assert.equal(new URL(phone.page.url()).pathname, '/partner/register', 'still on the registration page');
      assert.equal(await phone.page.evaluate('document.querySelector(\'input[data-consent="electronic_records"]\').validity.valueMissing'), true);
      // …and renkei refuses it too when it arrives anyway.
      await phone.page.evaluate('document.querySelector(\'form[action="/partner/register"]\').noValidate = true');
      await phone.tapAndWait(phone.button('LINEでユーザー登録'));
      assert.equal(await phone.text('[data-consent-error]'), 'ユーザー登録するには、利用規約、プライバシーポリシー、下請取引における電磁的記録の提供のすべてに同意してください。');
      assert.equal(await phone.page.locator('label.check[data-missing]').count(), 1, 'the one unticked consent is marked');
      assert.equal(await phone.page.locator('input[data-consent="terms"]').isChecked(), true, 'ticked boxes stay ticked');
      await phone.fits();
      await phone.shot('partner-r02-consents-refused');

      // All three → LINE Login.
      await phone.agreeAndRegister();
      await phone.logInToLine(partner.email);
      // ③ 認証画面 「許可する」.
      assert.match(await phone.text('body'), /Lansmart by SmartHR/);
      await phone.shot('partner-r03-line-consent');
      await phone.allow();
      // ④ 友だち追加画面 「友だち追加」.
      await phone.shot('partner-r04-line-add-friend');
      await phone.addFriend();

      // ⑤ 基本情報登録, with mistakes first.
      await phone.page.waitForURL(`${api.url}/partner/register/basic-info`);
      assert.equal(await phone.text('h1'), '基本情報登録');
      assert.equal(await phone.page.locator('input[name="name"]').inputValue(), '山田 花子', 'the name the platform has is filled in');
      await phone.page.locator('input[name="nameKana"]').fill('やまだ はなこ');
      await phone.page.locator('input[name="phone"]').fill('12345');
      await phone.page.locator('input[name="postalCode"]').fill('１５００００１');
      await phone.page.locator('input[name="address"]').fill('東京都渋谷区神宮前1-1-1');
      await phone.tapAndWait(phone.button('登録'));
      assert.equal(await phone.text('[data-field-error="nameKana"]'), '氏名（カナ）は全角カタカナで入力してください');
      assert.equal(await phone.text('[data-field-error="phone"]'), '電話番号は0から始まる10桁または11桁で入力してください');
      assert.equal(await phone.page.locator('[data-field-error="postalCode"]').count(), 0, 'full-width digits are a postal code');
      assert.equal(await phone.page.locator('input[name="address"]').inputValue(), '東京都渋谷区神宮前1-1-1', 'what was typed stays');
      await phone.fits();
      await phone.shot('partner-r05-basic-info-errors');
      await phone.page.locator('input[name="nameKana"]').fill('ヤマダ ハナコ');
      await phone.page.locator('input[name="phone"]').fill('090-1234-5678');
      await phone.tapAndWait(phone.button('登録'));

      // ⑥ 基本情報登録完了.
      await phone.page.waitForURL(`${api.url}/partner/register/complete`);
      assert.equal(await phone.text('[data-result]'), '基本情報登録完了');
      assert.equal(await phone.page.getAttribute('[data-friend]', 'data-friend'), 'yes');
      await phone.fits();
      await phone.shot('partner-r06-registered');

      // LINEのトークルームには、友だち登録完了の通知が届きます (and e-mail and in-app, as every notice).
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(FRIEND_REGISTERED), '友だち登録完了 on LINE');
      await phone.page.goto(`${s.urls.line}/chat`);
      assert.match(await phone.text('body'), /友だち登録完了/);
      await phone.shot('partner-r07-line-talk-room');
      await eventually(() => inAppOf(partner.partnerId, 'friend_registered'), (n) => n.length === 1, '友だち登録完了 in-app');
      await eventually(() => mailSubjectsTo(partner.email), (subjects) => subjects.some((x) => x.includes(FRIEND_REGISTERED)), '友だち登録完了 by e-mail');

      const state = await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).query(lineLinkStatusQuery);
      assert.equal(state.status, 'linked');
      assert.equal(state.lineUserId, lineUserId);
      assert.equal(state.friend, true);
    });

    // The platform has the partner registered with what was typed (postal code normalised).
    const registered = await fetch(`${s.urls.lansmart}/api/v1/partners/${partner.partnerId}`, { headers: { Authorization: `Bearer ${s.secrets.lansmartApiKey}` } });
    const view = (await registered.json()) as { registered: boolean; basicInfo: Record<string, string> | null };
    assert.equal(view.registered, true);
    assert.deepEqual(view.basicInfo, { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' });
    const line = await PartnerLine.findById(partner.partnerId).lean();
    assert.equal(line?.status, 'linked');
    assert.equal(line?.lineUserId, lineUserId);
    // The LINE tokens are stored sealed (AES-GCM with a key ID), never in the clear.
    const tokens = await PartnerLineToken.findById(partner.partnerId).lean();
    assert.ok(tokens?.accessToken.kid && tokens.accessToken.iv && tokens.accessToken.tag, 'the access token is sealed');
    const issued = (await s.line.requests({ method: 'POST', path: '/oauth2/v2.1/token' })).map((r) => (r.body ?? {}) as Record<string, string>);
    assert.ok(issued.some((b) => b.code_verifier && b.redirect_uri === `${api.url}/auth/line/callback`), 'the code is redeemed with its PKCE verifier');
    // What renkei asked LINE for: the e-mail scope, a nonce, PKCE S256 and the separate add-friend screen.
    const authorize = (await s.line.requests({ method: 'GET', path: '/oauth2/v2.1/authorize' })).filter((r) => r.query.redirect_uri === `${api.url}/auth/line/callback`);
    const asked = authorize[0]?.query ?? {};
    assert.equal(asked.scope, 'profile openid email');
    assert.equal(asked.bot_prompt, 'aggressive');
    assert.equal(asked.code_challenge_method, 'S256');
    assert.ok(asked.nonce && asked.state && asked.code_challenge);
  });

  it('a LINE account with another e-mail address: the addresses must be the same, and nothing is linked', async () => {
    const partner = await seedPartner({ registered: false });
    const other = `someone-${partner.partnerId}@line.example`;
    await seedLineAccount(other);
    await withWorker(taskQueue, async () => {
      await registerAs(partner, other);
      await phone.allow();
      await phone.addFriend();
      const error = await phone.error();
      assert.equal(error.kind, 'EMAIL_MISMATCH');
      assert.equal(error.message, SIGN_IN_ERRORS.EMAIL_MISMATCH.message);
      assert.match(await phone.text('[data-error-remedy]'), /LINEの登録メールアドレスとLansmartでの登録メールアドレスは同じ必要がございます/);
      await phone.fits();
      await phone.shot('partner-r-e1-email-mismatch');
    });
    await assertNothingLinked(partner.partnerId);
    assert.equal(await phone.hasPartnerSession(), false);
  });

  it('a LINE account without an e-mail address is refused as such, and nothing is linked', async () => {
    const partner = await seedPartner({ registered: false });
    const lineUserId = await seedLineAccount(null);
    await withWorker(taskQueue, async () => {
      await registerAs(partner, lineUserId);
      await phone.allow();
      await phone.addFriend();
      const error = await phone.error();
      assert.equal(error.kind, 'EMAIL_MISSING');
      assert.equal(error.message, SIGN_IN_ERRORS.EMAIL_MISSING.message);
      await phone.shot('partner-r-e2-no-email');
    });
    await assertNothingLinked(partner.partnerId);
  });

  it('the e-mail permission unticked on LINE’s consent screen is refused as such; trying again asks for it again', async () => {
    const partner = await seedPartner({ registered: false });
    await seedLineAccount(partner.email);
    await withWorker(taskQueue, async () => {
      await registerAs(partner, partner.email);
      await phone.allow({ email: false });
      await phone.addFriend();
      const error = await phone.error();
      assert.equal(error.kind, 'EMAIL_PERMISSION_REFUSED');
      assert.equal(error.message, SIGN_IN_ERRORS.EMAIL_PERMISSION_REFUSED.message);
      await phone.shot('partner-r-e3-email-permission-refused');
      await assertNothingLinked(partner.partnerId);

      // 「もう一度ユーザー登録する」: LINE asks for the e-mail permission again (no auto-login without it).
      await phone.tapAndWait(phone.page.locator('[data-retry]'));
      assert.equal(await phone.text('h1'), 'ユーザー登録');
      await phone.agreeAndRegister();
      await phone.allow();
      await phone.page.waitForURL(`${api.url}/partner/register/basic-info`);
    });
    assert.equal((await PartnerLine.findById(partner.partnerId).lean())?.status, 'linked');
  });

  it('a company user’s LINE account: LINEログインはパートナー様のみ, and nothing is linked', async () => {
    const partner = await seedPartner({ registered: false });
    await seedLineAccount(partner.companyUserEmail, '発注 太郎');
    await withWorker(taskQueue, async () => {
      await registerAs(partner, partner.companyUserEmail);
      await phone.allow();
      await phone.addFriend();
      const error = await phone.error();
      assert.equal(error.kind, 'COMPANY_USER');
      assert.equal(error.message, 'LINEログインはパートナー様のみ利用可能です。企業様は利用することができません。');
      await phone.shot('partner-r-e4-company-user');
    });
    await assertNothingLinked(partner.partnerId);
    assert.equal(await phone.hasPartnerSession(), false);
  });

  it('a company without the LINE option: the registration says LINE is not available (e-mail and in-app go on), and nothing is linked', async () => {
    const partner = await seedPartner({ registered: false, lineOption: false });
    await withWorker(taskQueue, async () => {
      const answer = await phone.page.goto(`${api.url}/partner/register?invitation=${encodeURIComponent(partner.invitationToken)}`);
      assert.equal(answer?.status(), 403);
      const error = await phone.error();
      assert.equal(error.kind, 'NO_LINE_OPTION');
      assert.equal(error.message, SIGN_IN_ERRORS.NO_LINE_OPTION.message);
      assert.match(await phone.text('[data-error-remedy]'), /メールとLansmart上の通知/);
      assert.equal(await phone.page.getByRole('button', { name: 'LINEでユーザー登録' }).count(), 0, 'no way to LINE');
      await phone.fits();
      await phone.shot('partner-r-e5-no-line-option');
    });
    await assertNothingLinked(partner.partnerId);
  });

  it('an unknown or used invitation gets its page; a form posted without this browser’s token is refused', async () => {
    const unknown = await phone.page.goto(`${api.url}/partner/register?invitation=no-such-invitation`);
    assert.equal(unknown?.status(), 404);
    assert.equal((await phone.error()).kind, 'INVITATION_NOT_FOUND');
    await phone.shot('partner-r-e6-unknown-invitation');

    const done = await seedPartner({ registered: true });
    const used = await phone.page.goto(`${api.url}/partner/register?invitation=${encodeURIComponent(done.invitationToken)}`);
    assert.equal(used?.status(), 409);
    assert.equal((await phone.error()).kind, 'INVITATION_USED');
    assert.equal(new URL((await phone.page.getAttribute('[data-retry]', 'href')) ?? '', api.url).pathname, '/partner/login');

    // A page elsewhere posting the consents: no cookie of this browser, no token → refused, nothing issued.
    const partner = await seedPartner({ registered: false });
    const forged = await fetch(`${api.url}/partner/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['invitation', partner.invitationToken],
        ['csrf', 'x'.repeat(43)],
        ['consent', 'terms'],
        ['consent', 'privacy'],
        ['consent', 'electronic_records'],
      ]).toString(),
      redirect: 'manual',
    });
    assert.equal(forged.status, 403);
    assert.match(await forged.text(), /data-error-kind="FORM_EXPIRED"/);
  });

  it('speaks English when asked (?lang=en) and keeps the language on the way through', async () => {
    const partner = await seedPartner({ registered: false });
    await phone.page.goto(`${api.url}/partner/register?invitation=${encodeURIComponent(partner.invitationToken)}&lang=en`);
    assert.equal(await phone.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await phone.text('h1'), 'Registration');
    assert.equal(await phone.page.getByRole('button', { name: 'Register with LINE' }).count(), 1);
    await phone.shot('partner-r-en-registration');
    await phone.tapAndWait(phone.page.locator('[data-lang-switch]'));
    assert.equal(await phone.text('h1'), 'ユーザー登録');
  });
});
