// A linked partner's LINE side changing under renkei, through the real signed webhook and the
// platform's real events: blocking the Official Account (unfollow) moves the next notifications to
// e-mail and in-app only, each skipped LINE send logged with its reason, and unblocking (follow with
// isUnblocked) brings LINE back without a second 友だち登録完了; 連動の解除 in LINE (no webhook) is
// learnt when LINE refuses the partner's tokens at the next delivery, ends the LINE link, skips LINE
// from then on, and the partner can link again.
import { strict as assert } from 'node:assert';
import { lineLinkWorkflowId, orderWorkflowId } from '../../common/ids';
import { partnerActionUpdate } from '../../common/orders/messages';
import { lineLinkStatusQuery } from '../../common/partners/messages';
import type { LineLinkState } from '../../common/partners/types';
import { PartnerLineToken } from '../../models/partner-line-token';
import type { lineLinkWorkflow } from '../../workflows/line-link';
import { useTestApi } from '../support/api-per-test';
import { lineDeliveriesOf, lineTitlesTo, linkPartnerLine, partnerLineOf, pushesTo, seedLineUser, webhookOutcomes } from '../support/line-partners';
import { CHECKED_APPROVAL, createPlatformOrder, inAppOf, mailSubjectsTo, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const FRIEND = '友だち登録完了';
const ORDER = '発注書を確認してください';
const REPORT = '業務報告が作成されました';

describe('LINE block, unblock and 連動の解除 of a linked partner', function () {
  this.timeout(180_000);
  const run = useTestApi('line-state');
  let partner: SeededPartner;

  beforeEach(async () => {
    partner = await seedPartner({ lineOption: true });
    await seedLineUser(partner);
  });

  const approve = (orderId: string) =>
    stack()
      .env.client.workflow.getHandle(orderWorkflowId(orderId))
      .executeUpdate(partnerActionUpdate, { args: [{ partnerId: partner.partnerId, via: 'web', action: CHECKED_APPROVAL }], updateId: `approve-${orderId}` });
  const newOrder = async (): Promise<string> => (await createPlatformOrder(partner, Date.now())).orderId;
  const count = (xs: string[], x: string): number => xs.filter((y) => y === x).length;
  /** Waits until the notification reached in-app and e-mail (the two channels that always run). */
  const reachedInAppAndMail = async (kind: string, subject: string, n: number): Promise<void> => {
    await eventually(() => inAppOf(partner.partnerId), (xs) => xs.filter((x) => x.kind === kind).length >= n, `${n} in-app ${kind}`);
    await eventually(() => mailSubjectsTo(partner.email), (xs) => count(xs, subject) >= n, `${n} e-mail ${subject}`);
  };
  const lineSettled = (workflowId: string, n: number) =>
    eventually(() => lineDeliveriesOf(workflowId), (ds) => ds.length >= n && ds.every((d) => d.status === 'sent' || d.status === 'skipped'), `${n} settled LINE deliveries of ${workflowId}`);

  it('sends by e-mail and in-app only while the partner blocks the account, logs each skipped LINE send, and resumes LINE after unblocking without a second 友だち登録完了', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      const { lineUserId, status, alreadyLinked } = await linkPartnerLine(run.api, run.taskQueue, partner);
      assert.equal(status, 'linked');
      assert.equal(alreadyLinked, false);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(FRIEND), '友だち登録完了 on LINE');

      const first = await newOrder();
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(ORDER), 'the order on LINE');
      await approve(first);

      // ブロック: the emulator sends the signed unfollow webhook to renkei.
      const blocked = await s.line.block(lineUserId);
      assert.equal(blocked.delivery?.status, 200);
      assert.deepEqual(webhookOutcomes(blocked.delivery), ['applied']);
      await eventually(() => partnerLineOf(partner.partnerId), (l) => l?.blocked === true, 'the partner to be marked blocking');
      const pushesBefore = (await pushesTo(lineUserId, undefined)).length;

      // While blocked: 業務報告 of the first order and a new order reach e-mail and in-app only.
      assert.equal((await s.lansmart.createWorkReport(first)).delivery.status, 202);
      const second = await newOrder();
      await reachedInAppAndMail('work_report_created', REPORT, 1);
      await reachedInAppAndMail('order_created', ORDER, 2);
      const skippedFirst = await lineSettled(orderWorkflowId(first), 2);
      const skippedSecond = await lineSettled(orderWorkflowId(second), 1);
      assert.deepEqual(
        skippedFirst.map((d) => [d.key.split(':')[2], d.status, d.skipReason]),
        [
          ['order_created', 'sent', null],
          ['work_report_created', 'skipped', 'blocked'],
        ],
      );
      assert.deepEqual(skippedSecond.map((d) => [d.key.split(':')[2], d.status, d.skipReason]), [['order_created', 'skipped', 'blocked']]);
      assert.equal((await pushesTo(lineUserId, undefined)).length, pushesBefore, 'nothing pushed to a blocking partner');

      // ブロック解除: follow with isUnblocked — LINE again, and no second 友だち登録完了.
      const unblocked = await s.line.unblock(lineUserId);
      assert.deepEqual(webhookOutcomes(unblocked.delivery), ['applied']);
      await eventually(() => partnerLineOf(partner.partnerId), (l) => l?.blocked === false, 'the partner to be unblocked');
      const third = await newOrder();
      await eventually(() => lineTitlesTo(lineUserId), (t) => count(t, ORDER) === 2, 'the third order on LINE');
      assert.deepEqual((await lineSettled(orderWorkflowId(third), 1)).map((d) => [d.status, d.skipReason]), [['sent', null]]);
      await reachedInAppAndMail('order_created', ORDER, 3);

      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(await lineTitlesTo(lineUserId), [FRIEND, ORDER, ORDER]);
      assert.equal((await inAppOf(partner.partnerId, 'friend_registered')).length, 1);
      assert.equal(count(await mailSubjectsTo(partner.email), FRIEND), 1);
      const state = await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).query(lineLinkStatusQuery);
      assert.equal(state.status, 'linked');
      assert.equal(state.blocked, false);
      assert.equal(state.friend, true);
    });
  });

  it('learns of 連動の解除 when LINE refuses the tokens at the next delivery, ends the link, skips LINE with the reason, and lets the partner link again', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      const { lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(FRIEND), '友だち登録完了 on LINE');
      const firstRun = await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).describe();

      // 連動の解除 in LINE's settings: no webhook; LINE just refuses the app's tokens from now on.
      const unlinked = await s.line.unlinkApp(lineUserId);
      assert.ok(unlinked.revokedAccessTokens >= 1);
      const pushesBefore = (await pushesTo(lineUserId, undefined)).length;

      const first = await newOrder();
      await reachedInAppAndMail('order_created', ORDER, 1);
      assert.deepEqual((await lineSettled(orderWorkflowId(first), 1)).map((d) => [d.status, d.skipReason]), [['skipped', 'line_unlinked']]);
      // The LINE link ended with the reason, and its workflow finished.
      const ended: LineLinkState = await s.env.client.workflow.getHandle<typeof lineLinkWorkflow>(lineLinkWorkflowId(partner.partnerId), firstRun.runId).result();
      assert.equal(ended.status, 'unlinked');
      assert.equal(ended.unlinkReason, 'app_unlinked');
      assert.equal((await partnerLineOf(partner.partnerId))?.status, 'unlinked');
      assert.equal((await PartnerLineToken.findById(partner.partnerId).lean())?.status, 'refused');

      // The next notification skips LINE too (without asking LINE again).
      const second = await newOrder();
      await reachedInAppAndMail('order_created', ORDER, 2);
      assert.deepEqual((await lineSettled(orderWorkflowId(second), 1)).map((d) => [d.status, d.skipReason]), [['skipped', 'line_unlinked']]);
      assert.equal((await pushesTo(lineUserId, undefined)).length, pushesBefore, 'nothing pushed after 連動の解除');

      // The partner logs in with LINE again (consent again): a new link, LINE works again.
      const again = await linkPartnerLine(run.api, run.taskQueue, partner);
      assert.equal(again.status, 'linked');
      assert.equal(again.alreadyLinked, false);
      assert.equal(again.lineUserId, lineUserId, 'the LINE user ID does not change');
      const secondRun = await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).describe();
      assert.notEqual(secondRun.runId, firstRun.runId);
      assert.equal((await s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId)).query(lineLinkStatusQuery)).status, 'linked');
      assert.equal((await partnerLineOf(partner.partnerId))?.status, 'linked');
      // A new link is confirmed in the talk room like the first one was: one 友だち登録完了 per link.
      await eventually(() => lineTitlesTo(lineUserId), (t) => count(t, FRIEND) === 2, 'the new link’s 友だち登録完了 on LINE');
      await reachedInAppAndMail('friend_registered', FRIEND, 2);
      const third = await newOrder();
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(ORDER), 'the order on LINE after linking again');
      assert.deepEqual((await lineSettled(orderWorkflowId(third), 1)).map((d) => [d.status, d.skipReason]), [['sent', null]]);
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(await lineTitlesTo(lineUserId), [FRIEND, FRIEND, ORDER]);
    });
  });
});
