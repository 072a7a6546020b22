// A partner notification whose LINE send fails for a while: the whole delivery is retried, and the
// channels that already went out (in-app, e-mail: SMTP has no idempotency key) are not sent again,
// through the delivery log's claim on each channel. The log keeps every attempt with its answer.
import { strict as assert } from 'node:assert';
import { orderWorkflowId } from '../../common/ids';
import { Delivery } from '../../models/delivery';
import { useTestApi } from '../support/api-per-test';
import { lineDeliveriesOf, lineTitlesTo, linkPartnerLine, pushesTo, seedLineUser } from '../support/line-partners';
import { createPlatformOrder, inAppOf, mailSubjectsTo, seedPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const FRIEND = '友だち登録完了';
const ORDER = '発注書を確認してください';

describe('a partner notification retried after a LINE outage', function () {
  this.timeout(120_000);
  const run = useTestApi('channel-retry');

  it('sends in-app and e-mail once while LINE answers 503 twice, then LINE once, and logs each attempt', async () => {
    const s = stack();
    const partner = await seedPartner({ lineOption: true });
    await seedLineUser(partner);
    await withWorker(run.taskQueue, async () => {
      const { lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(FRIEND), '友だち登録完了 on LINE');

      await s.line.fault({ method: 'POST', path: '/v2/bot/message/push', status: 503, times: 2 });
      const { orderId } = await createPlatformOrder(partner, Date.now());
      const workflowId = orderWorkflowId(orderId);
      await eventually(() => lineDeliveriesOf(workflowId), (ds) => ds.length === 1 && ds[0]?.status === 'sent', 'the order on LINE after the outage');
      await new Promise((r) => setTimeout(r, 500));

      assert.deepEqual(
        (await lineTitlesTo(lineUserId)).filter((t) => t === ORDER),
        [ORDER],
      );
      assert.equal((await pushesTo(lineUserId, undefined)).filter((p) => p.messages.some((m) => m.type === 'template' && m.altText === ORDER)).length, 1);
      assert.equal((await mailSubjectsTo(partner.email)).filter((t) => t === ORDER).length, 1, 'one e-mail over three attempts');
      assert.equal((await inAppOf(partner.partnerId, 'order_created')).length, 1);

      const log = await Delivery.find({ workflowId }).lean();
      const byChannel = new Map(log.map((d) => [d.channel, d]));
      assert.deepEqual([...byChannel.keys()].sort(), ['email', 'inapp', 'line']);
      assert.ok(log.every((d) => d.status === 'sent'));
      const line = byChannel.get('line');
      assert.deepEqual(
        line?.attemptLog?.map((a) => [a.attempt, a.ok]),
        [
          [1, false],
          [2, false],
          [3, true],
        ],
      );
      assert.match(line?.attemptLog?.[0]?.answer ?? '', /503/);
      assert.equal(line?.attempts, 3);
      assert.equal(line?.lastError, undefined, 'the error is cleared once sent');
      const email = byChannel.get('email');
      assert.deepEqual(email?.attemptLog?.map((a) => [a.attempt, a.ok, a.answer]), [[1, true, 'accepted by the SMTP server']]);
      assert.equal(email?.attempts, 1, 'the retries did not claim the sent e-mail again');
    });
  });
});
