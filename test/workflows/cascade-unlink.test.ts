// The cascade unlink's paging with stub activities: every page of the link snapshot revoked once
// and in order across continue-as-new runs, a sweep for links recorded meanwhile until one finds
// none, and a run continued from one that paged by `afterId` starting with a snapshot.
import { strict as assert } from 'node:assert';
import type { CascadeTotals } from '../../common/links/types';
import type { CascadeSnapshot, SnapshotCascadeLinksInput } from '../../activities/links/snapshot-cascade-links';
import type { RevokeSnapshotPageInput, RevokeSnapshotPageResult } from '../../activities/links/revoke-snapshot-page';
import type { cascadeUnlinkWorkflow } from '../../workflows/cascade-unlink';
import { withStubWorker, workflowEnv } from '../support/workflow-env';

/** Stubs whose snapshot of round r has `pagesPerRound[r]` pages (none after the last). */
function stubs(pagesPerRound: number[]) {
  const calls: string[] = [];
  const revoked: CascadeTotals = { revoked: 0, already_gone: 0, failed: 0 };
  return {
    calls,
    activities: {
      snapshotCascadeLinks: async (input: SnapshotCascadeLinksInput): Promise<CascadeSnapshot> => {
        calls.push(`snapshot:${input.round}`);
        await Promise.resolve();
        const pages = pagesPerRound[input.round] ?? 0;
        return { snapshotId: `${input.cascadeId}:${input.round}:1`, pages, links: pages * input.pageSize };
      },
      revokeSnapshotPage: async (input: RevokeSnapshotPageInput): Promise<RevokeSnapshotPageResult> => {
        calls.push(`page:${input.snapshotId}:${input.pageNo}`);
        await Promise.resolve();
        revoked.revoked += 2;
        revoked.already_gone += 1;
        return { processed: 3, counts: { revoked: 2, already_gone: 1, failed: 0 } };
      },
      revokeLinksPage: async (): Promise<never> => {
        calls.push('links-page');
        await Promise.resolve();
        throw new Error('a cascade with snapshots never pages by afterId');
      },
      finishCascade: async (): Promise<CascadeTotals> => {
        calls.push('finish');
        await Promise.resolve();
        return { ...revoked };
      },
    },
  };
}

let n = 0;
const start = (taskQueue: string, extra: Partial<Parameters<typeof cascadeUnlinkWorkflow>[0]> = {}) => {
  const cascadeId = `t1:r${++n}`;
  return workflowEnv().client.workflow.start<typeof cascadeUnlinkWorkflow>('cascadeUnlinkWorkflow', {
    workflowId: `cascade-unlink:${cascadeId}:${taskQueue}`,
    taskQueue,
    args: [{ worksTenantId: 't1', companyId: 'c1', cascadeId, pageSize: 3, ...extra }],
  });
};

describe('cascade unlink workflow (stub activities)', () => {
  it('revokes each page of the snapshot once, in order, across runs, then sweeps until a snapshot finds no link', async () => {
    const s = stubs([120, 2]);
    await withStubWorker(s.activities, async (tq) => {
      const h = await start(tq);
      const report = await h.result();
      const cascadeId = report.cascadeId;
      const expected = [
        'snapshot:0',
        ...Array.from({ length: 120 }, (_, i) => `page:${cascadeId}:0:1:${i}`),
        'snapshot:1',
        `page:${cascadeId}:1:1:0`,
        `page:${cascadeId}:1:1:1`,
        'snapshot:2',
        'finish',
      ];
      assert.deepEqual(s.calls, expected);
      assert.deepEqual(report.totals, { revoked: 244, already_gone: 122, failed: 0 });
      assert.equal(report.pages, 122);
      // 125 activities, at most 50 a run: the first run continued as new.
      const first = await workflowEnv().client.workflow.getHandle(h.workflowId, h.firstExecutionRunId).describe();
      assert.equal(first.status.name, 'CONTINUED_AS_NEW');
    });
  });

  it('ends with the report when the tenant has no link left', async () => {
    const s = stubs([]);
    await withStubWorker(s.activities, async (tq) => {
      const report = await (await start(tq)).result();
      assert.deepEqual(s.calls, ['snapshot:0', 'finish']);
      assert.deepEqual(report.totals, { revoked: 0, already_gone: 0, failed: 0 });
      assert.equal(report.pages, 0);
    });
  });

  it('starts with a snapshot when it continues from a run that paged by afterId, keeping its count of pages', async () => {
    const s = stubs([1]);
    await withStubWorker(s.activities, async (tq) => {
      const report = await (await start(tq, { afterId: 'c1:u0042', pages: 7, totals: { revoked: 20, already_gone: 1, failed: 0 } })).result();
      assert.equal(s.calls.includes('links-page'), false);
      assert.equal(s.calls[0], 'snapshot:0');
      assert.equal(report.pages, 8);
    });
  });
});
