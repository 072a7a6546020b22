// At-least-once deliveries on both inbound paths: LINE webhooks sent again (redeliveries, several
// copies, shuffled, reversed, batched, concurrently) and the platform's order events replayed
// (shuffled, in parallel) leave exactly one notification per event on each channel — counted on
// the LINE emulator, the mail sink and the in-app collection — and one approval on the platform;
// friendship events that first arrive out of order end in the newest one's state; a forged
// signature is refused with 401 and applies nothing; an empty batch is answered 200.
import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { ulid } from 'ulid';
import { lineLinkWorkflowId, orderWorkflowId } from '../../common/ids';
import { orderStatusQuery } from '../../common/orders/messages';
import { lineLinkStatusQuery } from '../../common/partners/messages';
import { orderApproveExecutePostback, orderApprovePostback } from '../../common/partners/postbacks';
import { Delivery } from '../../models/delivery';
import { WebhookEvent } from '../../models/webhook-event';
import { LANSMART_BOT_USER_ID, seedPartnerEmulators } from '../../scripts/lib/seed-partner-emulators';
import { useTestApi } from '../support/api-per-test';
import { lineTitlesTo, linkPartnerLine, partnerLineOf, pushesTo, seedLineUser, webhookOutcomes } from '../support/line-partners';
import { createPlatformOrder, inAppOf, mailSubjectsTo, seedPartner, type SeededPartner } from '../support/partners';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const FRIEND = '友だち登録完了';
const ORDER = '発注書を確認してください';
const REPORT = '業務報告が作成されました';

const tally = (xs: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
};

describe('duplicated and shuffled deliveries of LINE webhooks and platform events', function () {
  this.timeout(180_000);
  const run = useTestApi('line-dupes');
  let partner: SeededPartner;

  beforeEach(async () => {
    partner = await seedPartner({ lineOption: true });
    await seedLineUser(partner);
  });

  const postWebhook = (body: string, signature: string | undefined) =>
    fetch(`${run.api.url}/webhooks/line`, { method: 'POST', body, headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === undefined ? {} : { 'x-line-signature': signature }) } });
  const sign = (body: string, secret: string): string => createHmac('sha256', secret).update(body).digest('base64');
  /** Turns the Official Account's webhook off (events are recorded, not sent) or back on. */
  const webhookOff = async (): Promise<void> => {
    const s = stack();
    await s.line.seed({
      messagingChannel: {
        channelId: String(Number(s.secrets.lineLoginChannelId) + 1),
        channelSecret: s.secrets.lineChannelSecret,
        channelAccessToken: s.secrets.lineChannelAccessToken,
        botUserId: LANSMART_BOT_USER_ID,
        webhookUrl: null,
      },
    });
  };
  const webhookOn = () => seedPartnerEmulators(stack().line, stack().lansmart, stack().secrets, run.api.url);

  it('notifies once per event and channel however often and in whatever order the webhooks and platform events come again', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      const { lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(FRIEND), '友だち登録完了 on LINE');

      // 発注書 → [承認する] on LINE → 業務報告.
      const a = await createPlatformOrder(partner, Date.now());
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(ORDER), 'order A on LINE');
      const approved = `発注書 ${a.orderNumber} を承認しました。`;
      // [承認する] asks 最終確認 in the chat; its [実行する] approves.
      assert.deepEqual(webhookOutcomes((await s.line.tapPostback(lineUserId, { data: orderApprovePostback(a.orderId), displayText: '承認する' })).delivery), ['confirmation_asked']);
      assert.deepEqual(webhookOutcomes((await s.line.tapPostback(lineUserId, { data: orderApproveExecutePostback(a.orderId), displayText: '実行する' })).delivery), ['applied']);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(approved), 'the approval confirmed on LINE');
      assert.equal((await s.lansmart.createWorkReport(a.orderId)).delivery.status, 202);
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.includes(REPORT), 'the work report on LINE');
      assert.deepEqual(webhookOutcomes((await s.line.sendText(lineUserId, 'よろしくお願いします')).delivery), ['ignored']);

      // ブロック then ブロック解除 while renkei hears nothing; LINE then delivers them newest first.
      await webhookOff();
      const blocked = await s.line.block(lineUserId);
      const unblocked = await s.line.unblock(lineUserId);
      await webhookOn();
      const late = await s.line.replayWebhooks({ webhookEventIds: [blocked.event?.webhookEventId ?? '', unblocked.event?.webhookEventId ?? ''], copies: 1, order: 'reverse', redelivery: true });
      assert.deepEqual(late.flatMap((d) => d.eventTypes), ['follow', 'unfollow']);
      assert.deepEqual(late.flatMap((d) => webhookOutcomes(d)), ['applied', 'applied']);
      const handle = s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId));
      const state = await eventually(() => handle.query(lineLinkStatusQuery), (st) => st.friendshipAt === unblocked.event?.timestamp, 'the newest friendship event to be applied');
      assert.equal(state.blocked, false, 'the older unfollow, arriving last, is ignored');
      assert.equal((await partnerLineOf(partner.partnerId))?.blocked, false);

      const b = await createPlatformOrder(partner, Date.now());
      await eventually(() => lineTitlesTo(lineUserId), (t) => t.filter((x) => x === ORDER).length === 2, 'order B on LINE');
      const expectedLine = { [FRIEND]: 1, [ORDER]: 2, [`最終確認: 発注書 ${a.orderNumber} を承認します。`]: 1, [approved]: 1, [REPORT]: 1 };
      const expectedMail = { [FRIEND]: 1, [ORDER]: 2, [REPORT]: 1 };
      const expectedInApp = { friend_registered: 1, order_created: 2, work_report_created: 1 };
      await eventually(() => mailSubjectsTo(partner.email), (x) => x.length === 4, 'four e-mails');
      await eventually(() => inAppOf(partner.partnerId), (x) => x.length === 4, 'four in-app notifications');

      // Every LINE event of this user again: three shuffled redeliveries each, a reversed batch and
      // plain copies at the same time.
      const mine = (await s.line.webhookEvents()).filter((e) => e.source.userId === lineUserId).map((e) => e.webhookEventId);
      assert.equal(mine.length, 6, 'follow (friend added at login), postback [承認する], postback [実行する], message, unfollow, follow');
      const replays = await Promise.all([
        s.line.replayWebhooks({ webhookEventIds: mine, copies: 3, order: 'shuffle', redelivery: true }),
        s.line.replayWebhooks({ webhookEventIds: mine, copies: 2, order: 'reverse', redelivery: true, batch: true }),
        s.line.replayWebhooks({ webhookEventIds: mine, copies: 1, order: 'shuffle', redelivery: false }),
      ]);
      const deliveries = replays.flat();
      assert.ok(deliveries.every((d) => d.status === 200), JSON.stringify(deliveries.map((d) => d.status)));
      assert.deepEqual(tally(deliveries.flatMap((d) => webhookOutcomes(d))), { duplicate: mine.length * 6 });

      // Every platform event of both orders again: three times shuffled, then twice all at once.
      const ofOrders = (body: string): boolean => [a.orderId, b.orderId].includes((JSON.parse(body) as { orderId?: string }).orderId ?? '');
      const eventIds = (await s.lansmart.events()).filter((e) => !e.replay && ofOrders(e.requestBody)).map((e) => e.eventId);
      assert.equal(eventIds.length, 3);
      const platform = [
        ...(await s.lansmart.replayEvents({ eventIds, times: 3, shuffle: true })),
        ...(await s.lansmart.replayEvents({ eventIds, times: 2, shuffle: true, parallel: true })),
      ];
      assert.equal(platform.length, 15);
      assert.deepEqual(tally(platform.map((r) => `${r.status} ${(r.body as { status?: string }).status ?? ''}`)), { '200 duplicate': 15 });

      // Counted after a pause: nothing more arrived anywhere.
      await new Promise((r) => setTimeout(r, 2000));
      const pushes = await pushesTo(lineUserId, undefined);
      assert.deepEqual(tally(await lineTitlesTo(lineUserId)), expectedLine);
      assert.equal(pushes.filter((p) => !p.delivered).length, 0, 'nothing pushed while the partner was unreachable');
      assert.equal(new Set(pushes.map((p) => p.retryKey)).size, pushes.length, 'one push per retry key');
      assert.deepEqual(tally(await mailSubjectsTo(partner.email)), expectedMail);
      assert.deepEqual(tally((await inAppOf(partner.partnerId)).map((n) => n.kind)), expectedInApp);
      const approvals = (await s.lansmart.partnerActions()).filter((x) => x.orderId === a.orderId && x.type === 'order.approve' && x.status < 300 && !x.replayed);
      assert.equal(approvals.length, 1);
      const log = await Delivery.find({ recipient: partner.partnerId }).lean();
      assert.deepEqual(tally(log.map((d) => `${d.channel} ${d.status}`)), { 'line sent': 5, 'email sent': 4, 'inapp sent': 4 });
      assert.equal((await s.env.client.workflow.getHandle(orderWorkflowId(a.orderId)).query(orderStatusQuery)).status, 'reporting');
    });
  });

  it('refuses a forged signature with 401 and applies nothing; answers an empty batch 200', async () => {
    const s = stack();
    await withWorker(run.taskQueue, async () => {
      const { lineUserId } = await linkPartnerLine(run.api, run.taskQueue, partner);
      const handle = s.env.client.workflow.getHandle(lineLinkWorkflowId(partner.partnerId));
      await eventually(() => handle.query(lineLinkStatusQuery), (st) => st.status === 'linked' && st.friend, 'the link');

      const webhookEventId = ulid();
      const body = JSON.stringify({
        destination: LANSMART_BOT_USER_ID,
        events: [{ type: 'unfollow', source: { type: 'user', userId: lineUserId }, timestamp: Date.now(), mode: 'active', webhookEventId, deliveryContext: { isRedelivery: false } }],
      });
      for (const signature of [sign(body, 'not-the-channel-secret'), undefined, '', sign(`${body} `, s.secrets.lineChannelSecret)]) {
        const res = await postWebhook(body, signature);
        assert.equal(res.status, 401);
        assert.equal(((await res.json()) as { error?: { code?: string } }).error?.code, 'invalid_signature');
      }
      assert.equal(await WebhookEvent.findById(`line:${webhookEventId}`).lean(), null, 'no ledger entry for a forged delivery');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal((await handle.query(lineLinkStatusQuery)).blocked, false);
      assert.equal((await partnerLineOf(partner.partnerId))?.blocked, false);

      // The same bytes, signed with the channel secret: applied (the forged ones were refused for their signature only).
      const genuine = await postWebhook(body, sign(body, s.secrets.lineChannelSecret));
      assert.equal(genuine.status, 200);
      assert.deepEqual(((await genuine.json()) as { events: string[] }).events, ['applied']);
      await eventually(() => handle.query(lineLinkStatusQuery), (st) => st.blocked, 'the genuine unfollow to be applied');

      // LINE's connectivity check: an empty batch.
      const verify = await s.line.verifyWebhook();
      assert.equal(verify.status, 200);
      const empty = JSON.stringify({ destination: LANSMART_BOT_USER_ID, events: [] });
      const direct = await postWebhook(empty, sign(empty, s.secrets.lineChannelSecret));
      assert.equal(direct.status, 200);
      assert.deepEqual(((await direct.json()) as { events: string[] }).events, []);
    });
  });
});
