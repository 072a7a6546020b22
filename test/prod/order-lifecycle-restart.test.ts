// On the production-shaped stack: an order from the platform's 発注書 to the approved 支払通知書,
// with the Temporal server stopped and started again in the middle of it. The platform emulator
// plays the company and sends its signed events to a compiled API; the partner's steps are the
// workflow updates the partner pages send. The 支払通知書's event is sent while the server is down
// and re-sent once it is back (the platform's replay): nothing is lost, and every notification
// reaches each channel (in-app and e-mail) exactly once (docs/flows/lansmart-line.md).
import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import { orderWorkflowId } from '../../common/ids';
import { partnerActionUpdate } from '../../common/orders/messages';
import { jstDate } from '../../common/orders/schedule';
import type { PartnerAction } from '../../common/orders/types';
import { InAppNotification } from '../../models/inapp-notification';
import type { orderLifecycleWorkflow } from '../../workflows/order-lifecycle';
import { eventually } from '../support/wait';
import { prod } from './hooks';

interface Partner {
  companyId: string;
  partnerId: string;
  email: string;
}

async function seedPartner(): Promise<Partner> {
  const { lansmart, stack } = prod();
  const n = randomInt(1_000_000, 9_999_999);
  const p = { companyId: `c-${n}`, partnerId: `p-${n}`, email: `partner-${n}@partner.example` };
  await lansmart.seed({
    apiKey: stack.secrets.lansmartApiKey,
    companies: [{ companyId: p.companyId, name: `株式会社テスト${n}`, lineOption: false, users: [{ email: `boss-${n}@company.example`, name: '発注 太郎' }] }],
    partners: [
      {
        partnerId: p.partnerId,
        companyId: p.companyId,
        email: p.email,
        name: '山田 花子',
        invitationToken: `inv-${n}`,
        basicInfo: { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' },
        bankAccount: { bankName: 'テスト銀行', branchName: '本店', accountType: 'ordinary', accountNumber: '1234567', accountHolderKana: 'ヤマダ ハナコ' },
      },
    ],
  });
  return p;
}

async function inAppKinds(partnerId: string): Promise<Array<{ kind: string; title: string }>> {
  return (await InAppNotification.find({ partnerId }).sort({ createdAt: 1 }).lean()).map((d) => ({ kind: d.kind, title: d.title }));
}

const hasKind = (kind: string) => (list: Array<{ kind: string }>) => list.some((n) => n.kind === kind);

describe('production-shaped stack: an order survives a Temporal server restart', function () {
  it('発注書 → 承認 → 業務報告 → 請求書 → (server down: 支払通知書) → 承認, every step and notification once', async () => {
    const { client, lansmart, mail, stack } = prod();
    const partner = await seedPartner();
    const closingDate = jstDate(new Date());
    const { order } = await lansmart.createOrder({
      partnerId: partner.partnerId,
      title: 'Webサイト改修',
      amountYen: 300_000,
      workPeriod: { from: closingDate.slice(0, 8) + '01', to: closingDate },
      closingDate,
    });
    const orderId = order.orderId;
    const handle = client.workflow.getHandle<typeof orderLifecycleWorkflow>(orderWorkflowId(orderId));
    const act = (action: PartnerAction, updateId: string): Promise<unknown> =>
      handle.executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action }], updateId });
    await eventually(() => inAppKinds(partner.partnerId), hasKind('order_created'), 'the in-app 発注書を確認してください', 60_000);

    await act({ type: 'order.approve', checks: { bankAccount: true, basicInfo: true, confirmed: true } }, `approve-${orderId}`);
    await lansmart.createWorkReport(orderId);
    await eventually(() => inAppKinds(partner.partnerId), hasKind('work_report_created'), 'the in-app 業務報告', 60_000);
    const day = (await lansmart.order(orderId)).workPeriod.from;
    await act({ type: 'work.register', entries: [{ date: day, hours: 8, description: 'デザイン修正' }] }, `work-${orderId}`);
    await act({ type: 'invoice.submit', billingMonth: day.slice(0, 7), items: [{ name: 'Webサイト改修', amountYen: 300_000 }], expenses: [{ name: '交通費', amountYen: 1_200 }] }, `invoice-${orderId}`);

    // The Temporal server goes down; the company issues the 支払通知書 meanwhile.
    await stack.temporal.stop();
    let restarted = false;
    try {
      const due = jstDate(new Date(Date.now() + 7 * 86_400_000));
      const issued = await lansmart.issuePaymentNotice(orderId, { approvalDueDate: due });
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
      assert.ok(issued.order.paymentNotice, 'the 支払通知書 was issued on the platform');
    } finally {
      if (!restarted) await stack.temporal.restart();
    }
    await eventually(() => inAppKinds(partner.partnerId), hasKind('payment_notice_issued'), 'the in-app 支払通知書を確認してください', 120_000);
    await act({ type: 'payment_notice.approve' }, `pn-approve-${orderId}`);

    const ended = await handle.result();
    assert.equal(ended.status, 'closed');
    const onPlatform = await lansmart.order(orderId);
    assert.equal(onPlatform.paymentNotice?.approvedBy, 'partner');
    const applied = (await lansmart.partnerActions()).filter((a) => a.orderId === orderId && a.status === 200 && !a.replayed).map((a) => a.type);
    assert.deepEqual(applied, ['order.approve', 'work.register', 'invoice.submit', 'payment_notice.approve'], 'each step applied on the platform once');

    // Each notification once per channel: in-app, and the e-mail with the same title.
    const inApp = await inAppKinds(partner.partnerId);
    assert.deepEqual(inApp.map((n) => n.kind), ['order_created', 'work_report_created', 'payment_notice_issued']);
    const subjects = await eventually(
      async () => (await mail.messages({ to: partner.email })).map((m) => m.subject ?? ''),
      (s) => s.length >= inApp.length,
      'the e-mails',
      60_000,
    );
    assert.deepEqual([...subjects].sort(), inApp.map((n) => n.title).sort(), 'one e-mail per notification');
    for (const url of stack.apiUrls) assert.equal((await fetch(`${url}/readyz`)).status, 200);
    for (const w of stack.workers) assert.equal(w.process.exitReason(), undefined, `${w.name} exited`);
  });
});
