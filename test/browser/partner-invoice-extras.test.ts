// What the invoice step offers besides its rows (docs/flows/lansmart-line.md, work report and
// invoice ⑤), on a 390 px phone in a real Chromium against the real API, Temporal dev server,
// Mongo-wire server and platform emulator: 報告書のアップロード (a PDF reaches the platform and its
// console downloads it as an attachment; an HTML page named .pdf, an oversized file and a form
// without its CSRF token are refused with nothing stored, the page saying why after a redirect), the invoice draft kept on the
// server (restored after leaving the page, deleted once sent), and 基本情報の修正 from the invoice's
// confirmation, which the platform then issues the invoice with. Screenshots in
// test-results/flows/partner-invoice-*.png.
import { strict as assert } from 'node:assert';
import { devices, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { orderWorkflowId } from '../../common/ids';
import { partnerActionUpdate } from '../../common/orders/messages';
import type { PartnerAction } from '../../common/orders/types';
import { InvoiceDraftRecord, invoiceDraftId } from '../../models/invoice-draft';
import { LansmartPlatformClient } from '../../providers/lansmart/platform-client';
import type { TestApi } from '../support/api-server';
import { keepScreenshot, navigateBy } from '../support/browser';
import { browserSuiteHooks, closingContexts } from '../support/browser-suite';
import { signInPartner } from '../support/partner-session';
import { CHECKED_APPROVAL, createPlatformOrder, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';

const { defaultBrowserType: _chromium, ...PIXEL } = devices['Pixel 7'];
const PHONE = { ...PIXEL, viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 } };
const SHOTS = 'test-results/flows';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>document.title = "ran"</script></body></html>');
/** A PDF by its first bytes, one byte over the default limit (10 MiB). */
const OVERSIZED = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);

describe('browser: 報告書, the kept invoice draft and 基本情報 from the invoice on a 390 px phone (Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;
  const contexts: BrowserContext[] = [];

  browserSuiteHooks(
    {
      queuePrefix: 'partner-invoice',
      shotsDir: SHOTS,
      open: closingContexts(contexts),
    },
    (t) => ({ browser, api, taskQueue } = t),
  );

  async function phoneOf(partner: SeededPartner): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...PHONE, locale: 'ja-JP' });
    contexts.push(context);
    await signInPartner(context, api, partner);
    return { context, page: await context.newPage() };
  }
  const shot = (page: Page, name: string): Promise<Buffer> => keepScreenshot(page, `${SHOTS}/partner-invoice-${name}.png`);
  const text = async (page: Page, selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();
  const tapAndLoad = (page: Page, target: Locator): Promise<void> => navigateBy(page, () => target.tap());
  const fitsThePhone = async (page: Page): Promise<void> => {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
  };
  const platform = (): LansmartPlatformClient => new LansmartPlatformClient({ apiBaseUrl: stack().urls.lansmart, apiKey: stack().secrets.lansmartApiKey, timeoutMs: 5000 });

  /** An order whose work is registered (the invoice is next), driven with the workflow's own updates. */
  async function workRegisteredOrder(partner: SeededPartner): Promise<string> {
    const s = stack();
    const { orderId } = await createPlatformOrder(partner, Date.now());
    const act = (action: PartnerAction, id: string) =>
      s.env.client.workflow.getHandle(orderWorkflowId(orderId)).executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action }], updateId: id });
    await act(CHECKED_APPROVAL, 'approve');
    await s.lansmart.createWorkReport(orderId);
    const day = (await s.lansmart.order(orderId)).workPeriod.from;
    await act({ type: 'work.register', entries: [{ date: day, hours: 4, description: '設計' }] }, 'work');
    return orderId;
  }

  it('報告書のアップロード: a PDF reaches the platform console; HTML named .pdf, a file over the limit and a forged form are refused, nothing stored', async () => {
    const partner = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const orderId = await workRegisteredOrder(partner);
      const { context, page } = await phoneOf(partner);
      const files = () => platform().listReportFiles(orderId, partner.partnerId);

      // From the invoice form (what was typed is kept) to 報告書のアップロード.
      await page.goto(`${api.url}/partner/orders/${orderId}/invoice`);
      assert.match(await text(page, 'form'), /立替経費の入力、報告書のアップロードもスマホから行えます。/);
      await page.locator('input[name="expenseName"]').first().fill('交通費');
      await page.locator('input[name="expenseAmount"]').first().fill('1,200');
      await tapAndLoad(page, page.getByRole('button', { name: '報告書のアップロード' }));
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/report/files`);
      assert.equal(await text(page, 'h1'), '報告書のアップロード');
      assert.equal(await page.locator('[data-no-files]').count(), 1);
      await fitsThePhone(page);
      await shot(page, '01-upload-form');

      // A PDF: uploaded, listed, and on the platform.
      await page.setInputFiles('#f-file', { name: '作業報告書.pdf', mimeType: 'application/pdf', buffer: PDF });
      await tapAndLoad(page, page.getByRole('button', { name: 'アップロード', exact: true }));
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/report/files?uploaded=1`);
      assert.equal(await text(page, '[data-upload-notice]'), '報告書をアップロードしました。');
      assert.deepEqual(await page.locator('[data-file-name]').allTextContents(), ['作業報告書.pdf']);
      assert.equal(await page.locator('a[href*="report-files"], a[download]').count(), 0, 'renkei never links to the file itself');
      await fitsThePhone(page);
      await shot(page, '02-uploaded');
      const [stored] = await files();
      assert.equal(stored?.contentType, 'application/pdf');
      assert.equal(stored?.size, PDF.length);

      // An HTML page named .pdf (and sent as application/pdf): refused by its bytes, nothing stored.
      await page.setInputFiles('#f-file', { name: '請求書.pdf', mimeType: 'application/pdf', buffer: HTML });
      const wrongType = page.waitForResponse((r) => r.request().method() === 'POST');
      await tapAndLoad(page, page.getByRole('button', { name: 'アップロード', exact: true }));
      assert.equal((await wrongType).status(), 303, 'refused, then the page by GET');
      assert.equal(page.url(), `${api.url}/partner/orders/${orderId}/report/files`);
      assert.equal(await text(page, '[data-upload-error]'), 'このファイルはアップロードできません。PDF・JPEG・PNGのファイルを選択してください。');
      await fitsThePhone(page);
      await shot(page, '03-wrong-type');
      assert.equal((await files()).length, 1, 'nothing more on the platform');

      // A PDF one byte over 10 MB: refused while it arrives, nothing stored.
      await page.setInputFiles('#f-file', { name: '大きな報告書.pdf', mimeType: 'application/pdf', buffer: OVERSIZED });
      const tooLarge = page.waitForResponse((r) => r.request().method() === 'POST');
      await tapAndLoad(page, page.getByRole('button', { name: 'アップロード', exact: true }));
      assert.equal((await tooLarge).status(), 303, 'refused, then the page by GET');
      assert.equal(await text(page, '[data-upload-error]'), 'ファイルが大きすぎます。10MB以下のファイルを選択してください。');
      await shot(page, '04-too-large');
      assert.equal((await files()).length, 1, 'nothing more on the platform');

      // The form without its CSRF token: refused, nothing stored.
      const rid = (await page.getAttribute('input[name="rid"]', 'value')) ?? '';
      const forged = await context.request.post(`${api.url}/partner/orders/${orderId}/report/files`, {
        multipart: { rid, file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: PDF } },
      });
      assert.equal(forged.status(), 403);
      assert.equal((await files()).length, 1, 'nothing more on the platform');

      // Back to the invoice: the rows typed before are there.
      await tapAndLoad(page, page.getByRole('link', { name: '戻る' }));
      await page.waitForURL(`${api.url}/partner/orders/${orderId}/invoice`);
      assert.equal(await page.locator('[data-draft-restored]').count(), 1);
      assert.equal(await page.inputValue('input[name="expenseName"] >> nth=0'), '交通費');
      assert.equal(await page.inputValue('input[name="expenseAmount"] >> nth=0'), '1,200');

      // The company sees the file in its console and downloads it as an attachment.
      const company = await browser.newContext({ locale: 'ja-JP' });
      contexts.push(company);
      const consolePage = await company.newPage();
      await consolePage.goto(`${stack().urls.lansmart}/company/orders`);
      const link = consolePage.locator(`section[data-order-id="${orderId}"] a[data-report-file]`);
      assert.deepEqual(await link.allTextContents(), ['作業報告書.pdf']);
      await shot(consolePage, '05-console');
      const download = await company.request.get(`${stack().urls.lansmart}${(await link.getAttribute('href')) ?? ''}`);
      assert.equal(download.status(), 200);
      assert.equal(download.headers()['content-type'], 'application/pdf');
      assert.equal(download.headers()['x-content-type-options'], 'nosniff');
      assert.match(download.headers()['content-disposition'] ?? '', /^attachment;/);
      assert.deepEqual(await download.body(), PDF);
    });
  });

  it('the invoice draft survives leaving the page; 基本情報 corrected from the confirmation is what the invoice is issued with', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: false });
    await withWorker(taskQueue, async () => {
      const orderId = await workRegisteredOrder(partner);
      const { page } = await phoneOf(partner);
      const invoiceUrl = `${api.url}/partner/orders/${orderId}/invoice`;

      // Rows typed, 確認する, then the partner leaves and comes back: the rows are restored.
      await page.goto(invoiceUrl);
      assert.equal(await page.locator('[data-draft-restored]').count(), 0);
      await page.locator('input[name="itemAmount"]').first().fill('250,000');
      await page.locator('input[name="expenseName"]').first().fill('交通費');
      await page.locator('input[name="expenseAmount"]').first().fill('1200');
      await tapAndLoad(page, page.getByRole('button', { name: '確認する' }));
      assert.equal(await text(page, 'h1'), '請求書の確認');
      assert.equal(await text(page, '[data-issuer-address]'), '東京都渋谷区神宮前1-1-1');
      await page.goto(`${api.url}/partner`);
      await page.goto(invoiceUrl);
      assert.equal(await text(page, '[data-draft-restored]'), '前回入力した内容を表示しています。');
      assert.equal(await page.inputValue('input[name="itemAmount"] >> nth=0'), '250,000', 'as typed');
      assert.equal(await page.inputValue('input[name="expenseName"] >> nth=0'), '交通費');
      assert.equal(await page.inputValue('input[name="expenseAmount"] >> nth=0'), '1200');
      await fitsThePhone(page);
      await shot(page, '10-draft-restored');

      // 確認する → 基本情報を修正する (a mistake shown by its field) → saved → back on the confirmation.
      await tapAndLoad(page, page.getByRole('button', { name: '確認する' }));
      assert.match(await text(page, '[data-issuer]'), /基本情報の修正が必要な場合のみ編集を行ってください。/);
      await fitsThePhone(page);
      await shot(page, '11-confirm-with-issuer');
      await tapAndLoad(page, page.getByRole('button', { name: '基本情報を修正する' }));
      await page.waitForURL(`${invoiceUrl}/basic-info`);
      assert.equal(await text(page, 'h1'), '基本情報の修正');
      assert.equal(await page.inputValue('#f-address'), '東京都渋谷区神宮前1-1-1', 'what the platform has');
      await page.fill('#f-address', '大阪府大阪市北区梅田1-1-1');
      await page.fill('#f-phone', '12');
      await tapAndLoad(page, page.getByRole('button', { name: '保存して請求書に戻る' }));
      assert.equal(await text(page, '[data-field-error="phone"]'), '電話番号は0から始まる10桁または11桁で入力してください');
      assert.equal((await platform().getPartner(partner.partnerId))?.basicInfo?.address, '東京都渋谷区神宮前1-1-1', 'nothing saved');
      await page.fill('#f-phone', '06-1234-5678');
      await fitsThePhone(page);
      await shot(page, '12-basic-info');
      await tapAndLoad(page, page.getByRole('button', { name: '保存して請求書に戻る' }));
      await page.waitForURL(`${invoiceUrl}/confirm`);
      assert.equal(await text(page, '[data-issuer-address]'), '大阪府大阪市北区梅田1-1-1');
      assert.equal(await text(page, '[data-issuer-phone]'), '06-1234-5678');
      assert.equal(await text(page, '[data-total]'), '251,200円', 'the invoice as it was');
      await shot(page, '13-confirm-corrected');

      // [送信] → [送信する]: the platform issues the invoice with the corrected 基本情報; the draft is gone.
      await tapAndLoad(page, page.getByRole('button', { name: '送信', exact: true }));
      await tapAndLoad(page, page.getByRole('button', { name: '送信する' }));
      assert.equal(await text(page, '[data-result]'), '請求書を送信しました');
      const invoice = (await s.lansmart.order(orderId)).invoice;
      assert.deepEqual(invoice?.items, [{ name: 'Webサイト改修', amountYen: 250_000 }]);
      assert.deepEqual(invoice?.expenses, [{ name: '交通費', amountYen: 1_200 }]);
      assert.equal(invoice?.issuer?.address, '大阪府大阪市北区梅田1-1-1');
      assert.equal(invoice?.issuer?.phone, '06-1234-5678');
      assert.equal(await InvoiceDraftRecord.countDocuments({ _id: invoiceDraftId(partner.partnerId, orderId) }), 0, 'the draft is deleted once sent');
      await page.goto(invoiceUrl);
      assert.equal(await page.getAttribute('h1', 'data-step'), 'invoice-sent');
    });
  });
});
