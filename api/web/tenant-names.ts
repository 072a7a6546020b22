// People know a LINE WORKS tenant by its domain name, not by its numeric domain ID. renkei learns the
// name when LINE WORKS returns from the install (signed with the rest of the return) and keeps it in
// the tenant link; these read it back, falling back to the ID for a tenant installed before renkei
// kept names.
import { TenantLink } from '../../models';

/** The domain name of each tenant (its ID when none is known). */
export async function tenantNames(worksTenantIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(worksTenantIds)];
  const docs = ids.length ? await TenantLink.find({ _id: { $in: ids } }, { domainName: 1 }).lean() : [];
  const known = new Map(docs.filter((d) => d.domainName).map((d) => [d._id, d.domainName as string]));
  return new Map(ids.map((id) => [id, known.get(id) ?? id]));
}

export async function tenantName(worksTenantId: string): Promise<string> {
  return (await tenantNames([worksTenantId])).get(worksTenantId) ?? worksTenantId;
}
