// The 業務内容 added to an order's work report so far, on the server (models/report-draft.ts): saved by
// each [業務内容を追加] and [削除] before the redirect to the report page, shown by that page, deleted
// once the work is registered. A stored list is checked like a posted one (inside the 稼動期間,
// at most MAX_WORK_ENTRIES) before it is used; one that no longer passes reads as none. Each entry
// has its own ID, given when it is added, so a [削除] removes the entry its page showed even when
// another tab changed the list since; an entry kept before IDs is named by its content and its rank
// among equal entries (the same name on every read, whatever else is removed).
import { createHash, randomUUID } from 'node:crypto';
import { ReportDraftRecord, reportDraftId } from '../../models/report-draft';
import type { DatePeriod, WorkEntry } from '../../common/orders/types';
import { workDraft, type DraftEntry } from './form-schemas';

/** Kept this long after the last change (a report is written within its month). */
const KEEP_MS = 90 * 86_400_000;

/** A new entry's ID. */
export const newDraftEntryId = (): string => randomUUID();

/** The name of an entry kept without an ID: its content, and how many equal entries come before it. */
function contentIds(entries: ReadonlyArray<{ id?: string | null; date: string; hours: number; description: string }>): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    if (e.id) return e.id;
    const digest = createHash('sha256').update(JSON.stringify([e.date, e.hours, e.description])).digest('base64url').slice(0, 22);
    const rank = seen.get(digest) ?? 0;
    seen.set(digest, rank + 1);
    return `c-${digest}-${rank}`;
  });
}

export async function loadReportDraft(partnerId: string, orderId: string, period: DatePeriod): Promise<DraftEntry[]> {
  const doc = await ReportDraftRecord.findOne({ _id: reportDraftId(partnerId, orderId), expiresAt: { $gt: new Date() } }).lean();
  if (!doc) return [];
  const ids = contentIds(doc.entries);
  const parsed = workDraft(period).safeParse(doc.entries.map((e, i) => ({ id: ids[i], date: e.date, hours: e.hours, description: e.description })));
  return parsed.success ? parsed.data : [];
}

export async function saveReportDraft(partnerId: string, orderId: string, entries: DraftEntry[]): Promise<void> {
  await ReportDraftRecord.updateOne(
    { _id: reportDraftId(partnerId, orderId) },
    { $set: { partnerId, orderId, entries: entries.map(({ id, date, hours, description }) => ({ id, date, hours, description })), expiresAt: new Date(Date.now() + KEEP_MS) } },
    { upsert: true },
  );
}

/** The entries as the order takes them (without their IDs). */
export const workEntriesOf = (entries: ReadonlyArray<WorkEntry>): WorkEntry[] => entries.map(({ date, hours, description }) => ({ date, hours, description }));

export async function deleteReportDraft(partnerId: string, orderId: string): Promise<void> {
  await ReportDraftRecord.deleteOne({ _id: reportDraftId(partnerId, orderId) });
}
