// What every page of a cascade unlink does with its links: a `revoke-link` signal to each link's
// workflow with bounded concurrency, the outcome of each recorded once, and the link records that
// are gone deleted, each write batched for the page. Resumable: a retried page skips links whose
// outcome is already final, and tells "revoked by this cascade" from "already gone" by reading the
// closed workflow's result. Every Mongo operation is by `_id` or an insert, so a page costs the
// same however many links the tenant or the collections hold (docs/design.md §4).
import { activityInfo, heartbeat } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { employeeLinkWorkflowId } from '../../common/ids';
import { revokeLinkSignal } from '../../common/links/messages';
import type { CascadeOutcome, CascadeTotals, EmployeeLinkState } from '../../common/links/types';
import { CascadeOutcomeRecord, cascadeOutcomeId } from '../../models/cascade-outcome';
import { EmployeeLink } from '../../models/employee-link';
import { onlyDuplicateKeys } from '../../models/mongo-errors';

export interface LinkToRevoke {
  /** The employee link's `_id`. */
  id: string;
  companyId: string;
  freeeUserId: string;
}

export interface RevokeLinksInput {
  cascadeId: string;
  worksTenantId: string;
  links: LinkToRevoke[];
  /**
   * When to read the outcomes already recorded for these links: on every attempt, or only when
   * the page is retried (a first attempt of a snapshot page has none: each link is in one page,
   * and the snapshot left out the links that had one).
   */
  readOutcomes: 'always' | 'on-retry';
  /** Heartbeat details, with the count of links done. */
  progress: Record<string, unknown>;
}

const SIGNAL_CONCURRENCY = 64;
const FAIL_AFTER_ATTEMPTS = 5;

type Result = { outcome: CascadeOutcome; error?: string };

export function makeRevokeLinks(temporal: Client) {
  async function revokeOne(cascadeId: string, link: LinkToRevoke): Promise<Result> {
    const handle = temporal.workflow.getHandle(employeeLinkWorkflowId(link.companyId, link.freeeUserId));
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
  async function revokeOrGiveUp(cascadeId: string, link: LinkToRevoke): Promise<Result> {
    try {
      return await revokeOne(cascadeId, link);
    } catch (err) {
      if (activityInfo().attempt < FAIL_AFTER_ATTEMPTS) throw err;
      return { outcome: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Recorded outcomes of these links, read by `_id`. */
  async function recordedOutcomes(cascadeId: string, ids: string[]): Promise<Map<string, CascadeOutcome>> {
    const rows = await CascadeOutcomeRecord.find({ _id: { $in: ids.map((id) => cascadeOutcomeId(cascadeId, id)) } }, { employeeLinkId: 1, outcome: 1 }).lean();
    return new Map(rows.map((o) => [o.employeeLinkId, o.outcome]));
  }

  return async function revokeLinks(input: RevokeLinksInput): Promise<CascadeTotals> {
    const counts: CascadeTotals = { revoked: 0, already_gone: 0, failed: 0 };
    if (input.links.length === 0) return counts;
    const ids = input.links.map((l) => l.id);
    const final = input.readOutcomes === 'always' || activityInfo().attempt > 1 ? await recordedOutcomes(input.cascadeId, ids) : new Map<string, CascadeOutcome>();
    const todo = input.links.filter((l) => !final.has(l.id));
    const results = new Map<string, Result>();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(SIGNAL_CONCURRENCY, todo.length) }, async () => {
        while (next < todo.length) {
          const link = todo[next++];
          if (!link) break;
          results.set(link.id, await revokeOrGiveUp(input.cascadeId, link));
          heartbeat({ ...input.progress, done: results.size });
        }
      }),
    );
    if (results.size > 0) {
      // One insert for the page (an upsert per link would be a query per link). A retried page
      // re-inserts nothing: the first outcome of a link stays, and its duplicate-key errors are
      // expected.
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
    // A link that failed keeps its record: it is still linked as far as renkei knows. The others
    // are deleted in one bulk write of deletes by `_id` (each an index lookup, where one delete
    // with `$in` would scan every link of every tenant on the embedded Mongo-wire server).
    const gone = ids.filter((id) => outcomeOf(id) !== 'failed');
    if (gone.length) await EmployeeLink.bulkWrite(gone.map((id) => ({ deleteOne: { filter: { _id: id } } })), { ordered: false });
    return counts;
  };
}
