// JST calendar dates and their instants, for the order's rules (invoice-reminder-rule.ts) and
// pages. Japan has no daylight saving time, so JST is always UTC+9.

const JST_OFFSET_MS = 9 * 3600_000;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends Error {
  constructor(value: string) {
    super(`not a calendar date (YYYY-MM-DD): ${value}`);
    this.name = 'InvalidDateError';
  }
}

/** Midnight JST of a YYYY-MM-DD date, as epoch milliseconds. */
export function jstMidnight(ymd: string): number {
  const m = YMD.exec(ymd);
  if (!m) throw new InvalidDateError(ymd);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new InvalidDateError(ymd);
  return utc - JST_OFFSET_MS;
}

/** The JST calendar date (YYYY-MM-DD) of an instant. */
export function jstDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}
