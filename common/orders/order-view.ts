// What the partner's pages show of an order, as the order workflow writes it to the read model
// (`order_views`) after every change: the order's own facts without the bookkeeping the pages never
// read (notifications, applied IDs, LINE reply errors, past reminders), so the document stays small
// (docs/design.md §4). `version` grows with every write, so an older write never replaces a newer
// one and a page can ask for at least the version a step answered with (read-your-writes).
import { AWAITING_INVOICE } from './transitions';
import { nextReminderAt } from './reminders';
import type { OrderState, OrderStatusName } from './types';

/** How many remands the view keeps (the pages show the last one). */
const REMANDS_KEPT = 3;

export type OrderView = Omit<OrderState, 'notifications' | 'appliedEventIds' | 'appliedActionIds' | 'lineReplyErrors' | 'viewVersion'> & {
  version: number;
  /** The next 「請求書を作成してください」 while the order waits for its invoice (ISO instant). */
  nextReminderAt?: string;
};

/** The statuses in which the order waits for a step of the partner (the order list marks them). */
const PARTNER_TURN: readonly OrderStatusName[] = ['ordered', 'reporting', 'work_registered', 'remanded', 'payment_notice_issued'];

/**
 * What the order workflow hands to the save of its read model: the view, and the order's
 * notification keys so the save marks the in-app notifications whose step is done by their `_id`.
 */
export interface OrderViewSave {
  view: OrderView;
  notifications: { key: string; kind: string }[];
}

export const waitsForPartner = (status: OrderStatusName): boolean => PARTNER_TURN.includes(status);

export function orderViewOf(state: OrderState, version: number): OrderView {
  const { notifications: _n, appliedEventIds: _e, appliedActionIds: _a, lineReplyErrors: _l, viewVersion: _v, ...facts } = state;
  const next = AWAITING_INVOICE.includes(state.status) ? nextReminderAt(state.reminders) : undefined;
  return {
    ...facts,
    remands: state.remands.slice(-REMANDS_KEPT),
    reminders: state.reminders.filter((r) => r.status === 'scheduled'),
    version,
    ...(next !== undefined ? { nextReminderAt: new Date(next).toISOString() } : {}),
  };
}
