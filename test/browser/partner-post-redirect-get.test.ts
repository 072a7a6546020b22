// Post → redirect → get on the partner's intermediate forms, on a 390 × 844 phone in a real Chromium
// against the real API, Temporal dev server, Mongo-wire server and platform emulator: 口座情報 with a
// mistake, 業務内容を追加 (a mistake, then two entries), 請求項目を追加, [確認する] with a mistake and
// then to the confirmation, [修正する] back from it, [送信] to 請求月 with a mistake, and [送信する].
// After each post the page was loaded by GET: a reload and Back load pages by GET again and never
// post the form a second time (no entry, row or step twice); a form with a mistake shows it and
// what was typed after the redirect, once. Screenshots in test-results/flows/partner-prg-*.png.
import { strict as assert } from 'node:assert';
import { devices, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { orderWorkflowId } from '../../common/ids';
import { partnerActionUpdate } from '../../common/orders/messages';
import { OrderView } from '../../models/order-view';
import { ReportDraftRecord, reportDraftId } from '../../models/report-draft';
import { InvoiceDraftRecord, invoiceDraftId } from '../../models/invoice-draft';
import { LansmartPlatformClient } from '../../providers/lansmart/platform-client';
import type { TestApi } from '../support/api-server';
import { keepScreenshot, navigateBy } from '../support/browser';
import { browserSuiteHooks, closingContexts } from '../support/browser-suite';
import { recordAllConsents } from '../../api/partner-web/registration-consents';
import { signInPartner } from '../support/partner-session';
import { CHECKED_APPROVAL, createPlatformOrder, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const { defaultBrowserType: _chromium, ...PIXEL } = devices['Pixel 7'];
const PHONE = { ...PIXEL, viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 } };
const SHOTS = 'test-results/flows';

describe('browser: post → redirect → get on the partner’s forms on a 390 px phone (Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;
  const contexts: BrowserContext[] = [];

  browserSuiteHooks({ queuePrefix: 'partner-prg', shotsDir: SHOTS, open: closingContexts(contexts) }, (t) => ({ browser, api, taskQueue } = t));

  /** The phone, signed in, and every document request of its page (method and URL), in order. */
  async function phoneOf(partner: SeededPartner): Promise<{ page: Page; loads: Array<{ method: string; url: string }> }> {
    const context = await browser.newContext({ ...PHONE, locale: 'ja-JP' });
    contexts.push(context);
    await signInPartner(context, api, partner);
    const page = await context.newPage();
    const loads: Array<{ method: string; url: string }> = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) loads.push({ method: r.method(), url: r.url() });
    });
    return { page, loads };
  }
  const shot = (page: Page, name: string): Promise<Buffer> => keepScreenshot(page, `${SHOTS}/partner-prg-${name}.png`);
  const text = async (page: Page, selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();
  const tapAndLoad = (page: Page, target: Locator): Promise<void> => navigateBy(page, () => target.tap());
  const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
  const platform = (): LansmartPlatformClient => new LansmartPlatformClient({ apiBaseUrl: stack().urls.lansmart, apiKey: stack().secrets.lansmartApiKey, timeoutMs: 5000 });
  async function platformActions(orderId: string): Promise<string[]> {
    return (await stack().lansmart.partnerActions()).filter((a) => a.orderId === orderId).map((a) => a.type ?? '');
  }

  /** Taps a form's button: the post answered 303, and the page it shows was loaded by GET from `path`. */
  async function post(page: Page, loads: Array<{ method: string; url: string }>, target: Locator, path: string): Promise<void> {
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
    const from = loads.length;
    await tapAndLoad(page, target);
    assert.equal((await answered).status(), 303, 'the post answers with a redirect');
    assert.deepEqual(
      loads.slice(from).map((l) => l.method),
      ['POST', 'GET'],
    );
    assert.equal(new URL(page.url()).pathname, path);
  }

  /** Reload and Back load pages by GET only: the form is never posted again. */
  async function reloadAndBack(page: Page, loads: Array<{ method: string; url: string }>): Promise<void> {
    const from = loads.length;
    const url = page.url();
    await page.reload();
    assert.equal(page.url(), url, 'the same page after a reload');
    await page.goBack();
    await page.goForward();
    assert.equal(page.url(), url, 'the same page after Back and Forward');
    assert.deepEqual(
      loads.slice(from).filter((l) => l.method !== 'GET'),
      [],
      'nothing posted again',
    );
  }

  it('口座情報 with a mistake: the errors and what was typed after the redirect, once; a reload posts nothing', async () => {
    const partner = await seedPartner({ lineOption: false, registered: false });
    await recordAllConsents(partner.partnerId, new Date(), 'login');
    await withWorker(taskQueue, async () => {
      const { orderId } = await createPlatformOrder(partner, Date.now());
      const { page, loads } = await phoneOf(partner);
      const path = `/partner/orders/${orderId}`;
      await page.goto(`${api.url}${path}`);
      assert.equal(await page.getAttribute('h1', 'data-step'), 'bank-account');
      await page.fill('#f-bankName', 'テスト銀行');
      await page.fill('#f-branchName', '渋谷支店');
      await page.fill('#f-accountNumber', '12');
      await post(page, loads, button(page, '登録'), path);
      assert.equal(await text(page, '[data-field-error="accountNumber"]'), '7桁の数字で入力してください');
      assert.equal(await page.inputValue('#f-bankName'), 'テスト銀行', 'what was typed stays');
      assert.equal(await page.inputValue('#f-accountNumber'), '12');
      await shot(page, '01-bank-account-errors');
      await reloadAndBack(page, loads);
      // The flash was shown once: the page as it is, nothing saved.
      assert.equal(await page.locator('[data-field-error]').count(), 0);
      assert.equal((await platform().getPartner(partner.partnerId))?.bankAccount, null, 'nothing saved');
    });
  });

  /** An order the partner approved, with the platform's work report: what 業務報告 starts from. */
  const approvedOrderWithWorkReport = async (partner: Awaited<ReturnType<typeof seedPartner>>): Promise<{ orderId: string; period: Awaited<ReturnType<ReturnType<typeof stack>['lansmart']['order']>>['workPeriod'] }> => {
    const s = stack();
    const { orderId } = await createPlatformOrder(partner, Date.now());
    await s.env.client.workflow
      .getHandle(orderWorkflowId(orderId))
      .executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action: CHECKED_APPROVAL }], updateId: 'approve' });
    await s.lansmart.createWorkReport(orderId);
    // The platform's event is taken (202) before the order has moved on: the partner's page shows
    // 業務報告 once the orders read model does.
    await eventually(() => OrderView.findById(orderId).lean().then((v) => v?.status), (status) => status === 'reporting', 'the work report in the orders read model');
    return { orderId, period: (await s.lansmart.order(orderId)).workPeriod };
  };

  it('業務内容を追加, 請求項目を追加, 確認する, 修正する, 送信 → 請求月 and 送信する: each post redirects; reload and Back repeat nothing', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const { orderId, period } = await approvedOrderWithWorkReport(partner);
      const { page, loads } = await phoneOf(partner);
      const report = `/partner/orders/${orderId}/report`;
      await page.goto(`${api.url}${report}`);

      // 業務内容を追加 with a mistake: the error and the typed values after the redirect, once.
      await page.fill('#f-date', period.from);
      await page.fill('#f-hours', '30');
      await page.fill('#f-description', 'トップページのコーディング');
      await post(page, loads, button(page, '業務内容を追加'), report);
      assert.equal(await page.locator('[data-field-error="hours"]').count(), 1);
      assert.equal(await page.inputValue('#f-hours'), '30');
      assert.equal(await page.inputValue('#f-description'), 'トップページのコーディング');
      await shot(page, '02-report-error');
      await reloadAndBack(page, loads);
      assert.equal(await page.locator('[data-field-error]').count(), 0, 'the mistake is shown once');
      assert.equal(await page.locator('[data-entry]').count(), 0);

      // Two entries added: each kept on the server once, however often the page is reloaded.
      for (const [date, hours, description] of [
        [period.from, '6', 'トップページのコーディング'],
        [period.to, '2.5', 'レビュー対応'],
      ] as const) {
        await page.fill('#f-date', date);
        await page.fill('#f-hours', hours);
        await page.fill('#f-description', description);
        await post(page, loads, button(page, '業務内容を追加'), report);
        await reloadAndBack(page, loads);
      }
      assert.equal(await page.locator('[data-entry]').count(), 2, 'two entries, none twice');
      assert.equal(await text(page, '[data-total-hours]'), '合計 8.5時間');
      assert.equal((await ReportDraftRecord.findById(reportDraftId(partner.partnerId, orderId)).lean())?.entries.length, 2);
      await shot(page, '03-report-entries');
      await post(page, loads, button(page, '業務を登録'), report);
      assert.equal(await text(page, '[data-result]'), '業務を登録しました');
      assert.equal(await ReportDraftRecord.findById(reportDraftId(partner.partnerId, orderId)).lean(), null, 'the kept entries are gone');

      // 請求項目を追加: one more row, however often reloaded.
      const invoice = `/partner/orders/${orderId}/invoice`;
      await page.goto(`${api.url}${invoice}`);
      await post(page, loads, button(page, '請求項目を追加'), invoice);
      assert.equal(await page.locator('[data-draft-restored]').count(), 0, 'the form carries on (no “restored” notice)');
      await reloadAndBack(page, loads);
      assert.equal(await page.locator('input[name="itemName"]').count(), 2, 'one row added');
      await page.locator('input[name="itemName"]').nth(1).fill('サーバー設定');
      await page.locator('input[name="itemAmount"]').nth(1).fill('二万円');

      // [確認する] with a mistake: the error and the rows after the redirect.
      await post(page, loads, button(page, '確認する'), invoice);
      assert.equal(await text(page, '[data-field-error="items.1.amountYen"]'), '1円以上の金額を円単位で入力してください');
      assert.equal(await page.inputValue('input[name="itemAmount"] >> nth=1'), '二万円', 'what was typed stays');
      await shot(page, '04-invoice-error');
      await reloadAndBack(page, loads);
      assert.equal(await page.locator('input[name="itemName"]').count(), 2);
      await page.locator('input[name="itemAmount"]').nth(1).fill('20,000');

      // [確認する] → the confirmation page; [修正する] back to the form; [確認する] again.
      await post(page, loads, button(page, '確認する'), `${invoice}/confirm`);
      assert.equal(await text(page, '[data-total]'), '320,000円');
      await reloadAndBack(page, loads);
      assert.equal(await text(page, 'h1'), '請求書の確認');
      await post(page, loads, button(page, '修正する'), invoice);
      assert.equal(await page.inputValue('input[name="itemName"] >> nth=1'), 'サーバー設定');
      await post(page, loads, button(page, '確認する'), `${invoice}/confirm`);

      // [送信] → 請求月; a wrong month shown with what was typed; then [送信する], once.
      await post(page, loads, button(page, '送信'), `${invoice}/month`);
      assert.equal(await text(page, 'h1'), '請求月の確認');
      const month = await page.inputValue('#f-billingMonth');
      await reloadAndBack(page, loads);
      // A month the phone's picker cannot give, typed as text.
      await page.evaluate(`(() => { const input = document.querySelector('#f-billingMonth'); input.type = 'text'; input.value = '2025-13'; })()`);
      await post(page, loads, button(page, '送信する'), `${invoice}/month`);
      assert.equal(await page.locator('[data-field-error="billingMonth"]').count(), 1);
      assert.equal(await page.getAttribute('#f-billingMonth', 'value'), '2025-13', 'what was typed comes back (a month field shows it empty)');
      await shot(page, '05-month-error');
      await reloadAndBack(page, loads);
      assert.equal(await page.inputValue('#f-billingMonth'), month, 'the mistake is shown once');
      const from = loads.length;
      await tapAndLoad(page, button(page, '送信する'));
      assert.deepEqual(
        loads.slice(from).map((l) => l.method),
        ['POST', 'GET'],
      );
      assert.equal(await text(page, '[data-result]'), '請求書を送信しました');
      await reloadAndBack(page, loads);
      assert.equal(await text(page, '[data-result]'), '請求書を送信しました');
      assert.deepEqual(await platformActions(orderId), ['order.approve', 'work.register', 'invoice.submit'], 'each step once');
      assert.equal((await s.lansmart.order(orderId)).invoice?.items.length, 2);
      assert.equal(await InvoiceDraftRecord.findById(invoiceDraftId(partner.partnerId, orderId)).lean(), null, 'the draft is gone once sent');
    });
  });

  it('[削除] on a page left open in another tab removes the entry that page shows, also in a draft kept before entries had IDs', async () => {
    const partner = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const { orderId, period } = await approvedOrderWithWorkReport(partner);
      // Two entries kept as drafts were kept before entries had IDs.
      await ReportDraftRecord.updateOne(
        { _id: reportDraftId(partner.partnerId, orderId) },
        {
          $set: {
            partnerId: partner.partnerId,
            orderId,
            entries: [
              { date: period.from, hours: 3, description: '設計' },
              { date: period.from, hours: 4, description: 'コーディング' },
            ],
            expiresAt: new Date(Date.now() + 86_400_000),
          },
        },
        { upsert: true },
      );
      const { page: first, loads } = await phoneOf(partner);
      const report = `/partner/orders/${orderId}/report`;
      await first.goto(`${api.url}${report}`);
      await first.fill('#f-date', period.to);
      await first.fill('#f-hours', '2');
      await first.fill('#f-description', 'レビュー対応');
      await post(first, loads, button(first, '業務内容を追加'), report);
      const second = await first.context().newPage();
      await second.goto(`${api.url}${report}`);
      const shown = async (page: Page): Promise<string[]> => (await page.locator('[data-entry] td:nth-child(3)').allTextContents()).map((t) => t.trim());
      assert.deepEqual(await shown(first), ['設計', 'コーディング', 'レビュー対応']);
      assert.deepEqual(await shown(second), ['設計', 'コーディング', 'レビュー対応']);
      const removeOf = (page: Page, description: string): Locator => page.locator('[data-entry]', { hasText: description }).getByRole('button', { name: '削除', exact: true });

      // The first tab removes 設計; the second, still showing all three, removes コーディング (by position, レビュー対応).
      await post(first, loads, removeOf(first, '設計'), report);
      assert.deepEqual(await shown(first), ['コーディング', 'レビュー対応']);
      await tapAndLoad(second, removeOf(second, 'コーディング'));
      assert.equal(new URL(second.url()).pathname, report);
      assert.deepEqual(await shown(second), ['レビュー対応'], 'the entry the stale page showed is the one removed');
      // The first tab, now stale, removes コーディング again: it is gone already, nothing else goes.
      await post(first, loads, removeOf(first, 'コーディング'), report);
      assert.deepEqual(await shown(first), ['レビュー対応']);
      const kept = (await ReportDraftRecord.findById(reportDraftId(partner.partnerId, orderId)).lean())?.entries ?? [];
      assert.deepEqual(
        kept.map((e) => e.description),
        ['レビュー対応'],
      );
      assert.ok(kept.every((e) => typeof e.id === 'string' && e.id !== ''), 'every kept entry has its ID');
      await shot(first, '05-report-removed-in-two-tabs');
    });
  });
});
