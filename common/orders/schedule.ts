// The instants the order workflow waits for, computed outside the workflow sandbox (the API calls
// these when an event arrives and passes the results in). Japan has no daylight saving time, so
// JST is always UTC+9.

const JST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

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

function atHour(ymd: string, plusDays: number, hourJst: number): string {
  return new Date(jstMidnight(ymd) + plusDays * DAY_MS + hourJst * 3600_000).toISOString();
}

/** 「請求書を作成してください」: the day after and two days after the closing date, at `hourJst`. */
export function closingDateReminders(closingDate: string, hourJst: number): string[] {
  return [atHour(closingDate, 1, hourJst), atHour(closingDate, 2, hourJst)];
}

/** After a remand: the day after and two days after the remand (JST), at `hourJst`. */
export function remandReminders(remandedAt: Date, hourJst: number): string[] {
  const day = jstDate(remandedAt);
  return [atHour(day, 1, hourJst), atHour(day, 2, hourJst)];
}

/** A payment notice still pending at the end of its approval due date (JST) is approved then. */
export function overdueApprovalAt(approvalDueDate: string): string {
  return new Date(jstMidnight(approvalDueDate) + DAY_MS).toISOString();
}
