// The zod fields every edge of the API shares, so a date or an ID is checked the same way in
// webhooks, events, forms, queries and path parameters: a date is a real calendar date (never
// 2026-02-31), a timestamp carries one, and text or an ID is well-formed Unicode (no lone
// surrogate, which neither MongoDB nor Temporal can store faithfully) within a length.
import { z } from 'zod';

/** In a `u` regex a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is `YYYY-MM-DD` naming a day that exists in the Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  const m = YMD.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A `YYYY-MM-DD` calendar date; `message` words every refusal (forms use a problem code). */
export function calendarDate(message = 'must be a calendar date YYYY-MM-DD'): z.ZodString {
  // One issue per field: the calendar check runs only on the shape YYYY-MM-DD.
  return z.string({ error: message }).regex(YMD, { message, abort: true }).refine(isCalendarDate, message);
}

/** An ISO 8601 instant with its offset, on a real calendar date (checked before anything starts). */
export function isoInstant(): z.ZodType<string> {
  return z.iso.datetime({ offset: true, abort: true }).refine((v) => isCalendarDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), 'must be a real instant');
}

/** Text that is well-formed Unicode (no lone surrogate), `min`–`max` UTF-16 code units. */
export function wellFormedText(max: number, min = 0): z.ZodString {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((v) => !LONE_SURROGATE.test(v), 'must be well-formed Unicode');
}

/** An identifier from outside: 1–`max` code units of well-formed Unicode without control characters. */
export function wellFormedId(max: number): z.ZodString {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !LONE_SURROGATE.test(v) && !/\p{Cc}/u.test(v), 'must be well-formed Unicode without control characters');
}
