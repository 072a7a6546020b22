// The start of each round of a cascade unlink: the tenant's employee links still to revoke, taken
// once (one query over the links and one over the cascade's outcomes) and written as pages keyed
// by `_id`, so that each page of the round is one `_id` lookup and the cascade stays linear in the
// number of links on the embedded Mongo-wire server, which scans a collection for any other query
// (docs/design.md §4). Links with an outcome in this cascade (a link whose revocation failed keeps
// its record) are left out. Each attempt writes its own snapshot, so an attempt that outlives its
// timeout never rewrites the pages of the one the workflow goes on with.
import { activityInfo, heartbeat } from '@temporalio/activity';
import { CascadeOutcomeRecord } from '../../models/cascade-outcome';
import { CascadeSnapshotPage, MAX_CASCADE_PAGE_SIZE, cascadeSnapshotId, cascadeSnapshotPageId } from '../../models/cascade-snapshot-page';
import { EmployeeLink } from '../../models/employee-link';

export interface SnapshotCascadeLinksInput {
  cascadeId: string;
  worksTenantId: string;
  /** 0 for the first snapshot of the cascade, then one more for each sweep after a round. */
  round: number;
  pageSize: number;
}

export interface CascadeSnapshot {
  snapshotId: string;
  /** Pages 0 … pages-1. */
  pages: number;
  links: number;
}

/** Pages written per insert: a few MB per write at most. */
const PAGES_PER_WRITE = 20;

export async function snapshotCascadeLinks(input: SnapshotCascadeLinksInput): Promise<CascadeSnapshot> {
  const pageSize = Math.min(Math.max(1, Math.floor(input.pageSize)), MAX_CASCADE_PAGE_SIZE);
  const links = await EmployeeLink.find({ worksTenantId: input.worksTenantId }, { _id: 1, companyId: 1, freeeUserId: 1 }).sort({ _id: 1 }).lean();
  heartbeat({ round: input.round, links: links.length });
  const settled = new Set((await CascadeOutcomeRecord.find({ cascadeId: input.cascadeId }, { employeeLinkId: 1 }).lean()).map((o) => o.employeeLinkId));
  const todo = links.filter((l) => !settled.has(l._id)).map((l) => ({ id: l._id, companyId: l.companyId, freeeUserId: l.freeeUserId }));
  const snapshotId = cascadeSnapshotId(input.cascadeId, input.round, activityInfo().attempt);
  const pages = Math.ceil(todo.length / pageSize);
  for (let first = 0; first < pages; first += PAGES_PER_WRITE) {
    const docs = [];
    for (let p = first; p < Math.min(pages, first + PAGES_PER_WRITE); p++) {
      docs.push({ _id: cascadeSnapshotPageId(snapshotId, p), cascadeId: input.cascadeId, links: todo.slice(p * pageSize, (p + 1) * pageSize) });
    }
    await CascadeSnapshotPage.insertMany(docs);
    heartbeat({ round: input.round, links: links.length, pagesWritten: first + docs.length });
  }
  return { snapshotId, pages, links: todo.length };
}
