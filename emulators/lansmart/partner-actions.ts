// Applies one partner action to an order — the platform's side of what the partner did in renkei:
// 発注書の承認, 稼動登録, 請求書の送信 (again after a remand: a new revision of the same invoice),
// 支払通知書の承認 (by the partner, or renkei's 期日超過承認 on their behalf). Refuses another
// partner's order (403) and a state that does not allow the action (409 INVALID_STATE); optionally
// (seed flag) refuses approval before 基本情報 and 口座情報.

import { lansmartError } from './errors';
import { newLansmartId } from './ids';
import type { InvoiceLine, Order } from './order';
import { applyTransition, assertTransitionAllowed } from './order-transition';
import type { PartnerAction } from './partner-action-schema';
import type { LansmartState } from './state';

const sum = (lines: InvoiceLine[]): number => lines.reduce((total, line) => total + line.amountYen, 0);

export function applyPartnerAction(state: LansmartState, order: Order, action: PartnerAction, actionId: string): void {
  if (action.partnerId !== order.partnerId) throw lansmartError(403, 'FORBIDDEN', 'この発注書のパートナーではありません');
  assertTransitionAllowed(order, action.type);
  const at = new Date().toISOString();

  switch (action.type) {
    case 'order.approve': {
      const partner = state.partners.get(order.partnerId);
      const missing = [partner?.basicInfo == null ? 'basicInfo' : undefined, partner?.bankAccount == null ? 'bankAccount' : undefined].filter(
        (field): field is string => field !== undefined,
      );
      if (state.config.requirePartnerInfoForApproval && missing.length > 0) {
        throw lansmartError(409, 'PARTNER_INFO_REQUIRED', '基本情報と口座情報を登録してから承認してください', { missing });
      }
      break;
    }
    case 'work.register':
      order.workEntries = action.payload.entries.map((entry) => ({ ...entry }));
      break;
    case 'invoice.submit': {
      const { billingMonth, items, expenses } = action.payload;
      const previous = order.invoice;
      order.invoice = {
        invoiceId: previous?.invoiceId ?? newLansmartId('inv'),
        billingMonth,
        items: items.map((item) => ({ ...item })),
        expenses: expenses.map((expense) => ({ ...expense })),
        itemsYen: sum(items),
        expensesYen: sum(expenses),
        totalYen: sum(items) + sum(expenses),
        revision: (previous?.revision ?? 0) + 1,
        submittedAt: at,
        remands: previous?.remands ?? [],
        issuer: state.partners.get(order.partnerId)?.basicInfo ?? null,
      };
      break;
    }
    case 'payment_notice.approve':
      if (order.paymentNotice !== null) {
        order.paymentNotice.approvedAt = at;
        order.paymentNotice.approvedBy = action.payload.onBehalfOfPartner === true ? 'overdue' : 'partner';
      }
      break;
  }
  applyTransition(order, action.type, { actionId }, at);
}
