// Message definitions of the notification workflow, shared by the workflow and its clients.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { NotificationState } from './types';

export const notificationStatusQuery = defineQuery<NotificationState>('status');

/** The tenant was re-authorised: waiting deliveries try again now. */
export const tenantResumedSignal = defineSignal<[{ worksTenantId: string }]>('tenant-resumed');
