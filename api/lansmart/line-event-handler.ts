// Acts on one LINE webhook event, once (the webhookEventId ledger): follow / unfollow become a
// friendship signal to the partner's LINE-link workflow; the order notification's [承認する]
// applies the order page's rule (common/orders/approval-rule.ts): what is missing (口座情報,
// 基本情報) is said with a link to it, else the final check is asked with [実行する], whose tap
// becomes a durable partner-action update (accepted before LINE gets its 200; the workflow
// confirms in the talk room); a tap that cannot be acted on gets a clear reply and changes nothing.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateStage, type Client, type WorkflowUpdateHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { ErrorType } from '../../common/errors';
import { orderWorkflowId } from '../../common/ids';
import { missingForApproval, type ApprovalChecks } from '../../common/orders/approval-rule';
import { orderStatusQuery, partnerActionUpdate } from '../../common/orders/messages';
import { refusePartnerAction, type Refusal } from '../../common/orders/transitions';
import type { OrderState } from '../../common/orders/types';
import { partnerNotificationPath } from '../../common/partners/notifications';
import { orderApproveExecutePostback, parsePartnerPostback } from '../../common/partners/postbacks';
import type { LansmartPlatformClient } from '../../providers/lansmart/platform-client';
import { PartnerLine } from '../../models/partner-line';
import { WebhookEvent } from '../../models/webhook-event';
import type { LineMessage, LineMessagingClient } from '../../providers/line/messaging-client';
import { lineRetryKey } from '../../providers/line/retry-key';
import { isDuplicateKey } from '../../models/mongo-errors';
import { followEvent, lineEventBase, postbackEvent, unfollowEvent } from '../schemas/line-webhook';
import type { PartnerCommands } from '../temporal/partner-commands';
import { approvalChecks } from './approval-checks';
import { approveConfirmReply, missingInfoReply, staleTapReply } from './line-replies';

const LEDGER_DAYS = 7;
/** How long a tap waits for the order's answer before LINE gets its 200 (LINE allows 2 s). */
const ANSWER_WAIT_MS = 1_000;
/** The whole webhook request's budget for such waits: several taps in one batch share it. */
export const WEBHOOK_ANSWER_BUDGET_MS = 1_200;

/** `confirmation_asked`: [承認する] was answered with the final check ([実行する]) in the talk room. */
export type LineEventOutcome = 'applied' | 'confirmation_asked' | 'duplicate' | 'ignored' | 'unknown_user' | 'refused' | 'invalid';

export interface LineEventDeps {
  temporal: Client;
  partners: PartnerCommands;
  messaging: LineMessagingClient;
  /** Where the approval rule's facts (口座情報, 基本情報) are looked up. */
  platform: LansmartPlatformClient;
  /** The absolute URL of a partner page, for the links in replies. */
  url(path: string): string;
  log: Logger;
}

async function claim(webhookEventId: string, type: string): Promise<boolean> {
  try {
    await WebhookEvent.create({ _id: `line:${webhookEventId}`, source: 'line', type, outcome: 'processing', expiresAt: new Date(Date.now() + LEDGER_DAYS * 86_400_000) });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** `answerBy`: the instant (ms) by which the webhook request must be answered. */
export async function handleLineEvent(deps: LineEventDeps, raw: unknown, answerBy = Date.now() + WEBHOOK_ANSWER_BUDGET_MS): Promise<LineEventOutcome> {
  const base = lineEventBase.safeParse(raw);
  if (!base.success) return 'invalid';
  const event = base.data;
  if (!(await claim(event.webhookEventId, event.type))) return 'duplicate';
  try {
    const outcome = await act(deps, raw, event.type, answerBy);
    await WebhookEvent.updateOne({ _id: `line:${event.webhookEventId}` }, { $set: { outcome } });
    return outcome;
  } catch (err) {
    // Not handled: release the claim so LINE's redelivery is processed.
    await WebhookEvent.deleteOne({ _id: `line:${event.webhookEventId}` });
    throw err;
  }
}

async function linkedPartner(lineUserId: string | undefined): Promise<string | undefined> {
  if (!lineUserId) return undefined;
  const link = await PartnerLine.findOne({ lineUserId, status: 'linked' }, { _id: 1 }).lean();
  return link?._id;
}

async function act(deps: LineEventDeps, raw: unknown, type: string, answerBy: number): Promise<LineEventOutcome> {
  if (type === 'follow' || type === 'unfollow') {
    const parsed = (type === 'follow' ? followEvent : unfollowEvent).safeParse(raw);
    if (!parsed.success) return 'invalid';
    const e = parsed.data;
    // Without a source nobody can be told apart: nothing to act on, but nothing wrong either.
    if (e.source === undefined) return 'ignored';
    const partnerId = await linkedPartner(e.source.userId);
    if (!partnerId || !e.source.userId) return 'unknown_user';
    await deps.partners.friendship(partnerId, {
      deliveryId: e.webhookEventId,
      lineUserId: e.source.userId,
      event: e.type,
      ...('follow' in e && e.follow ? { isUnblocked: e.follow.isUnblocked } : {}),
      timestamp: e.timestamp,
    });
    return 'applied';
  }
  if (type === 'postback') {
    const parsed = postbackEvent.safeParse(raw);
    if (!parsed.success) return 'invalid';
    return actOnPostback(deps, parsed.data, answerBy);
  }
  return 'ignored';
}

async function actOnPostback(
  deps: LineEventDeps,
  e: { webhookEventId: string; source?: { userId?: string | undefined } | undefined; postback: { data: string } },
  answerBy: number,
): Promise<LineEventOutcome> {
  const lineUserId = e.source?.userId;
  const postback = parsePartnerPostback(e.postback.data);
  if (!postback || !lineUserId) return 'ignored';
  const send = async (message: LineMessage): Promise<void> => {
    await deps.messaging.push(lineUserId, [message], lineRetryKey(`line-reply:${e.webhookEventId}`)).catch((err: unknown) => {
      deps.log.warn({ err, webhookEventId: e.webhookEventId }, 'could not reply in the LINE talk room');
    });
  };
  const reply = (text: string): Promise<void> => send({ type: 'text', text });
  const partnerId = await linkedPartner(lineUserId);
  if (!partnerId) {
    await reply(staleTapReply('not_linked'));
    return 'unknown_user';
  }
  const orderUrl = deps.url(partnerNotificationPath('order_created', postback.orderId));
  /**
   * The order page's rule (approval-rule.ts) for a tap: a stale tap is told where the order
   * stands; then what is missing (口座情報, 基本情報) with a link to it; then the final check with
   * [実行する]. Undefined: only the confirmation given by [実行する] was missing, so approve.
   */
  const check = async (checks: ApprovalChecks): Promise<LineEventOutcome | undefined> => {
    let state: OrderState;
    try {
      state = await deps.temporal.workflow.getHandle(orderWorkflowId(postback.orderId)).query(orderStatusQuery);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      await reply(staleTapReply('order_closed'));
      return 'refused';
    }
    const stale = state.partnerId !== partnerId ? 'not_partner' : refusePartnerAction('order.approve', state.status)?.reason;
    if (stale) {
      await reply(staleTapReply(stale));
      return 'refused';
    }
    const missing = missingForApproval(checks);
    if (missing === undefined) return undefined;
    if (missing !== 'confirmation') {
      await send(missingInfoReply(missing, orderUrl));
      return 'refused';
    }
    await send(approveConfirmReply(state.details, orderApproveExecutePostback(postback.orderId), orderUrl));
    return 'confirmation_asked';
  };
  const checks = await approvalChecks(deps.platform, partnerId, postback.action === 'order.approve.execute');
  const answered = await check(checks);
  if (answered !== undefined) return answered;

  /** A refused tap is answered in the talk room; a failed one is logged; anything else is the caller's error. */
  const refused = async (err: unknown): Promise<LineEventOutcome> => {
    // The rule refused in the workflow (the information changed meanwhile): asked again from the start.
    if (isApprovalIncomplete(err)) return (await check({ ...checks, confirmed: false })) ?? 'refused';
    const reason = refusalReason(err);
    if (reason !== undefined) {
      await reply(staleTapReply(reason));
      return 'refused';
    }
    if (!(err instanceof WorkflowUpdateFailedError)) throw err;
    deps.log.warn({ err, webhookEventId: e.webhookEventId, orderId: postback.orderId }, 'the approval from LINE failed');
    return 'refused';
  };
  let handle: WorkflowUpdateHandle<unknown>;
  try {
    handle = await deps.temporal.workflow.getHandle(orderWorkflowId(postback.orderId)).startUpdate(partnerActionUpdate, {
      args: [{ partnerId, via: 'line', action: { type: 'order.approve', checks } }],
      updateId: `line:${e.webhookEventId}`,
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
  } catch (err) {
    return refused(err);
  }
  // startUpdate resolves for a refusal too: the validator's rejection comes back with the answer
  // and result() throws it at once. A tap racing another one is accepted, then refused under the
  // workflow's lock a moment later. An approval the workflow confirms in the talk room itself.
  const outcome = handle.result().then(
    (): LineEventOutcome => 'applied',
    (err: unknown) => refused(err),
  );
  let timer: NodeJS.Timeout | undefined;
  const stillRunning = new Promise<LineEventOutcome>((resolve) => {
    timer = setTimeout(() => resolve('applied'), Math.max(0, Math.min(ANSWER_WAIT_MS, answerBy - Date.now())));
  });
  try {
    return await Promise.race([outcome, stillRunning]);
  } finally {
    clearTimeout(timer);
    // Past the wait, LINE has its 200: a late refusal is still answered in the talk room.
    void outcome.catch((err: unknown) => deps.log.warn({ err, webhookEventId: e.webhookEventId }, 'the LINE tap failed after it was accepted'));
  }
}

/** The approval rule's refusal from the order workflow's validator. */
function isApprovalIncomplete(err: unknown): boolean {
  return err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === ErrorType.APPROVAL_INCOMPLETE;
}

function refusalReason(err: unknown): Parameters<typeof staleTapReply>[0] | undefined {
  // Unknown, or ended: either way nothing to approve any more.
  if (err instanceof WorkflowNotFoundError) return 'order_closed';
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    if (err.cause.type === ErrorType.NOT_ORDER_PARTNER) return 'not_partner';
    if (err.cause.type === ErrorType.INVALID_TRANSITION) return (err.cause.details?.[0] as Refusal | undefined)?.reason ?? 'already_done';
  }
  return undefined;
}
