// One LINE WORKS tenant ↔ one freee business (`tenant-link:{worksTenantId}`): the workflow ID makes
// a tenant link at most one business, however many admins click at once. The admin's install is an
// update (synchronous answer for the page); the app's removal is a signal that suspends the
// tenant, runs the cascade unlink as a child and ends the link. Linking again starts a new run.
// A refused token also makes the link ask LINE WORKS whether the app is still installed: a
// confirmed removal runs the same cascade (the removal notice may never arrive); no answer is
// asked again later, never taken as a removal.
import {
  ApplicationFailure,
  CancellationScope,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  executeChild,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ErrorType, NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import { cascadeUnlinkWorkflowId } from '../common/ids';
import { appRemovedSignal, linkTenantUpdate, tenantLinkStatusQuery, tokenRefusedSignal } from '../common/links/messages';
import { nextReprobeWait, REAUTH_WAIT_MS } from '../common/links/reauth-wait';
import { removalRefusal } from '../common/links/removal-check';
import { rememberDelivery, type AppInstallationProbe, type AppRemovedSignal, type LinkTenantInput, type TenantLinkState } from '../common/links/types';
import { CompanyId, LinkStatus, WorksTenantId } from '../common/search-attributes';
import { rethrowBusinessFailure } from './activity-failure';
import { recordLinkRefusals } from './link-refusals';
import { cascadeUnlinkWorkflow } from './cascade-unlink';

const { activateTenantLink, provisionRichMenus, markTenantRemoving, markTenantRemoved, markTenantSuspended, resumeSuspendedDeliveries } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

const { probeAppInstallation } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // LINE WORKS down or rate-limiting is no answer: keep asking for a while. A probe that never
  // gets one leaves the tenant waiting for re-authorisation (and is asked again later); nothing is
  // unlinked on doubt.
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

/** Histories in which a refused token makes the link probe for the app's removal. */
export const REMOVAL_PROBE_PATCH = 'tenant-link-removal-probe';
/** Histories in which a removed tenant wakes the deliveries that were waiting for it. */
export const WAKE_WAITING_ON_REMOVAL_PATCH = 'tenant-link-wake-waiting-on-removal';
/** Histories in which a probe that got no answer is asked again later. */
export const REPROBE_PATCH = 'tenant-link-reprobe-unanswered';
/** Histories in which a removal event acts only on the installation it names, when newer than it. */
export const REMOVAL_OF_ITS_INSTALLATION_PATCH = 'tenant-link-removal-of-its-installation';
/** Histories in which linking the same business through a new installation moves the link to it. */
export const RELINK_NEW_INSTALLATION_PATCH = 'tenant-link-relink-new-installation';
/** Histories in which the removal probe (and its re-asking) runs in the main loop, not in the signal handler. */
export const PROBE_IN_MAIN_LOOP_PATCH = 'tenant-link-probe-in-main-loop';
/** Histories in which a re-authorisation stands even when the waiting deliveries cannot be woken. */
export const REAUTH_WAKE_BEST_EFFORT_PATCH = 'tenant-link-reauth-wake-best-effort';
/** Histories in which a removal that arrives while the run waits to continue as new runs there. */
export const REMOVAL_BEFORE_CONTINUE_PATCH = 'tenant-link-removal-before-continue-as-new';

export interface TenantLinkInput {
  worksTenantId: string;
  state?: TenantLinkState;
}

export async function tenantLinkWorkflow(input: TenantLinkInput): Promise<TenantLinkState> {
  const state: TenantLinkState = input.state ?? { worksTenantId: input.worksTenantId, status: 'new', seenDeliveryIds: [] };
  let removal: AppRemovedSignal | undefined;
  const setStatus = (status: TenantLinkState['status']): void => {
    state.status = status;
    upsertSearchAttributes([{ key: LinkStatus, value: status }]);
  };

  setHandler(tenantLinkStatusQuery, () => state);
  recordLinkRefusals();

  const linkTenant = async (req: LinkTenantInput): Promise<void> => {
    // The installation's time is the first this run heard of it (a re-authorisation through the
    // same installation keeps it); removal events older than it are stale.
    const installedAt = req.installationId === state.installationId && state.installedAt !== undefined ? state.installedAt : (req.installedAt ?? new Date().toISOString());
    await activateTenantLink({ worksTenantId: state.worksTenantId, ...req, installedAt });
    try {
      // The bot's menus ([ID連携] by default) exist before any employee can tap them.
      await provisionRichMenus({ worksTenantId: state.worksTenantId });
    } catch (err) {
      // Not linked (or still not re-authorised) after all: the read model must not say otherwise.
      if (state.status === 'needs_reauth') await markTenantSuspended({ worksTenantId: state.worksTenantId });
      else await markTenantRemoved({ worksTenantId: state.worksTenantId });
      throw err;
    }
    Object.assign(state, { companyId: req.companyId, botId: req.botId, serviceAccountId: req.serviceAccountId, installationId: req.installationId, installedAt });
    state.linkedAt = new Date().toISOString();
    upsertSearchAttributes([
      { key: CompanyId, value: req.companyId },
      { key: WorksTenantId, value: state.worksTenantId },
    ]);
    setStatus('active');
  };

  setHandler(
    linkTenantUpdate,
    async (req: LinkTenantInput) => {
      if (state.status === 'active' && state.companyId === req.companyId) {
        // The app installed again (its removal never reached renkei): the link moves to the new
        // installation, so that the new one's removal is the one that counts.
        const newInstallation = req.installationId !== state.installationId && patched(RELINK_NEW_INSTALLATION_PATCH);
        if (!newInstallation) return state;
      }
      const reauthorising = state.status === 'needs_reauth';
      try {
        await linkTenant(req);
      } catch (err) {
        rethrowBusinessFailure(err);
      }
      // Deliveries that waited for the re-authorisation go now. Only a shortcut: when they cannot be
      // woken (visibility unavailable), they find the tenant active at their next re-check, and
      // the re-authorisation stands.
      if (reauthorising) {
        if (patched(REAUTH_WAKE_BEST_EFFORT_PATCH)) {
          try {
            await resumeSuspendedDeliveries({ worksTenantId: state.worksTenantId });
          } catch (err) {
            log.warn('the deliveries waiting for the re-authorised tenant were not woken; they go at their next re-check', { worksTenantId: state.worksTenantId, error: String(err) });
          }
        } else await resumeSuspendedDeliveries({ worksTenantId: state.worksTenantId });
      }
      return state;
    },
    {
      validator: (req: LinkTenantInput) => {
        if ((state.status === 'active' || state.status === 'needs_reauth') && state.companyId !== req.companyId) {
          throw ApplicationFailure.nonRetryable('this LINE WORKS tenant is linked to another business', ErrorType.TENANT_LINKED_ELSEWHERE);
        }
        if (state.status === 'removing' || state.status === 'removed') {
          throw ApplicationFailure.nonRetryable('the previous link of this tenant is being removed; try again shortly', ErrorType.TENANT_LINKED_ELSEWHERE);
        }
      },
    },
  );

  const linked = (): boolean => state.status === 'active' || state.status === 'needs_reauth';

  setHandler(appRemovedSignal, (signal) => {
    if (!rememberDelivery(state.seenDeliveryIds, signal.deliveryId) || !linked()) return;
    // A removal event acts only on the installation it names and when it is newer than it (a
    // replayed event of an earlier installation changes nothing).
    const refusal = removalRefusal(state, signal);
    if (refusal !== undefined && patched(REMOVAL_OF_ITS_INSTALLATION_PATCH)) {
      log.warn('an app removal event for another installation, or older than it, was refused', {
        worksTenantId: state.worksTenantId,
        refusal,
        deliveryId: signal.deliveryId,
        eventInstallationId: signal.installationId,
        installationId: state.installationId,
      });
      return;
    }
    removal ??= signal;
  });

  const waitingForReauth = (): boolean => state.status === 'needs_reauth';

  /**
   * Asks LINE WORKS whether the app is still installed: its answer, `inconclusive` when none came
   * in time, or undefined when the question became moot (the removal arrived another way, or the
   * admin re-authorised) and the probe was cancelled.
   */
  const probeInstallation = async (): Promise<AppInstallationProbe | 'inconclusive' | undefined> => {
    const probe = new CancellationScope();
    const watch = new CancellationScope();
    void watch.run(() => condition(() => removal !== undefined || !waitingForReauth())).then(
      () => probe.cancel(),
      () => undefined,
    );
    try {
      return await probe.run(() => probeAppInstallation({ worksTenantId: state.worksTenantId, serviceAccountId: state.serviceAccountId ?? '' }));
    } catch (err) {
      if (isCancellation(err)) return undefined;
      log.warn('LINE WORKS did not say whether the app is still installed', { worksTenantId: state.worksTenantId, error: String(err) });
      return 'inconclusive';
    } finally {
      watch.cancel();
    }
  };

  // LINE WORKS refused the token (the delivery already suspended the tenant's deliveries): the
  // admin must re-authorise, which is the install flow again (the link update above) — unless the
  // app was removed, which LINE WORKS confirms when asked: then the removal runs, once, whether or
  // not its notice also arrives.
  // A probe that got no answer within its hour is asked again after 1 h, 2 h, 4 h … (at most a day
  // apart) for as long as deliveries wait for the tenant, until LINE WORKS answers, the admin
  // re-authorises or the removal arrives another way.
  const probeUntilAnswered = async (): Promise<void> => {
    const giveUpAt = Date.now() + REAUTH_WAIT_MS;
    let wait: number | undefined;
    for (;;) {
      const answer = await probeInstallation();
      if (answer === undefined) return;
      state.removalProbe = { answer, at: new Date().toISOString() };
      if (answer === 'removed' && waitingForReauth()) {
        const requestId = `probe-${uuid4()}`;
        removal ??= { deliveryId: requestId, requestId, reason: 'probe' };
      }
      if (answer !== 'inconclusive' || !patched(REPROBE_PATCH)) return;
      wait = nextReprobeWait(wait);
      if (Date.now() + wait > giveUpAt) {
        log.warn('LINE WORKS never said whether the app is still installed; the tenant waits for its admin', { worksTenantId: state.worksTenantId });
        return;
      }
      if (await condition(() => removal !== undefined || !waitingForReauth(), wait)) return;
    }
  };

  /** Set by a token refusal: the main loop asks LINE WORKS (the handler returns at once). */
  let probeRequested = false;
  setHandler(tokenRefusedSignal, async (signal) => {
    if (!rememberDelivery(state.seenDeliveryIds, signal.deliveryId) || state.status !== 'active') return;
    setStatus('needs_reauth');
    if (!patched(REMOVAL_PROBE_PATCH)) return;
    // Runs from before asked (and asked again, for up to 30 days) inside this handler.
    if (patched(PROBE_IN_MAIN_LOOP_PATCH)) probeRequested = true;
    else await probeUntilAnswered();
  });

  for (;;) {
    await condition(() => removal !== undefined || probeRequested || (!linked() && allHandlersFinished()) || workflowInfo().continueAsNewSuggested);
    if (removal) break;
    if (probeRequested) {
      probeRequested = false;
      await probeUntilAnswered();
      continue;
    }
    if (!linked()) return state; // the first link attempt failed
    await condition(allHandlersFinished);
    // A removal that came while the handlers finished (it also ends a probe waiting to ask again)
    // is not carried over to the next run: it runs here. (Runs from before this check continued
    // as new without it.)
    if (removal && patched(REMOVAL_BEFORE_CONTINUE_PATCH)) break;
    // Neither is a token refusal that came meanwhile: its probe runs in this run.
    if (probeRequested) continue;
    return continueAsNew<typeof tenantLinkWorkflow>({ worksTenantId: state.worksTenantId, state });
  }

  // The app was removed: stop deliveries, revoke every employee link, end the link.
  setStatus('removing');
  await markTenantRemoving({ worksTenantId: state.worksTenantId });
  const companyId = state.companyId ?? '';
  const cascadeId = `${state.worksTenantId}:${removal.requestId}`;
  state.cascadeId = cascadeId;
  await executeChild(cascadeUnlinkWorkflow, {
    workflowId: cascadeUnlinkWorkflowId(state.worksTenantId, removal.requestId),
    args: [{ worksTenantId: state.worksTenantId, companyId, cascadeId }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes: [
      { key: CompanyId, value: companyId },
      { key: WorksTenantId, value: state.worksTenantId },
      { key: LinkStatus, value: 'cascading' },
    ],
    staticSummary: `cascade unlink of LINE WORKS tenant ${state.worksTenantId} (事業所 ${companyId}, ${removal.reason})`,
  });
  await markTenantRemoved({ worksTenantId: state.worksTenantId });
  setStatus('removed');
  // Deliveries waiting for this tenant's re-authorisation re-check it now, find it removed and
  // end, instead of at their next periodic re-check. Only a shortcut: when the wake-up cannot be
  // sent (visibility unavailable), they still end at that re-check, and the removal stands.
  if (patched(WAKE_WAITING_ON_REMOVAL_PATCH)) {
    try {
      await resumeSuspendedDeliveries({ worksTenantId: state.worksTenantId });
    } catch (err) {
      log.warn('the deliveries waiting for the removed tenant were not woken; they end at their next re-check', { worksTenantId: state.worksTenantId, error: String(err) });
    }
  }
  await condition(allHandlersFinished);
  return state;
}
