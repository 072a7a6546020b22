// The emulator-specific app install / removal contract of LINE WORKS, walked through the admin
// pages: admin rights required, every checkbox required, member scope, the signed redirect back to
// return_to; removal sends a signed app.uninstalled event (retried on 5xx, redeliverable), revokes
// the app's tokens in the tenant and forgets the bots' per-user rich menus.

import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import { type AppUninstalledEvent } from '../../emulators';
import { signedInBrowser } from '../support/emulator-sign-in';
import { useHttpReceiver } from '../support/http-receiver';
import { useEmulators } from '../support/emulator-suite';

const CLIENT_ID = 'freee-app';
const CLIENT_SECRET = 'freee-app-secret';
const RETURN_TO = 'https://renkei.example/lineworks/installed?state=s-42';
const TENANT = '40005678';

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

describe('LINE WORKS emulator: app install and removal (emulator-specific contract)', () => {
  const emu = useEmulators('lineworks');
  /** Statuses renkei's lifecycle endpoint answers next (200 once they are used up). */
  const answers: number[] = [];
  const receiver = useHttpReceiver('/lineworks/lifecycle', () => ({ status: answers.shift() ?? 200, json: { ok: true } }));
  const received = receiver.received;

  const installUrl = (returnTo = RETURN_TO): string => `${emu.base}/admin/apps/${CLIENT_ID}/install?${new URLSearchParams({ return_to: returnTo }).toString()}`;

  const signedIn = (loginId: string, start: string) => signedInBrowser(start, loginId);

  beforeEach(async () => {
    answers.length = 0;
    await emu.control.reset();
    await emu.control.seedLineWorks({
      apps: [
        {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          name: 'freee',
          redirectUris: ['https://renkei.example/auth/lineworks/callback'],
          appCallbackUrl: receiver.url,
          bot: { botSecret: 'bot-secret', callbackUrl: 'https://renkei.example/lineworks/callback' },
        },
      ],
      tenants: [
        {
          tenantId: TENANT,
          domainName: 'free.example',
          users: [
            { userId: 'admin-1', email: 'admin@free.example', name: '管理 太郎', isAdministrator: true },
            { userId: 'emp-1', email: 'emp1@free.example', name: '社員 一郎' },
            { userId: 'emp-2', email: 'emp2@free.example', name: '社員 二郎' },
          ],
        },
      ],
    });
  });

  it('needs an administrator: a member gets LINE WORKSの管理者権限が必要です', async () => {
    const { page } = await signedIn('emp1@free.example', installUrl());
    assert.equal(page.status, 403);
    assert.match(page.html, /LINE WORKSの管理者権限が必要です/);
    assert.deepEqual(await emu.control.installations(), []);
  });

  it('refuses [次へ] until every checkbox is ticked, then installs for selected members and redirects with signed parameters', async () => {
    const { browser, page: terms } = await signedIn('admin@free.example', installUrl());
    assert.equal(terms.status, 200);
    assert.match(terms.html, /freeeを追加/);
    assert.equal((terms.html.match(/type="checkbox"/g) ?? []).length, 3);

    const refused = await browser.submit(terms, { actionPart: '/install', add: [['agree', 'terms'], ['agree', 'privacy']] });
    assert.equal(refused.status, 400);
    assert.match(refused.html, /すべてのチェックボックスにチェックを入れてください/);
    assert.match(refused.html, /value="terms" checked/);
    assert.deepEqual(await emu.control.installations(), []);

    const members = await browser.submit(refused, { actionPart: '/install', add: [['agree', 'permissions']] });
    assert.equal(members.status, 200);
    assert.match(members.html, /すべてのメンバー/);
    const noneChosen = await browser.submit(members, { actionPart: '/install', set: { scope: 'selected' } });
    assert.equal(noneChosen.status, 400);
    assert.match(noneChosen.html, /1人以上選択してください/);

    const done = await browser.submit(noneChosen, { actionPart: '/install', set: { scope: 'selected' }, add: [['member', 'admin-1'], ['member', 'emp-1']] });
    assert.ok(done.location?.startsWith('https://renkei.example/lineworks/installed?state=s-42&'), done.location);
    const params = new URL(done.location ?? '').searchParams;
    const [installation] = await emu.control.installations({ tenantId: TENANT });
    assert.ok(installation !== undefined);
    assert.equal(params.get('installation_id'), installation.installationId);
    assert.equal(params.get('domain_id'), TENANT);
    assert.equal(params.get('bot_id'), installation.botIds[0]);
    assert.equal(params.get('service_account_id'), installation.serviceAccountId);
    assert.match(installation.serviceAccountId, /\.serviceaccount@free\.example$/);
    assert.deepEqual(installation.members, ['admin-1', 'emp-1']);
    assert.equal(params.get('domain_name'), 'free.example');
    const signed = ['installation_id', 'domain_id', 'bot_id', 'service_account_id', 'domain_name'].map((name) => params.get(name) ?? '').join('\n');
    assert.equal(params.get('signature'), sign(CLIENT_SECRET, signed));

    const bot = await emu.control.bot(installation.botIds[0] ?? '');
    assert.equal(bot.botSecret, 'bot-secret');
    assert.equal(bot.callbackUrl, 'https://renkei.example/lineworks/callback');
    assert.equal(bot.name, 'freee');

    const detail = await browser.get(`${emu.base}/admin/apps/${CLIENT_ID}`);
    assert.match(detail.html, />設定する</);
    assert.doesNotMatch(detail.html, />追加する</);

    const again = await browser.get(installUrl());
    assert.equal(new URL(again.location ?? '').searchParams.get('installation_id'), installation.installationId);

    const member = await signedIn('emp1@free.example', `${emu.base}/talk/new`);
    assert.match(member.page.html, /freee/);
    const outsider = await signedIn('emp2@free.example', `${emu.base}/talk/new`);
    assert.match(outsider.page.html, /トークできるアプリがありません/);
  });

  it('shows [追加する] before install and refuses a return_to outside the app redirect origins', async () => {
    const { browser, page } = await signedIn('admin@free.example', `${emu.base}/admin/apps/${CLIENT_ID}`);
    assert.match(page.html, />追加する</);
    const bad = await browser.get(installUrl('https://evil.example/steal'));
    assert.equal(bad.status, 400);
    assert.match(bad.html, /有効ではないクライアント情報です/);
    const unknown = await browser.get(`${emu.base}/admin/apps/nobody/install`);
    assert.match(unknown.html, /有効ではないクライアント情報です/);
  });

  it('removes the app from the admin pages: confirmation, a signed app.uninstalled event, redelivery on demand', async () => {
    const installation = await emu.control.installApp(CLIENT_ID, TENANT);
    const { browser, page: detail } = await signedIn('admin@free.example', `${emu.base}/admin/apps/${CLIENT_ID}`);
    assert.match(detail.html, />アプリを削除</);
    const confirm = await browser.get(`${emu.base}/admin/apps/${CLIENT_ID}/uninstall`);
    assert.match(confirm.html, /freeeアプリを削除しますか\?/);
    assert.match(confirm.html, />削除</);
    assert.match(confirm.html, />キャンセル</);

    const done = await browser.submit(confirm, { actionPart: '/uninstall' });
    assert.equal(done.status, 200);
    assert.match(done.html, /freeeアプリを削除しました/);

    assert.equal(received.length, 1);
    const [delivery] = received;
    assert.ok(delivery !== undefined);
    assert.equal(delivery.headers['x-works-signature'], sign(CLIENT_SECRET, delivery.body));
    const event = JSON.parse(delivery.body) as AppUninstalledEvent;
    assert.equal(event.type, 'app.uninstalled');
    assert.equal(event.clientId, CLIENT_ID);
    assert.equal(event.domainId, 40005678);
    assert.equal(event.installationId, installation.installationId);
    assert.equal(delivery.headers['x-works-event-id'], event.eventId);
    assert.match(String(delivery.headers['content-type']), /^application\/json/);

    const [after] = await emu.control.installations({ tenantId: TENANT });
    assert.equal(after?.status, 'uninstalled');
    const detailAfter = await browser.get(`${emu.base}/admin/apps/${CLIENT_ID}`);
    assert.match(detailAfter.html, />追加する</);

    const redelivered = await emu.control.redeliverLifecycleEvent(CLIENT_ID);
    assert.equal(redelivered.redelivery, true);
    assert.equal(received.length, 2);
    assert.equal(received[1]?.body, delivery.body);
    assert.equal(received[1]?.headers['x-works-event-id'], event.eventId);
  });

  it('retries the lifecycle event on 5xx; a reinstall gets a new installation and service account', async () => {
    const installation = await emu.control.installApp(CLIENT_ID, TENANT, { members: 'all' });
    answers.push(503, 500);
    const { delivery } = await emu.control.uninstallApp(CLIENT_ID, TENANT);
    assert.ok(delivery !== null);
    assert.deepEqual(
      delivery.attempts.map((attempt) => attempt.status),
      [503, 500, 200],
    );
    assert.equal(delivery.status, 200);
    assert.equal(received.length, 3);
    assert.equal(new Set(received.map((entry) => entry.body)).size, 1);
    assert.equal((await emu.control.lifecycleDeliveries(CLIENT_ID)).length, 1);

    const reinstalled = await emu.control.installApp(CLIENT_ID, TENANT);
    assert.notEqual(reinstalled.installationId, installation.installationId);
    assert.notEqual(reinstalled.serviceAccountId, installation.serviceAccountId);
  });

  it('records an unreachable app callback after 4 attempts without failing the removal', async () => {
    await emu.control.seedLineWorks({ apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appCallbackUrl: 'http://127.0.0.1:1/nowhere' }] });
    await emu.control.installApp(CLIENT_ID, TENANT);
    const { installation, delivery } = await emu.control.uninstallApp(CLIENT_ID, TENANT);
    assert.equal(installation.status, 'uninstalled');
    assert.equal(delivery?.attempts.length, 4);
    assert.equal(delivery?.status, null);
    assert.equal(typeof delivery?.attempts[0]?.error, 'string');
  });
});
