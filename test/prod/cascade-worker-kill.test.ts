// On the production-shaped stack: a cascade of link revocations on the shared task queue while one
// of the two compiled workers is killed without draining (SIGKILL); the other one finishes it, and
// every link is revoked exactly once.
import { strict as assert } from 'node:assert';
import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceError } from '@temporalio/client';
import { linkCommands } from '../../api/temporal/link-commands';
import { cascadeUnlinkWorkflowId, employeeLinkWorkflowId } from '../../common/ids';
import { cascadeStatusQuery } from '../../common/links/cascade-messages';
import type { EmployeeLinkState } from '../../common/links/types';
import { CascadeOutcomeRecord, EmployeeLink } from '../../models';
import type { cascadeUnlinkWorkflow } from '../../workflows/cascade-unlink';
import { eventually } from '../support/wait';
import { prod } from './hooks';

const LINKS = 500;
/** How many link workflows are started or checked at once (the machine has few cores). */
const AT_ONCE = 20;

/** Runs `fn` over `items`, `AT_ONCE` at a time. */
async function inGroups<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += AT_ONCE) await Promise.all(items.slice(i, i + AT_ONCE).map(fn));
}

/**
 * Links one employee, asking again with the same update ID (so it stays one update) while the
 * server answers UNAVAILABLE: on a cold stack under load its shards can take longer to settle than
 * the client's own gRPC retries (about 20 s) cover.
 */
async function linkEmployeeOnce(attempt: () => Promise<unknown>): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await attempt();
      return;
    } catch (err) {
      if (!(err instanceof ServiceError) || tries === 5) throw err;
      await sleep(3_000);
    }
  }
}

/** How many times the link's workflow moved to `revoked` (its LinkStatus upserts, from the history). */
async function revocations(workflowId: string): Promise<number> {
  const history = await prod().client.workflow.getHandle(workflowId).fetchHistory();
  const decoder = new TextDecoder();
  return (history.events ?? []).filter((e) => {
    const data = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.LinkStatus?.data;
    return data ? JSON.parse(decoder.decode(data)) === 'revoked' : false;
  }).length;
}

describe('production-shaped stack: a cascade survives a killed worker', function () {
  this.timeout(600_000);
  it(`revokes ${LINKS} links exactly once when one worker is SIGKILLed mid-cascade`, async () => {
    const { client, lineWorks, stack } = prod();
    const commands = linkCommands(client, stack.env.TEMPORAL_TASK_QUEUE ?? 'renkei');
    const n = randomInt(1_000_000, 9_999_999);
    const t = { companyId: String(n), worksTenantId: `tenant-${n}`, botId: `bot-${n}`, serviceAccountId: `sa-${n}`, installationId: randomUUID() };
    const users = Array.from({ length: LINKS }, (_, i) => `u${String(i + 1).padStart(4, '0')}`);
    const worksUser = (u: string): string => `w-${u}@${t.worksTenantId}`;
    const { secrets } = stack;
    await lineWorks.seedLineWorks({
      apps: [{ clientId: secrets.clientId, clientSecret: secrets.clientSecret, publicKeyPem: secrets.publicKeyPem }],
      tenants: [{ tenantId: t.worksTenantId, clientId: secrets.clientId, serviceAccountId: t.serviceAccountId, installationId: t.installationId, botIds: [t.botId], users: users.map((u) => ({ userId: worksUser(u) })) }],
    });
    await commands.linkTenant(t.worksTenantId, { companyId: t.companyId, botId: t.botId, serviceAccountId: t.serviceAccountId, installationId: t.installationId, installedAt: new Date().toISOString() }, randomUUID());
    await inGroups(users, async (u) => {
      const requestId = randomUUID();
      await linkEmployeeOnce(() => commands.linkEmployee(t.companyId, u, { worksTenantId: t.worksTenantId, worksUserId: worksUser(u) }, requestId));
    });

    const cascadeId = `${t.worksTenantId}:${randomUUID()}`;
    // The killed worker's page is taken over after 5 s without a heartbeat (30 s by default).
    const handle = await client.workflow.start<typeof cascadeUnlinkWorkflow>('cascadeUnlinkWorkflow', {
      workflowId: cascadeUnlinkWorkflowId(t.worksTenantId, cascadeId),
      taskQueue: stack.env.TEMPORAL_TASK_QUEUE ?? 'renkei',
      args: [{ worksTenantId: t.worksTenantId, companyId: t.companyId, cascadeId, pageSize: 25, pageHeartbeatTimeoutMs: 5_000 }],
    });
    await eventually(() => handle.query(cascadeStatusQuery).then((p) => p.pages, () => 0), (pages) => pages >= 1, 'the first page of the cascade', 120_000);
    const victim = stack.workers[0];
    assert.ok(victim?.process.pid, 'worker 1 runs');
    process.kill(victim.process.pid, 'SIGKILL');
    await eventually(() => Promise.resolve(victim.process.exitReason()), (r) => r !== undefined, 'worker 1 gone');
    const atKill = await handle.query(cascadeStatusQuery);
    assert.ok(!atKill.finished, 'the cascade was still running when the worker died');

    const report = await handle.result();
    assert.deepEqual(report.totals, { revoked: LINKS, already_gone: 0, failed: 0 });
    assert.equal(await EmployeeLink.countDocuments({ worksTenantId: t.worksTenantId }), 0);
    assert.equal((await CascadeOutcomeRecord.find({ cascadeId }).lean()).length, LINKS, 'one outcome per link');
    await inGroups(users, async (u) => {
      const wfId = employeeLinkWorkflowId(t.companyId, u);
      const state = (await client.workflow.getHandle(wfId).result()) as EmployeeLinkState;
      assert.equal(state.status, 'revoked', u);
      assert.equal(state.revokedBy, cascadeId, u);
      assert.equal(await revocations(wfId), 1, `${u} was revoked more than once`);
    });
    // The stack has two workers again for what follows.
    stack.workers[0] = await stack.startWorker(0);
  });
});
