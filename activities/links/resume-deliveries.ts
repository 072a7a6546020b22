// After an admin re-authorises a tenant, the deliveries that waited for it try again at once, and
// after the tenant's app was removed they end at once: the notification workflows waiting on this
// tenant are found through visibility (WorksTenantId + NotificationStatus "suspended") and
// signalled to re-check the tenant. Waiting workflows also re-check
// by themselves every few minutes, so one missed by eventually consistent visibility is late,
// never lost.
import { heartbeat } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { tenantResumedSignal } from '../../common/notify/messages';

export function makeResumeDeliveries(temporal: Client) {
  return async function resumeSuspendedDeliveries(input: { worksTenantId: string }): Promise<number> {
    let signalled = 0;
    const query = `WorksTenantId = "${input.worksTenantId.replace(/"/g, '')}" AND NotificationStatus = "suspended" AND ExecutionStatus = "Running"`;
    for await (const wf of temporal.workflow.list({ query })) {
      try {
        await temporal.workflow.getHandle(wf.workflowId).signal(tenantResumedSignal, { worksTenantId: input.worksTenantId });
        signalled++;
        heartbeat(signalled);
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    }
    return signalled;
  };
}
