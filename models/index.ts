// The mongoose models, and one place to create their indexes.
import { Delivery } from './delivery';
import { EmployeeLink } from './employee-link';
import { ServiceToken } from './service-token';
import { TenantLink } from './tenant-link';

export { Delivery } from './delivery';
export { EmployeeLink, employeeLinkId } from './employee-link';
export { ServiceToken } from './service-token';
export { TenantLink } from './tenant-link';
export { connectMongo } from './connect';

export const ALL_MODELS = [TenantLink, EmployeeLink, ServiceToken, Delivery] as const;

/** Creates the declared indexes (idempotent); run at worker start and by the seed script. */
export async function ensureIndexes(): Promise<void> {
  for (const m of ALL_MODELS) await m.createIndexes();
}
