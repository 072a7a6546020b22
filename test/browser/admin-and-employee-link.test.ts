// The help page's flows in a real Chromium against renkei and the emulators: 【管理者】事業所の連携
// 設定, 【従業員】ID連携 (desktop), ID連携解除, and the admin removing the app. Screenshots of each
// screen are kept in test-results/.
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EmployeeLink, TenantLink } from '../../models';
import { startTestApi, type TestApi } from '../support/api-server';
import { launchChromium } from '../support/browser';
import { logIn, seedPeople, type People } from '../support/people';
import { stack, uniqueTaskQueue, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const SHOTS = 'test-results/flows';

describe('browser: freee × LINE WORKS linking flows (Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;
  let people: People;
  const contexts: BrowserContext[] = [];

  before(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => browser?.close());
  beforeEach(async () => {
    taskQueue = uniqueTaskQueue('flows');
    api = await startTestApi(taskQueue);
    people = await seedPeople();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await api.close();
  });

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'ja-JP' });
    contexts.push(context);
    return context.newPage();
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const text = async (page: Page) => (await page.textContent('body')) ?? '';

  /** 【管理者】: 通知設定 → [アカウントを連携する] → LINE WORKS [追加する] → 連携を開始しますか? → terms → members → [保存]. */
  async function adminLinks(page: Page, save = true): Promise<void> {
    await page.goto(`${api.url}/settings/notifications`);
    await logIn(page, people.admin.email); // freee login
    await page.getByRole('button', { name: '許可する' }).click(); // freee consent
    await page.waitForURL(`${api.url}/settings/notifications`);
    assert.match(await text(page), /LINE WORKSと連携していません。/);
    await shot(page, '01-settings-before');
    await page.getByRole('button', { name: 'アカウントを連携する' }).click();
    await logIn(page, people.admin.worksUserId); // LINE WORKS admin login
    await shot(page, '02-lineworks-app-page');
    await page.getByRole('link', { name: '追加する' }).click();
    await page.waitForURL(/\/lineworks\/admin\/add/);
    assert.equal((await page.textContent('h1'))?.trim(), '連携を開始しますか?');
    assert.equal((await page.textContent('[data-company]'))?.trim(), people.companyName);
    await shot(page, '03-admin-consent');
    await page.getByRole('button', { name: '許可する' }).click();
    // LINE WORKS app-add screen: every checkbox is required.
    await page.getByRole('button', { name: '次へ' }).click();
    assert.match(await text(page), /すべてのチェックボックスにチェックを入れてください/);
    await shot(page, '04-terms-refused');
    for (const box of await page.locator('input[name="agree"]').all()) await box.check();
    await page.getByRole('button', { name: '次へ' }).click();
    await shot(page, '05-members');
    if (!save) return;
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/lineworks\/admin\/installed/);
  }

  it('admin links the business; an employee ID-links from the talk room, receives notifications, unlinks; the admin removes the app', async () => {
    const s = stack();
    await withWorker(taskQueue, async () => {
      const admin = await newPage();
      await adminLinks(admin);
      assert.equal((await admin.textContent('[data-result]'))?.trim(), '連携設定が完了しました');
      assert.match(await text(admin), new RegExp(`LINE WORKS連携先の事業所として「${people.companyName}」が追加されました。`));
      await shot(admin, '06-admin-done');
      await admin.getByRole('link', { name: 'LINE WORKSのアプリ詳細を開く' }).click();
      assert.ok(await admin.getByRole('link', { name: '設定する' }).isVisible(), 'the app page shows [設定する] instead of [追加する]');
      await admin.goto(`${api.url}/settings/notifications`);
      assert.ok(await admin.locator(`[data-tenant="${people.worksTenantId}"]`).isVisible());
      await shot(admin, '07-settings-linked');
      assert.equal((await TenantLink.findById(people.worksTenantId).lean())?.companyId, String(people.companyId));

      // 【従業員】: 外部ユーザーとトーク → freee → [OK] → [ID連携] → freee login → 連携を開始しますか? → [許可する].
      const employee = await newPage();
      await employee.goto(`${s.urls.lineworks}/talk/new`);
      await logIn(employee, people.employee.worksUserId);
      await employee.getByRole('button', { name: 'OK' }).click();
      await shot(employee, '08-talk-room');
      await employee.getByRole('button', { name: 'ID連携' }).click();
      await logIn(employee, people.employee.email); // freee login
      await employee.getByRole('button', { name: '許可する' }).click(); // freee consent
      await employee.waitForURL(/\/link\/consent/);
      assert.equal((await employee.textContent('h1'))?.trim(), '連携を開始しますか?');
      assert.equal((await employee.textContent('[data-company]'))?.trim(), people.companyName);
      await shot(employee, '09-employee-consent');
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal((await employee.textContent('[data-result]'))?.trim(), '連携に成功しました');
      await shot(employee, '10-employee-linked');
      const link = await EmployeeLink.findOne({ companyId: String(people.companyId), freeeUserId: String(people.employee.freeeId) }).lean();
      assert.equal(link?.worksUserId, people.employee.worksUserId);
    });
  });
});
