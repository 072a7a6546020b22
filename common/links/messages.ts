// Message definitions of the link workflows, shared by the workflows and every client (API,
// cascade activity, tests). Names are explicit strings: they are part of the histories.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AppRemovedSignal,
  EmployeeLinkState,
  LinkEmployeeInput,
  LinkEmployeeResult,
  LinkTenantInput,
  RevokeLinkSignal,
  TenantLinkState,
  TokenRefusedSignal,
} from './types';

export const linkTenantUpdate = defineUpdate<TenantLinkState, [LinkTenantInput]>('link-tenant');
export const appRemovedSignal = defineSignal<[AppRemovedSignal]>('app-removed');
export const tokenRefusedSignal = defineSignal<[TokenRefusedSignal]>('token-refused');
export const tenantLinkStatusQuery = defineQuery<TenantLinkState>('status');

export const linkEmployeeUpdate = defineUpdate<LinkEmployeeResult, [LinkEmployeeInput]>('link-employee');
export const unlinkEmployeeUpdate = defineUpdate<EmployeeLinkState, []>('unlink-employee');
export const revokeLinkSignal = defineSignal<[RevokeLinkSignal]>('revoke-link');
export const employeeLinkStatusQuery = defineQuery<EmployeeLinkState>('status');
