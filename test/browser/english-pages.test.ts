// renkei's pages in English, in a real Chromium whose browser language is English
// (Accept-Language: en-US): <html lang="en">, English words, and the language switch to Japanese,
// which is remembered. Screenshots in test-results/flows/.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { LINK_ERROR_TABLE } from '../../api/pages/link-messages';
import type { TestApi } from '../support/api-server';
import { keepScreenshot } from '../support/browser';
import { browserSuiteHooks } from '../support/browser-suite';
import { SHOTS } from '../support/flow-driver';
import { logIn, seedPeople, type People } from '../support/people';

describe('browser: renkei’s pages in English (Chromium, Accept-Language: en)', function () {
  this.timeout(120_000);
  let api: TestApi;
  let people: People;
  let page: Page;

  browserSuiteHooks(
    {
      queuePrefix: 'english',
      shotsDir: SHOTS,
      open: async ({ browser }) => {
        const people = await seedPeople();
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
        return { people, page: await context.newPage(), close: () => context.close() };
      },
    },
    (t) => ({ api, fixture: { people, page } } = t),
  );

  it('shows 通知設定 in English to a browser that asks for English, and switches to Japanese for good', async () => {
    const response = await page.goto(`${api.url}/settings/notifications`);
    assert.match((await response?.request().allHeaders())?.['accept-language'] ?? '', /^en/);
    await logIn(page, people.admin.email); // freee's own pages are Japanese
    await page.getByRole('button', { name: '許可する' }).click();
    await page.waitForURL(`${api.url}/settings/notifications`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Notification settings | renkei');
    assert.equal((await page.textContent('h1'))?.trim(), 'Notification settings');
    assert.ok(await page.getByRole('button', { name: 'Link an account' }).isVisible());
    assert.match((await page.textContent('main')) ?? '', /Not linked with LINE WORKS\./);
    await keepScreenshot(page, `${SHOTS}/en-01-settings.png`);

    await page.getByRole('link', { name: '日本語' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.equal((await page.textContent('h1'))?.trim(), '通知設定');
    // Remembered: the same page without ?lang stays Japanese, though the browser asks for English.
    await page.goto(`${api.url}/settings/notifications`);
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.ok(await page.getByRole('button', { name: 'アカウントを連携する' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'English' }).isVisible());
  });

  it('shows an error of the link flows in English, its switch keeping that page', async () => {
    const response = await page.goto(`${api.url}/link/start?ticket=forged.value`);
    assert.equal(response?.status(), 400);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.textContent('h1'))?.trim(), 'Error');
    assert.equal((await page.textContent('[data-error-message]'))?.trim(), LINK_ERROR_TABLE.en.EXPIRED.message);
    assert.equal((await page.textContent('[data-error-remedy]'))?.trim(), LINK_ERROR_TABLE.en.EXPIRED.remedy);
    await keepScreenshot(page, `${SHOTS}/en-02-error.png`);
    // The single-use link cannot be opened again, yet the switch keeps this page: a copy of it.
    assert.match((await page.getAttribute('[data-lang-switch]', 'href')) ?? '', /^\/link\/page\?copy=[^&]+&lang=ja$/);
    await page.getByRole('link', { name: '日本語' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.equal((await page.textContent('[data-error-message]'))?.trim(), LINK_ERROR_TABLE.ja.EXPIRED.message);
    await page.getByRole('link', { name: 'English' }).click();
    assert.equal((await page.textContent('[data-error-message]'))?.trim(), LINK_ERROR_TABLE.en.EXPIRED.message);

    // The status page is for people signed in with freee: freee's login first, then the page in English.
    await page.goto(`${api.url}/notifications/freee/no-such-event`);
    await logIn(page, people.admin.email);
    await page.getByRole('button', { name: '許可する' }).click();
    await page.waitForURL(`${api.url}/notifications/freee/no-such-event`);
    assert.equal(await page.title(), 'Not found | renkei');
    assert.match((await page.textContent('main')) ?? '', /No notification was found for this event\./);
  });
});
