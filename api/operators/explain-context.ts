// What the operator view reads from: the Temporal client (describe and visibility only) and where
// the Web UI is. Mongo is reached through the models.
import type { Client } from '@temporalio/client';
import type { WorkflowLinks } from './workflow-facts';

export interface ExplainContext {
  temporal: Client;
  links: WorkflowLinks;
}

/** Nothing is known of what was asked about: the routes answer 404. */
export class NothingKnownError extends Error {
  constructor(what: string) {
    super(`renkei knows nothing of ${what}.`);
    this.name = 'NothingKnownError';
  }
}

/** At most this many workflows are described per answer (the most recent deliveries' first). */
export const MAX_WORKFLOWS = 20;
export const MAX_DELIVERIES = 100;

export const distinct = (xs: string[]): string[] => [...new Set(xs)];
