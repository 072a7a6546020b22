// The 「請求書を作成してください」 reminders still to come across orders, from the order read model
// (no worker needed): by company, and by JST due day, soonest first.
import { jstMidnight } from '../../common/orders/schedule';
import { orderWorkflowId } from '../../common/ids';
import { OrderView } from '../../models/order-view';
import { instant, type Instant } from './explanation';
import { workflowUrl, type WorkflowLinks } from './workflow-facts';

export interface UpcomingReminder {
  orderId: string;
  orderNumber: string;
  companyId: string;
  partnerId: string;
  status: string;
  key: string;
  dueAt: Instant;
  url: string;
}

export interface UpcomingRemindersQuery {
  companyId?: string;
  /** A JST calendar day (YYYY-MM-DD). */
  day?: string;
  limit: number;
}

export async function upcomingReminders(links: WorkflowLinks, q: UpcomingRemindersQuery, nowMs = Date.now()): Promise<UpcomingReminder[]> {
  const from = q.day ? jstMidnight(q.day) : nowMs;
  const to = q.day ? from + 24 * 3600_000 : Number.POSITIVE_INFINITY;
  const filter: Record<string, unknown> = { 'upcomingReminders.dueAt': q.day ? { $gte: new Date(from), $lt: new Date(to) } : { $gte: new Date(from) } };
  if (q.companyId) filter.companyId = q.companyId;
  const orders = await OrderView.find(filter).sort({ nextReminderAt: 1 }).limit(q.limit).lean();
  const out: UpcomingReminder[] = [];
  for (const o of orders) {
    for (const r of o.upcomingReminders ?? []) {
      const at = r.dueAt.getTime();
      if (at < from || at >= to) continue;
      out.push({ orderId: o._id, orderNumber: o.orderNumber ?? o._id, companyId: o.companyId, partnerId: o.partnerId, status: o.status, key: r.key, dueAt: instant(at), url: workflowUrl(links, orderWorkflowId(o._id)) });
    }
  }
  return out.sort((a, b) => a.dueAt.utc.localeCompare(b.dueAt.utc)).slice(0, q.limit);
}
