// The partner's order pages without a server: the form checks (the platform's rules for 口座情報,
// a 業務内容 inside the 稼動期間, invoice amounts as people type them, the 請求月; 基本情報's are
// 基本情報登録's, in partner-sign-in-pages.test.ts),
// the catalogues (every Japanese message has its English one; English pages carry no Japanese of
// their own), and the seed's words on the Japanese pages.
import { strict as assert } from 'node:assert';
import type { OrderView } from '../../common/orders/order-view';
import { bankAccountForm, billingMonthForm, fieldErrorsOf, invoiceRowForm, workEntryForm } from '../../api/partner-web/form-schemas';
import { BASIC_INFO_TEXT } from '../../api/partner-web/pages/basic-info-catalogue';
import { COMMON_TEXT } from '../../api/partner-web/pages/common-catalogue';
import { HOME_TEXT } from '../../api/partner-web/pages/home-catalogue';
import { homePage } from '../../api/partner-web/pages/home-page';
import { ORDER_LIST_TEXT } from '../../api/partner-web/pages/order-list-catalogue';
import { orderListPage } from '../../api/partner-web/pages/order-list';
import { INVOICE_TEXT } from '../../api/partner-web/pages/invoice-catalogue';
import { invoiceConfirmPage, invoiceFormPage, invoiceMonthPage, invoiceSentPage } from '../../api/partner-web/pages/invoice-pages';
import { ORDER_TEXT } from '../../api/partner-web/pages/order-catalogue';
import { approveConfirmPage, approvedPage, bankAccountPage, basicInfoPage, orderPage } from '../../api/partner-web/pages/order-pages';
import { PAYMENT_NOTICE_TEXT } from '../../api/partner-web/pages/payment-notice-catalogue';
import { paymentNoticeClosedView, paymentNoticePage } from '../../api/partner-web/pages/payment-notice-pages';
import { invoiceBasicInfoPage } from '../../api/partner-web/pages/invoice-basic-info-page';
import { REPORT_TEXT } from '../../api/partner-web/pages/report-catalogue';
import { renderErrorPage } from '../../api/web/error-pages';
import { REPORT_FILE_TEXT } from '../../api/partner-web/pages/report-file-catalogue';
import { reportFilePage } from '../../api/partner-web/pages/report-file-page';
import { workFormPage, workRegisteredPage } from '../../api/partner-web/pages/report-pages';
import type { Message, PageContext } from '../../api/pages/locale';

const CATALOGUES: Record<string, Record<'ja' | 'en', Record<string, Message>>> = {
  common: COMMON_TEXT,
  home: HOME_TEXT,
  invoice: INVOICE_TEXT,
  order: ORDER_TEXT,
  orderList: ORDER_LIST_TEXT,
  paymentNotice: PAYMENT_NOTICE_TEXT,
  report: REPORT_TEXT,
  reportFile: REPORT_FILE_TEXT,
};

const japanese = (text: string): boolean => /[\u3040-\u30ff\u3400-\u9fff]/.test(text);
const texts = (m: Message): string[] =>
  typeof m === 'string' ? [m] : typeof m === 'function' ? [(m as (...a: unknown[]) => string)(1, 2)] : Object.values(m);
/** The visible text of a page (tags, the style sheet and attributes dropped). */
const visible = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');

const en: PageContext = { locale: 'en', switchHref: '/x?lang=ja' };
const ja: PageContext = { locale: 'ja', switchHref: '/x?lang=en' };
const token = { rid: 'r'.repeat(22), csrf: 'c'.repeat(43) };
const issuer = { name: 'Hanako Yamada', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '1-1-1 Jingumae' };

const order: OrderView = {
  orderId: 'ord_1',
  companyId: 'c-1',
  partnerId: 'p-1',
  status: 'ordered',
  details: { orderNumber: 'PO-000001', title: 'Website', amountYen: 300_000, workPeriod: { from: '2026-11-01', to: '2026-11-30' }, closingDate: '2026-11-30' },
  createdAt: '2026-11-01T00:00:00Z',
  remands: [],
  paymentNotice: { paymentNoticeId: 'pn_1', amountYen: 300_000, approvalDueDate: '2026-12-10', approvalDueAt: '2026-12-10T15:00:00Z', issuedAt: '2026-12-01T00:00:00Z' },
  reminders: [],
  version: 1,
};

describe('partner order pages: forms and words', () => {
  it('checks 口座情報 with the platform’s rules, normalising what a phone keyboard types', () => {
    const bank = bankAccountForm.safeParse({ bankName: 'ＳＢＩ　テスト銀行 ', branchName: '本店', accountType: 'ordinary', accountNumber: '１２３４５６７', accountHolderKana: 'ﾔﾏﾀﾞ ﾊﾅｺ' });
    assert.ok(bank.success);
    assert.deepEqual(bank.data, { bankName: 'SBI テスト銀行', branchName: '本店', accountType: 'ordinary', accountNumber: '1234567', accountHolderKana: 'ヤマダ ハナコ' });
    const bad = bankAccountForm.safeParse({ bankName: ' ', branchName: '本店', accountType: 'savings', accountNumber: '12', accountHolderKana: 'yamada' });
    assert.ok(!bad.success);
    assert.deepEqual(fieldErrorsOf(bad.error), { bankName: 'required', accountType: 'account_type', accountNumber: 'account_number', accountHolderKana: 'kana' });
  });

  it('shows 基本情報登録’s fields and messages on 基本情報の設定 (the common field problems do not repeat them)', () => {
    const page = basicInfoPage(ja, order, token, {
      values: { name: '', nameKana: 'やまだ', phone: '12345', postalCode: '150-0001', address: '東京都' },
      errors: { name: { code: 'required' }, nameKana: { code: 'kana' }, phone: { code: 'phone' } },
    });
    const b = BASIC_INFO_TEXT.ja;
    const fieldError = (f: string): string | undefined => page.match(new RegExp(`data-field-error="${f}">([^<]*)<`))?.[1];
    assert.equal(fieldError('name'), '氏名を入力してください');
    assert.equal(fieldError('nameKana'), b.errKana);
    assert.equal(fieldError('phone'), b.errPhone);
    assert.equal(fieldError('postalCode'), undefined);
    assert.match(page, /<label for="f-nameKana">氏名（カナ）<\/label><input type="text" id="f-nameKana" name="nameKana" aria-invalid="true" aria-describedby="f-nameKana-error"/);
    assert.match(page, /<input type="tel" id="f-phone" name="phone" [^>]*autocomplete="tel" inputmode="tel"/);
    assert.match(page, /data-form-error>入力内容に誤りがあります/);
    for (const code of ['katakana', 'phone', 'postal_code']) assert.ok(!(code in COMMON_TEXT.ja.fieldProblem), code);
  });

  it('takes a 業務内容 only inside the 稼動期間, with hours in quarters up to 24', () => {
    const entry = workEntryForm({ from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(entry.parse({ date: '2026-11-30', hours: '7.25', description: ' 設計 ' }), { date: '2026-11-30', hours: 7.25, description: '設計' });
    const problems = (v: Record<string, string>) => {
      const r = entry.safeParse(v);
      return r.success ? {} : fieldErrorsOf(r.error);
    };
    assert.deepEqual(problems({ date: '2026-12-01', hours: '8', description: 'x' }), { date: 'date_outside_period' });
    assert.deepEqual(problems({ date: '2026-11-31', hours: '8', description: 'x' }), { date: 'date' });
    for (const hours of ['0', '25', '0.3', 'abc', '']) assert.ok(problems({ date: '2026-11-02', hours, description: 'x' }).hours, hours);
    assert.deepEqual(problems({ date: '2026-11-02', hours: '１', description: '' }), { description: 'required' });
  });

  it('reads invoice amounts as typed (commas, 円, full-width digits) and refuses anything else', () => {
    assert.deepEqual(invoiceRowForm.parse({ name: '交通費', amountYen: '１，２００円' }), { name: '交通費', amountYen: 1200 });
    assert.equal(invoiceRowForm.parse({ name: 'x', amountYen: '¥ 300,000' }).amountYen, 300_000);
    for (const amountYen of ['0', '-5', '1.5', '千二百円', '', '99999999999']) {
      const r = invoiceRowForm.safeParse({ name: 'x', amountYen });
      assert.ok(!r.success && fieldErrorsOf(r.error).amountYen, amountYen);
    }
    assert.equal(fieldErrorsOf(invoiceRowForm.safeParse({ name: '', amountYen: '1' }).error!, 'items.2.')['items.2.name'], 'required');
    assert.ok(billingMonthForm.safeParse('2026-11').success);
    for (const m of ['2026-13', '2026/11', '202611', '']) assert.ok(!billingMonthForm.safeParse(m).success, m);
  });

  it('has every message in English too, without Japanese of its own', () => {
    for (const [name, c] of Object.entries(CATALOGUES)) {
      assert.deepEqual(Object.keys(c.en).sort(), Object.keys(c.ja).sort(), name);
      for (const [key, m] of Object.entries(c.en)) {
        for (const t of texts(m)) assert.ok(!japanese(t), `${name}.${key}: ${t}`);
      }
    }
  });

  it('renders English pages in English (only the order’s own data stays as it is)', () => {
    const draft = { items: [{ name: 'Design', amountYen: 100 }], expenses: [{ name: 'Train', amountYen: 20 }] };
    const pages = {
      order: orderPage(en, order),
      confirm: approveConfirmPage(en, order, token),
      approved: approvedPage(en),
      bank: bankAccountPage(en, order, token, { values: {}, errors: { accountNumber: 'account_number' } }),
      basic: basicInfoPage(en, order, token, { values: {}, errors: { phone: { code: 'phone' }, address: { code: 'tooLong', max: 200 } } }),
      report: workFormPage(en, { ...order, status: 'reporting' }, token, {
        period: order.details.workPeriod,
        entries: [{ id: 'e1', date: '2026-11-02', hours: 2, description: 'Coding' }],
        values: { date: '', hours: '', description: '' },
        errors: { date: 'date_outside_period' },
      }),
      registered: workRegisteredPage(en, order, [{ date: '2026-11-02', hours: 2, description: 'Coding' }]),
      invoice: invoiceFormPage(en, { ...order, status: 'remanded', remands: [{ invoiceId: 'i', reason: 'Wrong month', at: '' }] }, token, {
        items: [{ name: 'Design', amount: '100' }],
        expenses: [{ name: '', amount: 'x' }],
        errors: { 'expenses.0.amountYen': 'amount' },
      }),
      invoiceConfirm: invoiceConfirmPage(en, order, token, draft, issuer),
      invoiceBasicInfo: invoiceBasicInfoPage(en, order, token, { values: {}, errors: { phone: { code: 'phone' } } }),
      reportFiles: reportFilePage(en, order, { files: [{ fileId: 'f1', fileName: 'report.pdf', contentType: 'application/pdf', size: 2048, uploadedAt: '' }], token, maxBytes: 10 * 1024 * 1024, back: '/x', alert: REPORT_FILE_TEXT.en.wrongType }),
      month: invoiceMonthPage(en, order, token, draft, '2026-11', {}),
      sent: invoiceSentPage(en, draft, '2026-11'),
      notice: paymentNoticePage(en, { ...order, status: 'payment_notice_issued' }, order.paymentNotice!, token),
      overdue: paymentNoticeClosedView(en, { ...order, status: 'closed', closedBy: 'overdue_approval' }, order.paymentNotice!),
      refusal: renderErrorPage(en, { page: 'step', action: 'order.approve', reason: 'already_done', status: 'approved', href: '/partner/orders/ord_1' }),
      notFound: renderErrorPage(en, { page: 'partner', code: 'not_found' }),
      home: homePage(en, {
        displayName: 'Hanako',
        csrf: 'c',
        older: false,
        page: { unread: 1, nextBefore: null, items: [{ id: 'n1', kind: 'order_created', title: '発注書を確認してください', body: 'Body', path: '/partner/orders/ord_1', orderId: 'ord_1', createdAt: new Date(), readAt: null, doneAt: null }] },
        orders: { items: [{ ...order, status: 'remanded', nextReminderAt: '2026-12-02T01:00:00.000Z' }], more: true },
        logoutCsrf: 'l',
      }),
      orders: orderListPage(en, { items: [order], nextBefore: '1.ord_1' }, true),
    };
    for (const [name, page] of Object.entries(pages)) {
      assert.match(page, /<html lang="en">/, name);
      // The language switch names Japanese in Japanese (日本語); nothing else on the page is Japanese.
      const rest = visible(page).replace('日本語', '');
      assert.ok(!japanese(rest), `${name}: ${rest.match(/\S*[\u3040-\u30ff\u3400-\u9fff]\S*/)?.[0] ?? ''}`);
    }
  });

  it('says the seed’s words on the Japanese pages', () => {
    assert.match(orderPage(ja, order), />承認する</);
    assert.match(approveConfirmPage(ja, order, token), /最終確認[\s\S]*>実行する</);
    const reporting = { ...order, status: 'reporting' as const };
    const report = workFormPage(ja, reporting, token, { period: order.details.workPeriod, entries: [], values: { date: '', hours: '', description: '' }, errors: {} });
    assert.match(report, />業務内容を追加</);
    assert.match(report, />業務を登録</);
    assert.match(workRegisteredPage(ja, order, []), />請求書を作成する</);
    const draft = { items: [{ name: 'x', amountYen: 1 }], expenses: [] };
    assert.match(invoiceFormPage(ja, order, token, { items: [], expenses: [], errors: {} }), />確認する<[\s\S]*立替経費/);
    assert.match(invoiceConfirmPage(ja, order, token, draft), />送信</);
    assert.match(invoiceFormPage(ja, order, token, { items: [], expenses: [], errors: {} }), /立替経費の入力、報告書のアップロードもスマホから行えます。[\s\S]*>報告書のアップロード</);
    assert.match(invoiceConfirmPage(ja, order, token, draft, issuer), /基本情報の修正が必要な場合のみ編集を行ってください。/);
    assert.match(invoiceBasicInfoPage(ja, order, token, { values: {}, errors: {} }), /基本情報の修正/);
    assert.match(reportFilePage(ja, { ...order, status: 'work_registered' }, { files: [], token, maxBytes: 10 * 1024 * 1024, back: '/x' }), /<h1[^>]*>報告書のアップロード<[\s\S]*10MBまで/);
    assert.match(invoiceMonthPage(ja, order, token, draft, '2026-11', {}), /請求月[\s\S]*>送信する</);
    assert.match(invoiceSentPage(ja, draft, '2026-11'), /請求書を送信しました/);
    assert.match(paymentNoticeClosedView(ja, { ...order, status: 'closed', closedBy: 'overdue_approval' }, order.paymentNotice!), /支払通知書の承認が完了しました[\s\S]*期日超過承認/);
  });
});
