// The partner's rules on a phone (Chromium, 390 px like the walk): an invited
// partner who taps 「LINEでログイン」 instead of registering agrees to the three consents before
// 基本情報登録 (recorded: which versions, when); [承認する] in the LINE chat follows the order page's
// rule — without 口座情報 it says so with a link to it, then asks the final check, whose [実行する]
// approves; the reminder's 「請求書を作成する」 opened before 稼動 is registered leads to 稼動登録;
// and after one order from 発注書 to the approved 支払通知書 nothing waits: unread 0.
import { strict as assert } from 'node:assert';
import { CONSENT_VERSIONS } from '../../api/partner-web/registration-consents';
import { orderWorkflowId } from '../../common/ids';
import { orderStatusQuery } from '../../common/orders/messages';
import { jstDate } from '../../common/orders/schedule';
import { partnerNotificationPath } from '../../common/partners/notifications';
import { PartnerConsent } from '../../models/partner-consent';
import type { TestApi } from '../support/api-server';
import { signInPartner } from '../support/partner-session';
import { createPlatformOrder, inAppOf, seedPartner } from '../support/partners';
import { lineTitlesTo, PartnerPhone, partnerPhoneHooks, seedLineAccount } from '../support/partner-phone';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('browser: the partner’s rules on a phone (Chromium, mobile)', function () {
  this.timeout(240_000);
  let api: TestApi;
  let taskQueue: string;
  let phone: PartnerPhone;
  partnerPhoneHooks('partner-rules', (t) => ({ api, taskQueue, phone } = t));
  const statusOf = async (orderId: string): Promise<string> => (await stack().env.client.workflow.getHandle(orderWorkflowId(orderId)).query(orderStatusQuery)).status;

  it('「LINEでログイン」 before registering → the three consents (recorded) → 基本情報登録; [承認する] in the chat without 口座情報 says so with a link, then 最終確認 [実行する] approves', async () => {
    const s = stack();
    const partner = await seedPartner({ registered: false });
    const lineUserId = await seedLineAccount(partner.email);
    await withWorker(taskQueue, async () => {
      // An invited partner taps 「LINEでログイン」 instead of the invitation's 「LINEでユーザー登録」.
      await phone.page.goto(`${api.url}/partner/login`);
      await phone.tapAndWait(phone.button('LINEでログイン'));
      await phone.logInToLine(partner.email);
      await phone.allow();
      await phone.addFriend();
      // The consent step comes first; nothing is recorded yet, and 基本情報登録 is not reachable.
      await phone.page.waitForURL(`${api.url}/partner/register/consents`);
      assert.equal(await phone.text('h1'), 'ユーザー登録');
      assert.equal(await phone.page.locator('input[name="consent"]').count(), 3);
      await phone.fits();
      await phone.shot('partner-rules-01-consent-step');
      assert.equal(await PartnerConsent.findById(partner.partnerId).lean(), null);
      await phone.page.goto(`${api.url}/partner/register/basic-info`);
      await phone.page.waitForURL(`${api.url}/partner/register/consents`);
      const before = Date.now();
      for (const box of await phone.page.locator('input[name="consent"]').all()) await box.check();
      await phone.tapAndWait(phone.button('同意して基本情報登録へ進む'));
      await phone.page.waitForURL(`${api.url}/partner/register/basic-info`);
      const recorded = await PartnerConsent.findById(partner.partnerId).lean();
      assert.deepEqual(
        recorded?.consents.map((c) => `${c.kind}@${c.version}:${c.via}`),
        [`terms@${CONSENT_VERSIONS.terms}:login`, `privacy@${CONSENT_VERSIONS.privacy}:login`, `electronic_records@${CONSENT_VERSIONS.electronic_records}:login`],
      );
      for (const c of recorded?.consents ?? []) assert.ok(c.agreedAt.getTime() >= before - 1000 && c.agreedAt.getTime() <= Date.now());
      // 基本情報登録 → 基本情報登録完了: registered, with the consents on record (but no 口座情報 yet).
      await phone.page.locator('input[name="nameKana"]').fill('ヤマダ ハナコ');
      await phone.page.locator('input[name="phone"]').fill('090-1234-5678');
      await phone.page.locator('input[name="postalCode"]').fill('150-0001');
      await phone.page.locator('input[name="address"]').fill('東京都渋谷区神宮前1-1-1');
      await phone.tapAndWait(phone.button('登録'));
      await phone.page.waitForURL(`${api.url}/partner/register/complete`);

      // The company's order reaches the chat with [承認する].
      const order = await createPlatformOrder(partner, Date.now());
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes('発注書を確認してください'), 'the order on LINE');
      await phone.page.goto(`${s.urls.line}/chat`);
      await phone.tapAndWait(phone.button('承認する').last());
      // No 口座情報: the chat says so, with a link to it; nothing is approved.
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.some((x) => x.startsWith('口座情報が登録されていないため')), 'what is missing, on LINE');
      await phone.page.goto(`${s.urls.line}/chat`);
      assert.match(await phone.text('body'), /口座情報が登録されていないため、発注書を承認できません。/);
      await phone.fits();
      await phone.shot('partner-rules-02-chat-missing-bank-account');
      assert.equal(await statusOf(order.orderId), 'ordered');
      assert.equal((await s.lansmart.order(order.orderId)).status, 'ordered');
      // The link leads to the order page's 口座情報.
      await phone.tapAndWait(phone.page.getByRole('link', { name: '口座情報を登録する' }).last());
      await phone.page.waitForURL(`${api.url}/partner/orders/${order.orderId}`);
      assert.equal(await phone.page.getAttribute('h1', 'data-step'), 'bank-account');
      await phone.page.fill('#f-bankName', 'テスト銀行');
      await phone.page.fill('#f-branchName', '渋谷支店');
      await phone.page.fill('#f-accountNumber', '1234567');
      await phone.page.fill('#f-accountHolderKana', 'ヤマダ ハナコ');
      await phone.page.selectOption('#f-accountType', 'ordinary');
      await phone.tapAndWait(phone.button('登録'));
      await phone.page.waitForURL(`${api.url}/partner/orders/${order.orderId}`);
      assert.equal(await phone.text('h1'), '発注書の確認');

      // Back in the chat: [承認する] asks 最終確認; only [実行する] approves.
      await phone.page.goto(`${s.urls.line}/chat`);
      await phone.tapAndWait(phone.button('承認する').last());
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.some((x) => x.startsWith('最終確認')), 'the final check on LINE');
      assert.equal(await statusOf(order.orderId), 'ordered');
      await phone.page.goto(`${s.urls.line}/chat`);
      assert.match(await phone.text('body'), /よろしければ「実行する」をタップしてください。/);
      await phone.shot('partner-rules-03-chat-final-check');
      await phone.tapAndWait(phone.button('実行する').last());
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(`発注書 ${order.orderNumber} を承認しました。`), 'the approval confirmed on LINE');
      assert.equal(await statusOf(order.orderId), 'approved');
      assert.equal((await s.lansmart.order(order.orderId)).status, 'approved');
      await phone.page.goto(`${s.urls.line}/chat`);
      await phone.shot('partner-rules-04-chat-approved');
    });
  });

  it('the reminder’s 「請求書を作成する」 before 稼動 leads to 稼動登録; after the order is done, nothing is unread', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const page = phone.page;
      await signInPartner(phone.context, api, partner);
      const order = await createPlatformOrder(partner, Date.now());
      const orderId = order.orderId;
      await eventually(() => inAppOf(partner.partnerId, 'order_created'), (n) => n.length === 1, 'the in-app 発注書を確認してください');
      await page.goto(`${api.url}/partner`);
      assert.equal(await page.getAttribute('[data-unread-count]', 'data-unread-count'), '1');
      // 承認: [承認する] → 最終確認 → [実行する].
      await page.goto(`${api.url}/partner/orders/${orderId}`);
      await phone.tapAndWait(phone.button('承認する'));
      await phone.tapAndWait(phone.button('実行する'));
      assert.equal(await phone.text('[data-result]'), '発注書の承認が完了しました');
      await s.lansmart.createWorkReport(orderId);
      await eventually(() => inAppOf(partner.partnerId, 'work_report_created'), (n) => n.length === 1, 'the in-app 業務報告が作成されました');

      // The reminder's link (請求書を作成する) opened before 稼動 is registered: on to 稼動登録, which works.
      await page.goto(`${api.url}${partnerNotificationPath('invoice_reminder', orderId)}`);
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/report`);
      await phone.fits();
      await phone.shot('partner-rules-05-reminder-link-to-report');
      await page.fill('#f-date', order.workPeriod.from);
      await page.fill('#f-hours', '6');
      await page.fill('#f-description', 'トップページのコーディング');
      await phone.tapAndWait(phone.button('業務内容を追加'));
      await phone.tapAndWait(phone.button('業務を登録'));
      assert.equal(await phone.text('[data-result]'), '業務を登録しました');
      // 請求書を作成する → 確認する → 送信 → 送信する.
      await phone.tapAndWait(page.getByRole('link', { name: '請求書を作成する' }));
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/invoice`);
      await phone.tapAndWait(phone.button('確認する'));
      await phone.tapAndWait(page.getByRole('button', { name: '送信', exact: true }));
      await phone.tapAndWait(phone.button('送信する'));
      assert.equal(await phone.text('[data-result]'), '請求書を送信しました');
      // 支払通知書 → [承認する].
      await s.lansmart.issuePaymentNotice(orderId, { approvalDueDate: jstDate(new Date(Date.now() + 7 * 86_400_000)) });
      await eventually(() => inAppOf(partner.partnerId, 'payment_notice_issued'), (n) => n.length === 1, 'the in-app 支払通知書を確認してください');
      await page.goto(`${api.url}/partner/orders/${orderId}/payment-notice`);
      await phone.tapAndWait(phone.button('承認する'));
      assert.equal(await phone.text('[data-result]'), '支払通知書を承認しました');
      await eventually(() => statusOf(orderId), (status) => status === 'closed', 'the order closed');

      // Every step is done: nothing waits for the partner, though no notification was opened.
      await page.goto(`${api.url}/partner`);
      assert.equal(await page.getAttribute('[data-unread-count]', 'data-unread-count'), '0');
      assert.equal(await page.locator('[data-notification][data-unread]').count(), 0);
      assert.ok((await page.locator('[data-notification]').count()) >= 3, 'the notifications are still listed');
      const api_ = await phone.context.request.get(`${api.url}/api/partner/notifications`);
      assert.equal(((await api_.json()) as { unread: number }).unread, 0);
      await phone.fits();
      await phone.shot('partner-rules-06-home-nothing-waiting');
    });
  });
});
