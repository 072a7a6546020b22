// LINE WORKS bot callbacks and the talk room: callbacks carry X-WORKS-BotId and a verifiable
// X-WORKS-Signature over the raw body; a member opens a talk with the app (外部ユーザーとトーク →
// freee → [OK]), sees the bot's messages and rich menu, and tapping a postback area sends the
// signed postback and follows the `openUrl` the bot's server answers. On a phone the rich menu is
// its uploaded image with a tap target named by each area's label; on the desktop, its labels.

import { strict as assert } from 'node:assert';
import { signedInBrowser } from '../support/emulator-sign-in';
import { hmacSignatureValid } from '../support/hmac-signature';
import { type ReceivedRequest, useHttpReceiver } from '../support/http-receiver';
import { png } from '../support/image-headers';
import { appKeyPair, serviceAccountToken } from '../support/lineworks-service-account';
import { useEmulators } from '../support/emulator-suite';

const CLIENT_ID = 'freee-app';
const CLIENT_SECRET = 'freee-secret';
const BOT_SECRET = 'the-bot-secret';
const TENANT = '40001234';
const SERVICE_ACCOUNT = 'abcde.serviceaccount@works.example';
const BOT = '7000001';
const LINK_URL = 'https://renkei.example/link/start?ticket=t-1';

/** Whether a callback carries a valid X-WORKS-Signature over its body. */
const signedByBot = (request: ReceivedRequest | undefined): boolean =>
  request !== undefined && hmacSignatureValid(BOT_SECRET, request.body, request.headers['x-works-signature'] as string | undefined);

describe('LINE WORKS emulator: bot callbacks and the talk room', () => {
  const emu = useEmulators('lineworks');
  // Renkei's bot callback endpoint: refuses an unsigned callback, answers the ID-link postback with its link.
  const receiver = useHttpReceiver('/lineworks/callback', (request) => {
    if (!signedByBot(request)) return { status: 401 };
    const event = JSON.parse(request.body) as { type: string; data?: string };
    return { status: 200, json: event.type === 'postback' && event.data === 'action=link' ? { openUrl: LINK_URL } : { ok: true } };
  });
  const received = receiver.received;
  const keys = appKeyPair();
  let token: string;

  async function api(path: string, body: unknown): Promise<number> {
    const response = await fetch(`${emu.base}/v1.0${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  }

  const member = (loginId: string, start: string) => signedInBrowser(start, loginId);

  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.seedLineWorks({
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, publicKeyPem: keys.publicKey, name: 'freee', bot: { callbackUrl: receiver.url, botSecret: BOT_SECRET } }],
      tenants: [
        {
          tenantId: TENANT,
          clientId: CLIENT_ID,
          serviceAccountId: SERVICE_ACCOUNT,
          bots: [{ botId: BOT }],
          users: [{ userId: 'u-taro', email: 'taro@works.example', name: '山田 太郎' }],
        },
      ],
    });
    token = await serviceAccountToken(emu.base, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, serviceAccountId: SERVICE_ACCOUNT, privateKey: keys.privateKey });
  });

  it('sends postback and message callbacks signed with the bot secret, and reports the answer', async () => {
    const postback = await emu.control.sendBotCallback(BOT, { type: 'postback', userId: 'taro@works.example', data: 'action=link' });
    assert.equal(postback.status, 200);
    assert.deepEqual(postback.body, { openUrl: LINK_URL });
    const [first] = received;
    assert.ok(first && signedByBot(first));
    assert.equal(first.headers['x-works-botid'], BOT);
    assert.equal(first.headers['content-type'], 'application/json; charset=UTF-8');
    const event = JSON.parse(first.body) as Record<string, unknown>;
    assert.deepEqual(event.source, { userId: 'u-taro', domainId: 40001234 });
    assert.equal(event.type, 'postback');
    assert.equal(event.data, 'action=link');
    assert.match(String(event.issuedTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const message = await emu.control.sendBotCallback(BOT, { type: 'message', userId: 'u-taro', text: 'ID連携', postback: 'action=link' });
    assert.equal(message.status, 200);
    assert.deepEqual((JSON.parse(received[1]?.body ?? '{}') as { content: unknown }).content, { type: 'text', text: 'ID連携', postback: 'action=link' });

    const forged = await emu.control.sendBotCallback(BOT, { type: 'postback', userId: 'u-taro', data: 'x', signatureOverride: 'Zm9yZ2Vk' });
    assert.equal(forged.status, 401);
    assert.equal((await emu.control.botCallbacks(BOT)).length, 3);

    await emu.control.updateBot(BOT, { botSecret: 'rotated' });
    assert.equal((await emu.control.sendBotCallback(BOT, { type: 'postback', userId: 'u-taro', data: 'x' })).status, 401);
  });

  it('walks 外部ユーザーとトーク → freee → [OK] → the room, shows messages and the rich menu, and follows openUrl on a tap', async () => {
    const richmenu = await fetch(`${emu.base}/v1.0/bots/${BOT}/richmenus`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        richmenuName: 'ID連携',
        size: { width: 2500, height: 843 },
        areas: [
          { bounds: { x: 0, y: 0, width: 1250, height: 843 }, action: { type: 'postback', label: 'ID連携', data: 'action=link' } },
          { bounds: { x: 1250, y: 0, width: 1250, height: 843 }, action: { type: 'uri', label: 'ヘルプ', uri: 'https://support.freee.co.jp/' } },
        ],
      }),
    });
    const { richmenuId } = (await richmenu.json()) as { richmenuId: string };
    assert.equal(await api(`/bots/${BOT}/richmenus/${richmenuId}/set-default`, {}), 201);
    assert.equal(await api(`/bots/${BOT}/users/u-taro/messages`, { content: { type: 'text', text: '<b>ようこそ</b>' } }), 201);
    assert.equal(
      await api(`/bots/${BOT}/users/u-taro/messages`, {
        content: { type: 'button_template', contentText: '連携してください', actions: [{ type: 'uri', label: '連携する', uri: 'https://renkei.example/x?a=1&b=2' }] },
      }),
      201,
    );

    const { browser, page: picker } = await member('taro@works.example', `${emu.base}/talk/new`);
    assert.match(picker.html, /外部ユーザーとトーク/);
    assert.match(picker.html, /freee/);
    const room = await browser.submit(picker, { actionPart: '/talk/new' });
    assert.equal(room.status, 200);
    assert.match(room.url, /\/talk\?bot=7000001$/);
    assert.equal((JSON.parse(received[0]?.body ?? '{}') as { type: string }).type, 'begin');

    assert.match(room.html, /&lt;b&gt;ようこそ&lt;\/b&gt;/);
    assert.match(room.html, /<a class="button" href="https:\/\/renkei\.example\/x\?a=1&amp;b=2">連携する<\/a>/);
    assert.match(room.html, /<button type="submit">ID連携<\/button>/);
    assert.match(room.html, /href="https:\/\/support\.freee\.co\.jp\/">ヘルプ</);
    assert.match(room.html, /name="viewport" content="width=device-width/);

    const tapped = await browser.submit(room, { actionPart: '/talk/actions' });
    assert.equal(tapped.location, LINK_URL);
    const postback = received.at(-1);
    assert.ok(postback && signedByBot(postback));
    assert.deepEqual(JSON.parse(postback.body), {
      type: 'postback',
      source: { userId: 'u-taro', domainId: 40001234 },
      data: 'action=link',
      issuedTime: (JSON.parse(postback.body) as { issuedTime: string }).issuedTime,
    });

    const sent = await browser.submit(room, { actionPart: '/talk/messages', set: { text: 'こんにちは' } });
    assert.match(sent.url, /\/talk\?bot=7000001$/);
    assert.match(sent.html, /bubble mine">こんにちは</);
    assert.deepEqual((JSON.parse(received.at(-1)?.body ?? '{}') as { content: unknown }).content, { type: 'text', text: 'こんにちは' });

    const actions = await emu.control.talkActions({ botId: BOT, userId: 'u-taro' });
    assert.deepEqual(
      actions.map((action) => [action.kind, action.text, action.callbackStatus]),
      [
        ['begin', '', 200],
        ['postback', 'ID連携', 200],
        ['message', 'こんにちは', 200],
      ],
    );
  });

  it('shows a phone the menu’s uploaded image with a tap target named by each area’s label, the desktop the labels', async () => {
    const post = async (path: string, body: unknown): Promise<Record<string, string>> => {
      const response = await fetch(`${emu.base}/v1.0${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Record<string, string>;
    };
    const { richmenuId } = await post(`/bots/${BOT}/richmenus`, {
      richmenuName: 'renkei-unlinked',
      size: { width: 2500, height: 843 },
      areas: [
        { bounds: { x: 0, y: 0, width: 1250, height: 843 }, action: { type: 'postback', label: 'ID連携', data: 'action=link' } },
        { bounds: { x: 1250, y: 0, width: 1250, height: 843 }, action: { type: 'postback', label: '勤怠登録メニューに切り替え', data: 'action=attendance' } },
      ],
    });
    assert.equal(await api(`/bots/${BOT}/richmenus/${richmenuId}/set-default`, {}), 201);

    const { browser } = await member('taro@works.example', `${emu.base}/talk?bot=${BOT}`);
    const cookie = Object.entries(browser.cookies(new URL(emu.base).hostname))
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    const PHONE_AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
    const asPhone = async (path: string, signedIn = true): Promise<Response> =>
      fetch(`${emu.base}${path}`, { headers: { 'user-agent': PHONE_AGENT, ...(signedIn ? { cookie } : {}) }, redirect: 'manual' });

    // No image yet: the phone too lists the labels.
    assert.match(await (await asPhone(`/talk?bot=${BOT}`)).text(), /data-richmenu-view="labels"[\s\S]*<button type="submit">勤怠登録メニューに切り替え<\/button>/);

    const image = Buffer.concat([png(2500, 843), Buffer.from('the rest of the picture')]);
    const { fileId, uploadUrl } = await post(`/bots/${BOT}/attachments`, { fileName: 'renkei-unlinked.png' });
    assert.equal((await fetch(uploadUrl as string, { method: 'POST', headers: { 'content-type': 'image/png' }, body: image })).status, 200);
    assert.equal(await api(`/bots/${BOT}/richmenus/${richmenuId}/image`, { fileId }), 204);

    const phoneRoom = await (await asPhone(`/talk?bot=${BOT}`)).text();
    assert.match(phoneRoom, /data-richmenu-view="image"/);
    const src = /<img src="([^"]+)" alt="" width="2500" height="843"/.exec(phoneRoom)?.[1]?.replaceAll('&amp;', '&');
    assert.equal(src, `/talk/richmenu-image?bot=${BOT}&richmenu=${richmenuId}`);
    assert.match(phoneRoom, /data-area="0" style="position:absolute;left:0\.0000%;top:0\.0000%;width:50\.0000%;height:100\.0000%[^"]*">[\s\S]*?aria-label="ID連携"/);
    assert.match(phoneRoom, /data-area="1" style="position:absolute;left:50\.0000%;[^"]*">[\s\S]*?aria-label="勤怠登録メニューに切り替え"/);

    const served = await asPhone(src);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.ok(Buffer.from(await served.arrayBuffer()).equals(image), 'the uploaded bytes');
    assert.equal((await asPhone(src, false)).status, 303, 'only for a signed-in member');
    assert.equal((await asPhone(`/talk/richmenu-image?bot=${BOT}&richmenu=999`)).status, 404);

    // The desktop lists the labels, as the PC version's drop-down does.
    const desktop = await browser.get(`${emu.base}/talk?bot=${BOT}`);
    assert.match(desktop.html, /data-richmenu-view="labels"/);
    assert.match(desktop.html, /<button type="submit">ID連携<\/button>[\s\S]*<button type="submit">勤怠登録メニューに切り替え<\/button>/);
    assert.doesNotMatch(desktop.html, /richmenu-image/);
    assert.equal((await emu.control.effectiveRichMenu(BOT, 'u-taro'))?.image?.fileId, fileId);
  });
});
