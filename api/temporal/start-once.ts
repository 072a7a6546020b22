// Starting workflows from the API: one helper that starts a workflow whose ID dedups the request,
// counts the outcome in the API metrics and reports "started" or "duplicate".
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { ApiMetrics } from '../../observability/api-metrics';

export type StartOutcome = 'started' | 'duplicate';

export async function startOnce<W extends Workflow>(
  client: Client,
  metrics: ApiMetrics,
  workflowType: string,
  options: WorkflowStartOptions<W>,
): Promise<StartOutcome> {
  try {
    await client.workflow.start<W>(workflowType, { ...options, workflowIdReusePolicy: 'REJECT_DUPLICATE', workflowIdConflictPolicy: 'FAIL' });
    metrics.workflowStarts.inc({ workflow: workflowType, outcome: 'started' });
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      metrics.workflowStarts.inc({ workflow: workflowType, outcome: 'already_started' });
      return 'duplicate';
    }
    metrics.workflowStarts.inc({ workflow: workflowType, outcome: 'failed' });
    throw err;
  }
}
