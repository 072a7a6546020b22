// Cascade unlink (`cascade-unlink:{worksTenantId}:{requestId}`): when an admin removes the app,
// every employee link of the tenant is revoked exactly once. Pages through the link records, lets a
// heartbeating activity signal each link's workflow in bounded batches, continues-as-new between
// runs of pages (history stays small however many links), and ends with a report.
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { cascadeStatusQuery } from '../common/links/cascade-messages';
import type { CascadeInput, CascadeReport, CascadeTotals } from '../common/links/types';

const { revokeLinksPage } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
const { finishCascade } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });

export const DEFAULT_CASCADE_PAGE_SIZE = 500;
/** Pages per run before continue-as-new (each page is a few history events). */
const PAGES_PER_RUN = 50;

export async function cascadeUnlinkWorkflow(input: CascadeInput): Promise<CascadeReport> {
  const totals: CascadeTotals = { ...(input.totals ?? { revoked: 0, already_gone: 0, failed: 0 }) };
  let afterId = input.afterId;
  let pages = input.pages ?? 0;
  let finished = false;
  setHandler(cascadeStatusQuery, () => ({ cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, companyId: input.companyId, totals, pages, afterId, finished }));

  for (let pagesThisRun = 0; ; pagesThisRun++) {
    if (pagesThisRun >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof cascadeUnlinkWorkflow>({ ...input, afterId, totals, pages });
    }
    const page = await revokeLinksPage({
      cascadeId: input.cascadeId,
      worksTenantId: input.worksTenantId,
      afterId,
      pageSize: input.pageSize ?? DEFAULT_CASCADE_PAGE_SIZE,
    });
    if (page.processed > 0) pages++;
    totals.revoked += page.counts.revoked;
    totals.already_gone += page.counts.already_gone;
    totals.failed += page.counts.failed;
    afterId = page.lastId ?? afterId;
    if (page.done) break;
  }
  const counted = await finishCascade({ cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, companyId: input.companyId });
  finished = true;
  return { cascadeId: input.cascadeId, worksTenantId: input.worksTenantId, companyId: input.companyId, totals: counted, pages };
}
