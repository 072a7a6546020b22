// Reminder bookkeeping of the order workflow, pure so unit tests cover it: schedule a cycle of
// 「請求書を作成してください」, cancel the pending ones when the invoice is sent, and pick what is due.
import type { ReminderEntry } from './types';

/**
 * Adds a cycle of reminders. When some are already past at scheduling time (the report or the
 * remand arrived late), only the latest past one is kept, so the partner gets one reminder now
 * rather than a burst.
 */
export function scheduleReminders(existing: ReminderEntry[], cycle: number, dueAts: string[], nowMs: number): ReminderEntry[] {
  const sorted = [...dueAts].sort();
  const pastCount = sorted.filter((d) => Date.parse(d) <= nowMs).length;
  const added = sorted.map(
    (dueAt, index): ReminderEntry => ({
      key: `r${cycle}-${index}`,
      cycle,
      index,
      dueAt,
      status: index < pastCount - 1 ? 'superseded' : 'scheduled',
    }),
  );
  return [...existing.filter((r) => r.cycle !== cycle), ...added];
}

/** The invoice was sent (or the order ended): nothing pending is sent any more. */
export function cancelPendingReminders(reminders: ReminderEntry[]): void {
  for (const r of reminders) if (r.status === 'scheduled') r.status = 'cancelled';
}

export function dueReminders(reminders: ReminderEntry[], nowMs: number): ReminderEntry[] {
  return reminders.filter((r) => r.status === 'scheduled' && Date.parse(r.dueAt) <= nowMs);
}

export function nextReminderAt(reminders: ReminderEntry[]): number | undefined {
  const pending = reminders.filter((r) => r.status === 'scheduled').map((r) => Date.parse(r.dueAt));
  return pending.length ? Math.min(...pending) : undefined;
}
