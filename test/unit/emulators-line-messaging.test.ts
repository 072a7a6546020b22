// The LINE Messaging API of the emulator: push with X-Line-Retry-Key (a repeat gets 409 with
// X-Line-Accepted-Request-Id and is not delivered twice), X-Line-Request-Id on every answer,
// accepted-but-undelivered pushes to blocked or non-friend users, message validation with
// details, the channel token, the rate limit, bot profiles and per-user rich menus.

import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { png } from '../support/image-headers';
import { CHANNEL_ACCESS_TOKEN, HANAKO, JIRO, lineSeed, useLine, TARO } from './emulators-line-fixture';

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

const buttons = {
  type: 'template',
  altText: '発注書を確認してください',
  template: {
    type: 'buttons',
    title: '発注書',
    text: '発注書を確認してください',
    actions: [
      { type: 'uri', label: '確認する', uri: 'https://lansmart.example/orders/1' },
      { type: 'postback', label: 'あとで', data: 'action=later&order=1', displayText: 'あとで確認します' },
    ],
  },
};

describe('LINE emulator: Messaging API', () => {
  const line = useLine();

  async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${line.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${CHANNEL_ACCESS_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text.length === 0 ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  const push = (to: string, messages: unknown[], headers: Record<string, string> = {}) => api('POST', '/v2/bot/message/push', { to, messages }, headers);


  it('delivers a push to a friend, and answers a repeated retry key with 409 without delivering again', async () => {
    const retryKey = randomUUID();
    const first = await push(TARO.userId, [{ type: 'text', text: '請求書を作成してください' }, buttons], { 'X-Line-Retry-Key': retryKey });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const requestId = first.headers.get('x-line-request-id');
    assert.ok(requestId !== null && requestId.length > 0);
    const sent = first.body.sentMessages as { id: string; quoteToken: string }[];
    assert.equal(sent.length, 2);
    assert.ok(sent.every((message) => /^\d+$/.test(message.id) && message.quoteToken.length > 0));

    const again = await push(TARO.userId, [{ type: 'text', text: '請求書を作成してください' }, buttons], { 'X-Line-Retry-Key': retryKey });
    assert.equal(again.status, 409);
    assert.equal(again.headers.get('x-line-accepted-request-id'), requestId);
    assert.ok(again.headers.get('x-line-request-id') !== null);
    assert.equal(typeof again.body.message, 'string');
    assert.deepEqual(again.body.sentMessages, sent);

    const pushes = await line.control.pushes({ to: TARO.userId });
    assert.equal(pushes.length, 1);
    assert.deepEqual([pushes[0]?.delivered, pushes[0]?.retryKey, pushes[0]?.requestId], [true, retryKey, requestId]);
  });

  it('refuses a retry key that is not a UUID, and one sent to another API', async () => {
    const bad = await push(TARO.userId, [{ type: 'text', text: 'x' }], { 'X-Line-Retry-Key': 'not-a-uuid' });
    assert.equal(bad.status, 400);
    const profile = await api('GET', `/v2/bot/profile/${TARO.userId}`, undefined, { 'X-Line-Retry-Key': randomUUID() });
    assert.equal(profile.status, 400);
    assert.deepEqual(await line.control.pushes(), []);
  });

  it('accepts pushes to a blocking or non-friend user but does not deliver them, saying why', async () => {
    const blocked = await push(JIRO.userId, [{ type: 'text', text: '支払通知書を確認してください' }]);
    assert.equal(blocked.status, 200);
    const stranger = await push(HANAKO.userId, [{ type: 'text', text: '支払通知書を確認してください' }]);
    assert.equal(stranger.status, 200);
    const undelivered = await line.control.pushes({ delivered: false });
    assert.deepEqual(
      undelivered.map((record) => [record.to, record.reason]),
      [
        [JIRO.userId, 'blocked'],
        [HANAKO.userId, 'not_friend'],
      ],
    );
    assert.equal((await api('GET', `/v2/bot/profile/${JIRO.userId}`)).status, 404);
    const profile = await api('GET', `/v2/bot/profile/${TARO.userId}`);
    assert.equal(profile.body.displayName, TARO.displayName);
  });

  it('answers invalid messages with 400 and the property of each problem', async () => {
    const tooLong = await push(TARO.userId, [
      { type: 'text', text: 'a'.repeat(5001) },
      { ...buttons, template: { ...buttons.template, text: 'b'.repeat(61), actions: [{ type: 'postback', label: 'このラベルはボタンに表示するには長すぎる文字列です', data: 'x' }] } },
    ]);
    assert.equal(tooLong.status, 400);
    const properties = (tooLong.body.details as { property: string }[]).map((detail) => detail.property).sort();
    assert.deepEqual(properties, ['messages[0].text', 'messages[1].template.actions[0].label', 'messages[1].template.text']);
    const none = await push(TARO.userId, []);
    assert.equal(none.status, 400);
    const six = await push(TARO.userId, Array.from({ length: 6 }, () => ({ type: 'text', text: 'x' })));
    assert.equal(six.status, 400);
    assert.deepEqual(await line.control.pushes(), []);
  });

  it('refuses an unknown channel access token with 401 and a request ID', async () => {
    const response = await fetch(`${line.base}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
      body: JSON.stringify({ to: TARO.userId, messages: [{ type: 'text', text: 'x' }] }),
    });
    assert.equal(response.status, 401);
    assert.ok(response.headers.get('x-line-request-id') !== null);
    assert.equal(typeof ((await response.json()) as { message?: unknown }).message, 'string');
  });

  it('answers 429 past the seeded per-second push limit', async () => {
    await line.control.seed(lineSeed(line.receiver.url, { pushRateLimitPerSecond: 1 }));
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await push(TARO.userId, [{ type: 'text', text: 'x' }])).status);
    assert.ok(statuses.includes(429), String(statuses));
  });

  it('links a per-user rich menu once its image is uploaded', async () => {
    const created = await api('POST', '/v2/bot/richmenu', {
      size: { width: 2500, height: 843 },
      selected: true,
      name: 'partner',
      chatBarText: 'メニュー',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'postback', label: '請求書', data: 'menu=invoice' } }],
    });
    assert.equal(created.status, 200);
    const richMenuId = created.body.richMenuId as string;
    const early = await api('POST', `/v2/bot/user/${TARO.userId}/richmenu/${richMenuId}`);
    assert.equal(early.status, 400);

    const wrongSize = await fetch(`${line.base}/v2/bot/richmenu/${richMenuId}/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CHANNEL_ACCESS_TOKEN}`, 'content-type': 'image/png' },
      body: new Uint8Array(png(2500, 1686)),
    });
    assert.equal(wrongSize.status, 400);
    const upload = await fetch(`${line.base}/v2/bot/richmenu/${richMenuId}/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CHANNEL_ACCESS_TOKEN}`, 'content-type': 'image/png' },
      body: new Uint8Array(png(2500, 843)),
    });
    assert.equal(upload.status, 200);

    assert.equal((await api('POST', `/v2/bot/user/${TARO.userId}/richmenu/${richMenuId}`)).status, 200);
    assert.deepEqual((await api('GET', `/v2/bot/user/${TARO.userId}/richmenu`)).body, { richMenuId });
    assert.equal((await line.control.user(TARO.userId)).richMenuId, richMenuId);
    assert.equal((await api('DELETE', `/v2/bot/user/${TARO.userId}/richmenu`)).status, 200);
    assert.equal((await api('GET', `/v2/bot/user/${TARO.userId}/richmenu`)).status, 404);
  });
});
