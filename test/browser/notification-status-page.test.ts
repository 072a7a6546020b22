// The status page a person opens for a freee notification, in a real headless Chromium at a
// phone's viewport: only for someone signed in with freee (the page sends others to freee's login
// and back), showing a recipient of that business their own delivery — Japanese, readable — and
// nothing of the other recipients; anyone else (another business, not a recipient, an unknown
// event) gets the same 見つかりません page, which tells nothing.
import { strict as assert } from 'node:assert';
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { notificationWorkflowId } from '../../common/ids';
import { seedLinkedBusiness } from '../../scripts/lib/seed-link';
import type { TestApi } from '../support/api-server';
import { keepScreenshot } from '../support/browser';
import { browserSuiteHooks } from '../support/browser-suite';
import { logIn } from '../support/people';
import { stack, withWorker } from '../support/stack';

describe('browser: notification status page (Chromium, phone viewport)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let api: TestApi;
  let taskQueue: string;

  browserSuiteHooks(
    { queuePrefix: 'browser', shotsDir: 'test-results', open: () => Promise.resolve({ close: () => Promise.resolve() }) },
    (t) => ({ browser, api, taskQueue } = t),
  );

  /**
   * A business with two ID-linked employees (and a third person who is not linked), a second
   * business with its own person, all known to freee; and one delivered notification that addresses
   * both linked employees.
   */
  async function deliveredToTwo() {
    const s = stack();
    const n = randomInt(1_000_000, 9_999_999);
    const companyId = String(n);
    const person = (k: number, company = n) => ({ freeeUserId: String(n + k), email: `p${n + k}@free.example`, worksUserId: `p${n + k}@tenant-${n}`, company });
    const [first, second, unlinked, elsewhere] = [person(1), person(2), person(3), person(4, n + 9)];
    await seedLinkedBusiness(
      {
        companyId,
        worksTenantId: `tenant-${n}`,
        botId: `bot-${n}`,
        serviceAccountId: `sa-${n}.serviceaccount@tenant-${n}`,
        employees: [first, second].map((p) => ({ freeeUserId: p.freeeUserId, worksUserId: p.worksUserId })),
      },
      s.lineWorks,
      s.secrets,
    );
    await s.freee.seedFreee({
      companies: [
        { id: n, name: `配信株式会社${n}` },
        { id: n + 9, name: `別会社${n}` },
      ],
      users: [first, second, unlinked, elsewhere].map((p) => ({ id: Number(p.freeeUserId), email: p.email, display_name: '従業員', companies: [{ id: p.company, role: 'self_only' }] })),
      apps: [],
    });
    const event = s.freee.productEvent({ product: 'hr', company_id: n, user_ids: [n + 1, n + 2], title: '勤怠の申請が承認されました' });
    await withWorker(taskQueue, async () => {
      assert.equal((await s.freee.deliverProductEvent({ event })).status, 202);
      await s.env.client.workflow.getHandle(notificationWorkflowId('freee', `hr-${event.id}`)).result();
    });
    return { n, companyName: `配信株式会社${n}`, eventId: `hr-${event.id}`, first, second, unlinked, elsewhere };
  }

  /** Opens `path` in a fresh phone-sized browser; the status page sends it to freee's login, and back. */
  async function openSignedIn(path: string, email: string): Promise<{ page: Page; status: number | undefined }> {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' })).newPage();
    await page.goto(`${api.url}${path}`);
    await page.waitForURL(`${stack().urls.freee}/**`);
    await logIn(page, email);
    const back = page.waitForResponse((r) => r.url() === `${api.url}${path}`);
    await page.getByRole('button', { name: '許可する' }).click(); // freee's consent
    const status = (await back).status();
    await page.waitForLoadState('load');
    return { page, status };
  }

  it('shows a recipient their own delivery, 配信済み, and nothing of the other recipient', async () => {
    const d = await deliveredToTwo();
    const { page, status } = await openSignedIn(`/notifications/freee/${d.eventId}`, d.first.email);
    assert.equal(status, 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.equal(await page.title(), '通知の配信状況 | renkei');
    assert.equal((await page.textContent('[data-phase]'))?.trim(), '配信済み');
    assert.equal((await page.textContent(`[data-recipient="${d.first.worksUserId}"]`))?.trim(), `${d.first.worksUserId}：送信済み`);
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /勤怠の申請が承認されました/);
    assert.match(main, new RegExp(d.companyName));
    assert.equal(await page.locator('[data-recipient]').count(), 1, 'one recipient entry: their own');
    const html = await page.content();
    for (const other of [d.second.worksUserId, d.second.freeeUserId]) assert.equal(html.includes(other), false, `the page does not show ${other}`);
    // Fits a phone: nothing wider than the viewport.
    const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
    assert.ok(scrollWidth <= 390, `page is ${scrollWidth}px wide on a 390px phone`);
    await keepScreenshot(page, 'test-results/notification-status.png');
    await page.context().close();
  });

  it('answers someone of another business, a person of the business who is not a recipient and an unknown event with the same 404 page', async () => {
    const d = await deliveredToTwo();
    const path = `/notifications/freee/${d.eventId}`;
    const pages: string[] = [];
    for (const [who, email, at] of [
      ['another business', d.elsewhere.email, path],
      ['not a recipient', d.unlinked.email, path],
      ['unknown event', d.first.email, '/notifications/freee/no-such-event'],
    ] as const) {
      const { page, status } = await openSignedIn(at, email);
      assert.equal(status, 404, who);
      assert.equal((await page.textContent('h1'))?.trim(), '見つかりません', who);
      const main = ((await page.textContent('main')) ?? '').trim();
      assert.match(main, /このイベントの通知は見つかりませんでした。/, who);
      const html = await page.content();
      for (const secret of [d.first.worksUserId, d.second.worksUserId, d.first.freeeUserId, d.second.freeeUserId, '勤怠の申請が承認されました', d.companyName]) {
        assert.equal(html.includes(secret), false, `${who}: the page does not show ${secret}`);
      }
      pages.push(main);
      await page.context().close();
    }
    assert.equal(new Set(pages).size, 1, 'the three pages are the same');
  });

  it('sends someone not signed in to freee’s login before telling anything', async () => {
    const d = await deliveredToTwo();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
    const response = await page.request.get(`${api.url}/notifications/freee/${d.eventId}`, { maxRedirects: 0 });
    assert.equal(response.status(), 303);
    assert.equal(response.headers().location, `/auth/freee/login?return_to=${encodeURIComponent(`/notifications/freee/${d.eventId}`)}`);
    assert.equal((await response.text()).includes(d.first.worksUserId), false);
    await page.close();
  });
});
