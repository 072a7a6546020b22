// The emulators keep their state in memory; renkei's link records live in Mongo. At each start of
// the embedded stack the LINE WORKS emulator is seeded from those records (tenants, bots, users),
// so links made in an earlier session still deliver after a restart.
import type { EmulatorControl } from '../../emulators/control-client';
import { EmployeeLink, TenantLink } from '../../models';
import type { DevSecrets } from './dev-secrets';

export async function mirrorLinksToLineWorks(lineWorks: EmulatorControl, secrets: DevSecrets): Promise<number> {
  const [tenants, employees] = await Promise.all([TenantLink.find({ status: { $ne: 'removed' } }).lean(), EmployeeLink.find({}).lean()]);
  await lineWorks.seedLineWorks({
    apps: [{ clientId: secrets.clientId, clientSecret: secrets.clientSecret, publicKeyPem: secrets.publicKeyPem }],
    tenants: tenants.map((t) => ({
      tenantId: t._id,
      clientId: secrets.clientId,
      serviceAccountId: t.serviceAccountId,
      botIds: [t.botId],
      users: employees.filter((e) => e.worksTenantId === t._id).map((e) => ({ userId: e.worksUserId })),
    })),
  });
  return tenants.length;
}
