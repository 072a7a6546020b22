// The three partner channels, each idempotent by its delivery key (one activity each for runs
// started before deliver-notification.ts sent them all in one):
// in-app (a Mongo document keyed by the delivery key), e-mail over SMTP, and LINE push with a
// retry key derived from the delivery key (LINE answers 409 to a repeat: already sent).
import type { PartnerDeliveryInput, DeliveryOutcome } from '../../common/partners/delivery';
import { bulkUpdateDeliveries, Delivery } from '../../models/delivery';
import { asksNothing } from '../../common/orders/notification-steps';
import { InAppNotification } from '../../models/inapp-notification';
import type { LineMessage } from '../../providers/line/messaging-client';
import { lineRetryKey } from '../../providers/line/retry-key';
import { toApplicationFailure } from '../provider-failure';
import { claimSend, deliveryKeyFor, markError, markSent } from './delivery-log';
import type { PartnerActivityDeps } from './partner-deps';
import { emailHtml, emailText } from './email-content';

const TEMPLATE_TEXT_MAX = 160;

export function absoluteLink(baseUrl: string, path: string): string {
  return `${baseUrl}${path}`;
}

export function lineMessageFor(input: PartnerDeliveryInput, url: string): LineMessage {
  if (input.kind === 'line_reply') return { type: 'text', text: input.text.title };
  const full = input.text.body ? `${input.text.title}\n${input.text.body}` : input.text.title;
  const text = full.length > TEMPLATE_TEXT_MAX ? `${full.slice(0, TEMPLATE_TEXT_MAX - 1)}…` : full;
  return {
    type: 'template',
    altText: input.text.title,
    template: {
      type: 'buttons',
      text,
      actions: [
        { type: 'uri', label: input.text.linkLabel, uri: url },
        ...(input.postback ? [{ type: 'postback' as const, label: input.postback.label, data: input.postback.data, displayText: input.postback.label }] : []),
      ],
    },
  };
}

export function makePartnerChannels(deps: PartnerActivityDeps) {
  return {
    async deliverPartnerInApp(input: PartnerDeliveryInput): Promise<DeliveryOutcome> {
      const key = deliveryKeyFor(input.notificationKey, 'inapp');
      await InAppNotification.updateOne(
        { _id: key },
        {
          $setOnInsert: {
            partnerId: input.partnerId,
            kind: input.kind,
            title: input.text.title,
            body: input.text.body,
            path: input.path,
            ...(input.orderId ? { orderId: input.orderId } : {}),
            // Nothing to do for the partner (友だち登録完了, 期日超過承認): it waits for nobody.
            ...(asksNothing(input.kind) ? { doneAt: new Date() } : {}),
          },
        },
        { upsert: true },
      );
      await bulkUpdateDeliveries([
        {
          updateOne: {
            filter: { _id: key },
            update: { $set: { status: 'sent', sentAt: new Date() }, $setOnInsert: { workflowId: input.workflowId, channel: 'inapp', recipient: input.partnerId, attempts: 1 } },
            upsert: true,
          },
        },
      ]);
      return 'sent';
    },

    async deliverPartnerEmail(input: PartnerDeliveryInput & { to: string }): Promise<DeliveryOutcome> {
      const key = deliveryKeyFor(input.notificationKey, 'email');
      if (!(await claimSend(key, input.workflowId, 'email', input.partnerId))) return 'already_sent';
      const url = absoluteLink(deps.partnerWebBaseUrl, input.path);
      try {
        await deps.mailer.send({ to: input.to, subject: input.text.title, text: emailText(input.text, url), html: emailHtml(input.text, url), deliveryKey: key });
      } catch (err) {
        await markError(key, err);
        throw toApplicationFailure(err);
      }
      await markSent(key, 'accepted by the SMTP server');
      return 'sent';
    },

    async deliverPartnerLine(input: PartnerDeliveryInput & { lineUserId: string }): Promise<DeliveryOutcome> {
      const key = deliveryKeyFor(input.notificationKey, 'line');
      if (!(await claimSend(key, input.workflowId, 'line', input.partnerId))) return 'already_sent';
      const message = lineMessageFor(input, absoluteLink(deps.partnerWebBaseUrl, input.path));
      let outcome: DeliveryOutcome;
      try {
        outcome = (await deps.lineMessaging.push(input.lineUserId, [message], lineRetryKey(key))).outcome;
      } catch (err) {
        await markError(key, err);
        throw toApplicationFailure(err);
      }
      await markSent(key, outcome === 'already_sent' ? 'LINE: already sent (409 for the retry key)' : 'accepted by LINE');
      return outcome;
    },

    async markPartnerDeliveryFailed(input: { deliveryKey: string; error: string }): Promise<void> {
      await Delivery.updateOne({ _id: input.deliveryKey }, { $set: { status: 'failed', lastError: input.error } });
    },
  };
}
