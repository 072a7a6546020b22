// How long renkei keeps waiting on a tenant whose token LINE WORKS refused: the deliveries queued for
// its admin's re-authorisation, and the probes asking whether the app is still installed, stop
// after this. Pure: imported by workflows.

/** 30 days from the refusal. */
export const REAUTH_WAIT_MS = 30 * 24 * 3600_000;

/** After a probe got no answer within its hour: the first wait before asking LINE WORKS again. */
export const REPROBE_FIRST_WAIT_MS = 3600_000;
/** The waits double up to one day. */
export const REPROBE_MAX_WAIT_MS = 24 * 3600_000;

/** The wait after `previous` (undefined before the first re-probe). */
export function nextReprobeWait(previous: number | undefined): number {
  return previous === undefined ? REPROBE_FIRST_WAIT_MS : Math.min(previous * 2, REPROBE_MAX_WAIT_MS);
}
