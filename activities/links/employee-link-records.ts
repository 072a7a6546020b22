// Mongo records of employee ID-links. The workflow ID already makes one freee user (per business)
// link at most one account; the unique index here enforces the reverse, and the tenant link
// decides whether the business may link at all.
import { ApplicationFailure } from '@temporalio/activity';
import { ErrorType } from '../../common/errors';
import { EmployeeLink, employeeLinkId } from '../../models/employee-link';
import { TenantLink } from '../../models/tenant-link';
import { isDuplicateKey } from '../../models/mongo-errors';

export interface RecordEmployeeLinkInput {
  companyId: string;
  freeeUserId: string;
  worksTenantId: string;
  worksUserId: string;
}

export async function recordEmployeeLink(input: RecordEmployeeLinkInput): Promise<{ created: boolean }> {
  const tenant = await TenantLink.findById(input.worksTenantId, { companyId: 1, status: 1 }).lean();
  if (!tenant || tenant.status !== 'active') {
    throw ApplicationFailure.nonRetryable(`LINE WORKS tenant ${input.worksTenantId} is not linked to any business`, ErrorType.NOT_LINKED);
  }
  if (tenant.companyId !== input.companyId) {
    throw ApplicationFailure.nonRetryable(
      `business ${input.companyId} is not the business linked to tenant ${input.worksTenantId}`,
      ErrorType.BUSINESS_MISMATCH,
    );
  }
  const _id = employeeLinkId(input.companyId, input.freeeUserId);
  try {
    await EmployeeLink.create({ _id, ...input, linkedAt: new Date() });
    return { created: true };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const existing = await EmployeeLink.findById(_id).lean();
  if (existing) {
    if (existing.worksTenantId === input.worksTenantId && existing.worksUserId === input.worksUserId) return { created: false };
    throw ApplicationFailure.nonRetryable(`freee user ${input.freeeUserId} is linked to another LINE WORKS account`, ErrorType.ALREADY_LINKED);
  }
  throw ApplicationFailure.nonRetryable(`LINE WORKS account ${input.worksUserId} is linked to another freee user of the business`, ErrorType.ACCOUNT_IN_USE);
}

export async function removeEmployeeLink(input: { companyId: string; freeeUserId: string }): Promise<void> {
  await EmployeeLink.deleteOne({ _id: employeeLinkId(input.companyId, input.freeeUserId) });
}
