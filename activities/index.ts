// The activity factory: every side effect renkei's workflows perform, built from injected clients
// so tests and production wire the same code to emulated or real providers.
import { Delivery } from '../models/delivery';
import type { LineWorksClient } from '../providers/lineworks/client';
import { makeDeliverLineWorks } from './notify/deliver-lineworks';
import { resolveFreeeRecipients } from './notify/resolve-recipients';

export interface ActivityDeps {
  lineWorks: LineWorksClient;
  freeeWebBaseUrl: string;
}

export function createActivities(deps: ActivityDeps) {
  return {
    resolveFreeeRecipients,
    deliverLineWorksMessage: makeDeliverLineWorks(deps),
    /** Marks a delivery that the workflow gave up on (non-retryable failure). */
    async markDeliveryFailed(input: { deliveryKey: string; error: string }): Promise<void> {
      await Delivery.updateOne({ _id: input.deliveryKey }, { $set: { status: 'failed', lastError: input.error } });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
