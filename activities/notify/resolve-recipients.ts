// Finds the linked LINE WORKS accounts a freee event reaches: the business's active tenant links
// and the addressed users' ID-links, in two queries whatever the number of recipients. Every
// addressed user gets a delivery-log record at once — pending, waiting for a suspended tenant, or
// skipped with the reason (not ID-linked, the business not linked, the app removed) — so an
// operator can tell why someone did not get the message.
import { activityInfo } from '@temporalio/activity';
import type { AnyBulkWriteOperation } from 'mongoose';
import { Delivery, type DeliveryDoc } from '../../models/delivery';
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

/** The recipients, and whether the business has a tenant link at all (for the unreached reason). */
export async function findFreeeRecipients(input: ResolveRecipientsInput): Promise<ResolvedRecipients & { businessLinked: boolean }> {
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
  return { recipients, unlinkedFreeeUserIds, businessLinked: tenants.length > 0 };
}

export async function resolveFreeeRecipients(input: ResolveRecipientsInput): Promise<ResolvedRecipients> {
  const { recipients, unlinkedFreeeUserIds, businessLinked } = await findFreeeRecipients(input);
  const workflowId = activityInfo().workflowExecution?.workflowId;
  if (workflowId) {
    const ops = await resolutionWrites(workflowId, input.companyId, recipients, unlinkedFreeeUserIds, businessLinked);
    if (ops.length) await Delivery.bulkWrite(ops, { ordered: false });
  }
  return { recipients, unlinkedFreeeUserIds };
}

async function unreachedReason(companyId: string, businessLinked: boolean): Promise<UnreachedReason> {
  if (businessLinked) return 'not_linked';
  const removed = await TenantLink.exists({ companyId, status: 'removed' });
  return removed ? 'app_removed' : 'business_not_linked';
}

/** The fields a recipient's delivery record is created with, whatever it is created for. */
export function recipientRecord(workflowId: string, companyId: string, r: LineWorksRecipient): Partial<DeliveryDoc> {
  return { workflowId, channel: 'lineworks', recipient: r.worksUserId, worksTenantId: r.worksTenantId, companyId, freeeUserId: r.freeeUserId };
}

/**
 * What the resolution decided, as delivery-log writes that never overwrite a record a delivery has
 * moved on. `recipientsToWrite`: the recipients whose pending/waiting record to create (all by default).
 */
export async function resolutionWrites(
  workflowId: string,
  companyId: string,
  recipientsToWrite: LineWorksRecipient[],
  unlinked: string[],
  businessLinked: boolean,
): Promise<Array<AnyBulkWriteOperation<DeliveryDoc>>> {
  const reason = unlinked.length ? await unreachedReason(companyId, businessLinked) : undefined;
  return [
    ...recipientsToWrite.map((r) => ({
      updateOne: {
        filter: { _id: lineWorksDeliveryKey(workflowId, r.worksTenantId, r.worksUserId) },
        update: {
          $setOnInsert: {
            ...recipientRecord(workflowId, companyId, r),
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
  ] as Array<AnyBulkWriteOperation<DeliveryDoc>>;
}
