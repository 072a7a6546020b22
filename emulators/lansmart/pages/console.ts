// The company console (`GET /company/orders`): for people walking the demo, the company's side of
// every order — 「発注書を作成」 and, per order and only when its status allows, 「業務報告を作成」,
// 「請求書を差し戻す」 (reason), 「支払通知書を作成」 (approval due date), 期日超過承認 and 取消; and the
// partner's 報告書 files, each a download.

import type { Response } from 'express';
import { html, type Html } from '../../../api/pages/html';
import type { Order } from '../order';
import type { ReportFileView } from '../report-file';
import { nextOrderStatus, ORDER_STATUS_LABELS, type OrderTransition } from '../order-status';
import { FIELD_STYLE, sendLansmartPage } from './layout';

export interface ConsolePartnerOption {
  partnerId: string;
  label: string;
}

export interface ConsoleOrderRow {
  order: Order;
  partnerLabel: string;
  files: ReportFileView[];
}

export interface ConsolePageModel {
  orders: ConsoleOrderRow[];
  partners: ConsolePartnerOption[];
  /** Defaults of the forms (YYYY-MM-DD). */
  defaults: { from: string; to: string; closingDate: string; approvalDueDate: string };
  notice?: string;
  error?: string;
}

const yen = (amount: number): string => `${amount.toLocaleString('ja-JP')}円`;
const allows = (order: Order, transition: OrderTransition): boolean => nextOrderStatus(order.status, transition) !== undefined;

function field(label: string, control: Html): Html {
  return html`<label>${label}<br>${control}</label>`;
}

function createOrderForm(model: ConsolePageModel): Html {
  if (model.partners.length === 0) return html`<p class="muted">パートナーが登録されていません。</p>`;
  return html`<form method="post" action="/company/orders">
${field('パートナー', html`<select name="partnerId" style="${FIELD_STYLE}">${model.partners.map((partner) => html`<option value="${partner.partnerId}">${partner.label}</option>`)}</select>`)}
${field('件名', html`<input type="text" name="title" required maxlength="200">`)}
${field('金額（円）', html`<input type="number" name="amountYen" required min="1" step="1" inputmode="numeric" style="${FIELD_STYLE}">`)}
${field('稼動期間（開始）', html`<input type="date" name="from" required value="${model.defaults.from}" style="${FIELD_STYLE}">`)}
${field('稼動期間（終了）', html`<input type="date" name="to" required value="${model.defaults.to}" style="${FIELD_STYLE}">`)}
${field('締め日', html`<input type="date" name="closingDate" required value="${model.defaults.closingDate}" style="${FIELD_STYLE}">`)}
<button type="submit" class="primary">発注書を作成</button>
</form>`;
}

function orderActions(order: Order, model: ConsolePageModel): Html {
  const base = `/company/orders/${encodeURIComponent(order.orderId)}`;
  return html`
${allows(order, 'work_report.create') ? html`<form method="post" action="${base}/work-report"><button type="submit" class="primary">業務報告を作成</button></form>` : null}
${
  allows(order, 'invoice.remand')
    ? html`<form method="post" action="${base}/remand">
${field('差し戻し理由', html`<textarea name="reason" required maxlength="1000" rows="2" style="${FIELD_STYLE}"></textarea>`)}
<button type="submit" class="danger">請求書を差し戻す</button>
</form>`
    : null
}
${
  allows(order, 'payment_notice.issue')
    ? html`<form method="post" action="${base}/payment-notice">
${field('承認期日', html`<input type="date" name="approvalDueDate" required value="${model.defaults.approvalDueDate}" style="${FIELD_STYLE}">`)}
<button type="submit" class="primary">支払通知書を作成</button>
</form>`
    : null
}
${allows(order, 'payment_notice.overdue_approve') ? html`<form method="post" action="${base}/overdue-approval"><button type="submit">期日超過承認</button></form>` : null}
${allows(order, 'order.cancel') ? html`<form method="post" action="${base}/cancel"><button type="submit">発注を取り消す</button></form>` : null}`;
}

function reportFiles(row: ConsoleOrderRow): Html | null {
  if (row.files.length === 0) return null;
  const base = `/company/orders/${encodeURIComponent(row.order.orderId)}/report-files`;
  return html`<dt>報告書</dt><dd>${row.files.map(
    (file) => html`<a data-report-file="${file.fileId}" href="${base}/${encodeURIComponent(file.fileId)}" download>${file.fileName}</a>（${file.contentType}・${Math.ceil(file.size / 1024)}KB）<br>`,
  )}</dd>`;
}

function orderCard(row: ConsoleOrderRow, model: ConsolePageModel): Html {
  const { order } = row;
  return html`<section class="card" data-order-id="${order.orderId}">
<h2>${order.orderNumber} ${order.title}</h2>
<p><strong data-status="${order.status}">${ORDER_STATUS_LABELS[order.status]}</strong></p>
<dl>
<dt>パートナー</dt><dd>${row.partnerLabel}</dd>
<dt>金額</dt><dd>${yen(order.amountYen)}</dd>
<dt>稼動期間</dt><dd>${order.workPeriod.from} 〜 ${order.workPeriod.to}（締め日 ${order.closingDate}）</dd>
${order.workEntries.length > 0 ? html`<dt>稼動</dt><dd>${order.workEntries.map((entry) => html`${entry.date} ${entry.hours}時間 ${entry.description}<br>`)}</dd>` : null}
${
  order.invoice === null
    ? null
    : html`<dt>請求書（${order.invoice.billingMonth}分・第${order.invoice.revision}版）</dt><dd>${order.invoice.items.map((item) => html`${item.name} ${yen(item.amountYen)}<br>`)}${order.invoice.expenses.map((expense) => html`立替経費: ${expense.name} ${yen(expense.amountYen)}<br>`)}合計 ${yen(order.invoice.totalYen)}${order.invoice.issuer === null ? null : html`<br><span data-invoice-issuer>請求元: ${order.invoice.issuer.name} 〒${order.invoice.issuer.postalCode} ${order.invoice.issuer.address}</span>`}</dd>`
}
${reportFiles(row)}
${order.paymentNotice === null ? null : html`<dt>支払通知書</dt><dd>${yen(order.paymentNotice.amountYen)}（承認期日 ${order.paymentNotice.approvalDueDate}）</dd>`}
${order.cancellation === null ? null : html`<dt>取消理由</dt><dd>${order.cancellation.reason}</dd>`}
</dl>
<div>${orderActions(order, model)}</div>
</section>`;
}

export function sendCompanyConsolePage(res: Response, status: number, model: ConsolePageModel): void {
  sendLansmartPage(
    res,
    status,
    '発注一覧',
    html`${model.notice === undefined ? null : html`<p class="notice" role="status">${model.notice}</p>`}
${model.error === undefined ? null : html`<p class="error" role="alert">${model.error}</p>`}
<section class="card">
<h1>発注書を作成</h1>
${createOrderForm(model)}
</section>
<h1>発注一覧</h1>
${model.orders.length === 0 ? html`<p class="muted">発注書はまだありません。</p>` : [...model.orders].reverse().map((row) => orderCard(row, model))}`,
  );
}
