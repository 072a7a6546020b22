// Workflow-ID builders. The IDs are contracts (docs/design.md §2): they make Temporal enforce the
// uniqueness rules, so every caller (API, worker, scripts, tests) must build them here.

export const tenantLinkWorkflowId = (worksTenantId: string): string => `tenant-link:${worksTenantId}`;

export const employeeLinkWorkflowId = (companyId: string, freeeUserId: string): string =>
  `employee-link:${companyId}:${freeeUserId}`;

export const cascadeUnlinkWorkflowId = (worksTenantId: string, requestId: string): string =>
  `cascade-unlink:${worksTenantId}:${requestId}`;

export const lineLinkWorkflowId = (partnerId: string): string => `line-link:${partnerId}`;

export const orderWorkflowId = (orderId: string): string => `order:${orderId}`;

export type NotificationSource = 'freee' | 'lansmart' | 'lineworks' | 'line';

export const notificationWorkflowId = (source: NotificationSource, eventId: string): string =>
  `notify:${source}:${eventId}`;

export const richMenuSwitchWorkflowId = (worksTenantId: string, worksUserId: string, tapId: string): string =>
  `richmenu:${worksTenantId}:${worksUserId}:${tapId}`;

export const richMenuProvisionWorkflowId = (worksTenantId: string, requestId: string): string => `richmenu-provision:${worksTenantId}:${requestId}`;
