// Webhooks the LINE emulator sends and the chat page that causes them: x-line-signature verifiable
// with the channel secret, destination and the common event fields (ULID webhookEventId, ms
// timestamp, mode, isRedelivery), follow / unfollow / unblock from the chat menu, postback taps on
// pushed templates, texts, redelivery of failed deliveries, and replays for dedup tests.

import { strict as assert } from 'node:assert';
import { BrowserClient, pageForms } from '../../emulators/browser-client';
import type { LineWebhookEvent } from '../../emulators/line/webhook-event';
import { BOT_USER_ID, CHANNEL_ACCESS_TOKEN, HANAKO, lineSeed, OA_NAME, signIn, useLine, TARO } from './emulators-line-fixture';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('LINE emulator: webhooks and the Official Account chat', () => {
  const line = useLine();

  const pushTo = async (to: string, messages: unknown[]): Promise<void> => {
    const response = await fetch(`${line.base}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CHANNEL_ACCESS_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to, messages }),
    });
    assert.equal(response.status, 200);
    await response.arrayBuffer();
  };


  it('sends signed follow, unfollow and unblock events from the chat page and its top-right menu', async () => {
    const browser = new BrowserClient();
    const chat = await signIn(browser, `${line.base}/chat`, HANAKO.email);
    assert.match(chat.html, new RegExp(OA_NAME));
    const added = await browser.submit(chat, { actionPart: '/chat/friend' });
    assert.match(added.html, /友だち追加しました/);
    const blocked = await browser.submit(added, { actionPart: '/chat/block' });
    assert.match(blocked.html, /ブロック中/);
    await browser.submit(blocked, { actionPart: '/chat/unblock' });

    assert.equal(line.receiver.received.length, 3);
    for (const webhook of line.receiver.received) {
      assert.ok(webhook.verified, 'x-line-signature is base64(HMAC-SHA256(body, channel secret))');
      assert.equal(webhook.body.destination, BOT_USER_ID);
      assert.match(String(webhook.headers['content-type']), /^application\/json/);
    }
    const events = line.receiver.events();
    assert.deepEqual(
      events.map((event) => [event.type, 'follow' in event ? event.follow.isUnblocked : null, 'replyToken' in event]),
      [
        ['follow', false, true],
        ['unfollow', null, false],
        ['follow', true, true],
      ],
    );
    for (const event of events) {
      assert.deepEqual(event.source, { type: 'user', userId: HANAKO.userId });
      assert.equal(event.mode, 'active');
      assert.deepEqual(event.deliveryContext, { isRedelivery: false });
      assert.match(event.webhookEventId, ULID);
      assert.ok(event.timestamp > 1_600_000_000_000, 'milliseconds');
    }
    const ids = events.map((event) => event.webhookEventId);
    assert.deepEqual([...ids].sort(), ids, 'ULIDs are time-ordered');
    assert.equal(new Set(ids).size, 3);
    const state = await line.control.user(HANAKO.userId);
    assert.deepEqual([state.friend, state.blocked, state.friendFlag], [true, false, true]);
  });

  it('shows pushed templates in the chat; a postback button sends the postback event and a text sends a message event', async () => {
    await pushTo(TARO.userId, [
      {
        type: 'template',
        altText: '発注書を確認してください',
        template: {
          type: 'buttons',
          text: '発注書を確認してください',
          actions: [
            { type: 'uri', label: '確認する', uri: 'https://lansmart.example/orders/1' },
            { type: 'postback', label: 'あとで', data: 'action=later&order=1', displayText: 'あとで確認します' },
          ],
        },
      },
    ]);
    const browser = new BrowserClient();
    const chat = await signIn(browser, `${line.base}/chat`, TARO.userId);
    assert.match(chat.html, /発注書を確認してください/);
    assert.match(chat.html, /href="https:\/\/lansmart\.example\/orders\/1"/);
    const tapped = await browser.submit(chat, { actionPart: '/chat/postback' });
    assert.match(tapped.html, /あとで確認します/);
    const box = pageForms(tapped).find((form) => form.action.endsWith('/chat/messages') && form.fields.some(([name, value]) => name === 'text' && value === ''));
    assert.ok(box !== undefined, 'the chat has a message box');
    await browser.post(box.action, { text: 'こんにちは' });

    const events = line.receiver.events();
    assert.deepEqual(
      events.map((event) => event.type),
      ['postback', 'message'],
    );
    const [postback, message] = events as [Extract<LineWebhookEvent, { type: 'postback' }>, Extract<LineWebhookEvent, { type: 'message' }>];
    assert.deepEqual(postback.postback, { data: 'action=later&order=1' });
    assert.equal(message.message.text, 'こんにちは');
    assert.equal(message.message.type, 'text');
  });

  it('redelivers a failed delivery with the same webhookEventId and isRedelivery true when redelivery is on', async () => {
    await line.control.seed(lineSeed(line.receiver.url, { webhookRedelivery: true }));
    line.receiver.answer = (index) => (index === 0 ? 500 : 200);
    const outcome = await line.control.sendText(TARO.userId, '請求書を送りました');
    assert.equal(outcome.delivery?.succeeded, true);
    assert.deepEqual(
      outcome.delivery?.attempts.map((attempt) => [attempt.status, attempt.isRedelivery]),
      [
        [500, false],
        [200, true],
      ],
    );
    const [first, second] = line.receiver.events();
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(second.webhookEventId, first.webhookEventId);
    assert.deepEqual([first.deliveryContext.isRedelivery, second.deliveryContext.isRedelivery], [false, true]);
    assert.ok(line.receiver.received.every((webhook) => webhook.verified));
  });

  it('does not redeliver when the channel has redelivery off', async () => {
    line.receiver.answer = () => 503;
    const outcome = await line.control.tapPostback(TARO.userId, { data: 'menu=invoice' });
    assert.deepEqual([outcome.delivery?.attempts.length, outcome.delivery?.succeeded], [1, false]);
    assert.equal(line.receiver.received.length, 1);
  });

  it('replays recorded events as duplicates in another order for dedup tests', async () => {
    await line.control.sendText(TARO.userId, '一つ目');
    await line.control.sendText(TARO.userId, '二つ目');
    const originals = line.receiver.events().map((event) => event.webhookEventId);
    line.receiver.reset();
    const deliveries = await line.control.replayWebhooks({ copies: 2, order: 'reverse' });
    assert.equal(deliveries.length, 4);
    const replayed = line.receiver.events();
    assert.deepEqual(
      replayed.map((event) => event.webhookEventId),
      [originals[1], originals[1], originals[0], originals[0]],
    );
    assert.ok(replayed.every((event) => event.deliveryContext.isRedelivery));
    assert.ok(line.receiver.received.every((webhook) => webhook.verified));
  });

  it('sends an empty batch for a connectivity check and records every delivery', async () => {
    const delivery = await line.control.verifyWebhook();
    assert.equal(delivery.status, 200);
    assert.deepEqual(line.receiver.received[0]?.body, { destination: BOT_USER_ID, events: [] });
    await line.control.block(TARO.userId);
    const recorded = await line.control.webhooks({ userId: TARO.userId });
    assert.deepEqual(
      recorded.map((entry) => [entry.kind, entry.eventTypes, entry.status]),
      [['event', ['unfollow'], 200]],
    );
  });
});
