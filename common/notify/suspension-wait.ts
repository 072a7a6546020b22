// How a delivery waits for a suspended tenant (its token refused, the admin asked to re-authorise):
// it is woken by the tenant link's signal, and otherwise re-checks the tenant after 10 minutes,
// then 20, 40 … up to every 6 hours, for REAUTH_WAIT_MS at most. Long waits keep a notification's
// history small; a run that grows past CONTINUE_AS_NEW_AFTER_EVENTS continues as new. Pure:
// imported by the workflow.

export const SUSPENSION_RECHECK_FIRST_MS = 10 * 60_000;
export const SUSPENSION_RECHECK_MAX_MS = 6 * 3600_000;

/** A run of the notification workflow continues as new once its history has this many events. */
export const CONTINUE_AS_NEW_AFTER_EVENTS = 2_000;

/** The wait after `previous` (undefined before the first). */
export function nextSuspensionRecheck(previous: number | undefined): number {
  return previous === undefined ? SUSPENSION_RECHECK_FIRST_MS : Math.min(previous * 2, SUSPENSION_RECHECK_MAX_MS);
}
