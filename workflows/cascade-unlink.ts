// Cascade unlink (`cascade-unlink:{worksTenantId}:{requestId}`): when an admin removes the app,
// every employee link of the tenant is revoked exactly once. Takes a snapshot of the tenant's
// links once (pages keyed by `_id`), lets a heartbeating activity signal each page's links in
// bounded batches, then sweeps with a new snapshot for links recorded meanwhile until one finds
// none; continues-as-new between runs of pages (history stays small however many links), and ends
// with a report. Runs that started before snapshots page through the link records by `_id`.
import { continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { cascadeStatusQuery } from '../common/links/cascade-messages';
import type { CascadeInput, CascadeReport, CascadeSnapshotCursor, CascadeTotals } from '../common/links/types';

/**
 * How long a page's activity may go without a heartbeat before another worker takes the page over
 * (the activity heartbeats after each batch of signals, well within it).
 */
export const DEFAULT_PAGE_HEARTBEAT_TIMEOUT_MS = 30_000;
const pageActivities = (heartbeatTimeoutMs: number) =>
  proxyActivities<Activities>({
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: heartbeatTimeoutMs,
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });
const { snapshotCascadeLinks } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
const { finishCascade } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });

export const DEFAULT_CASCADE_PAGE_SIZE = 500;
/** Activities per run before continue-as-new (each is a few history events). */
const PAGES_PER_RUN = 50;
/**
 * Each page from a snapshot of the tenant's links taken once per round (one `_id` lookup a page)
 * instead of a query for the links after the last page's (a scan of every link per page on the
 * embedded Mongo-wire server: quadratic in the number of links).
 */
export const LINK_SNAPSHOT_PATCH = 'cascade-unlink-link-snapshot';

export async function cascadeUnlinkWorkflow(input: CascadeInput): Promise<CascadeReport> {
  const totals: CascadeTotals = { ...(input.totals ?? { revoked: 0, already_gone: 0, failed: 0 }) };
  const pageSize = input.pageSize ?? DEFAULT_CASCADE_PAGE_SIZE;
  const { revokeLinksPage, revokeSnapshotPage } = pageActivities(input.pageHeartbeatTimeoutMs ?? DEFAULT_PAGE_HEARTBEAT_TIMEOUT_MS);
  let afterId = input.afterId;
  let snapshot = input.snapshot;
  let pages = input.pages ?? 0;
  let finished = false;
  setHandler(cascadeStatusQuery, () => ({ cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, companyId: input.companyId, totals, pages, afterId, snapshot, finished }));
  const count = (page: { processed: number; counts: CascadeTotals }): void => {
    if (page.processed > 0) pages++;
    totals.revoked += page.counts.revoked;
    totals.already_gone += page.counts.already_gone;
    totals.failed += page.counts.failed;
  };

  if (patched(LINK_SNAPSHOT_PATCH)) {
    // A run that continued from one paging by `afterId` starts with a snapshot too: it leaves out
    // the links already revoked (record deleted) or failed (outcome recorded).
    afterId = undefined;
    for (let activitiesThisRun = 0; ; activitiesThisRun++) {
      if (activitiesThisRun >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
        return continueAsNew<typeof cascadeUnlinkWorkflow>({ ...input, afterId: undefined, snapshot, totals, pages });
      }
      if (!snapshot || snapshot.nextPage >= snapshot.pages) {
        // The first snapshot, or after a round a sweep for links recorded while it ran.
        const round = snapshot ? snapshot.round + 1 : 0;
        const taken = await snapshotCascadeLinks({ cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, round, pageSize });
        snapshot = { round, snapshotId: taken.snapshotId, pages: taken.pages, nextPage: 0 } satisfies CascadeSnapshotCursor;
        if (taken.pages === 0) break;
        continue;
      }
      const page = await revokeSnapshotPage({ cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, snapshotId: snapshot.snapshotId, pageNo: snapshot.nextPage });
      snapshot = { ...snapshot, nextPage: snapshot.nextPage + 1 };
      count(page);
    }
  } else {
    for (let pagesThisRun = 0; ; pagesThisRun++) {
      if (pagesThisRun >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
        return continueAsNew<typeof cascadeUnlinkWorkflow>({ ...input, afterId, totals, pages });
      }
      const page = await revokeLinksPage({ cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, afterId, pageSize });
      count(page);
      afterId = page.lastId ?? afterId;
      if (page.done) break;
    }
  }
  const counted = await finishCascade({ cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, companyId: input.companyId });
  finished = true;
  return { cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, companyId: input.companyId, totals: counted, pages };
}
