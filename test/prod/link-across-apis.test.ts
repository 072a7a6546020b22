// On the production-shaped stack, in Chromium: 【管理者】事業所の連携設定 and 【従業員】ID連携 through
// the pages while every page load of renkei goes to the other compiled API than the one before
// (API 1, API 2, API 1, …): the OAuth states, the sessions and cookies and the link's
// update-with-start hold across API replicas, as behind a load balancer without sticky sessions.
import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EmployeeLink, TenantLink } from '../../models';
import { launchChromium, navigateBy } from '../support/browser';
import { eventually } from '../support/wait';
import { prod } from './hooks';

/** Which API answered each page load of renkei (and each redirect to it): `[api index, path]`. */
type Served = Array<[number, string]>;

/**
 * A browser context whose page loads of renkei alternate between the APIs (sub-resources go to
 * API 1). A redirect is followed by the browser without asking the route, so every redirect to an
 * API (an OAuth callback from freee or LINE WORKS, a redirect of renkei's own) is rewritten to the
 * next API in turn: each hop alternates too.
 */
async function alternatingContext(browser: Browser, apiUrls: string[], emulatorUrls: string[], served: Served): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const origins = apiUrls.map((u) => new URL(u).origin);
  const proxied = new Set([...origins, ...emulatorUrls.map((u) => new URL(u).origin)]);
  let next = 0;
  /** Redirect targets already given their API: served as they are if the browser asks the route. */
  const chosen = new Set<string>();
  const take = (url: URL): string => {
    const index = next++ % origins.length;
    served.push([index, url.pathname]);
    return `${origins[index] as string}${url.pathname}${url.search}`;
  };
  await context.route(
    (url) => proxied.has(url.origin),
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      let target = url.href;
      if (origins.includes(url.origin) && !chosen.delete(url.href)) {
        if (request.isNavigationRequest()) target = take(url);
        else target = `${origins[0] as string}${url.pathname}${url.search}`;
      }
      const response = await route.fetch({ url: target, maxRedirects: 0 });
      const location = response.headers()['location'];
      if (response.status() >= 300 && response.status() < 400 && location !== undefined) {
        const to = new URL(location, target);
        if (origins.includes(to.origin)) {
          const rewritten = take(to);
          chosen.add(rewritten);
          await route.fulfill({ response, headers: { ...response.headers(), location: rewritten } });
          return;
        }
      }
      await route.fulfill({ response });
    },
  );
  return context;
}

async function logIn(page: Page, id: string): Promise<void> {
  await page.locator('input[name="email"], input[name="loginId"]').fill(id);
  await page.locator('input[name="password"]').fill('password');
  await navigateBy(page, () => page.getByRole('button', { name: 'ログイン' }).click());
}

const result = async (page: Page): Promise<string> => ((await page.textContent('[data-result]')) ?? '').trim();

async function seedPeople() {
  const { freee, lineWorks } = prod();
  const n = randomInt(100_000, 999_999);
  const p = {
    companyId: n,
    companyName: `テスト株式会社${n}`,
    admin: { freeeId: n * 10 + 1, email: `admin${n}@free.example`, worksUserId: `admin${n}@works.example` },
    employee: { freeeId: n * 10 + 2, email: `emp${n}@free.example`, worksUserId: `emp${n}@works.example` },
    worksTenantId: String(40_000_000 + n),
  };
  await freee.seedFreee({
    companies: [{ id: p.companyId, name: p.companyName }],
    users: [
      { id: p.admin.freeeId, email: p.admin.email, display_name: '管理 花子', companies: [{ id: p.companyId, role: 'admin' }] },
      { id: p.employee.freeeId, email: p.employee.email, display_name: '山田 太郎', companies: [{ id: p.companyId, role: 'self_only' }] },
    ],
    apps: [],
  });
  await lineWorks.seedLineWorks({
    apps: [],
    tenants: [
      {
        tenantId: p.worksTenantId,
        users: [
          { userId: p.admin.worksUserId, email: p.admin.worksUserId, isAdministrator: true, name: '管理 花子' },
          { userId: p.employee.worksUserId, email: p.employee.worksUserId, name: '山田 太郎' },
        ],
      },
    ],
  });
  return p;
}

describe('production-shaped stack: linking through the pages across both APIs (Chromium)', function () {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  it('the admin links the business and the employee ID-links, each page load on the other API', async () => {
    const { stack } = prod();
    assert.ok(browser);
    const people = await seedPeople();
    const api = stack.apiUrls[0] as string;
    const lineworks = stack.emulatorUrls.lineworks;

    // 【管理者】: 通知設定 → freee → [アカウントを連携する] → LINE WORKS [追加する] → [許可する] → terms → [保存].
    const adminServed: Served = [];
    const admin = await (await alternatingContext(browser, stack.apiUrls, [stack.emulatorUrls.freee, lineworks], adminServed)).newPage();
    await admin.goto(`${api}/settings/notifications`);
    await logIn(admin, people.admin.email);
    await navigateBy(admin, () => admin.getByRole('button', { name: '許可する' }).click());
    await admin.waitForURL(`${api}/settings/notifications`);
    await navigateBy(admin, () => admin.getByRole('button', { name: 'アカウントを連携する' }).click());
    await logIn(admin, people.admin.worksUserId);
    await navigateBy(admin, () => admin.getByRole('link', { name: '追加する' }).click());
    await admin.waitForURL(/\/lineworks\/admin\/add/);
    await navigateBy(admin, () => admin.getByRole('button', { name: '許可する' }).click());
    for (const box of await admin.locator('input[name="agree"]').all()) await box.check();
    await navigateBy(admin, () => admin.getByRole('button', { name: '次へ' }).click());
    await navigateBy(admin, () => admin.getByRole('button', { name: '保存' }).click());
    await admin.waitForURL(/\/lineworks\/admin\/installed/);
    assert.equal(await result(admin), '連携設定が完了しました');
    const tenant = await eventually(() => TenantLink.findById(people.worksTenantId).lean(), (t) => t !== null, 'the tenant link');
    assert.equal(tenant?.companyId, String(people.companyId));

    // 【従業員】: the talk room → [ID連携] → freee → LINE WORKS's consent → 連携を開始しますか? → [許可する].
    const employeeServed: Served = [];
    const employee = await (await alternatingContext(browser, stack.apiUrls, [stack.emulatorUrls.freee, lineworks], employeeServed)).newPage();
    await employee.goto(`${lineworks}/talk/new`);
    await logIn(employee, people.employee.worksUserId);
    await navigateBy(employee, () => employee.getByRole('button', { name: 'OK' }).click());
    await navigateBy(employee, () => employee.getByRole('button', { name: 'ID連携', exact: true }).click());
    await logIn(employee, people.employee.email);
    // One business: freee's consent carries it without asking.
    assert.equal(await employee.locator(`input[name="company_id"][value="${people.companyId}"]`).count(), 1);
    await navigateBy(employee, () => employee.getByRole('button', { name: '許可する' }).click());
    await employee.waitForURL(`${lineworks}/oauth2/v2.0/authorize?**`);
    await navigateBy(employee, () => employee.getByRole('button', { name: '許可する' }).click());
    await employee.waitForURL(/\/link\/consent/);
    await navigateBy(employee, () => employee.getByRole('button', { name: '許可する' }).click());
    assert.equal(await result(employee), '連携に成功しました');
    const link = await EmployeeLink.findOne({ companyId: String(people.companyId), freeeUserId: String(people.employee.freeeId) }).lean();
    assert.equal(link?.worksUserId, people.employee.worksUserId);

    // Both flows had their steps on both APIs, callbacks included.
    for (const served of [adminServed, employeeServed]) {
      assert.ok(served.some(([i]) => i === 0) && served.some(([i]) => i === 1), `both APIs served: ${JSON.stringify(served)}`);
      assert.ok(served.some(([, path]) => path.includes('callback')), `an OAuth callback among ${JSON.stringify(served)}`);
    }
  });
});
