// [承認する] on the order notification in LINE, through the real signed postback webhook, under the
// order page's rule: the tap asks the final check (最終確認) in the talk room, and [実行する] on it
// becomes the partner's approval (the order workflow's update, reported once to the platform) and
// the talk room says so; a partner without 口座情報 is told so with a link and nothing is approved;
// a second tap, two taps at once, a stale tap on an order approved on the web, and a tap on an
// order that has ended each get a clear answer in the talk room and change nothing.
import { strict as assert } from 'node:assert';
import { orderWorkflowId } from '../../common/ids';
import { orderStatusQuery, partnerActionUpdate } from '../../common/orders/messages';
import { orderApproveExecutePostback, orderApprovePostback } from '../../common/partners/postbacks';
import type { Order } from '../../emulators/lansmart/order';
import { approveConfirmReply, missingInfoReply, staleTapReply } from '../../api/lansmart/line-replies';
import type { orderLifecycleWorkflow } from '../../workflows/order-lifecycle';
import { useTestApi } from '../support/api-per-test';
import { lineTitlesTo, linkPartnerLine, pushesTo, seedLineUser, titleOf, webhookOutcomes } from '../support/line-partners';
import { CHECKED_APPROVAL, createPlatformOrder, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const ORDER = '発注書を確認してください';
const ALREADY = staleTapReply('already_done');
const CLOSED = staleTapReply('order_closed');

describe('[承認する] postback from the LINE order notification', function () {
  this.timeout(180_000);
  const run = useTestApi('line-postback');
  let partner: SeededPartner;
  let lineUserId: string;

  beforeEach(async () => {
    partner = await seedPartner({ lineOption: true });
    await seedLineUser(partner);
  });

  const approvedReply = (order: Order): string => `発注書 ${order.orderNumber} を承認しました。`;
  const statusOf = async (orderId: string): Promise<string> => (await stack().env.client.workflow.getHandle(orderWorkflowId(orderId)).query(orderStatusQuery)).status;
  const approvalsOf = async (orderId: string) => (await stack().lansmart.partnerActions()).filter((a) => a.orderId === orderId && a.type === 'order.approve' && a.status < 300 && !a.replayed);
  const tapData = async (data: string, displayText: string) => {
    const outcome = await stack().line.tapPostback(lineUserId, { data, displayText });
    assert.equal(outcome.delivery?.status, 200);
    return webhookOutcomes(outcome.delivery);
  };
  /** [承認する] on the order message: the final check is asked. */
  const tapApprove = (orderId: string) => tapData(orderApprovePostback(orderId), '承認する');
  /** [実行する] on the final check: the approval. */
  const tap = (orderId: string) => tapData(orderApproveExecutePostback(orderId), '実行する');
  const confirmTitle = (order: Order): string => titleOf(approveConfirmReply(order, '', ''));
  const count = (xs: string[], x: string): number => xs.filter((y) => y === x).length;
  /** An order whose notification (with its [承認する] button) has reached LINE. */
  const notifiedOrder = async (): Promise<Order> => {
    const before = count(await lineTitlesTo(lineUserId), ORDER);
    const order = await createPlatformOrder(partner, Date.now());
    await eventually(() => lineTitlesTo(lineUserId), (t) => count(t, ORDER) === before + 1, 'the order on LINE');
    return order;
  };

  it('approves the order from a tap once, answers every later tap clearly and changes nothing', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      ({ lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner));

      // The order notification carries [承認する] with the order's postback.
      const order = await notifiedOrder();
      const pushed = (await pushesTo(lineUserId)).flatMap((p) => p.messages).find((m) => m.type === 'template' && m.altText === ORDER);
      assert.ok(pushed?.type === 'template' && pushed.template.type === 'buttons');
      assert.deepEqual(
        pushed.template.actions.filter((a) => a.type === 'postback').map((a) => a.type === 'postback' && a.data),
        [orderApprovePostback(order.orderId)],
      );

      // [承認する] asks the final check in the talk room, with [実行する]; nothing is approved yet.
      assert.deepEqual(await tapApprove(order.orderId), ['confirmation_asked']);
      const check = (await pushesTo(lineUserId)).flatMap((p) => p.messages).find((m) => m.type === 'template' && m.altText === confirmTitle(order));
      assert.ok(check?.type === 'template' && check.template.type !== 'carousel' && check.template.type !== 'image_carousel');
      assert.deepEqual(
        check.template.actions.map((a) => (a.type === 'postback' ? `${a.label}:${a.data}` : a.label)),
        [`実行する:${orderApproveExecutePostback(order.orderId)}`, '発注書を見る'],
      );
      assert.equal(await statusOf(order.orderId), 'ordered');
      assert.equal((await approvalsOf(order.orderId)).length, 0);

      // [実行する] is the approval: the order is approved, the platform told once, the talk room says so.
      assert.deepEqual(await tap(order.orderId), ['applied']);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(approvedReply(order)), 'the approval confirmed on LINE');
      assert.equal(await statusOf(order.orderId), 'approved');
      assert.equal((await approvalsOf(order.orderId)).length, 1);
      assert.equal((await s.lansmart.order(order.orderId)).status, 'approved');

      // The same button again: already approved, said so; nothing reported again.
      assert.deepEqual(await tap(order.orderId), ['refused']);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(ALREADY), 'the answer to a second tap');
      assert.equal(await statusOf(order.orderId), 'approved');
      assert.equal((await approvalsOf(order.orderId)).length, 1);
      assert.equal(count(await lineTitlesTo(lineUserId), approvedReply(order)), 1);
    });
  });

  it('answers a tap by a partner without 口座情報 with what is missing and a link to it, and approves nothing', async () => {
    const s = stack();
    partner = await seedPartner({ lineOption: true, registered: false });
    await seedLineUser(partner);
    await withWorker(run.taskQueue, async () => {
      ({ lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner));
      const order = await notifiedOrder();
      const missing = missingInfoReply('bank_account', '');
      for (const tapped of [tapApprove, tap]) {
        const before = count(await lineTitlesTo(lineUserId), titleOf(missing));
        assert.deepEqual(await tapped(order.orderId), ['refused']);
        await eventually(() => lineTitlesTo(lineUserId), (t) => count(t, titleOf(missing)) === before + 1, 'what is missing, on LINE');
      }
      const said = (await pushesTo(lineUserId)).flatMap((p) => p.messages).find((m) => m.type === 'template' && m.altText === titleOf(missing));
      assert.ok(said?.type === 'template' && said.template.type !== 'carousel' && said.template.type !== 'image_carousel');
      assert.deepEqual(said.template.actions.map((a) => (a.type === 'uri' ? `${a.label}:${new URL(a.uri).pathname}` : a.type)), [`口座情報を登録する:/partner/orders/${order.orderId}`]);
      assert.equal(await statusOf(order.orderId), 'ordered');
      assert.equal((await approvalsOf(order.orderId)).length, 0);
      assert.equal((await s.lansmart.order(order.orderId)).status, 'ordered');
      assert.equal(count(await lineTitlesTo(lineUserId), confirmTitle(order)), 0);
    });
  });

  it('answers two taps at once with one approval and one "already approved"', async () => {
    await withWorker(run.taskQueue, async () => {
      ({ lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner));
      const order = await notifiedOrder();
      const outcomes = (await Promise.all([tap(order.orderId), tap(order.orderId)])).flat();
      assert.equal(outcomes.length, 2);
      await eventually(
        () => lineTitlesTo(lineUserId),
        (t) => count(t, approvedReply(order)) === 1 && count(t, ALREADY) === 1,
        'one confirmation and one "already approved" on LINE',
      );
      assert.equal(await statusOf(order.orderId), 'approved');
      assert.equal((await approvalsOf(order.orderId)).length, 1);
      await new Promise((r) => setTimeout(r, 1000));
      const titles = await lineTitlesTo(lineUserId);
      assert.equal(count(titles, approvedReply(order)), 1);
      assert.equal(count(titles, ALREADY), 1);
    });
  });

  it('answers a stale tap on an order approved on the web, and a tap on an order that has ended, without changing them', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      ({ lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner));

      // Approved on the web page meanwhile: the LINE button is stale.
      const onWeb = await notifiedOrder();
      await s.env.client.workflow
        .getHandle(orderWorkflowId(onWeb.orderId))
        .executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action: CHECKED_APPROVAL }], updateId: `web-${onWeb.orderId}` });
      assert.deepEqual(await tap(onWeb.orderId), ['refused']);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(ALREADY), 'the answer to a stale tap');
      assert.equal(await statusOf(onWeb.orderId), 'approved');
      assert.equal((await approvalsOf(onWeb.orderId)).length, 1, 'only the web approval reached the platform');
      assert.equal(count(await lineTitlesTo(lineUserId), approvedReply(onWeb)), 0);

      // Cancelled by the company: the order's workflow has ended; the tap cannot approve it.
      const cancelled = await notifiedOrder();
      assert.equal((await s.lansmart.cancelOrder(cancelled.orderId, { reason: '案件中止' })).delivery.status, 202);
      const ended = await s.env.client.workflow.getHandle<typeof orderLifecycleWorkflow>(orderWorkflowId(cancelled.orderId)).result();
      assert.equal(ended.status, 'cancelled');
      assert.deepEqual(await tap(cancelled.orderId), ['refused']);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(CLOSED), 'the answer to a tap on an ended order');
      assert.equal((await approvalsOf(cancelled.orderId)).length, 0);
      assert.equal((await s.lansmart.order(cancelled.orderId)).status, 'cancelled');
      await new Promise((r) => setTimeout(r, 1000));
      const titles = await lineTitlesTo(lineUserId);
      assert.equal(count(titles, ALREADY), 1);
      assert.equal(count(titles, CLOSED), 1);
    });
  });
});
