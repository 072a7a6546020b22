// People for the browser tests of the linking flows, fresh for each test: a freee business (and a
// second one, for switching), its admin, an employee and a colleague, and a LINE WORKS tenant with an
// administrator and the same two people. Passwords are the emulators' default, "password".
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { navigateBy } from './browser';
import { stack } from './stack';

export interface People {
  companyId: number;
  companyName: string;
  otherCompanyId: number;
  otherCompanyName: string;
  admin: { freeeId: number; email: string; worksUserId: string };
  employee: { freeeId: number; email: string; worksUserId: string };
  /** A second LINE WORKS account, the employee's colleague's. */
  colleagueWorksUserId: string;
  /** The colleague's own freee account in the business (not linked to anything). */
  colleague: { freeeId: number; email: string };
  worksTenantId: string;
}

export async function seedPeople(): Promise<People> {
  const n = randomInt(100_000, 999_999);
  const p: People = {
    companyId: n,
    companyName: `テスト株式会社${n}`,
    otherCompanyId: n + 1,
    otherCompanyName: `テスト商事${n}`,
    admin: { freeeId: n * 10 + 1, email: `admin${n}@free.example`, worksUserId: `admin${n}@works.example` },
    employee: { freeeId: n * 10 + 2, email: `emp${n}@free.example`, worksUserId: `emp${n}@works.example` },
    colleagueWorksUserId: `colleague${n}@works.example`,
    colleague: { freeeId: n * 10 + 3, email: `colleague${n}@free.example` },
    worksTenantId: String(40_000_000 + n),
  };
  const s = stack();
  await s.freee.seedFreee({
    companies: [
      { id: p.companyId, name: p.companyName },
      { id: p.otherCompanyId, name: p.otherCompanyName },
    ],
    users: [
      { id: p.admin.freeeId, email: p.admin.email, display_name: '管理 花子', companies: [{ id: p.companyId, role: 'admin' }, { id: p.otherCompanyId, role: 'admin' }] },
      { id: p.employee.freeeId, email: p.employee.email, display_name: '山田 太郎', companies: [{ id: p.companyId, role: 'self_only' }, { id: p.otherCompanyId, role: 'self_only' }] },
      { id: p.colleague.freeeId, email: p.colleague.email, display_name: '佐藤 次郎', companies: [{ id: p.companyId, role: 'self_only' }, { id: p.otherCompanyId, role: 'self_only' }] },
    ],
    apps: [],
  });
  await s.lineWorks.seedLineWorks({
    apps: [],
    tenants: [
      {
        tenantId: p.worksTenantId,
        users: [
          { userId: p.admin.worksUserId, email: p.admin.worksUserId, isAdministrator: true, name: '管理 花子' },
          { userId: p.employee.worksUserId, email: p.employee.worksUserId, name: '山田 太郎' },
          { userId: p.colleagueWorksUserId, email: p.colleagueWorksUserId, name: '佐藤 次郎' },
        ],
      },
    ],
  });
  return p;
}

/** Fills an emulator's login page (freee: メールアドレス, LINE WORKS: ID) and submits it. */
export async function logIn(page: Page, id: string): Promise<void> {
  const idField = page.locator('input[name="email"], input[name="loginId"]');
  await idField.fill(id);
  await page.locator('input[name="password"]').fill('password');
  await navigateBy(page, () => page.getByRole('button', { name: 'ログイン' }).click());
}
