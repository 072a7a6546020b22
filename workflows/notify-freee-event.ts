// One freee event → LINE WORKS messages to the linked employees it addresses (`notify:freee:{eventId}`).
// The workflow ID makes delivery happen once however often freee sends the event; each recipient's
// delivery is an activity that Temporal retries while LINE WORKS is down or rate-limiting.
// A delivery whose tenant is suspended waits for the tenant link's signal (re-checking the tenant
// at intervals growing to hours, 30 days at most); a run whose history grows long continues as new
// with its state (plain JSON), so a notification waiting for weeks stays small.
// The first try runs as a local activity (LOCAL_FIRST_TRY_PATCH): a notification the first try
// settles is one workflow task; a first try that throws goes to the same activity on the task queue.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  TemporalFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { FirstTry, NotifiedRecipients, NotifyFreeeRecipientsInput } from '../activities/notify/notify-freee-recipients';
import { ErrorType, NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import { freeeNotice } from '../common/freee/notice';
import { lineWorksDeliveryKey } from '../common/notify/delivery-key';
import { REAUTH_WAIT_MS } from '../common/links/reauth-wait';
import { notificationStatusQuery, tenantResumedSignal } from '../common/notify/messages';
import { CONTINUE_AS_NEW_AFTER_EVENTS, nextSuspensionRecheck } from '../common/notify/suspension-wait';
import type { LineWorksRecipient, NotificationPhase, NotificationState, NotifyFreeeInput } from '../common/notify/types';
import { NotificationStatus, WorksTenantId } from '../common/search-attributes';

const { resolveFreeeRecipients, notifyFreeeRecipients, markDeliveryFailed, reportTokenRefused, tenantLinkStatus } = proxyActivities<Activities>({
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

// The first try in the workflow task: one attempt, bounded like the activity's (its sends are
// bounded by the provider's HTTP timeouts), and whatever it throws goes to notifyFreeeRecipients on
// the task queue with that activity's retries. Same function, same delivery keys.
const { notifyFreeeRecipients: notifyFreeeRecipientsLocally } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 1 },
});

/** How often a waiting delivery re-checked its tenant before the waits grew (runs without LONG_WAITS_PATCH). */
const RECHECK_SUSPENSION = '10 minutes';

/** Histories in which a waiting delivery backs off to hours and a long run continues as new. */
export const LONG_WAITS_PATCH = 'notify-long-waits-continue-as-new';

/**
 * Histories in which one activity resolves the recipients and tries each once (notifyFreeeRecipients);
 * what it did not settle goes on as in LONG_WAITS_PATCH.
 */
export const FIRST_TRY_PATCH = 'notify-resolve-and-first-try-in-one-activity';

/**
 * Histories in which the first try (notifyFreeeRecipients) is a local activity, falling back to the
 * activity when it throws, and the search attributes the first task decides are upserted at once.
 */
export const LOCAL_FIRST_TRY_PATCH = 'notify-first-try-local-activity';

/** Where one recipient's delivery stands between runs: its wait (ms since epoch) and last interval. */
export interface RecipientProgress {
  giveUpAt?: number;
  lastWaitMs?: number;
}

/** What a run hands to the next when it continues as new (plain JSON). */
export interface NotifyContinuation {
  state: NotificationState;
  recipients: LineWorksRecipient[];
  progress: RecipientProgress[];
  /** Runs before this one. */
  runs: number;
}

export async function notifyFreeeEventWorkflow(event: NotifyFreeeInput, carried?: NotifyContinuation): Promise<NotificationState> {
  if (carried !== undefined) return deliverWithLongWaits(event, carried);
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

  if (patched(LOCAL_FIRST_TRY_PATCH)) {
    // `resolving` is the query's answer while the first try runs; the search attribute goes from
    // `received` straight to what the first try leaves (one upsert with the tenant).
    state.phase = 'resolving';
    state.notice = freeeNotice(event);
    const input: NotifyFreeeRecipientsInput = { companyId: event.companyId, freeeUserIds: event.recipientFreeeUserIds, notice: state.notice };
    const first = await firstTryLocallyThenActivity(input);
    applyFirstTry(state, first);
    if (first.recipients.length === 0) {
      setPhase('no_recipients');
      return state;
    }
    const tenant = { key: WorksTenantId, value: (first.recipients[0] as LineWorksRecipient).worksTenantId };
    return deliverWithLongWaits(event, { state, recipients: first.recipients, progress: first.recipients.map(() => ({})), runs: 0 }, first.firstTries, tenant);
  }
  setPhase('resolving');
  state.notice = freeeNotice(event);
  if (patched(FIRST_TRY_PATCH)) {
    const first = await notifyFreeeRecipients({ companyId: event.companyId, freeeUserIds: event.recipientFreeeUserIds, notice: state.notice });
    applyFirstTry(state, first);
    if (first.recipients.length === 0) {
      setPhase('no_recipients');
      return state;
    }
    upsertSearchAttributes([{ key: WorksTenantId, value: (first.recipients[0] as LineWorksRecipient).worksTenantId }]);
    return deliverWithLongWaits(event, { state, recipients: first.recipients, progress: first.recipients.map(() => ({})), runs: 0 }, first.firstTries);
  }
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
  if (patched(LONG_WAITS_PATCH)) {
    return deliverWithLongWaits(event, { state, recipients: resolved.recipients, progress: resolved.recipients.map(() => ({})), runs: 0 });
  }
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
      const deliveryKey = lineWorksDeliveryKey(workflowId, recipient.worksTenantId, recipient.worksUserId);
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

/** The recipients and their first tries, in the notification's state. */
function applyFirstTry(state: NotificationState, first: NotifiedRecipients): void {
  state.unlinkedFreeeUserIds = first.unlinkedFreeeUserIds;
  state.recipients = first.recipients.map((r, i) => {
    const tried = first.firstTries[i];
    const status = tried?.outcome === 'sent' ? 'sent' : tried?.outcome === 'failed' ? 'failed' : 'pending';
    return { freeeUserId: r.freeeUserId, worksTenantId: r.worksTenantId, worksUserId: r.worksUserId, status, ...(tried?.outcome === 'failed' ? { error: tried.error } : {}) };
  });
}

/** The first try as a local activity; when it throws (Mongo down, a timeout), the activity with its retries. */
async function firstTryLocallyThenActivity(input: NotifyFreeeRecipientsInput): Promise<NotifiedRecipients> {
  try {
    return await notifyFreeeRecipientsLocally(input);
  } catch (err) {
    // A local activity's failure arrives as its own failure (ApplicationFailure, TimeoutFailure), not wrapped.
    if (!(err instanceof TemporalFailure) || isCancellation(err)) throw err;
    log.warn('the first try of a freee notification failed in the workflow task; it goes on as an activity', { error: failureType(err) });
    return notifyFreeeRecipients(input);
  }
}

function failureType(err: unknown): string {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) return cause.type ?? ErrorType.PROVIDER_UNAVAILABLE;
  return cause instanceof Error ? cause.message : 'unknown';
}

type WaitOutcome = 'resumed' | 'ended' | 'continue';

/**
 * Delivers to every recipient not yet done; a suspended tenant's deliveries wait for its
 * re-authorisation. Continues as new (carrying the state) once the history is long and every
 * delivery still to do is waiting; the delivery key (workflow ID, tenant, user) is the same in
 * every run, so a message is sent once.
 */
async function deliverWithLongWaits(
  event: NotifyFreeeInput,
  carried: NotifyContinuation,
  firstTries?: FirstTry[],
  withFirstPhase?: { key: typeof WorksTenantId; value: string },
): Promise<NotificationState> {
  const { state, recipients, progress } = carried;
  const { workflowId } = workflowInfo();
  setHandler(notificationStatusQuery, () => state);
  // `withFirstPhase` (LOCAL_FIRST_TRY_PATCH): upserted with the first phase, in the same event.
  let pending = withFirstPhase;
  const setPhase = (phase: NotificationPhase): void => {
    state.phase = phase;
    if (pending) {
      upsertSearchAttributes([pending, { key: NotificationStatus, value: phase }]);
      pending = undefined;
    } else {
      upsertSearchAttributes([{ key: NotificationStatus, value: phase }]);
    }
  };
  const updatePhase = (): void => setPhase(state.recipients.some((r) => r.status === 'waiting') ? 'suspended' : 'delivering');
  const notice = state.notice ?? freeeNotice(event);
  state.notice = notice;

  const resumes = new Map<string, number>();
  setHandler(tenantResumedSignal, ({ worksTenantId }) => {
    resumes.set(worksTenantId, (resumes.get(worksTenantId) ?? 0) + 1);
  });
  const historyLong = (): boolean => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= CONTINUE_AS_NEW_AFTER_EVENTS;

  /** Waits for the tenant's re-authorisation: resumed, ended (removed, or 30 days passed), or paused for continue-as-new. */
  const waitForTenant = async (worksTenantId: string, p: RecipientProgress, checkFirst: boolean): Promise<WaitOutcome> => {
    const giveUpAt = p.giveUpAt ?? Date.now() + REAUTH_WAIT_MS;
    p.giveUpAt = giveUpAt;
    // A run that continued as new may have missed a wake-up sent while it ended: ask once first.
    let check = checkFirst;
    for (;;) {
      if (check) {
        const status = await tenantLinkStatus({ worksTenantId });
        if (status === 'active') return 'resumed';
        if (status === 'removed' || Date.now() >= giveUpAt) return 'ended';
      }
      check = true;
      if (historyLong()) return 'continue';
      const seen = resumes.get(worksTenantId) ?? 0;
      const wait = Math.max(Math.min(nextSuspensionRecheck(p.lastWaitMs), giveUpAt - Date.now()), 1);
      p.lastWaitMs = wait;
      const woken = await condition(() => (resumes.get(worksTenantId) ?? 0) > seen || historyLong(), wait);
      if (woken && (resumes.get(worksTenantId) ?? 0) === seen) return 'continue';
      if (woken) p.lastWaitMs = undefined;
    }
  };

  const fail = async (i: number, deliveryKey: string, error: string): Promise<void> => {
    const entry = state.recipients[i];
    if (!entry) return;
    entry.status = 'failed';
    entry.error = error;
    log.warn('a freee notification was not delivered to a recipient', { deliveryKey, error });
    await markDeliveryFailed({ deliveryKey, error });
  };

  const deliverTo = async (i: number): Promise<'done' | 'continue'> => {
    const recipient = recipients[i];
    const entry = state.recipients[i];
    const p = progress[i] ?? {};
    progress[i] = p;
    if (!recipient || !entry) return 'done';
    const deliveryKey = lineWorksDeliveryKey(workflowId, recipient.worksTenantId, recipient.worksUserId);
    if (entry.status === 'pending' && recipient.tenantStatus === 'suspended' && p.giveUpAt === undefined) entry.status = 'waiting';
    let checkFirst = carried.runs > 0;
    // What the first try (notifyFreeeRecipients) left to do; it logged its attempt and answer.
    const tried = firstTries?.[i];
    let priorAttempts = 0;
    if (tried?.outcome === 'failed') log.warn('a freee notification was not delivered to a recipient', { deliveryKey, error: tried.error });
    if (tried?.outcome === 'token_refused') {
      await reportTokenRefused({ worksTenantId: recipient.worksTenantId, by: workflowId });
      entry.status = 'waiting';
    }
    if (tried?.outcome === 'retry') {
      priorAttempts = 1;
      if (tried.retryAfterMs !== undefined) await sleep(Math.max(tried.retryAfterMs, 1));
    }
    for (;;) {
      if (entry.status === 'sent' || entry.status === 'failed') return 'done';
      if (entry.status === 'waiting') {
        updatePhase();
        const outcome = await waitForTenant(recipient.worksTenantId, p, checkFirst);
        if (outcome === 'continue') return 'continue';
        entry.status = 'pending';
        p.giveUpAt = undefined;
        p.lastWaitMs = undefined;
        updatePhase();
        if (outcome === 'ended') {
          await fail(i, deliveryKey, ErrorType.TOKEN_INVALID);
          return 'done';
        }
      }
      checkFirst = false;
      try {
        const counted = priorAttempts;
        priorAttempts = 0;
        await deliverLineWorksMessage({ deliveryKey, workflowId, recipient, notice, ...(counted ? { priorAttempts: counted } : {}) });
        entry.status = 'sent';
        return 'done';
      } catch (err) {
        const type = failureType(err);
        if (type === ErrorType.TOKEN_INVALID) {
          // Kept, not lost: the tenant is suspended and this delivery waits for re-authorisation.
          await reportTokenRefused({ worksTenantId: recipient.worksTenantId, by: workflowId });
          entry.status = 'waiting';
          continue;
        }
        await fail(i, deliveryKey, type);
        return 'done';
      }
    }
  };

  // A first try that settled every recipient has nothing left to deliver: straight to the outcome.
  if (!firstTries || state.recipients.some((r) => r.status !== 'sent' && r.status !== 'failed')) updatePhase();
  const outcomes = await Promise.all(recipients.map((_, i) => deliverTo(i)));
  if (outcomes.includes('continue')) {
    await condition(allHandlersFinished);
    return continueAsNew<typeof notifyFreeeEventWorkflow>(event, { state, recipients, progress, runs: carried.runs + 1 });
  }
  const sent = state.recipients.filter((r) => r.status === 'sent').length;
  setPhase(sent === state.recipients.length ? 'delivered' : sent === 0 ? 'failed' : 'partially_delivered');
  await condition(allHandlersFinished);
  return state;
}
