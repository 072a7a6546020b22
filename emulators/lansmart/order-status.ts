// The platform's order status machine (its truth, which renkei mirrors): which transition moves an
// order from which statuses to which one, and who makes it. Pure so the control client and renkei's
// tests can share it.

export const ORDER_STATUSES = [
  'ordered',
  'approved',
  'reporting',
  'work_registered',
  'invoiced',
  'remanded',
  'payment_notice_issued',
  'payment_approved',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['payment_approved', 'cancelled'];

const NON_TERMINAL: readonly OrderStatus[] = ORDER_STATUSES.filter((status) => !TERMINAL_STATUSES.includes(status));

export type OrderActor = 'company' | 'partner' | 'platform';

export const ORDER_TRANSITIONS = {
  /** Partner: 発注書を承認する. */
  'order.approve': { from: ['ordered'], to: 'approved', by: 'partner' },
  /** Company: 業務報告を作成. */
  'work_report.create': { from: ['approved'], to: 'reporting', by: 'company' },
  /** Partner: 稼動を登録する. */
  'work.register': { from: ['reporting'], to: 'work_registered', by: 'partner' },
  /** Partner: 請求書を送信 (first time, or again after a remand). */
  'invoice.submit': { from: ['work_registered', 'remanded'], to: 'invoiced', by: 'partner' },
  /** Company: 請求書を差し戻す. */
  'invoice.remand': { from: ['invoiced'], to: 'remanded', by: 'company' },
  /** Company: 支払通知書を作成. */
  'payment_notice.issue': { from: ['invoiced'], to: 'payment_notice_issued', by: 'company' },
  /** Partner: 支払通知書を承認. */
  'payment_notice.approve': { from: ['payment_notice_issued'], to: 'payment_approved', by: 'partner' },
  /** Platform: 期日超過承認 (the due date passed without the partner's approval). */
  'payment_notice.overdue_approve': { from: ['payment_notice_issued'], to: 'payment_approved', by: 'platform' },
  /** Company: 発注の取消. */
  'order.cancel': { from: NON_TERMINAL, to: 'cancelled', by: 'company' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus; by: OrderActor }>;

export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

/** The status after the transition, or undefined when the current status does not allow it. */
export function nextOrderStatus(status: OrderStatus, transition: OrderTransition): OrderStatus | undefined {
  const rule: { from: readonly OrderStatus[]; to: OrderStatus } = ORDER_TRANSITIONS[transition];
  return rule.from.includes(status) ? rule.to : undefined;
}

/** Japanese labels for pages. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  ordered: '発注済み（承認待ち）',
  approved: '承認済み',
  reporting: '業務報告作成済み（稼動登録待ち）',
  work_registered: '稼動登録済み（請求書作成待ち）',
  invoiced: '請求書提出済み',
  remanded: '請求書差し戻し中',
  payment_notice_issued: '支払通知書発行済み（承認待ち）',
  payment_approved: '支払通知書承認済み',
  cancelled: '取消',
};
