// Finds the linked LINE WORKS accounts a freee event reaches: the business's active tenant links
// and the addressed users' ID-links, in two queries whatever the number of recipients. Every
// addressed user gets a delivery-log record at once — pending, waiting for a suspended tenant, or
// skipped with the reason (not ID-linked, the business not linked, the app removed) — so an
// operator can tell why someone did not get the message.
import { activityInfo } from '@temporalio/activity';
import { Delivery } from '../../models/delivery';
import { EmployeeLink } from '../../models/employee-link';
import { TenantLink } from '../../models/tenant-link';
import { lineWorksDeliveryKey, unreachedDeliveryKey, type UnreachedReason } from '../../common/notify/delivery-key';
import type { LineWorksRecipient } from '../../common/notify/types';

export interface ResolveRecipientsInput {
  companyId: string;
  freeeUserIds: string[];
}

export interface ResolvedRecipients {
  recipients: LineWorksRecipient[];
  unlinkedFreeeUserIds: string[];
}

export async function resolveFreeeRecipients(input: ResolveRecipientsInput): Promise<ResolvedRecipients> {
  // Suspended tenants (token refused) count: their deliveries wait for re-authorisation.
  const tenants = await TenantLink.find({ companyId: input.companyId, status: { $in: ['active', 'suspended'] } }).lean();
  const tenantById = new Map(tenants.map((t) => [t._id, t]));
  const links = tenants.length
    ? await EmployeeLink.find({ companyId: input.companyId, freeeUserId: { $in: input.freeeUserIds } }).lean()
    : [];
  const recipients: LineWorksRecipient[] = [];
  for (const link of links) {
    const tenant = tenantById.get(link.worksTenantId);
    if (!tenant) continue;
    recipients.push({
      freeeUserId: link.freeeUserId,
      worksTenantId: tenant._id,
      botId: tenant.botId,
      serviceAccountId: tenant.serviceAccountId,
      worksUserId: link.worksUserId,
      tenantStatus: tenant.status === 'suspended' ? 'suspended' : 'active',
    });
  }
  const reached = new Set(recipients.map((r) => r.freeeUserId));
  const unlinkedFreeeUserIds = input.freeeUserIds.filter((id) => !reached.has(id));
  await logResolution(input.companyId, recipients, unlinkedFreeeUserIds, tenants.length > 0);
  return { recipients, unlinkedFreeeUserIds };
}

async function unreachedReason(companyId: string, businessLinked: boolean): Promise<UnreachedReason> {
  if (businessLinked) return 'not_linked';
  const removed = await TenantLink.exists({ companyId, status: 'removed' });
  return removed ? 'app_removed' : 'business_not_linked';
}

/** Writes what the resolution decided; never overwrites a record a delivery has moved on. */
async function logResolution(companyId: string, recipients: LineWorksRecipient[], unlinked: string[], businessLinked: boolean): Promise<void> {
  const workflowId = activityInfo().workflowExecution?.workflowId;
  if (!workflowId) return;
  const reason = unlinked.length ? await unreachedReason(companyId, businessLinked) : undefined;
  const ops = [
    ...recipients.map((r) => ({
      updateOne: {
        filter: { _id: lineWorksDeliveryKey(workflowId, r.worksTenantId, r.worksUserId) },
        update: {
          $setOnInsert: {
            workflowId,
            channel: 'lineworks',
            recipient: r.worksUserId,
            worksTenantId: r.worksTenantId,
            companyId,
            freeeUserId: r.freeeUserId,
            attempts: 0,
            ...(r.tenantStatus === 'suspended' ? { status: 'waiting', skipReason: 'tenant_suspended' } : { status: 'pending' }),
          },
        },
        upsert: true,
      },
    })),
    ...unlinked.map((freeeUserId) => ({
      updateOne: {
        filter: { _id: unreachedDeliveryKey(workflowId, freeeUserId) },
        update: { $setOnInsert: { workflowId, channel: 'lineworks', recipient: freeeUserId, companyId, freeeUserId, attempts: 0, status: 'skipped', skipReason: reason } },
        upsert: true,
      },
    })),
  ];
  if (ops.length) await Delivery.bulkWrite(ops, { ordered: false });
}
