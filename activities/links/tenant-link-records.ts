// Mongo read model of tenant links, written by the tenant-link workflow's activities.
import { TenantLink } from '../../models/tenant-link';
import type { LinkTenantInput } from '../../common/links/types';

export async function activateTenantLink(input: LinkTenantInput & { worksTenantId: string }): Promise<void> {
  await TenantLink.updateOne(
    { _id: input.worksTenantId },
    {
      $set: {
        companyId: input.companyId,
        botId: input.botId,
        serviceAccountId: input.serviceAccountId,
        installationId: input.installationId,
        ...(input.installedAt === undefined ? {} : { installedAt: new Date(input.installedAt) }),
        ...(input.domainName === undefined ? {} : { domainName: input.domainName }),
        status: 'active',
        linkedAt: new Date(),
      },
      $unset: { removedAt: 1 },
    },
    { upsert: true },
  );
}


/** Deliveries of the tenant wait (a refused token, not yet re-authorised). */
export async function markTenantSuspended(input: { worksTenantId: string }): Promise<void> {
  await TenantLink.updateOne({ _id: input.worksTenantId }, { $set: { status: 'suspended' } });
}

export async function markTenantRemoving(input: { worksTenantId: string }): Promise<void> {
  await TenantLink.updateOne({ _id: input.worksTenantId }, { $set: { status: 'suspended' } });
}

export async function markTenantRemoved(input: { worksTenantId: string }): Promise<void> {
  await TenantLink.updateOne({ _id: input.worksTenantId }, { $set: { status: 'removed', removedAt: new Date() } });
}

/** What a waiting delivery needs to know: may it try again, or has the link ended? */
export async function tenantLinkStatus(input: { worksTenantId: string }): Promise<'active' | 'suspended' | 'removed'> {
  const doc = await TenantLink.findById(input.worksTenantId, { status: 1 }).lean();
  return doc?.status ?? 'removed';
}
