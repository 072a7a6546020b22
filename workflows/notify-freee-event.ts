// One freee event → LINE WORKS messages to the linked employees it addresses (`notify:freee:{eventId}`).
// The workflow ID makes delivery happen once however often freee sends the event; each recipient's
// delivery is an activity that Temporal retries while LINE WORKS is down or rate-limiting.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ErrorType, NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import { freeeNotice } from '../common/freee/notice';
import { REAUTH_WAIT_MS } from '../common/links/reauth-wait';
import { notificationStatusQuery, tenantResumedSignal } from '../common/notify/messages';
import type { NotificationPhase, NotificationState, NotifyFreeeInput } from '../common/notify/types';
import { NotificationStatus, WorksTenantId } from '../common/search-attributes';

const { resolveFreeeRecipients, markDeliveryFailed, reportTokenRefused, tenantLinkStatus } = proxyActivities<Activities>({
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

/** How often a waiting delivery re-checks its tenant (it waits REAUTH_WAIT_MS at most). */
const RECHECK_SUSPENSION = '10 minutes';

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
  const resumes = new Map<string, number>();
  setHandler(tenantResumedSignal, ({ worksTenantId }) => {
    resumes.set(worksTenantId, (resumes.get(worksTenantId) ?? 0) + 1);
  });
  const updatePhase = (): void => setPhase(state.recipients.some((r) => r.status === 'waiting') ? 'suspended' : 'delivering');

  /** Waits for the admin to re-authorise the tenant; false when the link ended or it took too long. */
  const waitForTenant = async (worksTenantId: string): Promise<boolean> => {
    const giveUpAt = Date.now() + REAUTH_WAIT_MS;
    for (;;) {
      const seen = resumes.get(worksTenantId) ?? 0;
      await condition(() => (resumes.get(worksTenantId) ?? 0) > seen, RECHECK_SUSPENSION);
      const status = await tenantLinkStatus({ worksTenantId });
      if (status === 'active') return true;
      if (status === 'removed' || Date.now() > giveUpAt) return false;
    }
  };

  await Promise.all(
    resolved.recipients.map(async (recipient, i) => {
      const entry = state.recipients[i];
      if (!entry) return;
      const deliveryKey = `${workflowId}:lineworks:${recipient.worksTenantId}:${recipient.worksUserId}`;
      let suspended = recipient.tenantStatus === 'suspended';
      for (;;) {
        if (suspended) {
          entry.status = 'waiting';
          updatePhase();
          const mayRetry = await waitForTenant(recipient.worksTenantId);
          entry.status = 'pending';
          updatePhase();
          if (!mayRetry) {
            entry.status = 'failed';
            entry.error = ErrorType.TOKEN_INVALID;
            await markDeliveryFailed({ deliveryKey, error: entry.error });
            return;
          }
        }
        try {
          await deliverLineWorksMessage({ deliveryKey, workflowId, recipient, notice });
          entry.status = 'sent';
          return;
        } catch (err) {
          const type = failureType(err);
          if (type === ErrorType.TOKEN_INVALID) {
            // Kept, not lost: the tenant is suspended and this delivery waits for re-authorisation.
            await reportTokenRefused({ worksTenantId: recipient.worksTenantId, by: workflowId });
            suspended = true;
            continue;
          }
          entry.status = 'failed';
          entry.error = type;
          await markDeliveryFailed({ deliveryKey, error: entry.error });
          return;
        }
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
