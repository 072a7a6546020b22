// Test data: a fresh linked business per test (so tests never see each other's records) and a
// notification input addressed to its employee.
import { randomInt } from 'node:crypto';
import type { NotifyFreeeInput } from '../../common/notify/types';
import { seedLinkedBusiness, type LinkedBusiness } from '../../scripts/lib/seed-link';
import { stack } from './stack';

export type Employee = LinkedBusiness['employees'][number];

export interface SeededBusiness extends LinkedBusiness {
  employee: Employee;
}

/** Seeds a new business with one ID-linked employee into Mongo and the LINE WORKS emulator. */
export async function seedNewBusiness(): Promise<SeededBusiness> {
  const n = randomInt(1_000_000, 9_999_999);
  const employee = { freeeUserId: String(n + 1), worksUserId: `emp-${n}@tenant-${n}` };
  const biz: SeededBusiness = {
    companyId: String(n),
    worksTenantId: `tenant-${n}`,
    botId: `bot-${n}`,
    serviceAccountId: `sa-${n}.serviceaccount@tenant-${n}`,
    employees: [employee],
    employee,
  };
  await seedLinkedBusiness(biz, stack().lineWorks, stack().secrets);
  return biz;
}

/** The workflow input the API would build for "the employee's approval request was approved". */
export function approvedRequestEvent(biz: SeededBusiness, eventId: string): NotifyFreeeInput {
  return {
    kind: 'accounting',
    eventId,
    resource: 'accounting:approval_request',
    action: 'updated',
    companyId: biz.companyId,
    resourceId: '42',
    status: 'approved',
    recipientFreeeUserIds: [biz.employee.freeeUserId],
    createdAt: new Date().toISOString(),
  };
}
