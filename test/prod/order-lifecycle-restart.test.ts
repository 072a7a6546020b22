// On the production-shaped stack: an order from the platform's 発注書 to the approved 支払通知書,
// walked by the partner through renkei's pages as a browser without JavaScript would (forms, 303s,
// cookies), every request going to the other compiled API than the one before, as behind a load
// balancer without sticky sessions: LINE Login on the LINE emulator, the three agreements, the
// notification on the home page, 口座情報 and 基本情報 (each first with a mistake, shown again from
// the flash), 承認する → 最終確認 [実行する], 業務内容を追加 ×2 → [業務を登録], 請求書 → 確認 →
// [送信] → 請求月 [送信する], 支払通知書 [承認する]. The Temporal server is stopped in the middle of
// the lifecycle: the 支払通知書's event arrives while it is down and is re-sent once it is back
// (the platform's replay). Nothing is lost, nothing doubled: the platform applied each step once
// and every notification reached each channel (in-app, LINE, e-mail) exactly once
// (docs/flows/lansmart-line.md).
import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import { orderWorkflowId } from '../../common/ids';
import { jstDate } from '../../common/orders/schedule';
import type { BrowserPage } from '../../emulators/browser-client';
import { summaryOf } from '../../emulators/line/message-schema';
import { InAppNotification } from '../../models/inapp-notification';
import { LansmartPlatformClient } from '../../providers/lansmart/platform-client';
import type { orderLifecycleWorkflow } from '../../workflows/order-lifecycle';
import { eventually } from '../support/wait';
import { AlternatingPages, attributeOf, headingOf, postsTo, textOf } from './alternating-pages';
import { prod } from './hooks';

interface Partner {
  companyId: string;
  partnerId: string;
  email: string;
  lineUserId: string;
}

/** A partner of a company with the LINE option, not registered yet, and their LINE account (same e-mail). */
async function seedPartner(): Promise<Partner> {
  const { lansmart, line, stack } = prod();
  const n = randomInt(1_000_000, 9_999_999);
  const p = { companyId: `c-${n}`, partnerId: `p-${n}`, email: `partner-${n}@partner.example`, lineUserId: `U${n}${'0'.repeat(25)}` };
  await lansmart.seed({
    apiKey: stack.secrets.lansmartApiKey,
    companies: [{ companyId: p.companyId, name: `株式会社テスト${n}`, lineOption: true, users: [{ email: `boss-${n}@company.example`, name: '発注 太郎' }] }],
    partners: [{ partnerId: p.partnerId, companyId: p.companyId, email: p.email, name: '山田 花子', invitationToken: `inv-${n}` }],
  });
  await line.seed({ users: [{ userId: p.lineUserId, displayName: '山田 花子', email: p.email }] });
  return p;
}

async function inAppOf(partnerId: string): Promise<Array<{ kind: string; title: string }>> {
  return (await InAppNotification.find({ partnerId }).sort({ createdAt: 1 }).lean()).map((d) => ({ kind: d.kind, title: d.title }));
}
const hasKind = (kind: string) => (list: Array<{ kind: string }>) => list.some((n) => n.kind === kind);

/** The page's result line (a finished step), or its error, for assertion messages. */
const said = (page: BrowserPage): string => textOf(page, 'data-result') ?? textOf(page, 'data-error-message') ?? `${page.status} ${page.url}`;

describe('production-shaped stack: an order through the partner pages across both APIs, surviving a Temporal server restart', function () {
  it('LINE Login → 口座情報・基本情報 → 承認 → 業務報告 → 請求書 → (server down: 支払通知書) → 承認, every step and notification once', async () => {
    const { client, lansmart, line, mail, stack } = prod();
    await lansmart.seed({ requirePartnerInfoForApproval: true });
    const partner = await seedPartner();
    const pages = new AlternatingPages(stack.apiUrls);
    const api = stack.apiUrls[0] as string;
    const platform = new LansmartPlatformClient({ apiBaseUrl: stack.emulatorUrls.lansmart, apiKey: stack.secrets.lansmartApiKey, timeoutMs: 10_000 });

    // ログイン: 「LINEでログイン」 → LINE's sign-in → 許可する → 友だち追加 → back at renkei; not
    // registered yet, so the three agreements come first.
    const login = await pages.get(`${api}/partner/login?return_to=${encodeURIComponent('/partner')}`);
    const atLine = await pages.submit(login, postsTo('/partner/login'));
    const consentAtLine = await pages.submit(atLine, postsTo('/login'), { set: { loginId: partner.email, password: 'password' } });
    const friendAtLine = await pages.submit(consentAtLine, postsTo('/authorize/consent'), { add: [['decision', 'allow']] });
    const agreements = await pages.submit(friendAtLine, postsTo('/authorize/friend'), { add: [['decision', 'add']] });
    assert.equal(new URL(agreements.url).pathname, '/partner/register/consents', `the agreements after LINE Login, not ${said(agreements)}`);
    const consents = [...agreements.html.matchAll(/name="consent" value="([^"]+)"/g)].map((m) => ['consent', m[1] ?? ''] as [string, string]);
    assert.equal(consents.length, 3);
    const basicInfoRegistration = await pages.submit(agreements, postsTo('/partner/register/consents'), { add: consents });
    assert.equal(new URL(basicInfoRegistration.url).pathname, '/partner/register/basic-info');

    // The company issues the 発注書; the partner finds it on the home page.
    const closingDate = jstDate(new Date());
    const { order } = await lansmart.createOrder({
      partnerId: partner.partnerId,
      title: 'Webサイト改修',
      amountYen: 300_000,
      workPeriod: { from: closingDate.slice(0, 8) + '01', to: closingDate },
      closingDate,
    });
    const orderId = order.orderId;
    const base = `/partner/orders/${orderId}`;
    await eventually(() => inAppOf(partner.partnerId), hasKind('order_created'), 'the in-app 発注書を確認してください', 60_000);
    const openNotification = async (kind: string): Promise<BrowserPage> => {
      const home = await pages.get(`${api}/partner`);
      const action = new RegExp(`action="(/partner/notifications/[^"]+/open)"><input type="hidden" name="csrf" value="[^"]*">\\s*<button[^>]*data-kind="${kind}"`).exec(home.html)?.[1];
      assert.ok(action, `a ${kind} notification on the home page: ${home.html.slice(0, 300)}`);
      return pages.submit(home, postsTo(action));
    };

    // 口座情報: a mistake comes back with what was typed (the flash), then it is saved.
    let page = await openNotification('order_created');
    assert.equal(attributeOf(page, 'data-step'), 'bank-account', said(page));
    const bank = { bankName: 'テスト銀行', branchName: '渋谷支店', accountType: 'ordinary', accountNumber: '12', accountHolderKana: 'ヤマダ ハナコ' };
    page = await pages.submit(page, postsTo(`${base}/bank-account`), { set: bank });
    assert.equal(textOf(page, 'data-field-error="accountNumber"'), '7桁の数字で入力してください');
    assert.match(page.html, /value="渋谷支店"/, 'what was typed stays');
    page = await pages.submit(page, postsTo(`${base}/bank-account`), { set: { ...bank, accountNumber: '1234567' } });
    // 基本情報: the same.
    assert.equal(attributeOf(page, 'data-step'), 'basic-info', said(page));
    const info = { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '12345', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' };
    page = await pages.submit(page, postsTo(`${base}/basic-info`), { set: info });
    assert.equal(textOf(page, 'data-field-error="phone"'), '電話番号は0から始まる10桁または11桁で入力してください');
    assert.match(page.html, /value="東京都渋谷区神宮前1-1-1"/, 'what was typed stays');
    page = await pages.submit(page, postsTo(`${base}/basic-info`), { set: { ...info, phone: '090-1234-5678' } });
    const saved = await platform.getPartner(partner.partnerId);
    assert.equal(saved?.bankAccount?.accountNumber, '1234567');
    assert.equal(saved?.basicInfo?.phone, '090-1234-5678');

    // 発注書の確認 → [承認する] → 最終確認 [実行する].
    assert.equal(textOf(page, 'data-order-number'), order.orderNumber, said(page));
    page = await pages.submit(page, (f) => f.method === 'GET' && f.action.endsWith(`${base}/approve`));
    assert.equal(headingOf(page), '最終確認');
    page = await pages.submit(page, postsTo(`${base}/approve`));
    assert.equal(textOf(page, 'data-result'), '発注書の承認が完了しました', said(page));

    // The company's 業務報告 → 業務内容を追加 twice (a draft kept on the server) → [業務を登録].
    await lansmart.createWorkReport(orderId);
    await eventually(() => inAppOf(partner.partnerId), hasKind('work_report_created'), 'the in-app 業務報告', 60_000);
    page = await openNotification('work_report_created');
    assert.equal(new URL(page.url).pathname, `${base}/report`, said(page));
    const workForm = postsTo(`${base}/report`, (f) => !f.fields.some(([name]) => name === 'index'));
    const entries = [
      { date: order.workPeriod.from, hours: '6', description: 'トップページのコーディング' },
      { date: order.workPeriod.to, hours: '2.5', description: 'レビュー対応' },
    ];
    for (const entry of entries) page = await pages.submit(page, workForm, { set: entry, add: [['op', 'add']] });
    assert.equal(textOf(page, 'data-total-hours'), '合計 8.5時間', 'both entries kept across the APIs');
    page = await pages.submit(page, workForm, { set: { date: '', hours: '', description: '' }, add: [['op', 'register']] });
    assert.equal(textOf(page, 'data-result'), '業務を登録しました', said(page));

    // [請求書を作成する] → items and 立替経費 → [確認する] → [送信] → 請求月 [送信する].
    page = await pages.get(`${api}${base}/invoice`);
    page = await pages.submit(page, postsTo(`${base}/invoice`), { set: { expenseName: '交通費', expenseAmount: '1,200' }, add: [['op', 'confirm']] });
    assert.equal(headingOf(page), '請求書の確認', said(page));
    assert.equal(textOf(page, 'data-total'), '301,200円');
    page = await pages.submit(page, postsTo(`${base}/invoice`), { add: [['op', 'send']] });
    assert.equal(headingOf(page), '請求月の確認', said(page));
    page = await pages.submit(page, postsTo(`${base}/invoice`), { add: [['op', 'submit']] });
    assert.equal(textOf(page, 'data-result'), '請求書を送信しました', said(page));
    const invoiced = await lansmart.order(orderId);
    assert.equal(invoiced.invoice?.totalYen, 301_200);
    assert.equal(invoiced.invoice?.billingMonth, closingDate.slice(0, 7));

    // The Temporal server goes down; the company issues the 支払通知書 meanwhile.
    await stack.temporal.stop();
    let restarted = false;
    try {
      const due = jstDate(new Date(Date.now() + 7 * 86_400_000));
      const issued = await lansmart.issuePaymentNotice(orderId, { approvalDueDate: due });
      assert.ok(issued.order.paymentNotice, 'the 支払通知書 was issued on the platform');
      await stack.temporal.restart();
      restarted = true;
      // The platform sends the event again (its replay); renkei takes it once however often it comes.
      const sent = (await lansmart.events()).filter((e) => e.type === 'payment_notice.issued' && (JSON.parse(e.requestBody) as { orderId?: string }).orderId === orderId);
      assert.ok(sent.length >= 1, 'the platform sent the 支払通知書 event');
      await eventually(
        () => lansmart.replayEvents({ eventIds: [sent[0]?.eventId ?? ''] }),
        (replays) => replays.every((r) => r.status !== null && r.status < 300),
        'the 支払通知書 event accepted after the restart',
        120_000,
      );
    } finally {
      if (!restarted) await stack.temporal.restart();
    }

    // 支払通知書を確認してください → [承認する].
    await eventually(() => inAppOf(partner.partnerId), hasKind('payment_notice_issued'), 'the in-app 支払通知書を確認してください', 120_000);
    page = await openNotification('payment_notice_issued');
    assert.equal(new URL(page.url).pathname, `${base}/payment-notice`, said(page));
    page = await pages.submit(page, postsTo(`${base}/payment-notice`));
    assert.equal(textOf(page, 'data-result'), '支払通知書を承認しました', said(page));

    const ended = await client.workflow.getHandle<typeof orderLifecycleWorkflow>(orderWorkflowId(orderId)).result();
    assert.equal(ended.status, 'closed');
    assert.equal((await lansmart.order(orderId)).paymentNotice?.approvedBy, 'partner');
    const applied = (await lansmart.partnerActions()).filter((a) => a.orderId === orderId && a.status === 200 && !a.replayed).map((a) => a.type);
    assert.deepEqual(applied, ['order.approve', 'work.register', 'invoice.submit', 'payment_notice.approve'], 'each step applied on the platform once');

    // Each notification once per channel: in-app, LINE and the e-mail, with the same title.
    const inApp = await inAppOf(partner.partnerId);
    assert.deepEqual(inApp.map((n) => n.kind), ['friend_registered', 'order_created', 'work_report_created', 'payment_notice_issued']);
    const titles = inApp.map((n) => n.title).sort();
    const subjects = await eventually(
      async () => (await mail.messages({ to: partner.email })).map((m) => m.subject ?? ''),
      (s) => s.length >= inApp.length,
      'the e-mails',
      60_000,
    );
    assert.deepEqual([...subjects].sort(), titles, 'one e-mail per notification');
    const onLine = await eventually(
      async () => (await line.pushes({ to: partner.lineUserId, delivered: true })).flatMap((p) => p.messages.map(summaryOf)),
      (t) => titles.every((title) => t.includes(title)),
      'the LINE messages',
      60_000,
    );
    for (const title of titles) assert.equal(onLine.filter((t) => t === title).length, 1, `「${title}」 once on LINE: ${JSON.stringify(onLine)}`);

    // Both APIs answered pages and form posts, the LINE Login callback among them.
    for (const api of [0, 1]) {
      assert.ok(pages.served.some((s) => s.api === api && s.method === 'POST'), `API ${api + 1} took form posts`);
      assert.ok(pages.served.some((s) => s.api === api && s.method === 'GET'), `API ${api + 1} served pages`);
    }
    assert.ok(pages.served.some((s) => s.path === '/auth/line/callback'), 'the LINE Login callback');
    assert.deepEqual(pages.served.filter((s) => s.status >= 400), [], 'no page refused');
    for (const url of stack.apiUrls) assert.equal((await fetch(`${url}/readyz`)).status, 200);
    for (const w of stack.workers) assert.equal(w.process.exitReason(), undefined, `${w.name} exited`);
  });
});
