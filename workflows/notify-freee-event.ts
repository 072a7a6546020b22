// One freee event → LINE WORKS messages to the linked employees it addresses (`notify:freee:{eventId}`).
// The workflow ID makes delivery happen once however often freee sends the event; each recipient's
// delivery is an activity that Temporal retries while LINE WORKS is down or rate-limiting.
import {
  ActivityFailure,
  ApplicationFailure,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ErrorType, NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import { freeeNotice } from '../common/freee/notice';
import { notificationStatusQuery } from '../common/notify/messages';
import type { NotificationPhase, NotificationState, NotifyFreeeInput } from '../common/notify/types';
import { NotificationStatus, WorksTenantId } from '../common/search-attributes';

const { resolveFreeeRecipients, markDeliveryFailed } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { deliverLineWorksMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // LINE WORKS may be down for a while: keep trying for up to a week, never for a refused request.
  scheduleToCloseTimeout: '7 days',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES,
  },
});

export async function notifyFreeeEventWorkflow(event: NotifyFreeeInput): Promise<NotificationState> {
  const state: NotificationState = {
    eventId: event.eventId,
    companyId: event.companyId,
    phase: 'received',
    recipients: [],
    unlinkedFreeeUserIds: [],
  };
  setHandler(notificationStatusQuery, () => state);

  const setPhase = (phase: NotificationPhase): void => {
    state.phase = phase;
    upsertSearchAttributes([{ key: NotificationStatus, value: phase }]);
  };

  setPhase('resolving');
  state.notice = freeeNotice(event);
  const resolved = await resolveFreeeRecipients({ companyId: event.companyId, freeeUserIds: event.recipientFreeeUserIds });
  state.unlinkedFreeeUserIds = resolved.unlinkedFreeeUserIds;
  state.recipients = resolved.recipients.map((r) => ({
    freeeUserId: r.freeeUserId,
    worksTenantId: r.worksTenantId,
    worksUserId: r.worksUserId,
    status: 'pending',
  }));
  if (resolved.recipients.length === 0) {
    setPhase('no_recipients');
    return state;
  }
  const tenants = [...new Set(resolved.recipients.map((r) => r.worksTenantId))];
  upsertSearchAttributes([{ key: WorksTenantId, value: tenants[0] as string }]);
  setPhase('delivering');

  const { workflowId } = workflowInfo();
  const notice = state.notice;
  await Promise.all(
    resolved.recipients.map(async (recipient, i) => {
      const entry = state.recipients[i];
      if (!entry) return;
      const deliveryKey = `${workflowId}:lineworks:${recipient.worksTenantId}:${recipient.worksUserId}`;
      try {
        await deliverLineWorksMessage({ deliveryKey, workflowId, recipient, notice });
        entry.status = 'sent';
      } catch (err) {
        entry.status = 'failed';
        entry.error = failureType(err);
        await markDeliveryFailed({ deliveryKey, error: entry.error });
      }
    }),
  );

  const sent = state.recipients.filter((r) => r.status === 'sent').length;
  setPhase(sent === state.recipients.length ? 'delivered' : sent === 0 ? 'failed' : 'partially_delivered');
  return state;
}

function failureType(err: unknown): string {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) return cause.type ?? ErrorType.PROVIDER_UNAVAILABLE;
  return cause instanceof Error ? cause.message : 'unknown';
}
