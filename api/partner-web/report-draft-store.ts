// The 業務内容 added to an order's work report so far, on the server (models/report-draft.ts): saved by
// each [業務内容を追加] and [削除] before the redirect to the report page, shown by that page, deleted
// once the work is registered. A stored list is checked like a posted one (inside the 稼動期間,
// at most MAX_WORK_ENTRIES) before it is used; one that no longer passes reads as none.
import { ReportDraftRecord, reportDraftId } from '../../models/report-draft';
import type { DatePeriod, WorkEntry } from '../../common/orders/types';
import { workDraft } from './form-schemas';

/** Kept this long after the last change (a report is written within its month). */
const KEEP_MS = 90 * 86_400_000;

export async function loadReportDraft(partnerId: string, orderId: string, period: DatePeriod): Promise<WorkEntry[]> {
  const doc = await ReportDraftRecord.findOne({ _id: reportDraftId(partnerId, orderId), expiresAt: { $gt: new Date() } }).lean();
  if (!doc) return [];
  const parsed = workDraft(period).safeParse(doc.entries.map((e) => ({ date: e.date, hours: e.hours, description: e.description })));
  return parsed.success ? parsed.data : [];
}

export async function saveReportDraft(partnerId: string, orderId: string, entries: WorkEntry[]): Promise<void> {
  await ReportDraftRecord.updateOne(
    { _id: reportDraftId(partnerId, orderId) },
    { $set: { partnerId, orderId, entries, expiresAt: new Date(Date.now() + KEEP_MS) } },
    { upsert: true },
  );
}

export async function deleteReportDraft(partnerId: string, orderId: string): Promise<void> {
  await ReportDraftRecord.deleteOne({ _id: reportDraftId(partnerId, orderId) });
}
