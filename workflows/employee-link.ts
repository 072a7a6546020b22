// One freee user of one business ↔ one LINE WORKS account (`employee-link:{companyId}:{freeeUserId}`).
// The workflow ID makes a user link at most one account per business; updates answer the ID-link
// and unlink pages synchronously; a cascade's `revoke-link` signal ends the link exactly once.
// Runs while linked; ends when unlinked, revoked, or when a first link attempt fails.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import type { Activities } from '../activities';
import { ErrorType, NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import { employeeLinkStatusQuery, linkEmployeeUpdate, revokeLinkSignal, unlinkEmployeeUpdate } from '../common/links/messages';
import { rememberDelivery, type EmployeeLinkState, type LinkEmployeeInput, type LinkEmployeeResult, type RevokeLinkSignal } from '../common/links/types';
import { LinkStatus, WorksTenantId } from '../common/search-attributes';
import { rethrowBusinessFailure } from './activity-failure';
import { recordLinkRefusals } from './link-refusals';

/** Histories in which a revocation or unlink that arrives while the run waits to continue as new ends the link there. */
export const END_BEFORE_CONTINUE_PATCH = 'employee-link-end-before-continue-as-new';

const { recordEmployeeLink, removeEmployeeLink, setEmployeeRichMenu } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3, nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

export interface EmployeeLinkInput {
  companyId: string;
  freeeUserId: string;
  /** Carried across continue-as-new. */
  state?: EmployeeLinkState;
}

export async function employeeLinkWorkflow(input: EmployeeLinkInput): Promise<EmployeeLinkState> {
  const state: EmployeeLinkState = input.state ?? { companyId: input.companyId, freeeUserId: input.freeeUserId, status: 'new', seenDeliveryIds: [] };
  let revoke: RevokeLinkSignal | undefined;
  // Link and unlink run one at a time (an update waits for the one before it to finish its activities).
  const lock = new Mutex();
  const setStatus = (status: EmployeeLinkState['status']): void => {
    state.status = status;
    upsertSearchAttributes([{ key: LinkStatus, value: status }]);
  };

  setHandler(employeeLinkStatusQuery, () => state);
  recordLinkRefusals();

  setHandler(
    linkEmployeeUpdate,
    (req: LinkEmployeeInput) =>
      lock.runExclusive(async (): Promise<LinkEmployeeResult> => {
        if (state.status === 'linked') {
          if (state.worksTenantId === req.worksTenantId && state.worksUserId === req.worksUserId) {
            // Linked already: make sure the menu says so (it may have been reset on the LINE WORKS side).
            try {
              await setEmployeeRichMenu({ worksTenantId: req.worksTenantId, worksUserId: req.worksUserId, menu: 'linked' });
            } catch (err) {
              rethrowBusinessFailure(err);
            }
            return { status: 'linked', alreadyLinked: true, worksTenantId: req.worksTenantId, worksUserId: req.worksUserId };
          }
          throw ApplicationFailure.nonRetryable('this freee user is ID-linked to another LINE WORKS account', ErrorType.ALREADY_LINKED);
        }
        try {
          await recordEmployeeLink({ companyId: state.companyId, freeeUserId: state.freeeUserId, ...req });
        } catch (err) {
          rethrowBusinessFailure(err);
        }
        try {
          // The talk room's menu becomes [ID連携解除].
          await setEmployeeRichMenu({ worksTenantId: req.worksTenantId, worksUserId: req.worksUserId, menu: 'linked' });
        } catch (err) {
          // LINE WORKS refused (e.g. its token is invalid): the link is not made.
          await removeEmployeeLink({ companyId: state.companyId, freeeUserId: state.freeeUserId });
          rethrowBusinessFailure(err);
        }
        state.worksTenantId = req.worksTenantId;
        state.worksUserId = req.worksUserId;
        state.linkedAt = new Date().toISOString();
        upsertSearchAttributes([{ key: WorksTenantId, value: req.worksTenantId }]);
        setStatus('linked');
        return { status: 'linked', alreadyLinked: false, worksTenantId: req.worksTenantId, worksUserId: req.worksUserId };
      }),
    {
      validator: (req: LinkEmployeeInput) => {
        if (state.status === 'linked' && (state.worksTenantId !== req.worksTenantId || state.worksUserId !== req.worksUserId)) {
          throw ApplicationFailure.nonRetryable('this freee user is ID-linked to another LINE WORKS account', ErrorType.ALREADY_LINKED);
        }
        if (state.status === 'revoked' || state.status === 'unlinked') {
          throw ApplicationFailure.nonRetryable('this link has ended; start a new one', ErrorType.NOT_LINKED_EMPLOYEE);
        }
      },
    },
  );

  setHandler(
    unlinkEmployeeUpdate,
    () =>
      lock.runExclusive(async () => {
        if (state.status !== 'linked') throw ApplicationFailure.nonRetryable('not ID-linked', ErrorType.NOT_LINKED_EMPLOYEE);
        await removeEmployeeLink({ companyId: state.companyId, freeeUserId: state.freeeUserId });
        setStatus('unlinked');
        if (state.worksTenantId && state.worksUserId) {
          try {
            // Back to the default menu, [ID連携].
            await setEmployeeRichMenu({ worksTenantId: state.worksTenantId, worksUserId: state.worksUserId, menu: 'default' });
          } catch {
            // The link is gone either way; a stale [ID連携解除] leads to 「ID連携されていない」.
          }
        }
        return state;
      }),
    {
      validator: () => {
        if (state.status !== 'linked') throw ApplicationFailure.nonRetryable('not ID-linked', ErrorType.NOT_LINKED_EMPLOYEE);
      },
    },
  );

  setHandler(revokeLinkSignal, (signal) => {
    if (rememberDelivery(state.seenDeliveryIds, signal.deliveryId)) revoke ??= signal;
  });

  for (;;) {
    await condition(() => (revoke !== undefined && !lock.isLocked()) || (state.status !== 'linked' && allHandlersFinished()) || workflowInfo().continueAsNewSuggested);
    if (revoke && state.status === 'linked') {
      // The cascade has already removed the link record; this run only closes the link.
      state.revokedBy = revoke.cascadeId;
      setStatus('revoked');
    }
    if (state.status !== 'linked') {
      await condition(allHandlersFinished);
      return state;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      // A revocation or unlink that came meanwhile is not carried over to the next run: end here.
      // (Runs from before this check continued as new without it.)
      if ((revoke || state.status !== 'linked') && patched(END_BEFORE_CONTINUE_PATCH)) continue;
      return continueAsNew<typeof employeeLinkWorkflow>({ companyId: state.companyId, freeeUserId: state.freeeUserId, state });
    }
  }
}
