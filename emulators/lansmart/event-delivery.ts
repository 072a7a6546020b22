// Sends platform events to renkei's signed event endpoint: POST, JSON, `X-Renkei-Timestamp` and
// `X-Renkei-Signature` (the same scheme as the freee product events, `renkeiSignature`). One
// attempt per sending, never retried on failure (replay re-sends on demand); every sending is
// recorded. Without a seeded eventTargetUrl and eventSecret nothing is sent, and the record says so.

import { randomUUID } from 'node:crypto';
import { renkeiSignature } from '../freee/product-event-delivery';
import { postOutbound } from '../harness/outbound';
import type { Order } from './order';
import type { EventDelivery, PlatformEvent, PlatformEventData, PlatformEventType } from './platform-event';
import type { LansmartState } from './state';

const EVENT_TIMEOUT_MS = 10_000;

/** Test knobs of a control route: a forged signature, a verbatim body, a chosen (stale) timestamp. */
export interface SendingOverrides {
  signatureOverride?: string;
  rawBody?: string;
  timestamp?: number;
}

export function platformEvent<Type extends PlatformEventType>(order: Order, type: Type, data: PlatformEventData[Type]): PlatformEvent {
  return {
    eventId: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    companyId: order.companyId,
    partnerId: order.partnerId,
    orderId: order.orderId,
    data,
  } as PlatformEvent;
}

export async function sendPlatformEvent(state: LansmartState, event: PlatformEvent, options: SendingOverrides & { replay: boolean }): Promise<EventDelivery> {
  const requestBody = options.rawBody ?? JSON.stringify(event);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const { eventTargetUrl, eventSecret } = state.config;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-renkei-timestamp': String(timestamp),
    'user-agent': 'lansmart-event-emulator',
  };
  if (options.signatureOverride !== undefined) headers['x-renkei-signature'] = options.signatureOverride;
  else if (eventSecret !== undefined) headers['x-renkei-signature'] = renkeiSignature(eventSecret, timestamp, requestBody);

  const base = { eventId: event.eventId, type: event.type, targetUrl: eventTargetUrl ?? '', headers, requestBody, sentAt: new Date().toISOString(), replay: options.replay };
  const delivery: EventDelivery =
    eventTargetUrl === undefined || eventSecret === undefined
      ? { ...base, status: null, body: null, error: 'eventTargetUrl and eventSecret are not seeded: nothing was sent' }
      : { ...base, ...(await postOutbound(eventTargetUrl, { body: requestBody, headers, timeoutMs: EVENT_TIMEOUT_MS })) };
  state.deliveries.push(delivery);
  return delivery;
}

/** Records a new event (for replays) and sends it. */
export function emitPlatformEvent(state: LansmartState, event: PlatformEvent, overrides: SendingOverrides = {}): Promise<EventDelivery> {
  state.events.push(event);
  return sendPlatformEvent(state, event, { ...overrides, replay: false });
}
