// Every message of the help page's error table, each caused for real in Chromium (not faked by
// the page): a business mismatch, a freee user already ID-linked to another LINE WORKS account,
// a refused LINE WORKS token, an outage, an unexpected refusal (with a reference ID), LINE WORKS's
// own 有効ではないクライアント情報です — plus a double click, a stale page and a second business.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { LINK_ERRORS } from '../../api/pages/link-messages';
import { EmployeeLink, TenantLink } from '../../models';
import type { TestApi } from '../support/api-server';
import { logIn, type People } from '../support/people';
import { stack, withWorker } from '../support/stack';
import { linkFlowHooks, type FlowDriver } from '../support/flow-driver';

describe('browser: the error table of the linking flows (Chromium)', function () {
  this.timeout(180_000);
  let api: TestApi;
  let taskQueue: string;
  let people: People;
  let flow: FlowDriver;
  let admin: Page;

  linkFlowHooks('errors', (t) => ({ api, taskQueue, people, flow } = t));

  /** The admin links the business; the employee stands in the talk room. */
  async function linkedBusinessAndTalkRoom(worksUserId = people.employee.worksUserId): Promise<Page> {
    admin = await flow.page();
    await flow.adminLinks(admin);
    assert.equal(await flow.result(admin), '連携設定が完了しました');
    const page = await flow.page();
    await flow.openTalkRoom(page, worksUserId);
    return page;
  }

  async function assertError(page: Page, expected: { message: string; remedy: string }, shot: string): Promise<void> {
    assert.equal(await flow.errorMessage(page), expected.message);
    assert.equal(((await page.textContent('[data-error-remedy]')) ?? '').trim(), expected.remedy);
    await flow.shot(page, shot);
  }

  it('logged into another business than the linked one: 事業所の切り替え message, and nothing linked', async () => {
    await withWorker(taskQueue, async () => {
      const employee = await linkedBusinessAndTalkRoom();
      await flow.tapLink(employee, { companyId: people.otherCompanyId });
      assert.equal((await employee.textContent('[data-company]'))?.trim(), people.otherCompanyName);
      await employee.getByRole('button', { name: '許可する' }).click();
      await assertError(employee, LINK_ERRORS.BUSINESS_MISMATCH, 'e1-business-mismatch');
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });

  it('the freee user is already ID-linked to another LINE WORKS account: 既に他のLINE WORKSにID連携されています', async () => {
    await withWorker(taskQueue, async () => {
      const employee = await linkedBusinessAndTalkRoom();
      await flow.tapLink(employee);
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(employee), '連携に成功しました');
      // The same freee user, from a colleague's LINE WORKS account.
      const other = await flow.page();
      await flow.openTalkRoom(other, people.colleagueWorksUserId);
      await flow.tapLink(other);
      await other.getByRole('button', { name: '許可する' }).click();
      await assertError(other, LINK_ERRORS.ALREADY_LINKED, 'e2-already-linked');
    });
    const links = await EmployeeLink.find({ worksTenantId: people.worksTenantId }).lean();
    assert.deepEqual(links.map((l) => l.worksUserId), [people.employee.worksUserId]);
  });

  it('LINE WORKS refuses the token: LINE WORKSの認証に失敗しました, and nothing linked', async () => {
    await withWorker(taskQueue, async () => {
      const employee = await linkedBusinessAndTalkRoom();
      await flow.tapLink(employee);
      await stack().lineWorks.revokeTenant(people.worksTenantId);
      try {
        await employee.getByRole('button', { name: '許可する' }).click();
        await assertError(employee, LINK_ERRORS.TOKEN_INVALID, 'e3-token-invalid');
      } finally {
        await stack().lineWorks.restoreTenant(people.worksTenantId);
      }
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });

  it('LINE WORKS is down: 時間をおいて再度…, with a reference ID; nothing linked', async () => {
    await withWorker(taskQueue, async () => {
      const employee = await linkedBusinessAndTalkRoom();
      await flow.tapLink(employee);
      await stack().lineWorks.fault({ method: 'POST', path: '/v1.0/bots/:botId/richmenus/:menuId/users/:userId', status: 503, times: 10 });
      await employee.getByRole('button', { name: '許可する' }).click();
      await assertError(employee, LINK_ERRORS.TRANSIENT, 'e4-transient');
      assert.ok(((await employee.textContent('[data-reference-id]')) ?? '').length > 0);
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });

  it('anything unexpected: エラーが発生しました。サポートデスクまで…, with a reference ID the operator can search', async () => {
    await withWorker(taskQueue, async () => {
      const employee = await linkedBusinessAndTalkRoom();
      await flow.tapLink(employee);
      // LINE WORKS no longer knows the account (deleted between the tap and [許可する]).
      await stack().lineWorks.fault({ method: 'POST', path: '/v1.0/bots/:botId/richmenus/:menuId/users/:userId', status: 404, times: 1 });
      await employee.getByRole('button', { name: '許可する' }).click();
      await assertError(employee, LINK_ERRORS.UNEXPECTED, 'e5-unexpected');
      assert.match(((await employee.textContent('[data-reference-id]')) ?? '').trim(), /^[0-9a-f-]{36}$/);
    });
  });

  it('a double click on [許可する] links once; a used or tampered page is refused', async () => {
    await withWorker(taskQueue, async () => {
      const employee = await linkedBusinessAndTalkRoom();
      await flow.tapLink(employee);
      const consentUrl = employee.url();
      const form = { s: await employee.locator('input[name="s"]').inputValue(), csrf: await employee.locator('input[name="csrf"]').inputValue() };
      const post = (page: Page) => page.request.post(`${api.url}/link/consent`, { form: { ...form, decision: 'allow' }, maxRedirects: 0 });
      const [a, b] = await Promise.all([post(employee), post(employee)]);
      const pages = [await a.text(), await b.text()];
      assert.ok(pages.every((p) => p.includes('連携に成功しました')), 'both clicks show the success');
      await employee.goto(consentUrl);
      await assertError(employee, LINK_ERRORS.EXPIRED, 'e6-used-page');
      await employee.goto(consentUrl.replace(/s=[^&]+/, 's=forged.value'));
      assert.equal(await flow.errorMessage(employee), LINK_ERRORS.EXPIRED.message);
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 1);
  });

  it('a second business cannot take a linked LINE WORKS; LINE WORKS answers 有効ではないクライアント情報です to a bad client', async () => {
    await withWorker(taskQueue, async () => {
      admin = await flow.page();
      await flow.adminLinks(admin);
      assert.equal(await flow.result(admin), '連携設定が完了しました');
      // The same admin switches to the other business and tries to link the same tenant.
      const again = await flow.page();
      await again.goto(`${api.url}/settings/notifications`);
      await logIn(again, people.admin.email);
      await again.locator(`input[name="company_id"][value="${people.otherCompanyId}"]`).check();
      await again.getByRole('button', { name: '許可する' }).click();
      await again.getByRole('button', { name: 'アカウントを連携する' }).click();
      await logIn(again, people.admin.worksUserId);
      // Already installed: LINE WORKS offers [設定する]; the admin opens renkei's add page anyway,
      // which says the LINE WORKS is taken before sending anyone to LINE WORKS's install.
      await again.goto(`${stack().urls.lineworks}/admin/apps/${stack().secrets.clientId}`);
      assert.ok(await again.getByRole('link', { name: '設定する' }).isVisible());
      const taken = await again.goto(`${api.url}/lineworks/admin/add?domain_id=${people.worksTenantId}`);
      assert.equal(taken?.status(), 409);
      assert.equal(await flow.result(again), 'このLINE WORKSは他の事業所と連携済みです');
      await flow.shot(again, 'e7-tenant-linked-elsewhere');

      await again.goto(`${stack().urls.lineworks}/admin/apps/not-our-client/install?return_to=${encodeURIComponent(`${api.url}/lineworks/admin/installed`)}`);
      assert.match((await again.textContent('body')) ?? '', /有効ではないクライアント情報です/);
      await flow.shot(again, 'e8-invalid-client');
    });
    assert.equal((await TenantLink.findById(people.worksTenantId).lean())?.companyId, String(people.companyId));
  });
});
