// One page of a cascade unlink's snapshot: the page's links (one `_id` lookup), revoked as every
// page revokes its links (revoke-links.ts). The snapshot outlives the page, so a retried page
// reads the same links again.
import type { Client } from '@temporalio/client';
import type { CascadeTotals } from '../../common/links/types';
import { CascadeSnapshotPage, cascadeSnapshotPageId } from '../../models/cascade-snapshot-page';
import { makeRevokeLinks } from './revoke-links';

export interface RevokeSnapshotPageInput {
  cascadeId: string;
  worksTenantId: string;
  snapshotId: string;
  pageNo: number;
}

export interface RevokeSnapshotPageResult {
  processed: number;
  counts: CascadeTotals;
}

export function makeRevokeSnapshotPage(temporal: Client) {
  const revokeLinks = makeRevokeLinks(temporal);
  return async function revokeSnapshotPage(input: RevokeSnapshotPageInput): Promise<RevokeSnapshotPageResult> {
    const pageId = cascadeSnapshotPageId(input.snapshotId, input.pageNo);
    const page = await CascadeSnapshotPage.findById(pageId, { links: 1 }).lean();
    // Pages are deleted only when the cascade has finished, after its last page.
    if (!page) throw new Error(`cascade snapshot page ${pageId} is missing`);
    const counts = await revokeLinks({
      cascadeId: input.cascadeId,
      worksTenantId: input.worksTenantId,
      links: page.links,
      readOutcomes: 'on-retry',
      progress: { snapshotId: input.snapshotId, pageNo: input.pageNo },
    });
    return { processed: page.links.length, counts };
  };
}
