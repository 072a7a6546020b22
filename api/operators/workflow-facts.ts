// What Temporal tells of a workflow without a running worker: its describe (status, search
// attributes, static summary and details, pending activities with their attempt and next retry)
// and its link in the Web UI. Queries are never used: they need a worker.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_NAMES } from '../../common/search-attributes';
import { instant, type PendingActivityFact, type WorkflowFact } from './explanation';

export interface WorkflowLinks {
  /** TEMPORAL_UI_BASE_URL. */
  uiBaseUrl: string;
  namespace: string;
}

export const workflowUrl = (links: WorkflowLinks, workflowId: string): string =>
  `${links.uiBaseUrl}/namespaces/${encodeURIComponent(links.namespace)}/workflows/${encodeURIComponent(workflowId)}`;

const stateName = (state: number | null | undefined): string =>
  (temporal.api.enums.v1.PendingActivityState[state ?? 0] ?? 'UNSPECIFIED').replace(/^PENDING_ACTIVITY_STATE_/, '').toLowerCase();

/** The workflow's facts, or undefined when Temporal has no such workflow. */
export async function describeWorkflow(client: Client, links: WorkflowLinks, workflowId: string): Promise<WorkflowFact | undefined> {
  let d;
  try {
    d = await client.workflow.getHandle(workflowId).describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
  const searchAttributes: Record<string, string> = {};
  // renkei's own attributes (not the server's, such as BuildIds).
  for (const pair of d.typedSearchAttributes.getAll()) if (SEARCH_ATTRIBUTE_NAMES.includes(pair.key.name)) searchAttributes[pair.key.name] = Array.isArray(pair.value) ? pair.value.join(',') : String(pair.value);
  const pendingActivities: PendingActivityFact[] = (d.raw.pendingActivities ?? []).map((a) => {
    const last = optionalTsToMs(a.lastAttemptCompleteTime) ?? optionalTsToMs(a.lastStartedTime);
    const next = optionalTsToMs(a.nextAttemptScheduleTime);
    return {
      activity: a.activityType?.name ?? 'unknown',
      state: stateName(a.state),
      attempt: a.attempt ?? 1,
      ...(last !== undefined ? { lastAttemptAt: instant(last) } : {}),
      ...(next !== undefined ? { nextAttemptAt: instant(next) } : {}),
    };
  });
  const [summary, details] = await Promise.all([d.staticSummary().catch(() => undefined), d.staticDetails().catch(() => undefined)]);
  return {
    workflowId,
    type: d.type,
    status: d.status.name,
    ...(summary ? { summary } : {}),
    ...(details ? { details } : {}),
    searchAttributes,
    startedAt: instant(d.startTime),
    ...(d.closeTime ? { closedAt: instant(d.closeTime) } : {}),
    url: workflowUrl(links, workflowId),
    pendingActivities,
  };
}

/** Describes several workflows (unknown ones left out), a few at a time. */
export async function describeWorkflows(client: Client, links: WorkflowLinks, workflowIds: string[]): Promise<WorkflowFact[]> {
  const out: WorkflowFact[] = [];
  for (let i = 0; i < workflowIds.length; i += 8) {
    const batch = await Promise.all(workflowIds.slice(i, i + 8).map((id) => describeWorkflow(client, links, id)));
    for (const fact of batch) if (fact) out.push(fact);
  }
  return out;
}

/** Workflow IDs visibility lists for a query (newest first, at most `limit`). */
export async function listWorkflowIds(client: Client, query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: limit })) {
    ids.push(wf.workflowId);
    if (ids.length >= limit) break;
  }
  return ids;
}
