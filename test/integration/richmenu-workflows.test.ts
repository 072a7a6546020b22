// The rich-menu workflows end to end: an operator's re-provisioning finds the bot's menus again,
// sets their current images and makes [ID連携] the default, and a tap on
// [勤怠登録メニューに切り替え] / [メニューに戻る] in the talk room (a signed bot callback through the
// API) switches that person's menu, in a workflow found by the business's CompanyId.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { richMenuProvisionWorkflowId } from '../../common/ids';
import { POSTBACK } from '../../common/links/postbacks';
import { TenantLink } from '../../models/tenant-link';
import type { richMenuProvisionWorkflow } from '../../workflows/richmenu-provision';
import { useTestApi } from '../support/api-per-test';
import { commandsFor, linkEmployees, linkTenant, newTenant, worksUserOf, type LinkedTenant } from '../support/links';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

describe('rich-menu workflows', () => {
  const run = useTestApi('richmenu');

  /** A linked tenant with one ID-linked employee, on this test's worker. */
  const withLinkedEmployee = (t: LinkedTenant, body: (worksUserId: string) => Promise<void>): Promise<void> =>
    withWorker(run.taskQueue, async () => {
      const commands = commandsFor(run.taskQueue);
      await linkTenant(commands, t);
      const [user] = await linkEmployees(commands, t, 1);
      await body(worksUserOf(t, user as string));
    });

  /** A tap on a rich-menu area in the talk room: the bot callback LINE WORKS sends, signed. */
  const tap = async (t: LinkedTenant, worksUserId: string, data: string): Promise<void> => {
    const sent = await stack().lineWorks.sendBotCallback(t.botId, { type: 'postback', userId: worksUserId, data });
    assert.equal(sent.status, 200, JSON.stringify(sent));
  };

  it('re-provisions the menus ([ID連携] by default) and switches a person to the 人事労務 menu and back', async () => {
    const s = stack();
    const t = newTenant();
    await withLinkedEmployee(t, async (worksUserId) => {

      const before = await s.lineWorks.effectiveRichMenu(t.botId, 'someone-not-linked');
      const menus = await s.env.client.workflow.execute<typeof richMenuProvisionWorkflow>('richMenuProvisionWorkflow', {
        workflowId: richMenuProvisionWorkflowId(t.worksTenantId, randomUUID()),
        taskQueue: run.taskQueue,
        args: [{ worksTenantId: t.worksTenantId }],
      });
      assert.deepEqual(Object.keys(menus).sort(), ['attendance', 'linked', 'unlinked']);
      const after = await s.lineWorks.effectiveRichMenu(t.botId, 'someone-not-linked');
      assert.equal(after?.richmenuName, 'renkei-unlinked');
      // The menu found again keeps its ID and gets the current image again (an upgrade's new images
      // reach tenants provisioned before it).
      assert.equal(after?.richmenuId, before?.richmenuId);
      assert.equal(after?.image?.fileName, 'renkei-unlinked.png');
      assert.notEqual(after?.image?.fileId, before?.image?.fileId, 'a new upload is set on the menu found again');

      await tap(t, worksUserId, POSTBACK.attendanceMenu);
      const menuOf = async () => (await s.lineWorks.effectiveRichMenu(t.botId, worksUserId))?.richmenuName;
      await eventually(menuOf, (m) => m === 'renkei-attendance', 'the 人事労務 menu');
      await tap(t, worksUserId, POSTBACK.mainMenu);
      await eventually(menuOf, (m) => m === 'renkei-linked', 'the linked menu');
    });
    // Both switches are found with the business's other workflows, and say what they did.
    const switches = await eventually(
      async () => {
        const found: Array<{ type: string; id: string }> = [];
        for await (const wf of s.env.client.workflow.list({ query: `CompanyId = "${t.companyId}" AND WorkflowType = "richMenuSwitchWorkflow"` })) found.push({ type: wf.type, id: wf.workflowId });
        return found;
      },
      (found) => found.length === 2,
      'the two menu switches by CompanyId',
    );
    const summaries = await Promise.all(switches.map(async (w) => (await s.env.client.workflow.getHandle(w.id).describe()).staticSummary()));
    assert.deepEqual(summaries.sort(), [`メニューに戻る — LINE WORKS tenant ${t.worksTenantId} (事業所 ${t.companyId})`, `勤怠登録メニューに切り替え — LINE WORKS tenant ${t.worksTenantId} (事業所 ${t.companyId})`].sort());
  });

  it('gives a tenant provisioned with older images the current ones at its next menu switch', async () => {
    const s = stack();
    const t = newTenant();
    await withLinkedEmployee(t, async (worksUserId) => {
      const current = (await TenantLink.findById(t.worksTenantId).lean())?.richMenuImages;
      assert.ok(current, 'the link records which images its menus carry');
      // As if the menus had been provisioned by a release with other images.
      await TenantLink.updateOne({ _id: t.worksTenantId }, { $set: { richMenuImages: 'an-older-release' } });
      const before = await s.lineWorks.effectiveRichMenu(t.botId, 'someone-not-linked');

      await tap(t, worksUserId, POSTBACK.attendanceMenu);
      await eventually(async () => (await s.lineWorks.effectiveRichMenu(t.botId, worksUserId))?.richmenuName, (m) => m === 'renkei-attendance', 'the 人事労務 menu');

      const after = await s.lineWorks.effectiveRichMenu(t.botId, 'someone-not-linked');
      assert.equal(after?.richmenuId, before?.richmenuId, 'the same menus, found again');
      assert.notEqual(after?.image?.fileId, before?.image?.fileId, 'with the current image uploaded again');
      assert.equal((await TenantLink.findById(t.worksTenantId).lean())?.richMenuImages, current);
    });
  });
});
