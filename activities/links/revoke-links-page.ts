// One page of a cascade unlink as cascades paged before their link snapshots (runs that started
// then still replay and finish with it): the tenant's next employee links after `afterId` (one
// query, a scan of every link on the embedded Mongo-wire server), then revoked as every page
// revokes its links (revoke-links.ts).
import type { Client } from '@temporalio/client';
import type { CascadeTotals } from '../../common/links/types';
import { EmployeeLink } from '../../models/employee-link';
import { makeRevokeLinks } from './revoke-links';

export interface RevokeLinksPageInput {
  cascadeId: string;
  worksTenantId: string;
  afterId?: string;
  pageSize: number;
}

export interface RevokeLinksPageResult {
  processed: number;
  lastId?: string;
  counts: CascadeTotals;
  done: boolean;
}

export function makeRevokeLinksPage(temporal: Client) {
  const revokeLinks = makeRevokeLinks(temporal);
  return async function revokeLinksPage(input: RevokeLinksPageInput): Promise<RevokeLinksPageResult> {
    const links = await EmployeeLink.find(
      { worksTenantId: input.worksTenantId, ...(input.afterId ? { _id: { $gt: input.afterId } } : {}) },
      { _id: 1, companyId: 1, freeeUserId: 1 },
    )
      .sort({ _id: 1 })
      .limit(input.pageSize)
      .lean();
    if (links.length === 0) return { processed: 0, counts: { revoked: 0, already_gone: 0, failed: 0 }, done: true };
    const counts = await revokeLinks({
      cascadeId: input.cascadeId,
      worksTenantId: input.worksTenantId,
      links: links.map((l) => ({ id: l._id, companyId: l.companyId, freeeUserId: l.freeeUserId })),
      readOutcomes: 'always',
      progress: { afterId: input.afterId },
    });
    return { processed: links.length, lastId: links[links.length - 1]?._id, counts, done: links.length < input.pageSize };
  };
}
