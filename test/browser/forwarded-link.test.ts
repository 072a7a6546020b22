// A talk room's link is a single-use ticket that anyone can open: an employee forwards (or copies
// out) the link of their [ID連携] or [ID連携解除] and a colleague opens it on their own desktop, in
// a browser signed in to freee and LINE WORKS as themselves. The ID-link's LINE WORKS login proves
// which LINE WORKS account is at the keyboard, so the forwarded [ID連携] ends on a clear page and
// links nobody, and the rightful person still links afterwards; a forwarded [ID連携解除] unlinks
// nobody. Screenshots in test-results/flows/.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { LINK_ERRORS } from '../../api/pages/link-messages';
import { EmployeeLink, TenantLink } from '../../models';
import type { TestApi } from '../support/api-server';
import { linkFlowHooks, type FlowDriver } from '../support/flow-driver';
import { logIn, type People } from '../support/people';
import { stack, withWorker } from '../support/stack';

describe('browser: a forwarded ID-link on a desktop (Chromium)', function () {
  this.timeout(180_000);
  let api: TestApi;
  let taskQueue: string;
  let people: People;
  let flow: FlowDriver;

  linkFlowHooks('forwarded', (t) => ({ api, taskQueue, people, flow } = t));

  /** The admin has linked the business; answers the bot's ID. */
  async function linkedBusiness(): Promise<string> {
    const admin = await flow.page();
    await flow.adminLinks(admin);
    assert.equal(await flow.result(admin), '連携設定が完了しました');
    return (await TenantLink.findById(people.worksTenantId).lean())?.botId ?? '';
  }

  /** Taps `button` in the talk room but copies the link the bot answers instead of opening it. */
  async function copyLinkOf(page: Page, button: 'ID連携' | 'ID連携解除'): Promise<string> {
    // The talk room's tap answers with a redirect to the bot's link: read it there, do not follow it.
    const tapped = `${stack().urls.lineworks}/talk/actions`;
    let copied: (link: string) => void = () => undefined;
    const link = new Promise<string>((resolve) => (copied = resolve));
    await page.route(tapped, async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      const location = answer.headers().location ?? '';
      copied(location);
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'copied' });
    });
    await page.getByRole('button', { name: button, exact: true }).click();
    const forwarded = await link;
    await page.unroute(tapped);
    assert.ok(forwarded.startsWith(`${api.url}/link/start?ticket=`), forwarded);
    return forwarded;
  }

  const linkOf = (freeeId: number) => EmployeeLink.findOne({ companyId: String(people.companyId), freeeUserId: String(freeeId) }).lean();

  it('the colleague who opens the employee’s [ID連携] link is refused and linked to nothing; the employee still links', async () => {
    const s = stack();
    await withWorker(taskQueue, async () => {
      const botId = await linkedBusiness();
      const menuOf = async (worksUserId: string) => (await s.lineWorks.effectiveRichMenu(botId, worksUserId))?.richmenuName;

      const employee = await flow.page();
      await flow.openTalkRoom(employee, people.employee.worksUserId);
      const forwarded = await copyLinkOf(employee, 'ID連携');

      // The colleague, at their own desk: signed in to LINE WORKS (their talk room) and to freee as themselves.
      const colleague = await flow.page();
      await flow.openTalkRoom(colleague, people.colleagueWorksUserId);
      await colleague.goto(forwarded);
      await flow.freeeLogIn(colleague, { freeeEmail: people.colleague.email });
      await flow.allowLineWorksLogin(colleague, { shot: 'f01-colleague-lineworks-consent' });
      await colleague.waitForURL(`${api.url}/auth/lineworks/callback?**`);
      assert.equal(await flow.errorMessage(colleague), LINK_ERRORS.WORKS_ACCOUNT_MISMATCH.message);
      assert.equal(((await colleague.textContent('[data-error-remedy]')) ?? '').trim(), LINK_ERRORS.WORKS_ACCOUNT_MISMATCH.remedy);
      assert.equal(await colleague.getByRole('button', { name: '許可する' }).count(), 0, 'no [許可する] to press');
      await flow.shot(colleague, 'f02-forwarded-link-refused');
      assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0, 'nobody is linked');
      assert.equal(await linkOf(people.colleague.freeeId), null);
      assert.equal(await menuOf(people.employee.worksUserId), 'renkei-unlinked');

      // The link was single-use: the employee opening it now is told to start again from the talk room.
      await employee.goto(forwarded);
      assert.equal(await flow.errorMessage(employee), LINK_ERRORS.EXPIRED.message);

      // The employee taps [ID連携] again: LINE WORKS answers from their session, and they link.
      await employee.goto(`${s.urls.lineworks}/talk?bot=${botId}`);
      await flow.tapLink(employee);
      assert.equal((await employee.textContent('[data-works-account]'))?.trim(), `${people.employee.worksUserId}（${people.worksTenantId}.works.example）`);
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(employee), '連携に成功しました');
      await flow.shot(employee, 'f03-employee-linked');
      assert.equal((await linkOf(people.employee.freeeId))?.worksUserId, people.employee.worksUserId);
      assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 1);
      assert.equal(await menuOf(people.employee.worksUserId), 'renkei-linked');
      assert.equal(await menuOf(people.colleagueWorksUserId), 'renkei-unlinked');
    });

    // On a desktop renkei asks LINE WORKS without prompt=login: the browser's session answers.
    const redirectUri = `${api.url}/auth/lineworks/callback`;
    const authorizations = (await s.lineWorks.requests({ method: 'GET', path: '/oauth2/v2.0/authorize' })).filter((r) => r.query.redirect_uri === redirectUri);
    assert.equal(authorizations.length, 2);
    assert.ok(authorizations.every((r) => r.query.prompt === undefined && r.query.scope === 'openid' && r.query.code_challenge_method === 'S256'));
  });

  it('a LINE WORKS login as someone else than the talk room’s account is refused, also without a LINE WORKS session', async () => {
    await withWorker(taskQueue, async () => {
      await linkedBusiness();
      const employee = await flow.page();
      await flow.openTalkRoom(employee, people.employee.worksUserId);
      const forwarded = await copyLinkOf(employee, 'ID連携');

      // A browser signed in to nothing: freee's login, then LINE WORKS's, where only the colleague's own password works.
      const colleague = await flow.page();
      await colleague.goto(forwarded);
      await flow.freeeLogIn(colleague, { freeeEmail: people.colleague.email });
      await colleague.waitForURL(`${stack().urls.lineworks}/login?**`);
      await logIn(colleague, people.colleagueWorksUserId);
      await flow.allowLineWorksLogin(colleague);
      await colleague.waitForURL(`${api.url}/auth/lineworks/callback?**`);
      assert.equal(await flow.errorMessage(colleague), LINK_ERRORS.WORKS_ACCOUNT_MISMATCH.message);
    });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: people.worksTenantId }), 0);
  });

  it('the colleague who opens the employee’s [ID連携解除] link unlinks nobody', async () => {
    const s = stack();
    await withWorker(taskQueue, async () => {
      const botId = await linkedBusiness();
      // Both are ID-linked, each to their own LINE WORKS account.
      const employee = await flow.page();
      await flow.openTalkRoom(employee, people.employee.worksUserId);
      await flow.tapLink(employee);
      await employee.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(employee), '連携に成功しました');
      const colleague = await flow.page();
      await flow.openTalkRoom(colleague, people.colleagueWorksUserId);
      await flow.tapLink(colleague, { freeeEmail: people.colleague.email });
      await colleague.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.result(colleague), '連携に成功しました');

      await employee.goto(`${s.urls.lineworks}/talk?bot=${botId}`);
      const forwarded = await copyLinkOf(employee, 'ID連携解除');
      await colleague.goto(forwarded);
      await colleague.waitForURL(/\/link\/consent/);
      assert.equal((await colleague.textContent('h1'))?.trim(), '連携を解除しますか?');
      await colleague.getByRole('button', { name: '許可する' }).click();
      assert.equal(await flow.errorMessage(colleague), LINK_ERRORS.NOT_LINKED_EMPLOYEE.message);
      await flow.shot(colleague, 'f04-forwarded-unlink-refused');
    });
    assert.equal((await linkOf(people.employee.freeeId))?.worksUserId, people.employee.worksUserId, 'the employee is still linked');
    assert.equal((await linkOf(people.colleague.freeeId))?.worksUserId, people.colleagueWorksUserId, 'the colleague is still linked');
  });
});
