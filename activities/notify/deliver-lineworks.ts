// Sends one notice to one linked employee as a LINE WORKS bot message and logs the delivery.
// The delivery log (keyed by the deterministic delivery key) makes a retried or replayed activity
// skip a message it already sent.
import { activityInfo } from '@temporalio/activity';
import { BUTTON_LABEL_MAX, fitContentText, fitText } from '../../common/notify/lineworks-text-limits';
import type { DeliverLineWorksInput } from '../../common/notify/types';
import { Delivery, recordAttempt } from '../../models/delivery';
import type { LineWorksClient } from '../../providers/lineworks/client';
import type { ButtonTemplateContent } from '../../providers/lineworks/types';
import { toApplicationFailure } from '../provider-failure';

export interface DeliverLineWorksDeps {
  lineWorks: LineWorksClient;
  freeeWebBaseUrl: string;
}

export type DeliverResult = { outcome: 'sent' } | { outcome: 'already_sent' };

export function noticeContent(input: DeliverLineWorksInput, freeeWebBaseUrl: string): ButtonTemplateContent {
  return {
    type: 'button_template',
    contentText: fitContentText(input.notice.title, input.notice.body),
    actions: [{ type: 'uri', label: fitText(input.notice.linkLabel, BUTTON_LABEL_MAX), uri: input.notice.link.startsWith('https://') ? input.notice.link : `${freeeWebBaseUrl}${input.notice.link}` }],
  };
}

export function makeDeliverLineWorks(deps: DeliverLineWorksDeps) {
  return async function deliverLineWorksMessage(input: DeliverLineWorksInput): Promise<DeliverResult> {
    const { recipient } = input;
    const existing = await Delivery.findById(input.deliveryKey).lean();
    if (existing?.status === 'sent') return { outcome: 'already_sent' };
    // Counted on from the workflow's first try (notifyFreeeRecipients) when there was one.
    const attempt = activityInfo().attempt + (input.priorAttempts ?? 0);
    await Delivery.updateOne(
      { _id: input.deliveryKey },
      {
        $set: { status: 'sending', attempts: attempt },
        $unset: { skipReason: 1 },
        $setOnInsert: { workflowId: input.workflowId, channel: 'lineworks', recipient: recipient.worksUserId, worksTenantId: recipient.worksTenantId, freeeUserId: recipient.freeeUserId },
      },
      { upsert: true },
    );
    try {
      await deps.lineWorks.sendUserMessage(
        { worksTenantId: recipient.worksTenantId, serviceAccountId: recipient.serviceAccountId },
        recipient.botId,
        recipient.worksUserId,
        noticeContent(input, deps.freeeWebBaseUrl),
      );
    } catch (err) {
      const failure = toApplicationFailure(err);
      const answer = err instanceof Error ? err.message : String(err);
      await Delivery.updateOne({ _id: input.deliveryKey }, { $set: { lastError: answer } });
      await recordAttempt(input.deliveryKey, attempt, false, answer);
      throw failure;
    }
    await Delivery.updateOne({ _id: input.deliveryKey }, { $set: { status: 'sent', sentAt: new Date() }, $unset: { lastError: 1 } });
    await recordAttempt(input.deliveryKey, attempt, true, 'accepted by LINE WORKS');
    return { outcome: 'sent' };
  };
}
