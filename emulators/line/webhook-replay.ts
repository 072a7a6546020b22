// Sends recorded webhook events again, for tests of a receiver's deduplication and ordering:
// each chosen event `copies` times, in the recorded, reversed or shuffled order, flagged as
// redeliveries or not, one request per copy or all in one batch. Same webhookEventId as the
// original; a fresh signature over the new body.

import { randomInt } from 'node:crypto';
import { HttpError } from '../harness/http-error';
import type { LineState, MessagingChannel } from './state';
import type { LineWebhookEvent, ReplayRequestParsed, WebhookDelivery } from './webhook-event';
import { asRedelivery, deliverWebhook } from './webhook-delivery';

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

export async function replayEvents(state: LineState, channel: MessagingChannel, request: ReplayRequestParsed): Promise<WebhookDelivery[]> {
  const chosen: LineWebhookEvent[] =
    request.webhookEventIds === undefined
      ? [...state.webhookEvents]
      : request.webhookEventIds.map((id) => {
          const event = state.webhookEvents.find((candidate) => candidate.webhookEventId === id);
          if (event === undefined) throw new HttpError(404, { error: 'UNKNOWN_EVENT', message: `no webhook event ${id} was recorded` });
          return event;
        });
  if (chosen.length === 0) throw new HttpError(404, { error: 'NO_EVENTS', message: 'no webhook event has been recorded yet' });

  const copies = chosen.flatMap((event) => Array.from({ length: request.copies }, () => asRedelivery(event, request.redelivery)));
  const ordered = request.order === 'reverse' ? copies.reverse() : request.order === 'shuffle' ? shuffled(copies) : copies;
  if (request.batch) return [await deliverWebhook(state, channel, ordered, 'replay')];
  const deliveries: WebhookDelivery[] = [];
  for (const event of ordered) deliveries.push(await deliverWebhook(state, channel, [event], 'replay'));
  return deliveries;
}
