// Message definitions of the notification workflow, shared by the workflow and its clients.
import { defineQuery } from '@temporalio/workflow';
import type { NotificationState } from './types';

export const notificationStatusQuery = defineQuery<NotificationState>('status');
