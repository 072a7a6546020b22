// One page of a cascade unlink: the tenant's next employee links (one query), a `revoke-link`
// signal to each link's workflow with bounded concurrency, the outcome of each recorded once, and
// the page's link records deleted in one write. Resumable: a retried page skips links whose
// outcome is already final, and tells "revoked by this cascade" from "already gone" by reading
// the closed workflow's result.
import { activityInfo, heartbeat } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { employeeLinkWorkflowId } from '../../common/ids';
import { revokeLinkSignal } from '../../common/links/messages';
import type { CascadeOutcome, CascadeTotals, EmployeeLinkState } from '../../common/links/types';
import { CascadeOutcomeRecord, cascadeOutcomeId } from '../../models/cascade-outcome';
import { EmployeeLink } from '../../models/employee-link';
import { onlyDuplicateKeys } from '../../models/mongo-errors';

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

const SIGNAL_CONCURRENCY = 64;
const FAIL_AFTER_ATTEMPTS = 5;

export function makeRevokeLinksPage(temporal: Client) {
  async function revokeOne(cascadeId: string, companyId: string, freeeUserId: string): Promise<{ outcome: CascadeOutcome; error?: string }> {
    const handle = temporal.workflow.getHandle(employeeLinkWorkflowId(companyId, freeeUserId));
    try {
      await handle.signal(revokeLinkSignal, { deliveryId: cascadeId, cascadeId });
      return { outcome: 'revoked' };
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    // No running workflow: revoked by this cascade earlier (a retried page), or gone before it.
    try {
      const last = (await handle.result()) as EmployeeLinkState;
      return { outcome: last.revokedBy === cascadeId ? 'revoked' : 'already_gone' };
    } catch {
      return { outcome: 'already_gone' };
    }
  }

  /** Errors retry the page; after FAIL_AFTER_ATTEMPTS they are recorded as the link's outcome instead. */
  async function revokeOrGiveUp(cascadeId: string, companyId: string, freeeUserId: string): Promise<{ outcome: CascadeOutcome; error?: string }> {
    try {
      return await revokeOne(cascadeId, companyId, freeeUserId);
    } catch (err) {
      if (activityInfo().attempt < FAIL_AFTER_ATTEMPTS) throw err;
      return { outcome: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
  }

  return async function revokeLinksPage(input: RevokeLinksPageInput): Promise<RevokeLinksPageResult> {
    const links = await EmployeeLink.find(
      { worksTenantId: input.worksTenantId, ...(input.afterId ? { _id: { $gt: input.afterId } } : {}) },
      { _id: 1, companyId: 1, freeeUserId: 1 },
    )
      .sort({ _id: 1 })
      .limit(input.pageSize)
      .lean();
    const counts: CascadeTotals = { revoked: 0, already_gone: 0, failed: 0 };
    if (links.length === 0) return { processed: 0, counts, done: true };

    const ids = links.map((l) => l._id);
    const final = new Map(
      (await CascadeOutcomeRecord.find({ cascadeId: input.cascadeId, employeeLinkId: { $in: ids } }, { employeeLinkId: 1, outcome: 1 }).lean()).map(
        (o) => [o.employeeLinkId, o.outcome],
      ),
    );
    const todo = links.filter((l) => !final.has(l._id));
    const results = new Map<string, { outcome: CascadeOutcome; error?: string }>();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(SIGNAL_CONCURRENCY, todo.length) }, async () => {
        while (next < todo.length) {
          const link = todo[next++];
          if (!link) break;
          results.set(link._id, await revokeOrGiveUp(input.cascadeId, link.companyId, link.freeeUserId));
          heartbeat({ afterId: input.afterId, done: results.size });
        }
      }),
    );
    if (results.size > 0) {
      // One insert for the page (an upsert per link would scan the collection once per link on
      // the embedded Mongo-wire server). A retried page re-inserts nothing: the first outcome of
      // a link stays, and its duplicate-key errors are expected.
      try {
        await CascadeOutcomeRecord.insertMany(
          [...results].map(([linkId, r]) => ({
            _id: cascadeOutcomeId(input.cascadeId, linkId),
            cascadeId: input.cascadeId,
            worksTenantId: input.worksTenantId,
            employeeLinkId: linkId,
            outcome: r.outcome,
            ...(r.error ? { error: r.error } : {}),
          })),
          { ordered: false },
        );
      } catch (err) {
        if (!onlyDuplicateKeys(err)) throw err;
      }
    }
    const outcomeOf = (id: string): CascadeOutcome => final.get(id) ?? results.get(id)?.outcome ?? 'failed';
    for (const id of ids) counts[outcomeOf(id)] += 1;
    // A link that failed keeps its record: it is still linked as far as renkei knows.
    const gone = ids.filter((id) => outcomeOf(id) !== 'failed');
    if (gone.length) await EmployeeLink.deleteMany({ _id: { $in: gone } });
    return { processed: links.length, lastId: ids[ids.length - 1], counts, done: links.length < input.pageSize };
  };
}
