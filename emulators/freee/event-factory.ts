// Builds a realistic freee accounting webhook event from a partial one: a unique string id,
// numeric ids like freee's, created_at in JST ISO-8601, and the resource object under its key.

import { randomInt, randomUUID } from 'node:crypto';
import {
  FREEE_WEBHOOK_RESOURCES,
  resourceKeyOf,
  type FreeeResourceKey,
  type FreeeResourceObject,
  type FreeeWebhookEvent,
  type FreeeWebhookResource,
} from './webhook-event';

export type FreeeEventInput = Partial<Pick<FreeeWebhookEvent, 'id' | 'application_id' | 'resource' | 'action' | 'created_at'>> & {
  [K in FreeeResourceKey]?: Partial<FreeeResourceObject>;
};

/** ISO-8601 in Japan time with an explicit offset, as freee writes timestamps. */
export function jstIso(date: Date = new Date()): string {
  const shifted = new Date(date.getTime() + 9 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+09:00`;
}

function inferResource(input: FreeeEventInput): FreeeWebhookResource {
  if (input.resource !== undefined) return input.resource;
  return FREEE_WEBHOOK_RESOURCES.find((resource) => input[resourceKeyOf(resource)] !== undefined) ?? 'accounting:approval_request';
}

export function freeeEvent(input: FreeeEventInput = {}): FreeeWebhookEvent {
  const resource = inferResource(input);
  const key = resourceKeyOf(resource);
  const action = input.action ?? 'created';
  const object: FreeeResourceObject = {
    id: randomInt(1_000_000, 99_999_999),
    company_id: randomInt(1_000_000, 9_999_999),
    status: action === 'created' ? 'in_progress' : 'approved',
    applicant_id: randomInt(1_000_000, 9_999_999),
    ...input[key],
  };
  return {
    id: input.id ?? randomUUID(),
    application_id: input.application_id ?? randomInt(100_000, 999_999),
    resource,
    action,
    created_at: input.created_at ?? jstIso(),
    [key]: object,
  };
}
