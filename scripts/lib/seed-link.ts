// Seeds one linked business (tenant link + ID-linked employees) into Mongo and the LINE WORKS
// emulator, as the linking flows would leave them. Used by `npm run seed:demo`, the tests and the
// benchmarks. Idempotent: running it twice leaves the same state.
import type { EmulatorControl } from '../../emulators/control-client';
import { EmployeeLink, TenantLink, employeeLinkId } from '../../models';

export interface LinkedBusiness {
  companyId: string;
  worksTenantId: string;
  botId: string;
  serviceAccountId: string;
  employees: Array<{ freeeUserId: string; worksUserId: string; name?: string }>;
}

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  publicKeyPem: string;
}

export async function seedLinkedBusiness(b: LinkedBusiness, lineWorks: EmulatorControl, app: AppCredentials): Promise<void> {
  await lineWorks.seedLineWorks({
    apps: [{ clientId: app.clientId, clientSecret: app.clientSecret, publicKeyPem: app.publicKeyPem }],
    tenants: [
      {
        tenantId: b.worksTenantId,
        clientId: app.clientId,
        serviceAccountId: b.serviceAccountId,
        botIds: [b.botId],
        users: b.employees.map((e) => ({ userId: e.worksUserId, name: e.name })),
      },
    ],
  });
  const now = new Date();
  await TenantLink.updateOne(
    { _id: b.worksTenantId },
    { $set: { companyId: b.companyId, botId: b.botId, serviceAccountId: b.serviceAccountId, status: 'active' }, $setOnInsert: { linkedAt: now } },
    { upsert: true },
  );
  if (b.employees.length) {
    await EmployeeLink.bulkWrite(
      b.employees.map((e) => ({
        updateOne: {
          filter: { _id: employeeLinkId(b.companyId, e.freeeUserId) },
          update: {
            $set: { companyId: b.companyId, freeeUserId: e.freeeUserId, worksTenantId: b.worksTenantId, worksUserId: e.worksUserId },
            $setOnInsert: { linkedAt: now },
          },
          upsert: true,
        },
      })),
    );
  }
}

/**
 * The business `npm run seed:demo` links directly (no browser walk) and the README's example event
 * addresses. The people of the browser walk-through (scripts/lib/demo-people.ts) are separate.
 */
export const DEMO_BUSINESS: LinkedBusiness = {
  companyId: '1009',
  worksTenantId: 'works-demo-tenant',
  botId: 'bot-freee',
  serviceAccountId: 'demo.serviceaccount@works-demo',
  employees: [{ freeeUserId: '2009', worksUserId: 'suzuki@works-demo', name: '鈴木 一郎' }],
};

/** The demo business and its employee as freee knows them: the employee signs in to see their status page. */
export const DEMO_BUSINESS_FREEE = {
  company: { id: 1009, name: 'デモ株式会社' },
  employee: { id: 2009, email: 'suzuki@free.example', display_name: '鈴木 一郎' },
} as const;
