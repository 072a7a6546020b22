// Moves an order along the status machine (order-status.ts): refuses a transition its status does
// not allow with 409 INVALID_STATE (naming the current status), else sets the new status and
// appends the history entry. Partner actions and company actions both go through here.

import { lansmartError } from './errors';
import type { Order } from './order';
import { nextOrderStatus, ORDER_STATUS_LABELS, ORDER_TRANSITIONS, type OrderStatus, type OrderTransition } from './order-status';

/** The status the transition leads to; throws 409 INVALID_STATE when the order's status does not allow it. */
export function assertTransitionAllowed(order: Order, transition: OrderTransition): OrderStatus {
  const next = nextOrderStatus(order.status, transition);
  if (next === undefined) {
    throw lansmartError(409, 'INVALID_STATE', `発注書の状態が「${ORDER_STATUS_LABELS[order.status]}」のため、この操作（${transition}）はできません`, {
      status: order.status,
    });
  }
  return next;
}

export function applyTransition(order: Order, transition: OrderTransition, ids: { actionId?: string; eventId?: string } = {}, at = new Date().toISOString()): void {
  const next = assertTransitionAllowed(order, transition);
  order.status = next;
  order.updatedAt = at;
  order.history.push({ at, transition, by: ORDER_TRANSITIONS[transition].by, status: next, ...ids });
}
