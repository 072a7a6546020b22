// The invoice pages (docs/flows/lansmart-line.md): the items and 立替経費 rows with [確認する] at the top, the
// confirmation with subtotals and total → [送信], the 請求月 → [送信する], and 「請求書を送信しました」.
// After a remand the same form opens with the reason and the invoice sent before. The form leads
// to 報告書のアップロード and says when it shows a kept draft; the confirmation shows the 基本情報
// the invoice is issued with and leads to 基本情報の修正.
import type { InvoiceLine } from '../../../common/orders/types';
import type { OrderView } from '../../../common/orders/order-view';
import type { PartnerBasicInfo } from '../../../providers/lansmart/platform-client';
import { html, type SafeHtml } from '../../pages/html';
import type { PageContext } from '../../pages/locale';
import type { FieldErrors, InvoiceDraft } from '../form-schemas';
import type { FormToken } from '../../web/csrf';
import { orderPaths } from '../partner-order';
import { COMMON_TEXT } from './common-catalogue';
import { INVOICE_TEXT } from './invoice-catalogue';
import { donePage, errorSummary, field, hiddenToken, partnerPage } from './partner-layout';

export interface RowValues {
  name: string;
  amount: string;
}

export interface InvoiceForm {
  items: RowValues[];
  expenses: RowValues[];
  errors: FieldErrors;
  alert?: string;
  /** The rows come from the draft kept on the server. */
  restored?: boolean;
}

const sum = (lines: InvoiceLine[]): number => lines.reduce((s, l) => s + l.amountYen, 0);

function orderLine(ctx: PageContext, state: OrderView): SafeHtml {
  const t = INVOICE_TEXT[ctx.locale];
  return html`<p class="muted">${t.order}: ${state.details.orderNumber} ${state.details.title}</p>`;
}

function remandBanner(ctx: PageContext, state: OrderView): SafeHtml {
  if (state.status !== 'remanded') return html``;
  const t = INVOICE_TEXT[ctx.locale];
  const last = state.remands[state.remands.length - 1];
  return html`<section class="alert" data-remanded><strong>${t.remanded}</strong><br>${last ? html`<span data-remand-reason>${t.remandReason(last.reason)}</span><br>` : ''}${t.resubmitLead}</section>`;
}

function rows(ctx: PageContext, errors: FieldErrors, kind: 'item' | 'expense', values: RowValues[]): SafeHtml {
  const t = INVOICE_TEXT[ctx.locale];
  const key = kind === 'item' ? 'items' : 'expenses';
  return html`${values.map(
    (r, i) => html`<div class="row" data-row="${key}.${String(i)}">
${field(ctx, errors, { name: `${kind}Name`, errorKey: `${key}.${i}.name`, label: kind === 'item' ? t.itemName : t.expenseName, value: r.name })}
${field(ctx, errors, { name: `${kind}Amount`, errorKey: `${key}.${i}.amountYen`, label: t.amount, value: r.amount, inputmode: 'numeric' })}
</div>`,
  )}`;
}

export function invoiceFormPage(ctx: PageContext, state: OrderView, token: FormToken, form: InvoiceForm): string {
  const t = INVOICE_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.title,
    html`<h1 data-step="invoice">${t.title}</h1>
${orderLine(ctx, state)}
${remandBanner(ctx, state)}
${errorSummary(ctx, form.errors, form.alert)}
${form.restored ? html`<p class="info" data-draft-restored>${t.draftRestored}</p>` : ''}
<form method="post" action="${orderPaths(state.orderId).invoice}" novalidate>${hiddenToken(token)}
<button class="btn primary" type="submit" name="op" value="confirm">${t.confirm}</button>
<p>${t.lead}</p>
<p class="muted">${t.uploadNote}</p>
<section class="card"><h2>${t.itemsTitle}</h2>
${rows(ctx, form.errors, 'item', form.items)}
<button class="btn secondary" type="submit" name="op" value="add_item">${t.addItem}</button>
</section>
<section class="card"><h2>${t.expensesTitle}</h2>
<p class="muted">${t.expensesNote}</p>
${rows(ctx, form.errors, 'expense', form.expenses)}
<button class="btn secondary" type="submit" name="op" value="add_expense">${t.addExpense}</button>
</section>
<button class="btn secondary" type="submit" name="op" value="upload">${t.uploadReport}</button>
</form>`,
  );
}

function linesTable(ctx: PageContext, draft: InvoiceDraft): SafeHtml {
  const t = INVOICE_TEXT[ctx.locale];
  const c = COMMON_TEXT[ctx.locale];
  const lines = (ls: InvoiceLine[], kind: string) =>
    ls.map((l) => html`<tr data-line="${kind}"><td>${l.name}</td><td class="num">${c.yen(l.amountYen)}</td></tr>`);
  return html`<section class="card"><h2>${t.itemsTitle}</h2><table><tbody>
${lines(draft.items, 'item')}
<tr class="total"><td>${t.itemsTotal}</td><td class="num" data-items-total>${c.yen(sum(draft.items))}</td></tr>
</tbody></table></section>
<section class="card"><h2>${t.expensesTitle}</h2><table><tbody>
${draft.expenses.length ? lines(draft.expenses, 'expense') : html`<tr><td colspan="2" class="muted">${t.none}</td></tr>`}
<tr class="total"><td>${t.expensesTotal}</td><td class="num" data-expenses-total>${c.yen(sum(draft.expenses))}</td></tr>
</tbody></table></section>
<section class="card"><table><tbody><tr class="total"><td>${t.total}</td><td class="num" data-total>${c.yen(sum(draft.items) + sum(draft.expenses))}</td></tr></tbody></table></section>`;
}

const carried = (token: FormToken, draft: InvoiceDraft): SafeHtml => html`${hiddenToken(token)}<input type="hidden" name="draft" value="${JSON.stringify(draft)}">`;

/** 請求元: the 基本情報 the platform issues the invoice with. */
function issuerCard(ctx: PageContext, issuer: PartnerBasicInfo | null): SafeHtml {
  const t = INVOICE_TEXT[ctx.locale];
  if (!issuer) return html``;
  return html`<section class="card" data-issuer><h2>${t.issuer}</h2>
<p><span data-issuer-name>${issuer.name}</span><br>〒<span data-issuer-postal>${issuer.postalCode}</span> <span data-issuer-address>${issuer.address}</span><br><span data-issuer-phone>${issuer.phone}</span></p>
<p class="muted">${t.basicInfoNote}</p>
<button class="btn secondary" type="submit" name="op" value="basic_info">${t.editBasicInfo}</button>
</section>`;
}

export function invoiceConfirmPage(ctx: PageContext, state: OrderView, token: FormToken, draft: InvoiceDraft, issuer: PartnerBasicInfo | null = null): string {
  const t = INVOICE_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.confirmTitle,
    html`<h1 data-step="invoice-confirm">${t.confirmTitle}</h1>
${orderLine(ctx, state)}
<p>${t.confirmLead}</p>
<form method="post" action="${orderPaths(state.orderId).invoice}">${carried(token, draft)}
${linesTable(ctx, draft)}
${issuerCard(ctx, issuer)}
<button class="btn primary" type="submit" name="op" value="send">${t.send}</button>
<button class="btn secondary" type="submit" name="op" value="edit">${t.edit}</button>
</form>`,
  );
}

export function invoiceMonthPage(ctx: PageContext, state: OrderView, token: FormToken, draft: InvoiceDraft, month: string, errors: FieldErrors): string {
  const t = INVOICE_TEXT[ctx.locale];
  const c = COMMON_TEXT[ctx.locale];
  return partnerPage(
    ctx,
    t.monthTitle,
    html`<h1 data-step="invoice-month">${t.monthTitle}</h1>
${orderLine(ctx, state)}
<p>${t.monthLead}</p>
${errorSummary(ctx, errors)}
<form method="post" action="${orderPaths(state.orderId).invoice}" class="card" novalidate>${carried(token, draft)}
${field(ctx, errors, { name: 'billingMonth', label: t.billingMonth, type: 'month', value: month })}
<p>${t.total}: <strong data-total>${c.yen(sum(draft.items) + sum(draft.expenses))}</strong></p>
<button class="btn primary" type="submit" name="op" value="submit">${t.sendNow}</button>
<button class="btn secondary" type="submit" name="op" value="edit">${t.edit}</button>
</form>`,
  );
}

export function invoiceSentPage(ctx: PageContext, draft: InvoiceDraft, month: string): string {
  const t = INVOICE_TEXT[ctx.locale];
  const c = COMMON_TEXT[ctx.locale];
  return donePage(ctx, t.sent, [t.sentSummary(month, c.yen(sum(draft.items) + sum(draft.expenses))), t.sentNext], [{ href: '/partner', label: c.home }]);
}

/** An invoice already sent (waiting for the company, or paid): as it was sent. */
export function invoiceSentView(ctx: PageContext, state: OrderView): string {
  const t = INVOICE_TEXT[ctx.locale];
  const inv = state.invoice;
  const notice = state.status === 'payment_notice_issued' || state.status === 'closed';
  return partnerPage(
    ctx,
    t.sentInvoice,
    html`<h1 data-step="invoice-sent">${t.sentInvoice}</h1>
${orderLine(ctx, state)}
<p class="info">${t.alreadySent}</p>
${inv ? html`<p>${t.billingMonth}: <strong data-billing-month>${inv.billingMonth}</strong></p>${linesTable(ctx, { items: inv.items, expenses: inv.expenses })}` : ''}
${notice ? html`<a class="btn primary" href="${orderPaths(state.orderId).paymentNotice}">${t.openPaymentNotice}</a>` : ''}
<a class="btn secondary" href="/partner">${COMMON_TEXT[ctx.locale].home}</a>`,
  );
}
