// Builds a realistic product event from a partial one: a UUID id, a type, title and URL that fit
// the product, freee-like numeric IDs and occurred_at in JST ISO-8601.

import { randomInt, randomUUID } from 'node:crypto';
import { jstIso } from './event-factory';
import type { FreeeProduct, FreeeProductEvent } from './product-event';

const DEFAULTS: Record<FreeeProduct, { type: string; title: string; url: string }> = {
  hr: { type: 'approval_request.approved', title: '勤怠の申請が承認されました', url: 'https://p.secure.freee.co.jp/approval_requests' },
  sales: { type: 'quotation.approved', title: '見積書が承認されました', url: 'https://sm.secure.freee.co.jp/quotations' },
  invoice: { type: 'invoice.approval_requested', title: '請求書の承認依頼が届きました', url: 'https://invoice.secure.freee.co.jp/invoices' },
  payment: { type: 'transfer.completed', title: '振込が完了しました', url: 'https://payment.secure.freee.co.jp/transfers' },
  pm: { type: 'timesheet.reminder', title: '工数の入力期限が近づいています', url: 'https://pm.secure.freee.co.jp/timesheets' },
  card: { type: 'card_transaction.created', title: 'freeeカード Unlimitedが利用されました', url: 'https://card.secure.freee.co.jp/transactions' },
};

export type ProductEventInput = Partial<FreeeProductEvent>;

export function productEvent(input: ProductEventInput = {}): FreeeProductEvent {
  const product = input.product ?? 'hr';
  const defaults = DEFAULTS[product];
  return {
    id: input.id ?? randomUUID(),
    product,
    type: input.type ?? defaults.type,
    company_id: input.company_id ?? randomInt(1_000_000, 9_999_999),
    user_ids: input.user_ids ?? [randomInt(1_000_000, 9_999_999)],
    title: input.title ?? defaults.title,
    url: input.url ?? defaults.url,
    occurred_at: input.occurred_at ?? jstIso(),
  };
}
