// The Lansmart platform emulator's API for renkei: the API key, invitations, users by e-mail,
// partners' 基本情報 and 口座情報, and partner actions on an order (idempotency, the status
// machine's 409s, another partner's 403).

import { strict as assert } from 'node:assert';
import { type Order, type PartnerActionRequest } from '../../emulators/lansmart';
import { useLansmartEmulator } from '../support/emulator-suite';

const API_KEY = 'lansmart-test-key';

const BASIC_INFO = { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' };
const BANK_ACCOUNT = { bankName: 'みずほ銀行', branchName: '渋谷支店', accountType: 'ordinary', accountNumber: '1234567', accountHolderKana: 'ヤマダ ハナコ' } as const;

interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

describe('Lansmart platform emulator API', () => {
  const lansmart = useLansmartEmulator();

  const api = async (method: string, path: string, options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {}): Promise<ApiAnswer> => {
    const key = options.key === undefined ? API_KEY : options.key;
    const response = await fetch(`${lansmart.url}/api/v1${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };

  const act = (orderId: string, key: string | undefined, action: PartnerActionRequest): Promise<ApiAnswer> =>
    api('POST', `/orders/${orderId}/partner-actions`, { body: action, headers: key === undefined ? {} : { 'Idempotency-Key': key } });

  const errorCode = (answer: ApiAnswer): unknown => (answer.body as { error?: { code?: unknown } } | null)?.error?.code;
  const orderOf = (answer: ApiAnswer): Order => (answer.body as { order: Order }).order;

  const newOrder = async (orderId: string, partnerId = 'p-registered'): Promise<void> => {
    await lansmart.control.createOrder({ orderId, partnerId, title: 'LP制作', amountYen: 300_000, workPeriod: { from: '2026-01-01', to: '2026-01-31' }, closingDate: '2026-01-31' });
  };

  beforeEach(async () => {
    await lansmart.control.seed({
      apiKey: API_KEY,
      companies: [
        { companyId: 'c-sample', name: '株式会社サンプル', lineOption: true, users: [{ email: 'Boss@Sample.example', name: '発注 太郎' }] },
        { companyId: 'c-other', name: '株式会社アザー', lineOption: false },
      ],
      partners: [
        { partnerId: 'p-invited', companyId: 'c-sample', email: 'Hanako@Partner.example', invitationToken: 'inv-hanako' },
        { partnerId: 'p-registered', companyId: 'c-sample', email: 'jiro@partner.example', name: '鈴木 次郎', basicInfo: BASIC_INFO, bankAccount: BANK_ACCOUNT },
        { partnerId: 'p-elsewhere', companyId: 'c-other', email: 'hanako@partner.example', invitationToken: 'inv-other' },
      ],
    });
  });

  it('refuses every API call without the seeded API key', async () => {
    for (const key of [null, 'wrong-key']) {
      const answer = await api('GET', '/partners/p-invited', { key });
      assert.equal(answer.status, 401);
      assert.equal(errorCode(answer), 'UNAUTHORIZED');
    }
    const action = await api('POST', '/orders/any/partner-actions', { key: null, body: { type: 'order.approve', partnerId: 'p-invited' } });
    assert.equal(action.status, 401);
    assert.deepEqual(await lansmart.control.partnerActions(), [], 'an unauthenticated action reaches nothing');
    assert.equal((await api('GET', '/partners/p-invited')).status, 200);
  });

  it('looks up invitations and who an e-mail address belongs to, case-insensitively', async () => {
    const invitation = await api('GET', '/invitations/inv-hanako');
    assert.equal(invitation.status, 200);
    assert.deepEqual(invitation.body, { partnerId: 'p-invited', companyId: 'c-sample', companyName: '株式会社サンプル', email: 'Hanako@Partner.example', status: 'pending' });
    assert.equal((await api('GET', '/invitations/unknown')).status, 404);

    const hanako = await api('GET', `/users?email=${encodeURIComponent('HANAKO@partner.EXAMPLE')}`);
    assert.deepEqual(hanako.body, {
      users: [
        { kind: 'partner', partnerId: 'p-invited', companyId: 'c-sample' },
        { kind: 'partner', partnerId: 'p-elsewhere', companyId: 'c-other' },
      ],
    });
    const boss = await api('GET', '/users?email=boss@sample.example');
    assert.deepEqual(boss.body, { users: [{ kind: 'company_user', companyId: 'c-sample', name: '発注 太郎' }] });
    assert.deepEqual((await api('GET', '/users?email=nobody@example.com')).body, { users: [] });
    assert.equal((await api('GET', '/users')).status, 400);
  });

  it('shows a partner with the LINE option of their company', async () => {
    const registered = await api('GET', '/partners/p-registered');
    assert.deepEqual(registered.body, {
      partnerId: 'p-registered',
      companyId: 'c-sample',
      companyName: '株式会社サンプル',
      email: 'jiro@partner.example',
      name: '鈴木 次郎',
      lineOption: true,
      registered: true,
      basicInfo: BASIC_INFO,
      bankAccount: BANK_ACCOUNT,
    });
    const elsewhere = (await api('GET', '/partners/p-elsewhere')).body as { lineOption: boolean; registered: boolean; basicInfo: unknown };
    assert.equal(elsewhere.lineOption, false);
    assert.equal(elsewhere.registered, false);
    assert.equal(elsewhere.basicInfo, null);
    assert.equal((await api('GET', '/partners/p-unknown')).status, 404);
  });

  it('registers 基本情報 (accepting the invitation) and 口座情報, refusing bad fields by name', async () => {
    const bad = await api('PUT', '/partners/p-invited/basic-info', { body: { ...BASIC_INFO, nameKana: 'やまだ', postalCode: '15-0001', address: '' } });
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'VALIDATION_ERROR');
    const fields = (bad.body as { error: { fields: { field: string }[] } }).error.fields.map((entry) => entry.field).sort();
    assert.deepEqual(fields, ['address', 'nameKana', 'postalCode']);
    assert.equal(((await api('GET', '/invitations/inv-hanako')).body as { status: string }).status, 'pending');

    const saved = await api('PUT', '/partners/p-invited/basic-info', { body: BASIC_INFO });
    assert.equal(saved.status, 200);
    assert.equal((saved.body as { registered: boolean }).registered, true);
    assert.equal((saved.body as { name: string }).name, '山田 花子');
    assert.equal(((await api('GET', '/invitations/inv-hanako')).body as { status: string }).status, 'accepted');

    const badAccount = await api('PUT', '/partners/p-invited/bank-account', { body: { ...BANK_ACCOUNT, accountNumber: '12345', accountType: 'savings' } });
    assert.equal(badAccount.status, 400);
    const accountFields = (badAccount.body as { error: { fields: { field: string }[] } }).error.fields.map((entry) => entry.field).sort();
    assert.deepEqual(accountFields, ['accountNumber', 'accountType']);
    const account = await api('PUT', '/partners/p-invited/bank-account', { body: { ...BANK_ACCOUNT, accountType: 'checking' } });
    assert.equal(account.status, 200);
    assert.deepEqual((account.body as { bankAccount: unknown }).bankAccount, { ...BANK_ACCOUNT, accountType: 'checking' });
  });

  it('walks an order through the whole status machine with partner actions and company steps', async () => {
    await newOrder('ord-1');
    assert.equal(orderOf(await act('ord-1', 'a1', { type: 'order.approve', partnerId: 'p-registered' })).status, 'approved');
    await lansmart.control.createWorkReport('ord-1');
    const registered = await act('ord-1', 'a2', {
      type: 'work.register',
      partnerId: 'p-registered',
      payload: { entries: [{ date: '2026-01-05', hours: 6.5, description: 'ワイヤーフレーム作成' }] },
    });
    assert.equal(orderOf(registered).status, 'work_registered');
    const invoiced = await act('ord-1', 'a3', {
      type: 'invoice.submit',
      partnerId: 'p-registered',
      payload: { billingMonth: '2026-01', items: [{ name: 'LP制作', amountYen: 300_000 }], expenses: [{ name: '交通費', amountYen: 1_200 }] },
    });
    assert.equal(orderOf(invoiced).status, 'invoiced');
    assert.equal(orderOf(invoiced).invoice?.totalYen, 301_200);

    await lansmart.control.remandInvoice('ord-1', { reason: '交通費の領収書を添付してください' });
    const resubmitted = orderOf(
      await act('ord-1', 'a4', { type: 'invoice.submit', partnerId: 'p-registered', payload: { billingMonth: '2026-01', items: [{ name: 'LP制作', amountYen: 300_000 }], expenses: [] } }),
    );
    assert.equal(resubmitted.status, 'invoiced');
    assert.equal(resubmitted.invoice?.revision, 2);
    assert.equal(resubmitted.invoice?.invoiceId, orderOf(invoiced).invoice?.invoiceId);
    assert.deepEqual(resubmitted.invoice?.remands.map((remand) => remand.reason), ['交通費の領収書を添付してください']);

    await lansmart.control.issuePaymentNotice('ord-1', { approvalDueDate: '2026-02-10' });
    const approved = orderOf(await act('ord-1', 'a5', { type: 'payment_notice.approve', partnerId: 'p-registered' }));
    assert.equal(approved.status, 'payment_approved');
    assert.equal(approved.paymentNotice?.amountYen, 300_000);
    assert.equal(approved.paymentNotice?.approvedBy, 'partner');

    const view = (await api('GET', '/orders/ord-1')).body as Order;
    assert.deepEqual(
      view.history.map((entry) => `${entry.by}:${entry.transition}→${entry.status}`),
      [
        'company:order.create→ordered',
        'partner:order.approve→approved',
        'company:work_report.create→reporting',
        'partner:work.register→work_registered',
        'partner:invoice.submit→invoiced',
        'company:invoice.remand→remanded',
        'partner:invoice.submit→invoiced',
        'company:payment_notice.issue→payment_notice_issued',
        'partner:payment_notice.approve→payment_approved',
      ],
    );
    assert.deepEqual(view.workEntries, [{ date: '2026-01-05', hours: 6.5, description: 'ワイヤーフレーム作成' }]);
    assert.equal((await api('GET', '/orders/ord-unknown')).status, 404);
  });

  it('answers a repeated Idempotency-Key with the first answer and applies the action once', async () => {
    await newOrder('ord-2');
    const first = await act('ord-2', 'approve-ord-2', { type: 'order.approve', partnerId: 'p-registered' });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    await lansmart.control.createWorkReport('ord-2');

    const again = await act('ord-2', 'approve-ord-2', { type: 'order.approve', partnerId: 'p-registered' });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal(orderOf(again).status, 'approved', 'the replay is the first answer, not the order now');

    const reused = await act('ord-2', 'approve-ord-2', { type: 'payment_notice.approve', partnerId: 'p-registered' });
    assert.equal(reused.status, 422);
    assert.equal(errorCode(reused), 'IDEMPOTENCY_KEY_REUSED');

    const missing = await act('ord-2', undefined, { type: 'order.approve', partnerId: 'p-registered' });
    assert.equal(missing.status, 400);
    assert.equal(errorCode(missing), 'IDEMPOTENCY_KEY_REQUIRED');

    const actions = await lansmart.control.partnerActions();
    assert.deepEqual(
      actions.map((entry) => [entry.idempotencyKey, entry.status, entry.replayed]),
      [
        ['approve-ord-2', 200, false],
        ['approve-ord-2', 200, true],
        ['approve-ord-2', 422, false],
        [null, 400, false],
      ],
    );
    assert.equal(actions[1]?.actionId, (first.body as { actionId: string }).actionId);
    const order = await lansmart.control.order('ord-2');
    assert.equal(order.history.filter((entry) => entry.transition === 'order.approve').length, 1);
  });

  it('refuses an action the status does not allow (409) and another partner (403), and lets a refused key be retried', async () => {
    await newOrder('ord-3');
    const tooEarly = await act('ord-3', 'early', { type: 'invoice.submit', partnerId: 'p-registered', payload: { billingMonth: '2026-01', items: [{ name: '作業', amountYen: 1 }], expenses: [] } });
    assert.equal(tooEarly.status, 409);
    assert.deepEqual(errorCode(tooEarly), 'INVALID_STATE');
    assert.equal((tooEarly.body as { error: { status: string } }).error.status, 'ordered');

    const stranger = await act('ord-3', 'stranger', { type: 'order.approve', partnerId: 'p-invited' });
    assert.equal(stranger.status, 403);

    await act('ord-3', 'approve-1', { type: 'order.approve', partnerId: 'p-registered' });
    const twice = await act('ord-3', 'approve-2', { type: 'order.approve', partnerId: 'p-registered' });
    assert.equal(twice.status, 409);
    assert.equal(errorCode(twice), 'INVALID_STATE');

    await lansmart.control.createWorkReport('ord-3');
    const entries = { entries: [{ date: '2026-01-06', hours: 2, description: '打ち合わせ' }] };
    const invalidPayload = await act('ord-3', 'work', { type: 'work.register', partnerId: 'p-registered', payload: { entries: [] } });
    assert.equal(invalidPayload.status, 400);
    assert.equal(errorCode(invalidPayload), 'VALIDATION_ERROR');
    assert.equal(invalidPayload.headers.get('idempotent-replayed'), null);
    const retried = await act('ord-3', 'work', { type: 'work.register', partnerId: 'p-registered', payload: entries });
    assert.equal(retried.status, 200);

    await lansmart.control.cancelOrder('ord-3', { reason: '案件中止' });
    const afterCancel = await act('ord-3', 'invoice', { type: 'invoice.submit', partnerId: 'p-registered', payload: { billingMonth: '2026-01', items: [{ name: '作業', amountYen: 1 }], expenses: [] } });
    assert.equal(afterCancel.status, 409);
    assert.equal((afterCancel.body as { error: { status: string } }).error.status, 'cancelled');
  });

  it('records an approval on the partner’s behalf, and the platform’s own 期日超過承認', async () => {
    for (const orderId of ['ord-4', 'ord-5']) {
      await newOrder(orderId);
      await act(orderId, `${orderId}-a`, { type: 'order.approve', partnerId: 'p-registered' });
      await lansmart.control.createWorkReport(orderId);
      await act(orderId, `${orderId}-w`, { type: 'work.register', partnerId: 'p-registered', payload: { entries: [{ date: '2026-01-07', hours: 1, description: '作業' }] } });
      await act(orderId, `${orderId}-i`, { type: 'invoice.submit', partnerId: 'p-registered', payload: { billingMonth: '2026-01', items: [{ name: '作業', amountYen: 5_000 }], expenses: [] } });
      await lansmart.control.issuePaymentNotice(orderId, { approvalDueDate: '2026-02-10', amountYen: 4_500 });
    }
    const onBehalf = orderOf(await act('ord-4', 'ord-4-p', { type: 'payment_notice.approve', partnerId: 'p-registered', payload: { onBehalfOfPartner: true } }));
    assert.equal(onBehalf.status, 'payment_approved');
    assert.equal(onBehalf.paymentNotice?.approvedBy, 'overdue');
    assert.equal(onBehalf.paymentNotice?.amountYen, 4_500);

    const platform = await lansmart.control.approveOverdue('ord-5');
    assert.equal(platform.order.status, 'payment_approved');
    assert.equal(platform.order.paymentNotice?.approvedBy, 'overdue');
    const late = await act('ord-5', 'ord-5-p', { type: 'payment_notice.approve', partnerId: 'p-registered' });
    assert.equal(late.status, 409);
    assert.equal((late.body as { error: { status: string } }).error.status, 'payment_approved');
  });

  it('can require 基本情報 and 口座情報 before an order is approved', async () => {
    await lansmart.control.seed({ requirePartnerInfoForApproval: true });
    await lansmart.control.createOrder({ orderId: 'ord-6', partnerId: 'p-invited', title: '記事執筆', amountYen: 50_000, workPeriod: { from: '2026-02-01', to: '2026-02-28' }, closingDate: '2026-02-28' });
    const refused = await act('ord-6', 'x1', { type: 'order.approve', partnerId: 'p-invited' });
    assert.equal(refused.status, 409);
    assert.equal(errorCode(refused), 'PARTNER_INFO_REQUIRED');
    assert.deepEqual((refused.body as { error: { missing: string[] } }).error.missing, ['basicInfo', 'bankAccount']);
    await api('PUT', '/partners/p-invited/basic-info', { body: BASIC_INFO });
    await api('PUT', '/partners/p-invited/bank-account', { body: BANK_ACCOUNT });
    assert.equal((await act('ord-6', 'x1', { type: 'order.approve', partnerId: 'p-invited' })).status, 200);
  });
});
