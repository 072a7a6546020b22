// The help page's flows in a real Chromium against renkei and the emulators: 【管理者】事業所の連携
// 設定, 【従業員】ID連携 (desktop), notifications, the 人事労務 menu, ID連携解除, and the admin removing
// the app. Screenshots of each screen are kept in test-results/flows/.
import { strict as assert } from 'node:assert';
import { EmployeeLink, TenantLink } from '../../models';
import type { TestApi } from '../support/api-server';
import { linkFlowHooks, type FlowDriver } from '../support/flow-driver';
import type { People } from '../support/people';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('browser: freee × LINE WORKS linking flows (Chromium)', function () {
  this.timeout(180_000);
  let api: TestApi;
  let taskQueue: string;
  let people: People;
  let flow: FlowDriver;

  linkFlowHooks('flows', (t) => ({ api, taskQueue, people, flow } = t));

  it('admin links; the employee ID-links, is notified, switches to the 人事労務 menu and back, unlinks; the admin removes the app', async () => {
    const s = stack();
    await withWorker(taskQueue, async () => {
      const admin = await flow.page();
      await flow.adminLinks(admin, { shots: true });
      assert.equal(await flow.result(admin), '連携設定が完了しました');
      assert.match((await admin.textContent('body')) ?? '', new RegExp(`LINE WORKS連携先の事業所として「${people.companyName}」が追加されました。`));
      await flow.shot(admin, '06-admin-done');
      await admin.getByRole('link', { name: 'LINE WORKSのアプリ詳細を開く' }).click();
      assert.ok(await admin.getByRole('link', { name: '設定する' }).isVisible(), 'the app page shows [設定する] instead of [追加する]');
      await admin.goto(`${api.url}/settings/notifications`);
      assert.ok(await admin.locator(`[data-tenant="${people.worksTenantId}"]`).isVisible(), '通知設定 lists the linked LINE WORKS');
      await flow.shot(admin, '07-settings-linked');
      const tenant = await TenantLink.findById(people.worksTenantId).lean();
      assert.equal(tenant?.companyId, String(people.companyId));
      const botId = tenant?.botId ?? '';
      const menuOf = async () => (await s.lineWorks.effectiveRichMenu(botId, people.employee.worksUserId))?.richmenuName;
      assert.equal(await menuOf(), 'renkei-unlinked');

      // 【従業員】ID連携: freee login, then LINE WORKS answers renkei's login from the talk room's
      // session (the first time, the member allows renkei on LINE WORKS's consent page).
      const employee = await flow.page();
      await flow.openTalkRoom(employee, people.employee.worksUserId);
      await flow.shot(employee, '08-talk-room');
      await flow.tapLink(employee);
      assert.equal((await employee.textContent('h1'))?.trim(), '連携を開始しますか?');
      assert.equal((await employee.textContent('[data-company]'))?.trim(), people.companyName);
      await flow.shot(employee, '09-employee-consent');
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(employee), '連携に成功しました');
      await flow.shot(employee, '10-employee-linked');
      assert.equal((await EmployeeLink.findOne({ companyId: String(people.companyId), freeeUserId: String(people.employee.freeeId) }).lean())?.worksUserId, people.employee.worksUserId);
      assert.equal(await menuOf(), 'renkei-linked', 'the menu now shows [ID連携解除]');

      // A freee notification reaches the linked employee in the talk room.
      const event = s.freee.productEvent({ product: 'hr', company_id: people.companyId, user_ids: [people.employee.freeeId], title: '勤怠の申請が承認されました' });
      assert.equal((await s.freee.deliverProductEvent({ event })).status, 202);
      await eventually(() => s.lineWorks.lineWorksMessages({ userId: people.employee.worksUserId }), (m) => m.length === 1, 'the notification');
      await employee.goto(`${s.urls.lineworks}/talk?bot=${botId}`);
      assert.match((await employee.textContent('body')) ?? '', /【freee人事労務】\s*勤怠の申請が承認されました/);
      assert.ok(await employee.getByRole('button', { name: 'ID連携解除' }).isVisible());
      await flow.shot(employee, '11-talk-notified');

      // [勤怠登録メニューに切り替え] → the 人事労務 menu, with a way back.
      await employee.getByRole('button', { name: '勤怠登録メニューに切り替え' }).click();
      await eventually(menuOf, (m) => m === 'renkei-attendance', 'the 人事労務 menu');
      await employee.goto(`${s.urls.lineworks}/talk?bot=${botId}`);
      await flow.shot(employee, '12-attendance-menu');
      await employee.getByRole('button', { name: 'メニューに戻る' }).click();
      await eventually(menuOf, (m) => m === 'renkei-linked', 'the linked menu again');
      await employee.goto(`${s.urls.lineworks}/talk?bot=${botId}`);

      // ID連携解除.
      await employee.getByRole('button', { name: 'ID連携解除' }).click();
      await employee.waitForURL(/\/link\/consent/);
      assert.equal((await employee.textContent('h1'))?.trim(), '連携を解除しますか?');
      await flow.shot(employee, '13-unlink-consent');
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(employee), '連携を解除しました');
      await flow.shot(employee, '14-unlinked');
      assert.equal(await menuOf(), 'renkei-unlinked', 'the menu is [ID連携] again');
      assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);

      // Linked again, then the admin removes the app: every employee link is revoked.
      await employee.goto(`${s.urls.lineworks}/talk?bot=${botId}`);
      await flow.tapLink(employee, { loggedIn: true, worksConsentGiven: true });
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(employee), '連携に成功しました');
      await admin.goto(`${s.urls.lineworks}/admin/apps/${s.secrets.clientId}`);
      await admin.getByRole('link', { name: 'アプリを削除' }).click();
      assert.match((await admin.textContent('body')) ?? '', /freeeアプリを削除しますか\?/);
      await flow.shot(admin, '15-remove-app');
      await admin.getByRole('button', { name: '削除' }).click();
      await eventually(async () => (await TenantLink.findById(people.worksTenantId).lean())?.status, (st) => st === 'removed', 'the tenant link to end');
      assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
      await admin.goto(`${api.url}/settings/notifications`);
      assert.equal(await admin.locator(`[data-tenant="${people.worksTenantId}"]`).count(), 0, 'the tenant disappears from 通知設定');
      assert.match((await admin.textContent(`[data-report="${people.worksTenantId}"]`)) ?? '', /解除 1 件・解除済み 0 件・失敗 0 件/);
      await flow.shot(admin, '16-settings-after-removal');
    });
  });
});
