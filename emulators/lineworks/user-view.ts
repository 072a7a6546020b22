// A member as the users API answers it (docs/providers/line-works.md#users): domainId, userId, userExternalKey, the
// status flags, email, userName{lastName, firstName} and a primary organization.

import { domainIdOf } from './domain-id';
import type { Tenant, TenantUser } from './state';

export interface LineWorksUserView {
  domainId: number | string;
  userId: string;
  userExternalKey: string | null;
  isAdministrator: boolean;
  isPending: boolean;
  isSuspended: boolean;
  isDeleted: boolean;
  email: string | null;
  userName: { lastName: string; firstName: string };
  organizations: { domainId: number | string; primary: boolean; email: string | null; orgUnits: unknown[] }[];
}

/** "山田 太郎" → { lastName: "山田", firstName: "太郎" }; a single word is the last name. */
export function splitName(name: string | undefined, fallback: string): { lastName: string; firstName: string } {
  const trimmed = (name ?? fallback).trim();
  const space = trimmed.search(/[\s\u3000]/);
  return space === -1 ? { lastName: trimmed, firstName: '' } : { lastName: trimmed.slice(0, space), firstName: trimmed.slice(space + 1).trim() };
}

export function userView(tenant: Tenant, user: TenantUser): LineWorksUserView {
  const domainId = domainIdOf(tenant.tenantId);
  return {
    domainId,
    userId: user.userId,
    userExternalKey: user.userExternalKey ?? null,
    isAdministrator: user.isAdministrator,
    isPending: false,
    isSuspended: false,
    isDeleted: false,
    email: user.email ?? null,
    userName: splitName(user.name, user.userId),
    organizations: [{ domainId, primary: true, email: user.email ?? null, orgUnits: [] }],
  };
}
