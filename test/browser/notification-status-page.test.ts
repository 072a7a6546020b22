// The status page a person opens for a freee notification, in a real headless Chromium at a
// phone's viewport: Japanese, readable, and showing what the workflow reports.
import { strict as assert } from 'node:assert';
import type { Browser } from 'playwright-core';
import { notificationWorkflowId } from '../../common/ids';
import { seedNewBusiness } from '../support/fixtures';
import type { TestApi } from '../support/api-server';
import { keepScreenshot } from '../support/browser';
import { browserSuiteHooks } from '../support/browser-suite';
import { stack, withWorker } from '../support/stack';

describe('browser: notification status page (Chromium, phone viewport)', function () {
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;

  browserSuiteHooks(
    { queuePrefix: 'browser', shotsDir: 'test-results', open: () => Promise.resolve({ close: () => Promise.resolve() }) },
    (t) => ({ browser, api, taskQueue } = t),
  );

  it('shows 配信済み and the recipient once the message is delivered', async () => {
    const s = stack();
    const biz = await seedNewBusiness();
    const n = Number(biz.companyId);
    const { worksUserId } = biz.employee;
    await s.freee.configureFreeeWebhook({ targetUrl: `${api.url}/webhooks/freee`, verificationToken: s.secrets.freeeWebhookToken });
    const event = s.freee.freeeEvent({ action: 'updated', approval_request: { company_id: n, applicant_id: n + 1, status: 'approved', id: 501 } });
    await withWorker(taskQueue, async () => {
      assert.equal((await s.freee.deliverFreeeWebhook({ event })).status, 202);
      await s.env.client.workflow.getHandle(notificationWorkflowId('freee', String(event.id))).result();
    });

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
    const response = await page.goto(`${api.url}/notifications/freee/${event.id}`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.equal(await page.title(), '通知の配信状況 | renkei');
    assert.equal((await page.textContent('[data-phase]'))?.trim(), '配信済み');
    assert.equal((await page.textContent(`[data-recipient="${worksUserId}"]`))?.trim(), `${worksUserId}：送信済み`);
    assert.match((await page.textContent('main')) ?? '', /各種申請（No\.501）のステータスが更新されました：承認済み/);
    // Fits a phone: nothing wider than the viewport.
    const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
    assert.ok(scrollWidth <= 390, `page is ${scrollWidth}px wide on a 390px phone`);
    await keepScreenshot(page, 'test-results/notification-status.png');
    await page.close();
  });

  it('answers an unknown event with a Japanese 404 page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
    const response = await page.goto(`${api.url}/notifications/freee/no-such-event`);
    assert.equal(response?.status(), 404);
    assert.equal((await page.textContent('h1'))?.trim(), '見つかりません');
    assert.match((await page.textContent('main')) ?? '', /このイベントの通知は見つかりませんでした。/);
    await page.close();
  });
});
