// Turns an activity's typed business failure into an ApplicationFailure of the same type, so an
// update fails with that type (the API maps it to the seed's error message) rather than with a
// generic ActivityFailure.
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

export function rethrowBusinessFailure(err: unknown): never {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
    throw ApplicationFailure.create({ type: err.cause.type ?? undefined, message: err.cause.message, nonRetryable: true });
  }
  throw err;
}
