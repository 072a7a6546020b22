// The partner's order steps on a phone (docs/flows/lansmart-line.md, 通知について) in a real Chromium emulating a
// 390 px phone, against the real API, Temporal dev server, Mongo-wire server and platform emulator:
// 発注書を確認してください (home, unread) → 口座情報 and 基本情報 completed → [承認する] → 最終確認
// [実行する] → the company's 業務報告 (its console) → 業務内容を追加 → [業務を登録] → [請求書を作成する]
// → items and 立替経費 → [確認する] → [送信] → 請求月 [送信する] → 「請求書を送信しました」, each step
// recorded once by the platform however often it is posted; a stale page gets a clear refusal; the
// payment notice approved (and one approved on the partner's behalf said so); a remanded invoice
// resubmitted from the same page; another partner's
// order is not found; a form without its CSRF token is refused. Screenshots in
// test-results/flows/partner-order-*.png.
import { strict as assert } from 'node:assert';
import { devices, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { PartnerSession } from '../../api/web/session';
import { orderWorkflowId } from '../../common/ids';
import { orderStatusQuery, partnerActionUpdate } from '../../common/orders/messages';
import { jstDate } from '../../common/orders/schedule';
import type { OrderState, PartnerAction } from '../../common/orders/types';
import { LansmartPlatformClient } from '../../providers/lansmart/platform-client';
import type { orderLifecycleWorkflow } from '../../workflows/order-lifecycle';
import type { TestApi } from '../support/api-server';
import { keepScreenshot, navigateBy } from '../support/browser';
import { browserSuiteHooks, closingContexts } from '../support/browser-suite';
import { recordAllConsents } from '../../api/partner-web/registration-consents';
import { signInPartner, testPartnerSessions } from '../support/partner-session';
import { CHECKED_APPROVAL, createPlatformOrder, inAppOf, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const { defaultBrowserType: _chromium, ...PIXEL } = devices['Pixel 7'];
const PHONE = { ...PIXEL, viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 } };
const SHOTS = 'test-results/flows';

describe('browser: the partner’s order steps on a phone (Chromium, mobile)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;
  const contexts: BrowserContext[] = [];

  browserSuiteHooks(
    {
      queuePrefix: 'partner-orders',
      shotsDir: SHOTS,
      open: closingContexts(contexts),
    },
    (t) => ({ browser, api, taskQueue } = t),
  );

  async function phoneOf(partner: SeededPartner): Promise<{ context: BrowserContext; page: Page; session: PartnerSession }> {
    const context = await browser.newContext({ ...PHONE, locale: 'ja-JP' });
    contexts.push(context);
    const session = await signInPartner(context, api, partner);
    return { context, page: await context.newPage(), session };
  }
  const shot = (page: Page, name: string): Promise<Buffer> => keepScreenshot(page, `${SHOTS}/partner-order-${name}.png`);
  const text = async (page: Page, selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();
  const fitsThePhone = async (page: Page): Promise<void> => {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    assert.ok(width <= PHONE.viewport.width, `the page is ${width}px wide on a ${PHONE.viewport.width}px phone`);
  };
  /** The hidden fields of the form holding `button` (what a second tap would post again). */
  async function formFields(page: Page, formSelector: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const input of await page.locator(`${formSelector} input[type="hidden"]`).all()) {
      const name = await input.getAttribute('name');
      if (name) out[name] = (await input.getAttribute('value')) ?? '';
    }
    return out;
  }
  /** Taps what posts a form or follows a link, and waits for the next page to load. */
  const tapAndLoad = (page: Page, target: Locator): Promise<void> => navigateBy(page, () => target.tap());
  const orderState = (orderId: string): Promise<OrderState> => stack().env.client.workflow.getHandle(orderWorkflowId(orderId)).query(orderStatusQuery);
  /** The partner actions the platform received for an order: every call, and those it applied. */
  async function platformActions(orderId: string): Promise<{ all: string[]; applied: string[] }> {
    const recorded = (await stack().lansmart.partnerActions()).filter((a) => a.orderId === orderId);
    return { all: recorded.map((a) => a.type ?? ''), applied: recorded.filter((a) => a.status === 200 && !a.replayed).map((a) => a.type ?? '') };
  }
  const platform = (): LansmartPlatformClient =>
    new LansmartPlatformClient({ apiBaseUrl: stack().urls.lansmart, apiKey: stack().secrets.lansmartApiKey, timeoutMs: 5000 });

  /** Opens the newest notification of `kind` from the home page (which marks it read). */
  async function openNotification(page: Page, kind: string, shotName?: string): Promise<void> {
    await page.goto(`${api.url}/partner`);
    const item = page.locator(`[data-notification][data-kind="${kind}"]`).first();
    assert.ok(await item.isVisible(), `a ${kind} notification on the home page`);
    if (shotName) await shot(page, shotName);
    await tapAndLoad(page, item);
  }

  it('order → 口座情報・基本情報 → 承認 → 業務報告 → 業務を登録 → 請求書を送信しました, each step once', async () => {
    const s = stack();
    await s.lansmart.seed({ requirePartnerInfoForApproval: true });
    const partner = await seedPartner({ lineOption: false, registered: false });
    // Signed in before registering: the three agreements were given at the consent step of the login.
    await recordAllConsents(partner.partnerId, new Date(), 'login');
    await withWorker(taskQueue, async () => {
      const order = await createPlatformOrder(partner, Date.now());
      const orderId = order.orderId;
      await eventually(() => inAppOf(partner.partnerId, 'order_created'), (n) => n.length === 1, 'the in-app 発注書を確認してください');
      const { context, page } = await phoneOf(partner);

      // Home: 「発注書を確認してください」, unread.
      await page.goto(`${api.url}/partner`);
      assert.equal(await text(page, 'h1'), 'お知らせ 1');
      assert.equal(await page.getAttribute('[data-unread-count]', 'data-unread-count'), '1');
      const item = page.locator('[data-notification][data-kind="order_created"]');
      assert.equal(await item.count(), 1);
      assert.equal(await item.getAttribute('data-unread'), '');
      assert.equal(await text(page, '[data-kind="order_created"] [data-title]'), '発注書を確認してください');
      await fitsThePhone(page);
      await shot(page, '01-home-unread');

      // 口座情報登録: a mistake is shown under its field, then saved on the platform.
      await tapAndLoad(page, item);
      await page.waitForURL(`${api.url}/partner/orders/${orderId}`);
      assert.equal(await page.getAttribute('h1', 'data-step'), 'bank-account');
      await page.fill('#f-bankName', 'テスト銀行');
      await page.fill('#f-branchName', '渋谷支店');
      await page.fill('#f-accountNumber', '12');
      await page.fill('#f-accountHolderKana', 'yamada');
      await tapAndLoad(page, page.getByRole('button', { name: '登録' }));
      assert.equal(await text(page, '[data-field-error="accountNumber"]'), '7桁の数字で入力してください');
      assert.equal(await text(page, '[data-field-error="accountHolderKana"]'), 'カタカナで入力してください');
      assert.equal(await page.locator('[data-field-error="bankName"]').count(), 0);
      assert.equal(await page.inputValue('#f-bankName'), 'テスト銀行', 'what was typed stays');
      await fitsThePhone(page);
      await shot(page, '02-bank-account-errors');
      assert.equal((await platform().getPartner(partner.partnerId))?.bankAccount, null, 'nothing saved');
      await page.fill('#f-accountNumber', '１２３４５６７');
      await page.fill('#f-accountHolderKana', 'ヤマダ ハナコ');
      await page.selectOption('#f-accountType', 'ordinary');
      await tapAndLoad(page, page.getByRole('button', { name: '登録' }));

      // 基本情報設定 (基本情報登録's rules and messages), then the order's contents.
      await page.waitForURL(`${api.url}/partner/orders/${orderId}`);
      assert.equal(await page.getAttribute('h1', 'data-step'), 'basic-info');
      assert.equal(await page.inputValue('#f-name'), '山田 花子', 'the name the platform has');
      await page.fill('#f-nameKana', 'やまだ はなこ');
      await page.fill('#f-phone', '12345');
      await page.fill('#f-postalCode', '１５００００１');
      await page.fill('#f-address', '東京都渋谷区神宮前1-1-1');
      await tapAndLoad(page, page.getByRole('button', { name: '登録' }));
      assert.equal(await text(page, '[data-field-error="nameKana"]'), '氏名（カナ）は全角カタカナで入力してください');
      assert.equal(await text(page, '[data-field-error="phone"]'), '電話番号は0から始まる10桁または11桁で入力してください');
      assert.equal(await page.locator('[data-field-error="postalCode"]').count(), 0, 'full-width digits are a postal code');
      assert.equal(await page.inputValue('#f-address'), '東京都渋谷区神宮前1-1-1', 'what was typed stays');
      assert.equal((await platform().getPartner(partner.partnerId))?.basicInfo, null, 'nothing saved');
      await page.fill('#f-nameKana', 'ﾔﾏﾀﾞ ﾊﾅｺ');
      await page.fill('#f-phone', '０９０ー１２３４ー５６７８');
      await shot(page, '03-basic-info');
      await tapAndLoad(page, page.getByRole('button', { name: '登録' }));
      await page.waitForURL(`${api.url}/partner/orders/${orderId}`);
      const saved = await platform().getPartner(partner.partnerId);
      assert.deepEqual(saved?.bankAccount, { bankName: 'テスト銀行', branchName: '渋谷支店', accountType: 'ordinary', accountNumber: '1234567', accountHolderKana: 'ヤマダ ハナコ' });
      assert.deepEqual(saved?.basicInfo, { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' });
      assert.equal(await text(page, 'h1'), '発注書の確認');
      assert.equal(await text(page, '[data-order-number]'), order.orderNumber);
      assert.equal(await text(page, '[data-order-title]'), 'Webサイト改修');
      assert.equal(await text(page, '[data-order-amount]'), '300,000円');
      assert.equal(await text(page, '[data-order-period]'), `${order.workPeriod.from} 〜 ${order.workPeriod.to}`);
      assert.equal(await text(page, '[data-order-closing]'), order.closingDate);
      await fitsThePhone(page);
      await shot(page, '04-order');

      // A second tab keeps the order page, to come back to once the order is approved.
      const stale = await context.newPage();
      await stale.goto(`${api.url}/partner/orders/${orderId}`);
      await tapAndLoad(stale, stale.getByRole('button', { name: '承認する' }));
      assert.equal(await text(stale, 'h1'), '最終確認');

      // [承認する] → 最終確認 → [実行する].
      await tapAndLoad(page, page.getByRole('button', { name: '承認する' }));
      assert.equal(await text(page, 'h1'), '最終確認');
      await shot(page, '05-final-confirmation');
      const execute = await formFields(page, 'form:has(input[name="op"][value="execute"])');
      await tapAndLoad(page, page.getByRole('button', { name: '実行する' }));
      assert.equal(await text(page, '[data-result]'), '発注書の承認が完了しました');
      await fitsThePhone(page);
      await shot(page, '06-approved');

      // The same [実行する] posted twice more at once: the same step, answered the same.
      const approveUrl = `${api.url}/partner/orders/${orderId}/approve`;
      const repeats = await Promise.all([1, 2].map(() => context.request.post(approveUrl, { form: execute })));
      for (const r of repeats) {
        assert.equal(r.status(), 200);
        assert.match(await r.text(), /発注書の承認が完了しました/);
      }
      // The stale tab's [実行する]: a clear refusal, nothing changed.
      await tapAndLoad(stale, stale.getByRole('button', { name: '実行する' }));
      assert.equal(await stale.getAttribute('[data-error-kind]', 'data-error-kind'), 'already_done');
      assert.equal(await text(stale, '[data-error-message]'), 'この発注書はすでに承認済みです。');
      await fitsThePhone(stale);
      await shot(stale, '07-stale-refused');
      await stale.close();
      // A form without its CSRF token: refused, nothing sent.
      const forged = await context.request.post(approveUrl, { form: { op: 'execute', rid: execute.rid ?? '' } });
      assert.equal(forged.status(), 403);
      assert.match(await forged.text(), /画面の有効期限が切れました/);
      assert.deepEqual((await platformActions(orderId)).all, ['order.approve'], 'the platform was asked once');
      assert.equal((await orderState(orderId)).status, 'approved');

      // Opened notifications are read.
      await page.goto(`${api.url}/partner`);
      assert.equal(await page.getAttribute('[data-unread-count]', 'data-unread-count'), '0');
      assert.equal(await page.locator('[data-notification][data-unread]').count(), 0);

      // The company creates the 業務報告 in its console.
      const company = await browser.newContext({ locale: 'ja-JP' });
      contexts.push(company);
      const consolePage = await company.newPage();
      await consolePage.goto(`${s.urls.lansmart}/company/orders`);
      await consolePage.locator(`section[data-order-id="${orderId}"]`).getByRole('button', { name: '業務報告を作成' }).click();
      await consolePage.waitForURL(/notice=work_report/);
      assert.match(await text(consolePage, '[role="status"]'), /renkeiへの通知: HTTP 202/);
      await eventually(() => inAppOf(partner.partnerId, 'work_report_created'), (n) => n.length === 1, 'the in-app 業務報告が作成されました');

      // 稼動期間 → 業務内容を追加 (a date outside the period is refused) → [業務を登録].
      await openNotification(page, 'work_report_created', '08-home-work-report');
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/report`);
      assert.equal(await text(page, '[data-period]'), `${order.workPeriod.from} 〜 ${order.workPeriod.to}`);
      const outside = jstDate(new Date(Date.parse(`${order.workPeriod.to}T00:00:00Z`) + 86_400_000));
      await page.fill('#f-date', outside);
      await page.fill('#f-hours', '6');
      await page.fill('#f-description', 'トップページのコーディング');
      await tapAndLoad(page, page.getByRole('button', { name: '業務内容を追加' }));
      assert.equal(await text(page, '[data-field-error="date"]'), '稼動期間内の日付を入力してください');
      await page.fill('#f-date', order.workPeriod.from);
      await tapAndLoad(page, page.getByRole('button', { name: '業務内容を追加' }));
      await page.fill('#f-date', order.workPeriod.to);
      await page.fill('#f-hours', '2.5');
      await page.fill('#f-description', 'レビュー対応');
      await tapAndLoad(page, page.getByRole('button', { name: '業務内容を追加' }));
      assert.equal(await page.locator('[data-entry]').count(), 2);
      assert.equal(await text(page, '[data-total-hours]'), '合計 8.5時間');
      await fitsThePhone(page);
      await shot(page, '09-work-entries');
      // [業務を登録] tapped and posted twice more at once: one registration.
      const register = await formFields(page, 'form:has(button[value="register"])');
      await tapAndLoad(page, page.getByRole('button', { name: '業務を登録' }));
      assert.equal(await text(page, '[data-result]'), '業務を登録しました');
      await shot(page, '10-work-registered');
      const reportUrl = `${api.url}/partner/orders/${orderId}/report`;
      const registers = await Promise.all([1, 2].map(() => context.request.post(reportUrl, { form: { ...register, op: 'register', date: '', hours: '', description: '' } })));
      for (const r of registers) assert.match(await r.text(), /業務を登録しました/);
      const registered = await orderState(orderId);
      assert.equal(registered.status, 'work_registered');
      assert.deepEqual(registered.work?.entries, [
        { date: order.workPeriod.from, hours: 6, description: 'トップページのコーディング' },
        { date: order.workPeriod.to, hours: 2.5, description: 'レビュー対応' },
      ]);

      // [請求書を作成する] → items and 立替経費 → [確認する].
      await tapAndLoad(page, page.getByRole('link', { name: '請求書を作成する' }));
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/invoice`);
      assert.equal(await page.inputValue('input[name="itemName"]'), 'Webサイト改修');
      assert.equal(await page.inputValue('input[name="itemAmount"]'), '300000');
      await tapAndLoad(page, page.getByRole('button', { name: '請求項目を追加' }));
      await page.locator('input[name="itemName"]').nth(1).fill('サーバー設定');
      await page.locator('input[name="itemAmount"]').nth(1).fill('20,000');
      await page.locator('input[name="expenseName"]').first().fill('交通費');
      await page.locator('input[name="expenseAmount"]').first().fill('千二百円');
      await shot(page, '11-invoice-form');
      await tapAndLoad(page, page.getByRole('button', { name: '確認する' }));
      assert.equal(await text(page, '[data-field-error="expenses.0.amountYen"]'), '1円以上の金額を円単位で入力してください');
      assert.equal(await page.inputValue('input[name="itemName"] >> nth=1'), 'サーバー設定', 'the rows stay as typed');
      await page.locator('input[name="expenseAmount"]').first().fill('1,200');
      await tapAndLoad(page, page.getByRole('button', { name: '確認する' }));
      assert.equal(await text(page, 'h1'), '請求書の確認');
      assert.equal(await text(page, '[data-items-total]'), '320,000円');
      assert.equal(await text(page, '[data-expenses-total]'), '1,200円');
      assert.equal(await text(page, '[data-total]'), '321,200円');
      await fitsThePhone(page);
      await shot(page, '12-invoice-confirm');

      // [送信] → 請求月 → [送信する] → 「請求書を送信しました」.
      await tapAndLoad(page, page.getByRole('button', { name: '送信', exact: true }));
      assert.equal(await text(page, 'h1'), '請求月の確認');
      const billingMonth = order.closingDate.slice(0, 7);
      assert.equal(await page.inputValue('#f-billingMonth'), billingMonth);
      await shot(page, '13-billing-month');
      await tapAndLoad(page, page.getByRole('button', { name: '送信する' }));
      assert.equal(await text(page, '[data-result]'), '請求書を送信しました');
      await fitsThePhone(page);
      await shot(page, '14-invoice-sent');

      // The platform recorded each step once; the workflow is where the platform is.
      assert.deepEqual((await platformActions(orderId)).all, ['order.approve', 'work.register', 'invoice.submit']);
      assert.deepEqual((await platformActions(orderId)).applied, ['order.approve', 'work.register', 'invoice.submit']);
      const onPlatform = await s.lansmart.order(orderId);
      assert.equal(onPlatform.status, 'invoiced');
      assert.equal(onPlatform.invoice?.billingMonth, billingMonth);
      assert.deepEqual(onPlatform.invoice?.items, [
        { name: 'Webサイト改修', amountYen: 300_000 },
        { name: 'サーバー設定', amountYen: 20_000 },
      ]);
      assert.deepEqual(onPlatform.invoice?.expenses, [{ name: '交通費', amountYen: 1_200 }]);
      assert.equal(onPlatform.invoice?.totalYen, 321_200);
      const invoiced = await orderState(orderId);
      assert.equal(invoiced.status, 'invoiced');
      assert.equal(invoiced.invoice?.totalYen, 321_200);
      assert.equal(invoiced.invoice?.submissions, 1);
      // Reopening the invoice page shows what was sent, with no form to send it again.
      await page.goto(`${api.url}/partner/orders/${orderId}/invoice`);
      assert.equal(await page.getAttribute('h1', 'data-step'), 'invoice-sent');
      assert.equal(await page.locator('form[method="post"]').count(), 0);
    });
  });

  /** Drives an order of a registered partner to 請求書送信済み with the workflow's own updates. */
  async function invoicedOrder(partner: SeededPartner): Promise<string> {
    const s = stack();
    const { orderId } = await createPlatformOrder(partner, Date.now());
    const act = (action: PartnerAction, id: string) =>
      s.env.client.workflow.getHandle(orderWorkflowId(orderId)).executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action }], updateId: id });
    await act(CHECKED_APPROVAL, 'approve');
    await s.lansmart.createWorkReport(orderId);
    const day = (await s.lansmart.order(orderId)).workPeriod.from;
    await act({ type: 'work.register', entries: [{ date: day, hours: 4, description: '設計' }] }, 'work');
    await act({ type: 'invoice.submit', billingMonth: day.slice(0, 7), items: [{ name: 'Webサイト改修', amountYen: 300_000 }], expenses: [] }, 'invoice');
    return orderId;
  }

  it('支払通知書: [承認する] once; one approved on the partner’s behalf (期日超過承認) says so', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const orderId = await invoicedOrder(partner);
      const due = jstDate(new Date(Date.now() + 7 * 86_400_000));
      await s.lansmart.issuePaymentNotice(orderId, { approvalDueDate: due });
      await eventually(() => inAppOf(partner.partnerId, 'payment_notice_issued'), (n) => n.length === 1, 'the in-app 支払通知書を確認してください');
      const { context, page } = await phoneOf(partner);
      await openNotification(page, 'payment_notice_issued', '20-home-payment-notice');
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/payment-notice`);
      assert.equal(await text(page, '[data-notice-amount]'), '300,000円');
      assert.equal(await text(page, '[data-notice-due]'), due);
      await fitsThePhone(page);
      await shot(page, '21-payment-notice');
      const approve = await formFields(page, `form[action="/partner/orders/${orderId}/payment-notice"]`);
      await tapAndLoad(page, page.getByRole('button', { name: '承認する' }));
      assert.equal(await text(page, '[data-result]'), '支払通知書を承認しました');
      await shot(page, '22-payment-notice-approved');
      // Posted again once the order workflow has ended: the same answer, nothing sent again.
      const ended = await s.env.client.workflow.getHandle<typeof orderLifecycleWorkflow>(orderWorkflowId(orderId)).result();
      assert.equal(ended.status, 'closed');
      const again = await context.request.post(`${api.url}/partner/orders/${orderId}/payment-notice`, { form: approve });
      assert.equal(again.status(), 200);
      assert.match(await again.text(), /支払通知書を承認しました/);
      assert.equal((await platformActions(orderId)).all.filter((t) => t === 'payment_notice.approve').length, 1);
      assert.equal((await s.lansmart.order(orderId)).paymentNotice?.approvedBy, 'partner');
      const closed = await orderState(orderId);
      assert.equal(closed.status, 'closed');
      assert.equal(closed.closedBy, 'partner');

      // A notice whose due date has passed is approved on the partner's behalf at once.
      const overdueId = await invoicedOrder(partner);
      const pastDue = jstDate(new Date(Date.now() - 2 * 86_400_000));
      await s.lansmart.issuePaymentNotice(overdueId, { approvalDueDate: pastDue });
      await eventually(() => inAppOf(partner.partnerId, 'payment_notice_auto_approved'), (n) => n.length === 1, 'the in-app 支払通知書の承認が完了しました');
      assert.equal((await s.lansmart.order(overdueId)).paymentNotice?.approvedBy, 'overdue');
      await openNotification(page, 'payment_notice_auto_approved');
      await page.waitForURL(`${api.url}/partner/orders/${overdueId}/payment-notice`);
      assert.equal(await text(page, 'h1'), '支払通知書の承認が完了しました');
      assert.equal(await page.getAttribute('h1', 'data-closed-by'), 'overdue_approval');
      assert.match(await text(page, '[data-closed-message]'), /期日超過承認/);
      assert.equal(await page.locator('form[method="post"]').count(), 0, 'nothing left to approve');
      await fitsThePhone(page);
      await shot(page, '23-payment-notice-overdue-approved');
    });
  });

  it('請求書が差し戻されました → the same invoice page resubmits, with the reason and what was sent before', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const orderId = await invoicedOrder(partner);
      const first = (await s.lansmart.order(orderId)).invoice;
      await s.lansmart.remandInvoice(orderId, { reason: '請求月が違います' });
      await eventually(() => inAppOf(partner.partnerId, 'invoice_remanded'), (n) => n.length === 1, 'the in-app 請求書が差し戻されました');
      const { page } = await phoneOf(partner);
      await openNotification(page, 'invoice_remanded', '40-home-remanded');
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/invoice`);
      assert.equal(await text(page, '[data-remand-reason]'), '差し戻し理由: 請求月が違います');
      assert.equal(await page.inputValue('input[name="itemName"]'), 'Webサイト改修', 'the invoice sent before');
      assert.equal(await page.inputValue('input[name="itemAmount"]'), '300000');
      await fitsThePhone(page);
      await shot(page, '41-invoice-remanded');
      await tapAndLoad(page, page.getByRole('button', { name: '確認する' }));
      await tapAndLoad(page, page.getByRole('button', { name: '送信', exact: true }));
      const previous = first?.billingMonth ?? '';
      assert.equal(await page.inputValue('#f-billingMonth'), previous, 'the month sent before');
      const [y, m] = previous.split('-').map(Number) as [number, number];
      const corrected = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      await page.fill('#f-billingMonth', corrected);
      await tapAndLoad(page, page.getByRole('button', { name: '送信する' }));
      assert.equal(await text(page, '[data-result]'), '請求書を送信しました');
      const resent = (await s.lansmart.order(orderId)).invoice;
      assert.equal(resent?.revision, 2);
      assert.equal(resent?.billingMonth, corrected);
      const state = await orderState(orderId);
      assert.equal(state.status, 'invoiced');
      assert.equal(state.invoice?.submissions, 2);
      assert.equal(state.invoice?.billingMonth, corrected);
    });
  });

  it('another partner’s order is not found, a form without its CSRF token is refused, and nothing changes', async () => {
    const owner = await seedPartner({ lineOption: false });
    const other = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const { orderId } = await createPlatformOrder(owner, Date.now());
      await eventually(() => inAppOf(owner.partnerId, 'order_created'), (n) => n.length === 1, 'the order notification');

      const intruder = await phoneOf(other);
      for (const path of ['', '/report', '/invoice', '/payment-notice']) {
        const res = await intruder.page.goto(`${api.url}/partner/orders/${orderId}${path}`);
        assert.equal(res?.status(), 404, path);
        assert.equal(await text(intruder.page, 'h1'), '発注書が見つかりません');
      }
      await fitsThePhone(intruder.page);
      await shot(intruder.page, '30-not-found');
      // Even with a CSRF token valid for its own session, another partner's order is not found.
      const rid = 'A'.repeat(22);
      const csrf = testPartnerSessions().csrfToken(intruder.session, `approve:${orderId}:${rid}`);
      const posted = await intruder.context.request.post(`${api.url}/partner/orders/${orderId}/approve`, { form: { op: 'execute', rid, csrf } });
      assert.equal(posted.status(), 404);
      for (const id of ['ord_unknown', 'bad%20id']) {
        assert.equal((await intruder.page.goto(`${api.url}/partner/orders/${id}`))?.status(), 404, id);
      }

      // The owner's own order: without the form's CSRF token (or with another form's) → 403.
      const mine = await phoneOf(owner);
      await mine.page.goto(`${api.url}/partner/orders/${orderId}`);
      const fields = await formFields(mine.page, 'form:has(input[name="op"][value="confirm"])');
      const url = `${api.url}/partner/orders/${orderId}/approve`;
      const rid2 = fields.rid ?? '';
      const refused: Array<Record<string, string>> = [
        { op: 'execute', rid: rid2 },
        { op: 'execute', rid: rid2, csrf: testPartnerSessions().csrfToken(mine.session, `report:${orderId}:${rid2}`) },
      ];
      for (const form of refused) {
        const res = await mine.context.request.post(url, { form });
        assert.equal(res.status(), 403);
      }
      // A form posted from renkei's own origin, but without the token.
      const page403 = await mine.context.newPage();
      await page403.goto(`${api.url}/partner`);
      const navigated = page403.waitForEvent('framenavigated');
      await page403.evaluate(
        `(() => { const f = document.createElement('form'); f.method = 'post'; f.action = ${JSON.stringify(url)}; const i = document.createElement('input'); i.name = 'op'; i.value = 'execute'; f.appendChild(i); document.body.appendChild(f); f.submit(); })()`,
      );
      await navigated;
      await page403.waitForLoadState('load');
      assert.equal(await text(page403, 'h1'), '画面の有効期限が切れました');
      await shot(page403, '31-csrf-refused');
      // Without a session: to LINEでログイン, coming back to the same page.
      const anonymous = await browser.newContext({ ...PHONE, locale: 'ja-JP' });
      contexts.push(anonymous);
      const res = await anonymous.request.get(`${api.url}/partner/orders/${orderId}`, { maxRedirects: 0 });
      assert.equal(res.status(), 303);
      assert.equal(res.headers().location, `/partner/login?return_to=${encodeURIComponent(`/partner/orders/${orderId}`)}`);
      // A form posted without a session comes back to the page it was on after the login.
      const posted2 = await anonymous.request.post(url, { form: { op: 'execute' }, maxRedirects: 0 });
      assert.equal(posted2.status(), 303);
      assert.equal(posted2.headers().location, `/partner/login?return_to=${encodeURIComponent(`/partner/orders/${orderId}`)}`);

      assert.deepEqual((await platformActions(orderId)).all, [], 'the platform was asked nothing');
      assert.equal((await orderState(orderId)).status, 'ordered');

      // The same page in English.
      await mine.page.goto(`${api.url}/partner/orders/${orderId}?lang=en`);
      assert.equal(await mine.page.getAttribute('html', 'lang'), 'en');
      assert.equal(await text(mine.page, 'h1'), 'Purchase order');
      assert.ok(await mine.page.getByRole('button', { name: 'Approve' }).isVisible());
      await shot(mine.page, '32-order-english');
    });
  });
});
