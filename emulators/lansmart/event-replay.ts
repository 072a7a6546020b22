// Re-sends recorded events to renkei — duplicated (`times`), in a random order (`shuffle`) and/or
// all at once (`parallel`) — for the tests that prove renkei neither loses nor doubles a
// notification. A replay keeps the event (same eventId and body) and signs it with a fresh timestamp.

import { randomInt } from 'node:crypto';
import { lansmartError } from './errors';
import { sendPlatformEvent } from './event-delivery';
import type { EventDelivery, PlatformEvent } from './platform-event';
import type { LansmartState } from './state';

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

export async function replayEvents(
  state: LansmartState,
  request: { eventIds?: string[]; times: number; shuffle: boolean; parallel: boolean },
): Promise<EventDelivery[]> {
  const selection: PlatformEvent[] =
    request.eventIds === undefined
      ? [...state.events]
      : request.eventIds.map((eventId) => {
          const event = state.events.find((candidate) => candidate.eventId === eventId);
          if (event === undefined) throw lansmartError(404, 'NOT_FOUND', `no event ${eventId}`);
          return event;
        });
  const repeated = Array.from({ length: request.times }, () => selection).flat();
  const sequence = request.shuffle ? shuffled(repeated) : repeated;
  if (request.parallel) return Promise.all(sequence.map((event) => sendPlatformEvent(state, event, { replay: true })));
  const deliveries: EventDelivery[] = [];
  for (const event of sequence) deliveries.push(await sendPlatformEvent(state, event, { replay: true }));
  return deliveries;
}
