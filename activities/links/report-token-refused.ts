// A delivery met LINE WORKS refusing the tenant's token: the tenant's deliveries are suspended
// (new notifications wait instead of failing) and its link workflow asks the admin to
// re-authorise. Idempotent: many deliveries may report the same refusal.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { tenantLinkWorkflowId } from '../../common/ids';
import { tokenRefusedSignal } from '../../common/links/messages';
import { TenantLink } from '../../models/tenant-link';

export function makeReportTokenRefused(temporal: Client) {
  return async function reportTokenRefused(input: { worksTenantId: string; by: string }): Promise<void> {
    await TenantLink.updateOne({ _id: input.worksTenantId, status: 'active' }, { $set: { status: 'suspended' } });
    try {
      await temporal.workflow.getHandle(tenantLinkWorkflowId(input.worksTenantId)).signal(tokenRefusedSignal, { deliveryId: input.by, by: input.by });
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  };
}
