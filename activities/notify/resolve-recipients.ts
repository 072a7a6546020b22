// Finds the linked LINE WORKS accounts a freee event reaches: the business's active tenant links
// and the addressed users' ID-links, in two queries whatever the number of recipients.
import { EmployeeLink } from '../../models/employee-link';
import { TenantLink } from '../../models/tenant-link';
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
  return { recipients, unlinkedFreeeUserIds: input.freeeUserIds.filter((id) => !reached.has(id)) };
}
