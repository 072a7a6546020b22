// The partner pages' reads of the orders read model (models/order-view.ts): one order by `_id`
// (the order pages) and a partner's orders newest first, a page at a time with an opaque `before`
// cursor of creation time and ID (the order list on /partner) — each one query, on `_id` or the
// partner + creation-time index (docs/design.md §4).
import { z } from 'zod';
import type { OrderView } from '../../common/orders/order-view';
import { OrderView as OrderViewModel } from '../../models/order-view';

/** A stored view, or undefined for an unknown order or a document written before views were whole. */
export async function readOrderView(orderId: string): Promise<OrderView | undefined> {
  const doc = await OrderViewModel.findById(orderId, { view: 1 }).lean();
  const view = doc?.view as OrderView | undefined;
  return view && typeof view.version === 'number' ? view : undefined;
}

interface Cursor {
  orderedAt: Date;
  id: string;
}

/** `{epoch ms}.{order ID}`: the last order of a page; the next page starts after it. */
export const orderCursorParam = z
  .string()
  .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/)
  .transform((s): Cursor => {
    const dot = s.indexOf('.');
    return { orderedAt: new Date(Number(s.slice(0, dot))), id: s.slice(dot + 1) };
  });

export interface OrderListPage {
  items: OrderView[];
  /** The cursor of the next (older) page, when there is one. */
  nextBefore: string | null;
}

export async function listOrderViews(partner: { partnerId: string; companyId: string }, page: { limit: number; before?: Cursor | undefined }): Promise<OrderListPage> {
  const b = page.before;
  const scope = { partnerId: partner.partnerId, companyId: partner.companyId, version: { $exists: true } };
  const filter = b ? { ...scope, $or: [{ orderedAt: { $lt: b.orderedAt } }, { orderedAt: b.orderedAt, _id: { $lt: b.id } }] } : scope;
  const docs = await OrderViewModel.find(filter, { view: 1, orderedAt: 1 }).sort({ orderedAt: -1, _id: -1 }).limit(page.limit + 1).lean();
  const items = docs.slice(0, page.limit).map((d) => d.view as OrderView);
  const last = docs.length > page.limit ? docs[page.limit - 1] : undefined;
  return { items, nextBefore: last?.orderedAt ? `${last.orderedAt.getTime()}.${last._id}` : null };
}
