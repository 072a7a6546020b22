// The walk of the help page (docs/flows/freee-lineworks.md) as a new admin and employee meet it, in
// Chromium: the LINE WORKS tenant is shown by the domain name LINE WORKS gives (consent screens,
// 通知設定), a 事業所 mismatch is fixed from its own page — freee's business switch, then
// 「連携に成功しました」 without going back to the talk room —, a second business's admin learns that
// the LINE WORKS is taken before leaving for LINE WORKS, and the language switch of a one-time page
// keeps that page.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { LINK_ERROR_TABLE, LINK_ERRORS } from '../../api/pages/link-messages';
import { EmployeeLink, TenantLink } from '../../models';
import type { TestApi } from '../support/api-server';
import { linkFlowHooks, type FlowDriver } from '../support/flow-driver';
import { logIn, type People } from '../support/people';
import { stack, withWorker } from '../support/stack';

describe('browser: the link flows’ names, ways forward and language switch (Chromium)', function () {
  this.timeout(180_000);
  let api: TestApi;
  let taskQueue: string;
  let people: People;
  let flow: FlowDriver;

  linkFlowHooks('forward', (t) => ({ api, taskQueue, people, flow } = t));

  /** The domain name the LINE WORKS emulator gives a tenant seeded without one. */
  const domainName = (): string => `${people.worksTenantId}.works.example`;
  const text = async (page: Page, selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();

  /** Every address the page visits from now on. */
  function visits(page: Page): string[] {
    const urls: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) urls.push(frame.url());
    });
    return urls;
  }

  it('shows the LINE WORKS by its domain name on both consent screens and on 通知設定, and keeps it in the tenant link', async () => {
    await withWorker(taskQueue, async () => {
      const admin = await flow.page();
      await flow.adminLinks(admin, {
        onConsent: async (page) => {
          assert.equal(await text(page, '[data-works-account]'), `LINE WORKS ${domainName()}`);
          await flow.shot(page, 'w1-admin-consent-domain');
        },
      });
      assert.equal(await flow.result(admin), '連携設定が完了しました');
      assert.equal((await TenantLink.findById(people.worksTenantId).lean())?.domainName, domainName());
      await admin.goto(`${api.url}/settings/notifications`);
      assert.equal(await text(admin, `[data-tenant="${people.worksTenantId}"] [data-tenant-name]`), `LINE WORKS ${domainName()}`);
      assert.doesNotMatch((await admin.textContent('main')) ?? '', new RegExp(`LINE WORKS ${people.worksTenantId}(?!\\.)`));
      await flow.shot(admin, 'w2-settings-domain');

      const employee = await flow.page();
      await flow.openTalkRoom(employee, people.employee.worksUserId);
      await flow.tapLink(employee);
      assert.equal(await text(employee, '[data-works-account]'), `${people.employee.worksUserId}（${domainName()}）`);
      await flow.shot(employee, 'w3-employee-consent-domain');
    });
  });

  it('fixes a 事業所 mismatch from its page: freee’s business switch, the consent again, 連携に成功しました — without the talk room', async () => {
    await withWorker(taskQueue, async () => {
      const admin = await flow.page();
      await flow.adminLinks(admin);
      const employee = await flow.page();
      await flow.openTalkRoom(employee, people.employee.worksUserId);
      await flow.tapLink(employee, { companyId: people.otherCompanyId });
      const urls = visits(employee);
      assert.equal(await text(employee, '[data-company]'), people.otherCompanyName);
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.errorMessage(employee), LINK_ERRORS.BUSINESS_MISMATCH.message);
      assert.equal(await text(employee, '[data-error-remedy]'), LINK_ERRORS.BUSINESS_MISMATCH.remedy);
      assert.equal(await employee.getAttribute('[data-action="backToTalk"]', 'href'), `${stack().urls.lineworks}/talk`, 'a way back, not needed');
      await flow.shot(employee, 'w4-mismatch-with-switch');

      // The remedy: switch to the linked business in freee, then link again.
      await employee.getByRole('link', { name: '事業所を変更する' }).click();
      assert.equal(await text(employee, 'h1'), '事業所の切り替え');
      await employee.locator('li', { hasText: people.companyName }).getByRole('button', { name: '選択' }).click();
      await employee.locator(`input[name="company_id"][value="${people.companyId}"]`).check(); // freee's consent proposes it
      await employee.getByRole('button', { name: '許可する' }).click();
      await employee.waitForURL(/\/link\/consent\?s=/);
      assert.equal(await text(employee, 'h1'), '連携を開始しますか?');
      assert.equal(await text(employee, '[data-company]'), people.companyName);
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(employee), '連携に成功しました');
      await flow.shot(employee, 'w5-mismatch-fixed');
      assert.deepEqual(urls.filter((u) => u.startsWith(`${stack().urls.lineworks}/talk`)), [], 'never back in the talk room');
    });
    const link = await EmployeeLink.findOne({ worksTenantId: people.worksTenantId }).lean();
    assert.equal(link?.companyId, String(people.companyId));
    assert.equal(link?.worksUserId, people.employee.worksUserId);
  });

  it('tells a second business’s admin that the LINE WORKS is linked elsewhere, and what to do, before leaving for LINE WORKS', async () => {
    await withWorker(taskQueue, async () => {
      const admin = await flow.page();
      await flow.adminLinks(admin);
      const again = await flow.page();
      await again.goto(`${api.url}/settings/notifications`);
      await logIn(again, people.admin.email);
      await again.locator(`input[name="company_id"][value="${people.otherCompanyId}"]`).check();
      await again.getByRole('button', { name: '許可する' }).click();
      await again.waitForURL(`${api.url}/settings/notifications`);
      // 通知設定, before [アカウントを連携する] leads to LINE WORKS (whose app page only offers [設定する]).
      assert.equal(
        await text(again, `[data-taken-tenant="${people.worksTenantId}"]`),
        `LINE WORKS ${domainName()} は、既に他の事業所と連携されています。1つのLINE WORKSに対して、複数の事業所を連携することはできません。`,
      );
      await flow.shot(again, 'w6-settings-tenant-taken');
      await again.getByRole('button', { name: 'アカウントを連携する' }).click();
      await logIn(again, people.admin.worksUserId);
      const urls = visits(again);
      const response = await again.goto(`${api.url}/lineworks/admin/add?domain_id=${people.worksTenantId}&domain_name=${domainName()}`);
      assert.equal(response?.status(), 409);
      assert.equal(await text(again, '[data-result]'), 'このLINE WORKSは他の事業所と連携済みです');
      const body = (await again.textContent('main')) ?? '';
      assert.match(body, new RegExp(`LINE WORKS ${domainName().replace(/\./g, '\\.')}は、既に他の事業所と連携されています。`));
      assert.match(body, /1つのLINE WORKSに対して、複数の事業所を連携することはできません。/);
      assert.equal(await again.getByRole('button', { name: '許可する' }).count(), 0, 'nothing to allow');
      assert.ok(await again.getByRole('link', { name: '事業所を変更する' }).isVisible());
      await flow.shot(again, 'w6-tenant-taken-before-install');
      assert.deepEqual(urls.filter((u) => u.includes('/install')), [], 'never sent to LINE WORKS’s install');

      // [事業所を変更する] → the linked business → 通知設定 lists its LINE WORKS.
      await again.getByRole('link', { name: '事業所を変更する' }).click();
      await again.locator('li', { hasText: people.companyName }).getByRole('button', { name: '選択' }).click();
      await again.locator(`input[name="company_id"][value="${people.companyId}"]`).check();
      await again.getByRole('button', { name: '許可する' }).click();
      await again.waitForURL(`${api.url}/settings/notifications`);
      assert.ok(await again.locator(`[data-tenant="${people.worksTenantId}"]`).isVisible());
    });
    assert.equal((await TenantLink.findById(people.worksTenantId).lean())?.companyId, String(people.companyId));
  });

  it('switches the language of a one-time page on that page: the result, and an error with its way forward', async () => {
    await withWorker(taskQueue, async () => {
      const admin = await flow.page();
      await flow.adminLinks(admin);
      assert.equal(await flow.result(admin), '連携設定が完了しました');
      await admin.getByRole('link', { name: 'English' }).click();
      assert.equal(await admin.getAttribute('html', 'lang'), 'en');
      assert.equal(await flow.result(admin), 'The link is set up');
      assert.match((await admin.textContent('main')) ?? '', new RegExp(`“${people.companyName}” was added`));
      await flow.shot(admin, 'w7-admin-result-english');
      await admin.getByRole('link', { name: '日本語' }).click();
      assert.equal(await flow.result(admin), '連携設定が完了しました');

      const employee = await flow.page();
      await flow.openTalkRoom(employee, people.employee.worksUserId);
      await flow.tapLink(employee, { companyId: people.otherCompanyId });
      await employee.getByRole('button', { name: '許可する' }).click();
      const changeBusiness = await employee.getAttribute('[data-action="changeBusiness"]', 'href');
      await employee.getByRole('link', { name: 'English' }).click();
      assert.equal(await employee.getAttribute('html', 'lang'), 'en');
      assert.equal(await flow.errorMessage(employee), LINK_ERROR_TABLE.en.BUSINESS_MISMATCH.message);
      assert.equal(await employee.getAttribute('[data-action="changeBusiness"]', 'href'), changeBusiness, 'the same way forward');
      assert.ok(await employee.getByRole('link', { name: 'Change business' }).isVisible());
      await flow.shot(employee, 'w8-error-english');
      await employee.reload();
      assert.equal(await flow.errorMessage(employee), LINK_ERROR_TABLE.en.BUSINESS_MISMATCH.message, 'the switched page can be shown again');
    });
  });
});
