// LINE WORKS rich menus through real HTTP (docs/providers/line-works.md#rich-menus): create with validation, list with a
// cursor, attachment + upload + image (format and size checked from the header), default and
// per-user menus with the documented priority, deletion; and what removing the app does to them.

import { strict as assert } from 'node:assert';
import { type CreateRichMenuBody } from '../../emulators';
import { jpeg, png } from '../support/image-headers';
import { appKeyPair, serviceAccountToken } from '../support/lineworks-service-account';
import { useEmulators } from '../support/emulator-suite';

const CLIENT_ID = 'renkei-client';
const CLIENT_SECRET = 'renkei-secret';
const TENANT = '40001234';
const SERVICE_ACCOUNT = 'abcde.serviceaccount@works.example';
const BOT = '7000001';
const USER = 'u-taro';

const menu = (name: string, label: string, data: string): CreateRichMenuBody => ({
  richmenuName: name,
  size: { width: 2500, height: 843 },
  areas: [
    { bounds: { x: 0, y: 0, width: 1250, height: 843 }, action: { type: 'postback', label, data } },
    { bounds: { x: 1250, y: 0, width: 1250, height: 843 }, action: { type: 'uri', label: 'ヘルプ', uri: 'https://support.freee.co.jp/' } },
  ],
});

describe('LINE WORKS emulator: rich menus', () => {
  const emu = useEmulators('lineworks');
  let token: string;
  const keys = appKeyPair();

  async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
    const response = await fetch(`${emu.base}/v1.0${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.length > 0 ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  async function uploadImage(image: Buffer, multipart = true): Promise<string> {
    const created = await api('POST', `/bots/${BOT}/attachments`, { fileName: 'menu.png' });
    assert.equal(created.status, 200);
    const uploadUrl = String(created.body?.uploadUrl);
    const fileId = String(created.body?.fileId);
    let response: Response;
    if (multipart) {
      const form = new FormData();
      form.append('Filedata', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'menu.png');
      response = await fetch(uploadUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    } else {
      response = await fetch(uploadUrl, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(image) });
    }
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(await response.json(), { fileId });
    const again = await fetch(uploadUrl, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(image) });
    assert.equal(again.status, 404, 'an upload URL works once');
    return fileId;
  }

  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.seedLineWorks({
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, publicKeyPem: keys.publicKey, name: 'freee' }],
      tenants: [
        {
          tenantId: TENANT,
          clientId: CLIENT_ID,
          serviceAccountId: SERVICE_ACCOUNT,
          botIds: [BOT],
          users: [
            { userId: USER, email: 'taro@works.example' },
            { userId: 'u-jiro', email: 'jiro@works.example' },
          ],
        },
      ],
    });
    token = await serviceAccountToken(emu.base, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, serviceAccountId: SERVICE_ACCOUNT, privateKey: keys.privateKey });
  });

  it('creates, uploads an image for, sets per user and as default, reads and deletes rich menus', async () => {
    const link = await api('POST', `/bots/${BOT}/richmenus`, menu('ID連携', 'ID連携', 'action=link'));
    assert.equal(link.status, 201);
    const linkId = String(link.body?.richmenuId);
    assert.equal(link.body?.richmenuName, 'ID連携');
    const unlink = await api('POST', `/bots/${BOT}/richmenus`, menu('ID連携解除', 'ID連携解除', 'action=unlink'));
    const unlinkId = String(unlink.body?.richmenuId);

    const fileId = await uploadImage(png(2500, 843));
    assert.equal((await api('POST', `/bots/${BOT}/richmenus/${linkId}/image`, { fileId })).status, 204);
    const jpegId = await uploadImage(jpeg(2500, 843), false);
    assert.equal((await api('POST', `/bots/${BOT}/richmenus/${unlinkId}/image`, { fileId: jpegId })).status, 204);

    const setDefault = await api('POST', `/bots/${BOT}/richmenus/${linkId}/set-default`);
    assert.equal(setDefault.status, 201);
    assert.deepEqual(setDefault.body, { botId: BOT, defaultRichmenuId: linkId });

    assert.equal((await api('GET', `/bots/${BOT}/richmenus/users/${USER}`)).status, 404);
    let effective = await emu.control.effectiveRichMenu(BOT, USER);
    assert.equal(effective?.source, 'default');
    assert.equal(effective?.areas[0]?.action.label, 'ID連携');
    assert.deepEqual(effective?.image, { fileId, fileName: 'menu.png', width: 2500, height: 843 });

    assert.equal((await api('POST', `/bots/${BOT}/richmenus/${unlinkId}/users/taro%40works.example`)).status, 204);
    assert.deepEqual((await api('GET', `/bots/${BOT}/richmenus/users/${USER}`)).body, { richmenuId: unlinkId });
    effective = await emu.control.effectiveRichMenu(BOT, USER);
    assert.equal(effective?.source, 'user');
    assert.equal(effective?.areas[0]?.action.label, 'ID連携解除');
    assert.equal((await emu.control.effectiveRichMenu(BOT, 'u-jiro'))?.richmenuId, linkId);

    assert.equal((await api('DELETE', `/bots/${BOT}/richmenus/users/${USER}`)).status, 204);
    assert.equal((await emu.control.effectiveRichMenu(BOT, USER))?.richmenuId, linkId);

    assert.equal((await api('DELETE', `/bots/${BOT}/richmenus/default`)).status, 204);
    assert.equal(await emu.control.effectiveRichMenu(BOT, USER), null);

    assert.equal((await api('DELETE', `/bots/${BOT}/richmenus/${linkId}`)).status, 204);
    assert.equal((await api('GET', `/bots/${BOT}/richmenus/${linkId}`)).status, 404);
    assert.equal((await api('DELETE', `/bots/${BOT}/richmenus/${linkId}`)).status, 404);
  });

  it('lists with count and cursor', async () => {
    for (const name of ['a', 'b', 'c']) await api('POST', `/bots/${BOT}/richmenus`, menu(name, name, name));
    const first = await api('GET', `/bots/${BOT}/richmenus?count=2`);
    assert.deepEqual(
      (first.body?.richmenus as { richmenuName: string }[]).map((item) => item.richmenuName),
      ['a', 'b'],
    );
    const cursor = (first.body?.responseMetaData as { nextCursor: string | null }).nextCursor;
    assert.ok(cursor !== null);
    const second = await api('GET', `/bots/${BOT}/richmenus?count=2&cursor=${cursor}`);
    assert.deepEqual(
      (second.body?.richmenus as { richmenuName: string }[]).map((item) => item.richmenuName),
      ['c'],
    );
    assert.equal((second.body?.responseMetaData as { nextCursor: string | null }).nextCursor, null);
    assert.equal((await api('GET', `/bots/${BOT}/richmenus?count=101`)).status, 400);
  });

  it('refuses bad sizes, areas and actions with 400 INVALID_PARAMETER', async () => {
    const good = menu('x', 'x', 'x');
    const bad: unknown[] = [
      { ...good, size: { width: 2500, height: 1000 } },
      { ...good, areas: [] },
      { ...good, areas: Array.from({ length: 21 }, () => good.areas[0]) },
      { ...good, areas: [{ bounds: { x: 2000, y: 0, width: 1000, height: 843 }, action: { type: 'postback', data: 'x' } }] },
      { ...good, areas: [{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'postback', label: 'x' } }] },
      { ...good, areas: [{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'camera', label: 'x' } }] },
      { ...good, areas: [{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'postback', label: 'x'.repeat(21), data: 'x' } }] },
      { ...good, unknownField: true },
    ];
    for (const body of bad) {
      const answer = await api('POST', `/bots/${BOT}/richmenus`, body);
      assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 200));
      assert.equal(answer.body?.code, 'INVALID_PARAMETER');
    }
    assert.equal((await api('POST', `/bots/9999999/richmenus`, good)).status, 403);
  });

  it('refuses an image of the wrong size or format, and unknown files', async () => {
    const created = await api('POST', `/bots/${BOT}/richmenus`, { ...menu('big', 'big', 'big'), size: { width: 2500, height: 1686 } });
    const id = String(created.body?.richmenuId);
    const small = await uploadImage(png(2500, 843));
    const wrongSize = await api('POST', `/bots/${BOT}/richmenus/${id}/image`, { fileId: small });
    assert.equal(wrongSize.status, 400);
    assert.match(String(wrongSize.body?.description), /2500x843 but the rich menu is 2500x1686/);
    assert.equal((await api('POST', `/bots/${BOT}/richmenus/${id}/image`, { fileId: 'kr1.nothing' })).status, 400);

    const attachment = await api('POST', `/bots/${BOT}/attachments`, { fileName: 'menu.gif' });
    const gif = await fetch(String(attachment.body?.uploadUrl), { method: 'POST', headers: { 'content-type': 'image/gif' }, body: 'GIF89a....' });
    assert.equal(gif.status, 400);
    const another = await api('POST', `/bots/${BOT}/attachments`, { fileName: 'huge.png' });
    const huge = Buffer.concat([png(2500, 1686), Buffer.alloc(1024 * 1024)]);
    const tooBig = await fetch(String(another.body?.uploadUrl), { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(huge) });
    assert.equal(tooBig.status, 413);
  });

  it('removing the app revokes its tokens in the tenant and forgets per-user menus', async () => {
    const created = await api('POST', `/bots/${BOT}/richmenus`, menu('ID連携解除', 'ID連携解除', 'action=unlink'));
    const id = String(created.body?.richmenuId);
    await api('POST', `/bots/${BOT}/richmenus/${id}/users/${USER}`);
    assert.equal((await emu.control.effectiveRichMenu(BOT, USER))?.source, 'user');

    await emu.control.uninstallApp(CLIENT_ID, TENANT);
    assert.equal(await emu.control.effectiveRichMenu(BOT, USER), null);
    const refused = await api('GET', `/bots/${BOT}/richmenus`);
    assert.equal(refused.status, 401);
    assert.equal(refused.body?.code, 'UNAUTHORIZED');
  });
});
