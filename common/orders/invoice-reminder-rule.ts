// The one home of the order's time rules, as the seed states them: 「請求書を作成してください」 goes
// out 締め日の翌日、翌々日 (the day after and two days after the closing date, counted in JST calendar
// days, weekends and month or year ends included) at `REMINDER_HOUR_JST`, again after a remand
// counting from the remand's JST day, and a 支払通知書 still pending after its due date (the end of
// that JST day) is approved on the partner's behalf. The API computes the instants when an event
// arrives (it knows the hour and may read the clock) and passes them in the event; the order
// workflow checks them against this rule by name, with no clock.
import { jstDate, jstMidnight } from './schedule';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The seed's 「締め日の翌日、翌々日」: JST days after the closing (or remand) day. */
export const INVOICE_REMINDER_DAYS_AFTER = [1, 2] as const;

function atHourAfter(ymd: string, hourJst: number): string[] {
  return INVOICE_REMINDER_DAYS_AFTER.map((days) => new Date(jstMidnight(ymd) + days * DAY_MS + hourJst * HOUR_MS).toISOString());
}

/** 「請求書を作成してください」 of a 業務報告: the day after and two days after the 締め日 (YYYY-MM-DD), at `hourJst`. */
export function invoiceReminderDueAts(closingDate: string, hourJst: number): string[] {
  return atHourAfter(closingDate, hourJst);
}

/** 「請求書を作成してください」 after a remand (an ISO instant): the day after and two days after its JST day, at `hourJst`. */
export function remandReminderDueAts(remandedAt: string, hourJst: number): string[] {
  return atHourAfter(jstDate(new Date(remandedAt)), hourJst);
}

/** 期日超過承認: a 支払通知書 still pending at the end of its approval due date (JST) is approved then. */
export function paymentNoticeOverdueAt(approvalDueDate: string): string {
  return new Date(jstMidnight(approvalDueDate) + DAY_MS).toISOString();
}

/**
 * Whether due instants computed by the API follow the reminder rule counted from `fromJstDate`
 * (the 締め日, or the remand's JST day): one per day of INVOICE_REMINDER_DAYS_AFTER, at one same
 * hour of the day. Pure (no clock), so the workflow can call it.
 */
export function followsInvoiceReminderRule(dueAts: readonly string[], fromJstDate: string): boolean {
  if (dueAts.length !== INVOICE_REMINDER_DAYS_AFTER.length) return false;
  let from: number;
  try {
    from = jstMidnight(fromJstDate);
  } catch {
    return false;
  }
  const timeOfDay = Date.parse(dueAts[0] ?? '') - from - INVOICE_REMINDER_DAYS_AFTER[0] * DAY_MS;
  if (!(timeOfDay >= 0 && timeOfDay < DAY_MS)) return false;
  return INVOICE_REMINDER_DAYS_AFTER.every((days, i) => Date.parse(dueAts[i] ?? '') === from + days * DAY_MS + timeOfDay);
}
