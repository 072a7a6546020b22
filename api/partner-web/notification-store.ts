// The partner's in-app notifications as the home page and the API read them: one page newest
// first (bounded by `limit`, continued with an opaque `before` cursor of creation time and ID, on
// the partner + creation-time index), the unread count (what still waits for the partner: not
// opened and its step not done), and marking one read — every query scoped
// to the signed-in partner, so another partner's notification is simply not found.
import { z } from 'zod';
import { InAppNotification } from '../../models/inapp-notification';

export interface PartnerNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  path: string;
  orderId: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** When the step it asks for was done (then it no longer waits for the partner). */
  doneAt: Date | null;
}

export interface NotificationPage {
  unread: number;
  items: PartnerNotification[];
  /** The cursor of the next (older) page, when there is one. */
  nextBefore: string | null;
}

export const notificationIdParam = z.string().regex(/^[A-Za-z0-9_:.@-]{1,300}$/);

interface Cursor {
  createdAt: Date;
  id: string;
}

/** `{epoch ms}.{id}`: the last item of a page; the next page starts after it. */
export const cursorParam = z
  .string()
  .regex(/^\d{1,15}\.[A-Za-z0-9_:.@-]{1,300}$/)
  .transform((s): Cursor => {
    const dot = s.indexOf('.');
    return { createdAt: new Date(Number(s.slice(0, dot))), id: s.slice(dot + 1) };
  });

const cursorOf = (n: PartnerNotification): string => `${n.createdAt.getTime()}.${n.id}`;

/** Unread means waiting for the partner: neither opened nor done (common/orders/notification-steps.ts). */
const unreadFilter = (partnerId: string) => ({ partnerId, readAt: { $exists: false }, doneAt: { $exists: false } });

export function countUnread(partnerId: string): Promise<number> {
  return InAppNotification.countDocuments(unreadFilter(partnerId));
}

export async function listNotifications(partnerId: string, page: { limit: number; before?: Cursor | undefined }): Promise<NotificationPage> {
  const b = page.before;
  const filter = b ? { partnerId, $or: [{ createdAt: { $lt: b.createdAt } }, { createdAt: b.createdAt, _id: { $lt: b.id } }] } : { partnerId };
  const [docs, unread] = await Promise.all([
    InAppNotification.find(filter).sort({ createdAt: -1, _id: -1 }).limit(page.limit + 1).lean(),
    countUnread(partnerId),
  ]);
  const items = docs.slice(0, page.limit).map(
    (d): PartnerNotification => ({
      id: d._id,
      kind: d.kind,
      title: d.title,
      body: d.body,
      path: d.path,
      orderId: d.orderId ?? null,
      createdAt: d.createdAt,
      readAt: d.readAt ?? null,
      doneAt: d.doneAt ?? null,
    }),
  );
  const last = items[items.length - 1];
  return { unread, items, nextBefore: docs.length > page.limit && last ? cursorOf(last) : null };
}

/**
 * Marks the partner's notification read (the first time only) and answers its path, or undefined
 * when the partner has no such notification. A find then a conditional update, not one
 * findOneAndUpdate with a projection: the embedded FerretDB 1.24 answers findAndModify's `fields`
 * with "not implemented yet".
 */
export async function markRead(partnerId: string, id: string): Promise<{ path: string; readAt: Date } | undefined> {
  const found = await InAppNotification.findOne({ _id: id, partnerId }, { path: 1, readAt: 1 }).lean();
  if (!found) return undefined;
  if (found.readAt) return { path: found.path, readAt: found.readAt };
  const now = new Date();
  const { matchedCount } = await InAppNotification.updateOne({ _id: id, partnerId, readAt: { $exists: false } }, { $set: { readAt: now } });
  if (matchedCount === 1) return { path: found.path, readAt: now };
  // Read meanwhile (another tab): the first read time stays.
  const again = await InAppNotification.findOne({ _id: id, partnerId }, { readAt: 1 }).lean();
  return { path: found.path, readAt: again?.readAt ?? now };
}
