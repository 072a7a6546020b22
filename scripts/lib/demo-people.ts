// The people of the embedded stack's demo, in the emulators: a freee business 「フリー株式会社」
// (1001) with an admin and an employee, and a LINE WORKS tenant with an administrator and the same
// employee — enough to walk every flow of the help page in a browser. Passwords are "password".
import type { EmulatorControl } from '../../emulators/control-client';

export const DEMO_PEOPLE = {
  companyId: 1001,
  companyName: 'フリー株式会社',
  otherCompanyId: 1002,
  freeeAdmin: { id: 501, email: 'admin@free.example' },
  freeeEmployee: { id: 2001, email: 'yamada@free.example' },
  worksTenantId: '40001001',
  worksAdmin: { userId: 'admin@works-demo', email: 'admin@works-demo' },
  worksEmployee: { userId: 'yamada@works-demo', email: 'yamada@works-demo' },
} as const;

export async function seedDemoPeople(lineWorks: EmulatorControl, freee: EmulatorControl): Promise<void> {
  const p = DEMO_PEOPLE;
  await freee.seedFreee({
    companies: [
      { id: p.companyId, name: p.companyName },
      { id: p.otherCompanyId, name: 'フリー商事株式会社' },
    ],
    users: [
      { id: p.freeeAdmin.id, email: p.freeeAdmin.email, display_name: '管理 花子', companies: [{ id: p.companyId, role: 'admin' }, { id: p.otherCompanyId, role: 'admin' }] },
      { id: p.freeeEmployee.id, email: p.freeeEmployee.email, display_name: '山田 太郎', companies: [{ id: p.companyId, role: 'self_only' }, { id: p.otherCompanyId, role: 'self_only' }] },
    ],
    apps: [],
  });
  await lineWorks.seedLineWorks({
    apps: [],
    tenants: [
      {
        tenantId: p.worksTenantId,
        domainName: 'works-demo.example',
        users: [
          { userId: p.worksAdmin.userId, email: p.worksAdmin.email, isAdministrator: true, name: '管理 花子' },
          { userId: p.worksEmployee.userId, email: p.worksEmployee.email, name: '山田 太郎' },
        ],
      },
    ],
  });
}
