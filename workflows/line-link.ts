// One Lansmart partner ↔ one LINE account (`line-link:{partnerId}`). The workflow ID makes a
// partner link at most one LINE user; the link update refuses an e-mail that is not the partner's;
// friend / block events and LINE's refusal of the partner's tokens (連動の解除) arrive as signals,
// de-duplicated by delivery ID and applied in event-time order. Ends when the link ends; the
// partner can link again later (a new run).
import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import type { Activities } from '../activities';
import { ErrorType, NON_RETRYABLE_ERROR_TYPES } from '../common/errors';
import { friendshipSignal, lineLinkStatusQuery, lineTokensRefusedSignal, linkLineUpdate } from '../common/partners/messages';
import { partnerNotificationPath, partnerNotificationText } from '../common/partners/notifications';
import { rememberDelivery } from '../common/links/types';
import type { FriendshipSignal, LineLinkState, LineLinkStatus, LinkLineInput, LinkLineResult } from '../common/partners/types';
import { CompanyId, LinkStatus, PartnerId } from '../common/search-attributes';
import { rethrowBusinessFailure } from './activity-failure';
import { recordLinkRefusals } from './link-refusals';
import { Outbox } from './outbox';
import { deliverToPartner } from './partner-delivery';

const { recordPartnerLine, savePartnerLineState } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: NON_RETRYABLE_ERROR_TYPES },
});

/** Histories in which the main loop waits for work to do (the outbox's queue, signals) rather than for a change count. */
export const OUTBOX_WAIT_PATCH = 'line-link-outbox-wait';

export interface LineLinkInput {
  partnerId: string;
  state?: LineLinkState;
}

const normalEmail = (email: string): string => email.trim().toLowerCase();

export function refuseLineLink(state: LineLinkState, req: LinkLineInput): ApplicationFailure | undefined {
  if (!req.lineEmail) return ApplicationFailure.nonRetryable('LINE gave no e-mail address', ErrorType.EMAIL_MISSING);
  if (normalEmail(req.lineEmail) !== normalEmail(req.partnerEmail)) {
    return ApplicationFailure.nonRetryable('the LINE e-mail is not the partner’s e-mail', ErrorType.EMAIL_MISMATCH);
  }
  if (state.status === 'linked' && state.lineUserId !== req.lineUserId) {
    return ApplicationFailure.nonRetryable('this partner is linked to another LINE account', ErrorType.PARTNER_LINKED_ELSEWHERE);
  }
  return undefined;
}

export async function lineLinkWorkflow(input: LineLinkInput): Promise<LineLinkState> {
  const state: LineLinkState = input.state ?? { partnerId: input.partnerId, status: 'new', friend: false, blocked: false, linkCount: 0, seenDeliveryIds: [] };
  const { workflowId } = workflowInfo();
  /** Changes since the main loop last looked (runs from before the outbox wait on it). */
  let version = 0;
  // Link attempts run one at a time.
  const lock = new Mutex();
  const pendingFriendship: FriendshipSignal[] = [];
  let tokensRefused = false;

  // 友だち登録完了 goes out beside the main loop.
  const friendNotices = new Outbox<{ key: string }>({
    send: ({ key }) =>
      deliverToPartner({
        notificationKey: key,
        workflowId,
        partnerId: state.partnerId,
        kind: 'friend_registered',
        text: partnerNotificationText('friend_registered'),
        path: partnerNotificationPath('friend_registered'),
      }),
    failed: ({ key }, error) => {
      state.deliveryErrors = [...(state.deliveryErrors ?? []), { key, error, at: new Date().toISOString() }].slice(-10);
    },
    settled: () => {
      version++;
    },
    failureMessage: 'the 友だち登録完了 notification was not delivered',
    logContext: () => ({ partnerId: state.partnerId }),
  });

  const setStatus = (status: LineLinkStatus): void => {
    state.status = status;
    upsertSearchAttributes([{ key: LinkStatus, value: status }]);
    version++;
  };
  const queueFriendRegistered = (): void => {
    // A link after an ended one is a new run of the same workflow ID, whose count starts again:
    // the run chain's first run ID keeps each link's notification (and its delivery keys) distinct.
    const key = `${workflowId}:friend_registered:${workflowInfo().firstExecutionRunId}:${state.linkCount}`;
    friendNotices.add({ key });
    version++;
  };

  setHandler(lineLinkStatusQuery, () => state);
  recordLinkRefusals();

  setHandler(
    linkLineUpdate,
    (req: LinkLineInput): Promise<LinkLineResult> =>
      lock.runExclusive(async (): Promise<LinkLineResult> => {
        const refusal = refuseLineLink(state, req);
        if (refusal) throw refusal;
        if (state.status === 'linked') return { status: 'linked', lineUserId: req.lineUserId, alreadyLinked: true };
        try {
          await recordPartnerLine({ partnerId: state.partnerId, companyId: req.companyId, lineUserId: req.lineUserId, friend: req.friend, blocked: false });
        } catch (err) {
          rethrowBusinessFailure(err);
        }
        state.companyId = req.companyId;
        state.lineUserId = req.lineUserId;
        state.linkedAt = new Date().toISOString();
        state.friend = req.friend;
        state.blocked = false;
        delete state.unlinkedAt;
        delete state.unlinkReason;
        state.linkCount++;
        upsertSearchAttributes([
          { key: PartnerId, value: state.partnerId },
          { key: CompanyId, value: req.companyId },
        ]);
        setStatus('linked');
        if (req.friend) queueFriendRegistered();
        return { status: 'linked', lineUserId: req.lineUserId, alreadyLinked: false };
      }),
    {
      validator: (req: LinkLineInput) => {
        const refusal = refuseLineLink(state, req);
        if (refusal) throw refusal;
      },
    },
  );

  setHandler(friendshipSignal, (signal) => {
    if (!rememberDelivery(state.seenDeliveryIds, signal.deliveryId)) return;
    pendingFriendship.push(signal);
    version++;
  });
  setHandler(lineTokensRefusedSignal, (signal) => {
    if (!rememberDelivery(state.seenDeliveryIds, signal.deliveryId)) return;
    if (state.status === 'linked' && signal.lineUserId === state.lineUserId) tokensRefused = true;
    version++;
  });

  const applyFriendship = (signal: FriendshipSignal): boolean => {
    if (state.status !== 'linked' || signal.lineUserId !== state.lineUserId) return false;
    // Events may arrive late or out of order: the newest one wins.
    if (state.friendshipAt !== undefined && signal.timestamp <= state.friendshipAt) return false;
    state.friendshipAt = signal.timestamp;
    const wasFriend = state.friend;
    if (signal.event === 'unfollow') {
      state.blocked = true;
    } else {
      state.friend = true;
      state.blocked = false;
      if (!wasFriend && !signal.isUnblocked) queueFriendRegistered();
    }
    return true;
  };

  for (;;) {
    // Taken before this pass awaits anything: a signal or update that arrives while the state is
    // being saved must still wake the wait below.
    const seen = version;
    let dirty = false;
    for (const signal of pendingFriendship.splice(0).sort((a, b) => a.timestamp - b.timestamp)) dirty = applyFriendship(signal) || dirty;
    if (tokensRefused && state.status === 'linked') {
      tokensRefused = false;
      state.unlinkedAt = new Date().toISOString();
      state.unlinkReason = 'app_unlinked';
      setStatus('unlinked');
      dirty = true;
    }
    if (dirty && state.lineUserId) {
      await savePartnerLineState({
        partnerId: state.partnerId,
        lineUserId: state.lineUserId,
        status: state.status === 'linked' ? 'linked' : 'unlinked',
        friend: state.friend,
        blocked: state.blocked,
      });
    }
    friendNotices.startQueued();
    if (state.status !== 'linked' && !friendNotices.sending) {
      // Not linked (a first attempt was refused, or the link ended): finish once nothing is pending.
      await condition(() => allHandlersFinished() && !lock.isLocked());
      if ((state.status as LineLinkStatus) !== 'linked' && pendingFriendship.length === 0 && !friendNotices.hasQueued) return state;
      continue;
    }
    if (workflowInfo().continueAsNewSuggested && !friendNotices.sending && !lock.isLocked()) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof lineLinkWorkflow>({ partnerId: state.partnerId, state });
    }
    if (patched(OUTBOX_WAIT_PATCH)) {
      // Wakes when there is something to do, not when something changed.
      await condition(
        () =>
          pendingFriendship.length > 0 ||
          (tokensRefused && state.status === 'linked') ||
          friendNotices.hasQueued ||
          (state.status !== 'linked' && !friendNotices.sending) ||
          (workflowInfo().continueAsNewSuggested && !friendNotices.sending && !lock.isLocked()),
      );
    } else await condition(() => version !== seen);
  }
}
