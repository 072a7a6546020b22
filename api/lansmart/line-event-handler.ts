// Acts on one LINE webhook event, once (the webhookEventId ledger): follow / unfollow become a
// friendship signal to the partner's LINE-link workflow; the order notification's [承認する]
// postback becomes a durable partner-action update (accepted before LINE gets its 200; the
// workflow confirms in the talk room); a tap that cannot be acted on gets a clear reply and
// changes nothing.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateStage, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { ErrorType } from '../../common/errors';
import { orderWorkflowId } from '../../common/ids';
import { partnerActionUpdate } from '../../common/orders/messages';
import type { Refusal } from '../../common/orders/transitions';
import { parsePartnerPostback } from '../../common/partners/postbacks';
import { PartnerLine } from '../../models/partner-line';
import { WebhookEvent } from '../../models/webhook-event';
import type { LineMessagingClient } from '../../providers/line/messaging-client';
import { lineRetryKey } from '../../providers/line/retry-key';
import { isDuplicateKey } from '../../activities/links/mongo-errors';
import { followEvent, lineEventBase, postbackEvent, unfollowEvent } from '../schemas/line-webhook';
import type { PartnerCommands } from '../temporal/partner-commands';
import { staleTapReply } from './line-replies';

const LEDGER_DAYS = 7;

export type LineEventOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown_user' | 'refused' | 'invalid';

export interface LineEventDeps {
  temporal: Client;
  partners: PartnerCommands;
  messaging: LineMessagingClient;
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

export async function handleLineEvent(deps: LineEventDeps, raw: unknown): Promise<LineEventOutcome> {
  const base = lineEventBase.safeParse(raw);
  if (!base.success) return 'invalid';
  const event = base.data;
  if (!(await claim(event.webhookEventId, event.type))) return 'duplicate';
  try {
    const outcome = await act(deps, raw, event.type);
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

async function act(deps: LineEventDeps, raw: unknown, type: string): Promise<LineEventOutcome> {
  if (type === 'follow' || type === 'unfollow') {
    const parsed = (type === 'follow' ? followEvent : unfollowEvent).safeParse(raw);
    if (!parsed.success) return 'invalid';
    const e = parsed.data;
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
    return actOnPostback(deps, parsed.data);
  }
  return 'ignored';
}

async function actOnPostback(deps: LineEventDeps, e: { webhookEventId: string; source: { userId?: string | undefined }; postback: { data: string } }): Promise<LineEventOutcome> {
  const lineUserId = e.source.userId;
  const postback = parsePartnerPostback(e.postback.data);
  if (!postback || !lineUserId) return 'ignored';
  const reply = async (text: string): Promise<void> => {
    await deps.messaging.push(lineUserId, [{ type: 'text', text }], lineRetryKey(`line-reply:${e.webhookEventId}`)).catch((err: unknown) => {
      deps.log.warn({ err, webhookEventId: e.webhookEventId }, 'could not reply in the LINE talk room');
    });
  };
  const partnerId = await linkedPartner(lineUserId);
  if (!partnerId) {
    await reply(staleTapReply('not_linked'));
    return 'unknown_user';
  }
  try {
    await deps.temporal.workflow.getHandle(orderWorkflowId(postback.orderId)).startUpdate(partnerActionUpdate, {
      args: [{ partnerId, via: 'line', action: { type: 'order.approve' } }],
      updateId: `line:${e.webhookEventId}`,
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    return 'applied';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      // Unknown, or ended: either way nothing to approve any more.
      await reply(staleTapReply('order_closed'));
      return 'refused';
    }
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const refusal = err.cause.details?.[0] as Refusal | undefined;
      await reply(staleTapReply(err.cause.type === ErrorType.NOT_ORDER_PARTNER ? 'not_partner' : (refusal?.reason ?? 'already_done')));
      return 'refused';
    }
    throw err;
  }
}
