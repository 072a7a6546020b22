// Starts the notification workflow of one freee event (`notify:freee:{eventId}`), searchable by
// company, event type and status. The workflow ID makes a redelivered event a "duplicate".
import type { Client } from '@temporalio/client';
import { eventTypeOf, FREEE_PRODUCT_NAMES, type FreeeEvent } from '../../common/freee/events';
import { notificationWorkflowId } from '../../common/ids';
import { CompanyId, EventType, NotificationStatus } from '../../common/search-attributes';
import type { ApiMetrics } from '../../observability/api-metrics';
import type { notifyFreeeEventWorkflow } from '../../workflows/notify-freee-event';
import { startOnce, type StartOutcome } from './start-once';

export async function startFreeeNotification(
  client: Client,
  metrics: ApiMetrics,
  taskQueue: string,
  event: FreeeEvent,
): Promise<{ workflowId: string; outcome: StartOutcome }> {
  const workflowId = notificationWorkflowId('freee', event.eventId);
  const product = FREEE_PRODUCT_NAMES[event.kind === 'accounting' ? 'accounting' : event.product];
  const outcome = await startOnce<typeof notifyFreeeEventWorkflow>(client, metrics, 'notifyFreeeEventWorkflow', {
    workflowId,
    taskQueue,
    args: [event],
    typedSearchAttributes: [
      { key: CompanyId, value: event.companyId },
      { key: EventType, value: eventTypeOf(event) },
      { key: NotificationStatus, value: 'received' },
    ],
    staticSummary: `${product} ${eventTypeOf(event)} — 事業所 ${event.companyId}`,
    // IDs only: the details are readable in the Web UI (encrypted at rest like every payload).
    staticDetails: `freee event ${event.eventId} of 事業所 ${event.companyId}, addressed to freee users ${event.recipientFreeeUserIds.join(', ') || '(none)'}.`,
  });
  return { workflowId, outcome };
}
