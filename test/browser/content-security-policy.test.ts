// renkei's pages under their Content-Security-Policy in a real Chromium: styled by renkei's own
// stylesheets, no violation reported, and the forms that lead to a provider's sign-in (freee's
// 通知設定 → LINE WORKS, 「LINEでログイン」 → LINE) still get there.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import type { TestApi } from '../support/api-server';
import { navigateBy } from '../support/browser';
import { browserSuiteHooks } from '../support/browser-suite';
import { SHOTS } from '../support/flow-driver';
import { logIn, seedPeople, type People } from '../support/people';
import { stack } from '../support/stack';

describe('browser: pages under the Content-Security-Policy (Chromium)', function () {
  this.timeout(120_000);
  let api: TestApi;
  let people: People;
  let page: Page;
  let violations: string[];

  browserSuiteHooks(
    {
      queuePrefix: 'csp',
      shotsDir: SHOTS,
      open: async ({ browser }) => {
        const people = await seedPeople();
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
        const page = await context.newPage();
        violations = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
        });
        return { people, page, close: () => context.close() };
      },
    },
    (t) => ({ api, fixture: { people, page } } = t),
  );

  const style = async (selector: string, property: string): Promise<string> =>
    String(await page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(property)})`));

  it('通知設定 is styled, and [アカウントを連携する] leads to LINE WORKS', async () => {
    await page.goto(`${api.url}/settings/notifications`);
    await logIn(page, people.admin.email);
    await navigateBy(page, () => page.getByRole('button', { name: '許可する' }).click());
    assert.equal(new URL(page.url()).pathname, '/settings/notifications');
    assert.equal(await style('body', 'background-color'), 'rgb(245, 246, 248)', 'page.css applies');
    assert.equal(await style('h2.card-heading', 'font-size'), '16.8px', 'the headings’ class replaces their inline style');
    await navigateBy(page, () => page.getByRole('button', { name: 'アカウントを連携する' }).click());
    assert.equal(new URL(page.url()).origin, new URL(stack().urls.lineworks).origin, 'the form’s redirect to LINE WORKS is allowed');
    assert.deepEqual(violations, []);
  });

  it('ログイン is styled, and 「LINEでログイン」 leads to LINE', async () => {
    await page.goto(`${api.url}/partner/login`);
    assert.equal(await style('body', 'background-color'), 'rgb(245, 246, 248)', 'page.css applies');
    assert.equal(await style('.line', 'background-color'), 'rgb(6, 199, 85)', 'form.css applies');
    await navigateBy(page, () => page.getByRole('button', { name: 'LINEでログイン' }).click());
    assert.equal(new URL(page.url()).origin, new URL(stack().urls.line).origin, 'the form’s redirect to LINE Login is allowed');
    assert.deepEqual(violations, []);
  });
});
